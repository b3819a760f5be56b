/**
 * The result of a dossier on the dossiers subgraph over HTTP: a signing official issues the
 * electronic result while it is processed (checked like every file, stored with its checksum and
 * issuer), the result stage makes it DONE, and the return step makes it RETURNED — the whole path
 * from submission, with every refusal leaving nothing written.
 */
import { createHash } from 'node:crypto';
import { DEMO_CITIZEN_ID } from '../../adapters/population-db';
import { completeReturnStep, issueResult, type WorkflowServices } from '../../subgraphs/dossiers/workflow';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import type { Database } from '../../subgraphs/shared/storage/database';
import { startWorkflowFixture, type WorkflowFixture } from '../support/workflow-fixture';
import { callSubgraph } from '../support/subgraph-client';

const AGENCY = '000.01.41.H26';
const official = (name: string, roles: string[], agencyCode = AGENCY): Principal => ({
  id: `official:${name}`,
  role: 'OFFICIAL',
  agencyCode,
  workflowRoles: roles,
  name: `Cán bộ ${name}`,
});
const reception = official('reception', ['RECEPTION', 'RESULT_RETURN']);
const specialist = official('specialist', ['SPECIALIST']);
const leader = official('leader', ['LEADER']);
const chairman = official('chairman', ['AGENCY_LEADER']);
const clerkElsewhere = official('clerk-elsewhere', ['CLERK'], '000.02.41.H26');
const citizen: Principal = { id: `citizen:${DEMO_CITIZEN_ID}`, role: 'CITIZEN', personalId: DEMO_CITIZEN_ID };

const PDF = Buffer.from('%PDF-1.7\n% Giấy khai sinh (bản chính)\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const resultInput = (file: Partial<{ fileName: string; contentType: string; contentBase64: string }> = {}, extra: object = {}) => ({
  documentNumber: '125/GKS-UBND',
  title: 'Giấy khai sinh cho Nguyễn Văn Bình',
  file: { fileName: 'giay-khai-sinh.pdf', contentType: 'application/pdf', contentBase64: PDF.toString('base64'), ...file },
  ...extra,
});

const DOSSIER = `code status version currentStep { key role } steps { key outcome }
  history { toStatus note } result { documentNumber title fileName contentType sizeBytes sha256 issuedBy issuedByName issuedAt contentBase64 }`;
const V = '$c: String!, $v: Int!';
const M = {
  accept: `mutation(${V}) { acceptDossier(code: $c, expectedVersion: $v) { ${DOSSIER} } }`,
  complete: `mutation(${V}) { completeStep(code: $c, expectedVersion: $v) { ${DOSSIER} } }`,
  issue: `mutation(${V}, $i: IssueResultInput!) { issueResult(code: $c, expectedVersion: $v, input: $i) { ${DOSSIER} } }`,
  ret: `mutation(${V}) { returnResult(code: $c, expectedVersion: $v, note: "Trả tại bộ phận một cửa") { ${DOSSIER} } }`,
  dossier: `query($c: String!) { dossier(code: $c) { ${DOSSIER} } }`,
};

let fx: WorkflowFixture;
let db: Database;
let url: string;
let services: WorkflowServices;
let call: WorkflowFixture['call'];
let submitBirth: WorkflowFixture['submitBirth'];

beforeAll(async () => {
  fx = await startWorkflowFixture();
  ({ db, url, services, call, submitBirth } = fx);
});

afterAll(async () => {
  await fx?.stop();
});

const codeOf = (p: Promise<unknown>) => p.then(() => 'OK', (e) => (e.extensions?.code ?? e.code) as string);

/** A dossier at the leader's approval step (PROCESSING). */
async function processedBirth(): Promise<any> {
  const { code, version } = await submitBirth();
  const accepted = await call(M.accept, { c: code, v: version }, reception);
  return call(M.complete, { c: code, v: accepted.version }, specialist);
}

async function snapshot(code: string) {
  const p = db.prisma;
  const [dossier, history, steps, outbox, results] = await Promise.all([
    p.dossier.findUniqueOrThrow({ where: { code } }),
    p.dossierStatusChange.count(),
    p.dossierStep.findMany({ orderBy: { id: 'asc' } }),
    p.outboxEvent.count(),
    p.dossierResult.findMany({ omit: { content: true } }),
  ]);
  return JSON.stringify({ dossier, history, steps, outbox, results }, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
}

describe('the result of a dossier', () => {
  it('goes from submission to RETURNED: accept, steps, issued result, DONE, returned', async () => {
    const d = await processedBirth();
    expect(d).toMatchObject({ status: 'PROCESSING', currentStep: { key: 'phe_duyet' }, result: null });

    const issued = await call(M.issue, { c: d.code, v: d.version, i: resultInput() }, chairman);
    expect(issued).toMatchObject({ status: 'PROCESSING', version: d.version + 1, currentStep: { key: 'phe_duyet' } });
    expect(issued.result).toEqual({
      documentNumber: '125/GKS-UBND',
      title: 'Giấy khai sinh cho Nguyễn Văn Bình',
      fileName: 'giay-khai-sinh.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
      issuedBy: 'official:chairman',
      issuedByName: 'Cán bộ chairman',
      issuedAt: expect.any(String),
      contentBase64: PDF.toString('base64'),
    });
    expect(issued.history.at(-1).note).toBe('Ban hành kết quả 125/GKS-UBND: Giấy khai sinh cho Nguyễn Văn Bình');
    const forApplicant = await call(M.dossier, { c: d.code }, citizen);
    expect(Buffer.from(forApplicant.result.contentBase64, 'base64')).toEqual(PDF);

    const done = await call(M.complete, { c: d.code, v: issued.version }, leader);
    expect(done).toMatchObject({ status: 'DONE', currentStep: { key: 'tra_ket_qua', role: 'RESULT_RETURN' } });
    expect((await db.prisma.dossier.findUniqueOrThrow({ where: { code: d.code } })).completedAt).not.toBeNull();

    expect(await codeOf(call(M.ret, { c: d.code, v: done.version }, specialist))).toBe('FORBIDDEN');
    const returned = await call(M.ret, { c: d.code, v: done.version }, reception);
    expect(returned).toMatchObject({ status: 'RETURNED', currentStep: null });
    expect(returned.steps.map((s: any) => [s.key, s.outcome])).toEqual([
      ['tiep_nhan', 'COMPLETED'],
      ['tham_dinh', 'COMPLETED'],
      ['phe_duyet', 'COMPLETED'],
      ['tra_ket_qua', 'COMPLETED'],
    ]);
    expect(returned.history.map((h: any) => h.toStatus)).toEqual(['NEW', 'ACCEPTED', 'PROCESSING', 'PROCESSING', 'DONE', 'RETURNED']);
    expect(await db.prisma.outboxEvent.count({ where: { key: d.code, topic: 'dossier.status' } })).toBe(6);
  });

  it('refuses a result from the wrong people, in the wrong status, or in a bad file, writing nothing', async () => {
    const d = await processedBirth();
    const before = await snapshot(d.code);
    const issue = (who: Principal, input = resultInput(), v = d.version) => codeOf(call(M.issue, { c: d.code, v, i: input }, who));
    expect(await issue(leader)).toBe('FORBIDDEN'); // approving is not signing
    expect(await issue(citizen)).toBe('FORBIDDEN');
    expect(await issue(clerkElsewhere)).toBe('DOSSIER_NOT_FOUND');
    expect(await issue(chairman, resultInput(), d.version - 1)).toBe('STALE_VERSION');
    expect(await issue(chairman, resultInput({ contentType: 'application/pdf', contentBase64: PNG.toString('base64') }))).toBe('UNSUPPORTED_CONTENT_TYPE');
    expect(await issue(chairman, resultInput({ contentType: 'text/html' }))).toBe('UNSUPPORTED_CONTENT_TYPE');
    expect(await issue(chairman, resultInput({ contentBase64: '%%% not base64' }))).toBe('BAD_USER_INPUT');
    expect(await issue(chairman, resultInput({}, { documentNumber: '  ' }))).toBe('BAD_USER_INPUT');
    const oversize = issueResult(services, chairman, { code: d.code, expectedVersion: d.version, ...resultInput({ contentBase64: 'A'.repeat(14_000_000) }) });
    expect(await codeOf(oversize)).toBe('ATTACHMENT_TOO_LARGE');
    expect(await snapshot(d.code)).toBe(before);

    const issued = await call(M.issue, { c: d.code, v: d.version, i: resultInput() }, chairman);
    expect(await issue(chairman, resultInput(), issued.version)).toBe('CONFLICT'); // one result per dossier
  });

  it('does not let a dossier enter the result stage or be returned before its time', async () => {
    const d = await processedBirth();
    const before = await snapshot(d.code);
    expect(await codeOf(call(M.complete, { c: d.code, v: d.version }, leader))).toBe('INVALID_TRANSITION'); // no result yet
    expect(await codeOf(call(M.ret, { c: d.code, v: d.version }, reception))).toBe('INVALID_TRANSITION');
    expect(await snapshot(d.code)).toBe(before);

    const fresh = await submitBirth();
    const accepted = await call(M.accept, { c: fresh.code, v: fresh.version }, reception);
    const untouched = await snapshot(fresh.code);
    const early = await callSubgraph(url, M.issue, { c: fresh.code, v: accepted.version, i: resultInput() }, chairman);
    expect(early.errors![0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', status: 'ACCEPTED', action: 'ISSUE_RESULT' });
    expect(await snapshot(fresh.code)).toBe(untouched);
  });
});

describe('completeReturnStep (for the return by post)', () => {
  async function doneBirth() {
    const d = await processedBirth();
    const issued = await call(M.issue, { c: d.code, v: d.version, i: resultInput() }, chairman);
    return call(M.complete, { c: d.code, v: issued.version }, leader);
  }

  it('writes its extra columns and rows in the return transaction', async () => {
    const d = await doneBirth();
    const row = await completeReturnStep(services, reception, {
      code: d.code,
      expectedVersion: d.version,
      note: 'Chuyển phát qua bưu chính, vận đơn EL123456789VN',
      set: { returnMethod: 'POSTAL' },
      within: async (tx, dossier) => {
        await tx.dossierResult.update({ where: { dossierId: dossier.id }, data: { postalOrderId: 'VNP-1', postalTracking: 'EL123456789VN' } });
      },
    });
    expect(row).toMatchObject({ status: 'RETURNED', returnMethod: 'POSTAL', currentStep: null, version: d.version + 1 });
    expect(await db.prisma.dossierResult.findUniqueOrThrow({ where: { dossierId: row.id }, select: { postalTracking: true } })).toEqual({ postalTracking: 'EL123456789VN' });
  });

  it('writes nothing when its extra writes fail', async () => {
    const d = await doneBirth();
    const before = await snapshot(d.code);
    const failing = completeReturnStep(services, reception, {
      code: d.code,
      expectedVersion: d.version,
      within: async () => {
        throw new Error('carrier record could not be stored');
      },
    });
    await expect(failing).rejects.toThrow('carrier record could not be stored');
    expect(await snapshot(d.code)).toBe(before);
    expect(await codeOf(completeReturnStep(services, reception, { code: d.code, expectedVersion: d.version + 1 }))).toBe('STALE_VERSION');
  });
});

/**
 * What the workflow tests share: the dossiers subgraph over a seeded test database (no deadline
 * scanner, workflows read afresh), the officials of a commune and its police, the mutations, and
 * helpers to submit, accept and snapshot a birth registration dossier.
 */
import { DEMO_CITIZEN_ID } from '../../adapters/population-db';
import type { WorkflowServices } from '../../subgraphs/dossiers/workflow';
import { calendarStoreFor, ProcedureCatalogue } from '../../subgraphs/procedures';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import type { WorkingDayCalendar } from '../../subgraphs/shared/calendar';
import type { InProcessEventBus } from '../../subgraphs/shared/events/bus';
import { NO_RELAY } from '../../subgraphs/shared/outbox';
import type { Database } from '../../subgraphs/shared/storage/database';
import { startDossiersTestServer } from './dossiers-server';
import { buildFormData } from './journey';
import { callSubgraph } from './subgraph-client';

export const BIRTH = '1.001193'; // Đăng ký khai sinh: free, UBND phường Ba Đình, default workflow
export const AGENCY = '000.01.41.H26';
export const COORDINATOR = '000.01.42.H26'; // Công an phường Ba Đình
export const official = (name: string, roles: string[], agencyCode = AGENCY): Principal => ({
  id: `official:${name}`,
  role: 'OFFICIAL',
  agencyCode,
  workflowRoles: roles,
  name,
});
export const reception = official('reception', ['RECEPTION', 'RESULT_RETURN']);
export const specialist = official('specialist', ['SPECIALIST']);
export const specialist2 = official('specialist-2', ['SPECIALIST']);
export const leader = official('leader', ['LEADER']);
export const police = official('police', ['COORDINATING_AGENCY'], COORDINATOR);
export const policeChief = official('police-chief', ['LEADER'], COORDINATOR);
export const elsewhere = official('elsewhere', ['RECEPTION', 'SPECIALIST'], '000.02.41.H26');
export const citizen: Principal = { id: `citizen:${DEMO_CITIZEN_ID}`, role: 'CITIZEN', personalId: DEMO_CITIZEN_ID };
export const stranger: Principal = { id: 'citizen:079195001234', role: 'CITIZEN', personalId: '079195001234' };
export const operator: Principal = { id: 'operator:1', role: 'OPERATOR' };

export const DOSSIER = `code status version appointmentAt handlingAgencyCode paused formData
  currentStep { key role agencyCode startedAt dueAt } steps { key outcome agencyCode completedBy startedAt dueAt }
  history { fromStatus toStatus actor note }`;
const V = '$c: String!, $v: Int!';
export const M = {
  accept: `mutation(${V}, $n: String) { acceptDossier(code: $c, expectedVersion: $v, nextStep: $n) { ${DOSSIER} } }`,
  complete: `mutation(${V}, $n: String) { completeStep(code: $c, expectedVersion: $v, nextStep: $n) { ${DOSSIER} } }`,
  reject: `mutation(${V}, $r: String!) { rejectDossier(code: $c, expectedVersion: $v, reason: $r) { ${DOSSIER} } }`,
  stop: `mutation(${V}, $r: String!) { stopDossier(code: $c, expectedVersion: $v, reason: $r) { ${DOSSIER} } }`,
  withdraw: `mutation(${V}, $r: String!) { withdrawDossier(code: $c, expectedVersion: $v, reason: $r) { ${DOSSIER} } }`,
  ret: `mutation(${V}) { returnResult(code: $c, expectedVersion: $v) { ${DOSSIER} } }`,
  transfer: `mutation(${V}, $a: String!, $s: [TransferStepInput!]) { transferDossier(code: $c, expectedVersion: $v, toAgencyCode: $a, steps: $s) { ${DOSSIER} } }`,
  queue: `query($f: Int, $a: String) { myWorkQueue(first: $f, after: $a) { totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { step { id key role agencyCode dueAt } dossier { code status } } } } }`,
  dossier: `query($c: String!) { dossier(code: $c) { ${DOSSIER} } }`,
};


/** Resolves with the code of the first error, or 'OK'. */
export const codeOf = (p: Promise<unknown>) => p.then(() => 'OK', (e) => e.extensions?.code as string);

export interface WorkflowFixture {
  db: Database;
  bus: InProcessEventBus;
  url: string;
  calendar: WorkingDayCalendar;
  /** The services, for calling the workflow functions directly. */
  services: WorkflowServices;
  birthForm: Record<string, unknown>;
  /** Runs a mutation or query; returns the first field's data or throws the first error. */
  call(query: string, vars: Record<string, unknown>, who: Principal): Promise<any>;
  submitBirth(): Promise<{ code: string; version: number }>;
  /** A dossier accepted at reception: tham_dinh open for the specialist. */
  acceptedBirth(): Promise<any>;
  /** Everything a refused action must leave untouched. */
  snapshot(code: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startWorkflowFixture(): Promise<WorkflowFixture> {
  // No deadline scanner: its events would change the outbox under the snapshots; workflows read afresh.
  const server = await startDossiersTestServer({ deps: { deadlines: false, intakeReferences: { ttlMs: 0 } } });
  const { db, bus, url } = server;
  const catalogue = new ProcedureCatalogue(db.prisma);
  const calendar = await calendarStoreFor(db.prisma).calendar();
  const services: WorkflowServices = { prisma: db.prisma, outbox: NO_RELAY, catalogue, calendars: calendarStoreFor(db.prisma) };
  const birthForm = buildFormData((await catalogue.require(BIRTH)).eForm.fields as never, []);
  const call = async (query: string, vars: Record<string, unknown>, who: Principal): Promise<any> => {
    const res = await callSubgraph(url, query, vars, who);
    if (res.errors) throw Object.assign(new Error(res.errors[0].message), { extensions: res.errors[0].extensions });
    return Object.values(res.data!)[0];
  };
  const submitBirth = (): Promise<{ code: string; version: number }> => {
    const input = { procedureCode: BIRTH, formData: birthForm, channel: 'COUNTER', applicantPersonalId: DEMO_CITIZEN_ID };
    return call(`mutation($i: SubmitDossierInput!) { submitDossier(input: $i) { code version } }`, { i: input }, reception);
  };
  return {
    db,
    bus,
    url,
    calendar,
    services,
    birthForm,
    call,
    submitBirth,
    async acceptedBirth() {
      const { code, version } = await submitBirth();
      return call(M.accept, { c: code, v: version }, reception);
    },
    async snapshot(code: string) {
      const p = db.prisma;
      const [dossier, history, steps, outbox] = await Promise.all([
        p.dossier.findUniqueOrThrow({ where: { code } }),
        p.dossierStatusChange.count(),
        p.dossierStep.findMany({ orderBy: { id: 'asc' } }),
        p.outboxEvent.count(),
      ]);
      return JSON.stringify({ dossier, history, steps, outbox }, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
    },
    stop: () => server.stop(),
  };
}

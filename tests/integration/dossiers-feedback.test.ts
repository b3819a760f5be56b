/**
 * Feedback and complaints (phản ánh, kiến nghị) and satisfaction ratings on the dossiers subgraph:
 * who may write, answer and read them, one outbox event per change in the same transaction, and
 * nothing written when a request is refused.
 */
import { randomUUID } from 'node:crypto';
import { DOSSIER_FEEDBACK_TOPIC } from '../../subgraphs/dossiers/feedback';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import { ANONYMOUS } from '../../subgraphs/shared/auth/principal';
import type { InProcessEventBus } from '../../subgraphs/shared/events/bus';
import type { Database } from '../../subgraphs/shared/storage/database';
import { startDossiersTestServer, type DossiersTestServer } from '../support/dossiers-server';
import { eventually } from '../support/gateway-client';
import { callSubgraph } from '../support/subgraph-client';

const AGENCY = '000.00.12.H26';
const OTHER_AGENCY = '000.00.13.H26';
const APPLICANT = '001090012345';
const applicant: Principal = { id: `citizen:${APPLICANT}`, role: 'CITIZEN', personalId: APPLICANT };
const stranger: Principal = { id: 'citizen:079195001234', role: 'CITIZEN', personalId: '079195001234' };
const official: Principal = { id: 'official:an', role: 'OFFICIAL', agencyCode: AGENCY, workflowRoles: ['RECEPTION'] };
const colleague: Principal = { id: 'official:binh', role: 'OFFICIAL', agencyCode: AGENCY, workflowRoles: ['SPECIALIST'] };
const otherOfficial: Principal = { id: 'official:chi', role: 'OFFICIAL', agencyCode: OTHER_AGENCY, workflowRoles: ['RECEPTION'] };
const operator: Principal = { id: 'operator:dung', role: 'OPERATOR' };

const SUBMIT = `mutation($i: SubmitDossierFeedbackInput!) { submitDossierFeedback(input: $i) { id dossierCode kind content status answer submittedAt } }`;
const ANSWER = `mutation($id: ID!, $a: String!) { answerDossierFeedback(id: $id, answer: $a) { id status answer answeredBy answeredAt } }`;
const QUEUE = `query($a: String, $first: Int, $after: String) {
  dossierFeedbackQueue(agencyCode: $a, first: $first, after: $after) { nodes { id dossierCode content status } endCursor hasNextPage } }`;
const RATE = `mutation($i: RateDossierInput!) { rateDossier(input: $i) { dossierCode score comment ratedAt } }`;

let sequence = 0;

describe('dossier feedback, complaints and ratings', () => {
  let db: Database;
  let bus: InProcessEventBus;
  let dossiers: DossiersTestServer;
  let url: string;

  const insertDossier = async (status: string, agencyCode = AGENCY) => {
    const code = `${agencyCode}-261201-${String(++sequence).padStart(4, '0')}`;
    await db.prisma.dossier.create({
      data: {
        id: randomUUID(),
        code,
        procedureCode: '2.001417',
        agencyCode,
        applicantPersonalId: APPLICANT,
        applicantUserId: applicant.id,
        channel: 'ONLINE',
        status,
        formData: {},
        feeVnd: 0,
        receivedAt: new Date('2026-12-01T02:00:00Z'),
        appointmentAt: new Date('2026-12-08T10:00:00Z'),
        completedAt: status === 'DONE' || status === 'RETURNED' ? new Date('2026-12-07T03:00:00Z') : null,
      },
    });
    return code;
  };
  const call = (query: string, variables: Record<string, unknown>, principal: Principal) => callSubgraph(url, query, variables, principal);
  const codeOf = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions?.code;
  const counts = async () => ({
    feedback: await db.prisma.dossierFeedback.count(),
    answered: await db.prisma.dossierFeedback.count({ where: { status: 'ANSWERED' } }),
    ratings: await db.prisma.dossierRating.count(),
    events: await db.prisma.outboxEvent.count({ where: { topic: DOSSIER_FEEDBACK_TOPIC } }),
  });

  beforeAll(async () => {
    dossiers = await startDossiersTestServer({ seed: false });
    ({ db, bus, url } = dossiers);
  });

  afterAll(async () => {
    await dossiers?.stop();
  });

  it('lets the applicant submit a complaint, stored with its event, published after commit', async () => {
    const code = await insertDossier('PROCESSING');
    const published: any[] = [];
    const unsubscribe = await bus.subscribe(DOSSIER_FEEDBACK_TOPIC, (e) => void published.push(e));
    const before = await counts();
    // Decomposed diacritics are stored composed (NFC).
    const content = '  Hồ sơ đã quá hạn mà chưa có kết quả. '.normalize('NFD');
    const res = await call(SUBMIT, { i: { dossierCode: code, kind: 'COMPLAINT', content } }, applicant);
    expect(res.errors).toBeUndefined();
    expect(res.data.submitDossierFeedback).toMatchObject({
      dossierCode: code,
      kind: 'COMPLAINT',
      content: 'Hồ sơ đã quá hạn mà chưa có kết quả.',
      status: 'OPEN',
      answer: null,
    });
    expect(await counts()).toEqual({ ...before, feedback: before.feedback + 1, events: before.events + 1 });
    await eventually(async () => published.length === 1);
    await unsubscribe();
    expect(published[0]).toMatchObject({
      action: 'SUBMITTED',
      dossierCode: code,
      agencyCode: AGENCY,
      feedbackId: res.data.submitDossierFeedback.id,
      kind: 'COMPLAINT',
      actor: applicant.id,
      outboxId: expect.any(String),
    });
  });

  it('refuses everyone but the applicant, and bad content, writing nothing', async () => {
    const code = await insertDossier('ACCEPTED');
    const before = await counts();
    const submit = (principal: Principal, content = 'Xin hỏi tiến độ') => call(SUBMIT, { i: { dossierCode: code, kind: 'FEEDBACK', content } }, principal);
    expect(codeOf(await submit(ANONYMOUS))).toBe('UNAUTHENTICATED');
    expect(codeOf(await submit(stranger))).toBe('DOSSIER_NOT_FOUND'); // another citizen's dossier does not exist for them
    expect(codeOf(await submit(otherOfficial))).toBe('DOSSIER_NOT_FOUND');
    expect(codeOf(await submit(official))).toBe('FORBIDDEN');
    expect(codeOf(await submit(operator))).toBe('FORBIDDEN');
    expect(codeOf(await submit(applicant, '   '))).toBe('BAD_USER_INPUT');
    const tooLong = await submit(applicant, 'ế'.repeat(2001));
    expect(tooLong.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'content', maxLength: 2000, length: 2001 });
    expect(codeOf(await submit(applicant, 'ế'.repeat(2000)))).toBeUndefined(); // the limit itself is allowed
    expect(codeOf(await call(SUBMIT, { i: { dossierCode: 'KHONG-CO', kind: 'FEEDBACK', content: 'x' } }, applicant))).toBe('DOSSIER_NOT_FOUND');
    expect(await counts()).toEqual({ ...before, feedback: before.feedback + 1, events: before.events + 1 });
  });

  it("lets only the agency's officials answer, once, even when two answer at the same moment", async () => {
    const code = await insertDossier('PROCESSING');
    const submitted = await call(SUBMIT, { i: { dossierCode: code, kind: 'FEEDBACK', content: 'Cần bổ sung giấy tờ gì?' } }, applicant);
    const id = submitted.data.submitDossierFeedback.id;
    const before = await counts();
    const answer = (principal: Principal, text = 'Không cần bổ sung.') => call(ANSWER, { id, a: text }, principal);
    expect(codeOf(await answer(applicant))).toBe('FORBIDDEN');
    expect(codeOf(await answer(operator))).toBe('FORBIDDEN');
    expect(codeOf(await answer(otherOfficial))).toBe('FEEDBACK_NOT_FOUND');
    expect(codeOf(await answer(official, ''))).toBe('BAD_USER_INPUT');
    expect(codeOf(await call(ANSWER, { id: randomUUID(), a: 'x' }, official))).toBe('FEEDBACK_NOT_FOUND');
    expect(await counts()).toEqual(before);

    const raced = await Promise.all([answer(official, 'Trả lời của An'), answer(colleague, 'Trả lời của Bình')]);
    const winners = raced.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(codeOf(raced.find((r) => r.errors)!)).toBe('INVALID_TRANSITION');
    expect(winners[0].data.answerDossierFeedback).toMatchObject({ status: 'ANSWERED', answeredAt: expect.any(String) });
    const stored = await db.prisma.dossierFeedback.findUniqueOrThrow({ where: { id } });
    expect(stored.answer).toBe(winners[0].data.answerDossierFeedback.answer);
    expect(stored.answeredBy).toBe(winners[0].data.answerDossierFeedback.answeredBy);
    expect(await counts()).toEqual({ ...before, answered: before.answered + 1, events: before.events + 1 });
    const event = await db.prisma.outboxEvent.findFirstOrThrow({ where: { topic: DOSSIER_FEEDBACK_TOPIC }, orderBy: { id: 'desc' } });
    expect(event.payload).toMatchObject({ action: 'ANSWERED', feedbackId: id, dossierCode: code, applicantPersonalId: APPLICANT });
  });

  it('lists feedback on the dossier for those who may see it', async () => {
    const code = await insertDossier('PROCESSING');
    for (const content of ['Thứ nhất', 'Thứ hai']) {
      await call(SUBMIT, { i: { dossierCode: code, kind: 'FEEDBACK', content } }, applicant);
    }
    // Oldest first; two submitted within the same millisecond are ordered by id.
    const expected = (
      await db.prisma.dossierFeedback.findMany({ where: { dossier: { code } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })
    ).map((f) => ({ content: f.content, status: 'OPEN' }));
    expect(expected.map((f) => f.content).sort()).toEqual(['Thứ hai', 'Thứ nhất']);
    const read = `query($c: String!) { dossier(code: $c) { feedback { content status } rating { score } } }`;
    for (const who of [applicant, official, operator]) {
      const res = await call(read, { c: code }, who);
      expect(res.data.dossier).toEqual({ feedback: expected, rating: null });
    }
    expect(codeOf(await call(read, { c: code }, otherOfficial))).toBe('DOSSIER_NOT_FOUND');
  });

  it("queues an agency's open feedback oldest first, page by page, for its officials only", async () => {
    const ours = await insertDossier('PROCESSING');
    const theirs = await insertDossier('PROCESSING', OTHER_AGENCY);
    await call(SUBMIT, { i: { dossierCode: theirs, kind: 'FEEDBACK', content: 'Ở cơ quan khác' } }, applicant);
    await db.prisma.dossierFeedback.updateMany({ where: { dossier: { agencyCode: AGENCY } }, data: { status: 'ANSWERED' } });
    const ids: string[] = [];
    for (const content of ['Một', 'Hai', 'Ba']) {
      ids.push((await call(SUBMIT, { i: { dossierCode: ours, kind: 'FEEDBACK', content } }, applicant)).data.submitDossierFeedback.id);
    }
    const oldestFirst = await db.prisma.dossierFeedback.findMany({
      where: { id: { in: ids } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    expect(oldestFirst.map((f) => f.content)).toEqual(['Một', 'Hai', 'Ba']); // submitted one after another
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const res: any = await call(QUEUE, { first: 2, after }, official);
      expect(res.errors).toBeUndefined();
      seen.push(...res.data.dossierFeedbackQueue.nodes.map((n: { id: string }) => n.id));
      after = res.data.dossierFeedbackQueue.endCursor;
      if (!res.data.dossierFeedbackQueue.hasNextPage) break;
    }
    expect(seen).toEqual(ids);

    await call(ANSWER, { id: ids[0], a: 'Đã xử lý' }, official);
    const afterAnswer = await call(QUEUE, {}, official);
    expect(afterAnswer.data.dossierFeedbackQueue.nodes.map((n: { id: string }) => n.id)).toEqual(ids.slice(1));

    const forOperator = await call(QUEUE, { a: OTHER_AGENCY }, operator);
    expect(forOperator.data.dossierFeedbackQueue.nodes.map((n: { dossierCode: string }) => n.dossierCode)).toEqual([theirs]);
    expect(codeOf(await call(QUEUE, { a: OTHER_AGENCY }, official))).toBe('FORBIDDEN');
    expect(codeOf(await call(QUEUE, {}, applicant))).toBe('FORBIDDEN');
    expect(codeOf(await call(QUEUE, {}, ANONYMOUS))).toBe('UNAUTHENTICATED');
    expect(codeOf(await call(QUEUE, { first: 500 }, official))).toBe('BAD_USER_INPUT');
    expect(codeOf(await call(QUEUE, { after: 'not-a-cursor' }, official))).toBe('BAD_USER_INPUT');
  });

  it('takes one satisfaction rating per finished dossier from its applicant', async () => {
    const processing = await insertDossier('PROCESSING');
    const done = await insertDossier('DONE');
    const refused = await insertDossier('NOT_ACCEPTED');
    const before = await counts();
    const rate = (code: string, score: number, principal = applicant, comment?: string) =>
      call(RATE, { i: { dossierCode: code, score, comment } }, principal);

    const early = await rate(processing, 5);
    expect(early.errors![0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', status: 'PROCESSING' });
    expect(codeOf(await rate(done, 0))).toBe('BAD_USER_INPUT');
    expect(codeOf(await rate(done, 6))).toBe('BAD_USER_INPUT');
    expect(codeOf(await rate(done, 4, official))).toBe('FORBIDDEN');
    expect(codeOf(await rate(done, 4, stranger))).toBe('DOSSIER_NOT_FOUND');
    expect(codeOf(await rate(done, 4, applicant, 'x'.repeat(1001)))).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);

    // Racing submissions of the same rating store one.
    const raced = await Promise.all([rate(done, 4, applicant, 'Nhanh, chu đáo'), rate(done, 2, applicant)]);
    expect(raced.filter((r) => !r.errors)).toHaveLength(1);
    expect(codeOf(raced.find((r) => r.errors)!)).toBe('CONFLICT');
    expect(codeOf(await rate(done, 5))).toBe('CONFLICT');
    expect((await rate(refused, 1)).data.rateDossier).toMatchObject({ dossierCode: refused, score: 1, comment: null });
    expect(await counts()).toEqual({ ...before, ratings: before.ratings + 2, events: before.events + 2 });

    const stored = await db.prisma.dossierRating.findFirstOrThrow({ where: { dossier: { code: done } } });
    const seen = await call(`query($c: String!) { dossier(code: $c) { rating { score comment } } }`, { c: done }, official);
    expect(seen.data.dossier.rating).toEqual({ score: stored.score, comment: stored.comment });
    const events = await db.prisma.outboxEvent.findMany({ where: { topic: DOSSIER_FEEDBACK_TOPIC, key: done } });
    expect(events.map((e) => e.payload)).toEqual([expect.objectContaining({ action: 'RATED', score: stored.score })]);
  });
});

/**
 * The citizens subgraph against both national-source simulators (population: SOAP; social insurance:
 * REST/JSON) and a real database, called as the gateway calls it.
 */
import { createInsuranceDbClient, createInsuranceDbSimulator, type InsuranceDbSimulator } from '../../adapters/insurance-db';
import { ABSENT_PERSONAL_ID, createPopulationDbClient, createPopulationDbSimulator, type PopulationDbSimulator } from '../../adapters/population-db';
import { createCitizensSubgraph, type InsuranceDbClient } from '../../subgraphs/citizens';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import type { ServerHandle } from '../../subgraphs/shared/federation/subgraph-server';
import type { Database } from '../../subgraphs/shared/storage/database';
import { openTestDatabase } from '../support/database';
import { callSubgraph, TEST_INTERNAL_SECRET } from '../support/subgraph-client';

const AN = '001090012345'; // Nguyễn Văn An: both sources agree
const NGOC = '079195001234'; // Trần Thị Bích Ngọc: addresses differ
const KHOA = '048203000789'; // Lê Minh Khoa: same once normalised; no current address
const NHUNG = '038300005678'; // Lê Thị Hồng Nhung: not insured
const SARI = '092187004321'; // Thạch Thị Sa Ri: name spelled "Sari" by social insurance
const POP = 'CSDLQG_DAN_CU';
const BH = 'CSDLQG_BAO_HIEM';
// Generous: on a loaded CI machine a refused call must not turn into a timeout.
const CLIENT_TIMEOUT_MS = 1500;
const AGENCY = '000.00.12.H26';
const OWN_DOSSIER = `${AGENCY}-261123-0001`; // applicant Ngọc, our agency
const OTHER_AGENCY_DOSSIER = '000.00.99.H26-261123-0002'; // applicant Ngọc, another agency

const official: Principal = { id: `official:${AGENCY}`, role: 'OFFICIAL', agencyCode: AGENCY };
const operator: Principal = { id: 'operator:1', role: 'OPERATOR' };
const an: Principal = { id: `citizen:${AN}`, role: 'CITIZEN', personalId: AN };

const BINDINGS = [
  { fieldKey: 'soDinhDanh', sourcePath: 'citizen.personalId' },
  { fieldKey: 'hoTen', sourcePath: 'citizen.fullName' },
  { fieldKey: 'ngaySinh', sourcePath: 'citizen.dateOfBirth' },
  { fieldKey: 'gioiTinh', sourcePath: 'citizen.sex' },
  { fieldKey: 'noiThuongTru', sourcePath: 'citizen.permanentAddress' },
  { fieldKey: 'noiOHienTai', sourcePath: 'citizen.currentAddress' },
];

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on FormPrefill {
      procedureCode personalId
      fields {
        fieldKey value status
        source { system path fetchedAt } sources { system } candidates { value source { system } }
        warnings { code system } error { code message system }
      }
    }
    ... on Citizen { personalId fullName }
  }
}`;

const CITIZEN = `query ($personalId: String!, $purpose: String!) { citizen(personalId: $personalId, purpose: $purpose) { personalId fullName } }`;
const MY_LOG = `query ($first: Int, $after: String) { myDataAccessLog(first: $first, after: $after) {
  count pageInfo { hasNextPage endCursor }
  edges { cursor node { at actor { id role agencyCode } purpose source outcome dossierCode } } } }`;

const prefill = (personalId: string, procedureCode = '1.001193', bindings = BINDINGS) => ({ __typename: 'FormPrefill', procedureCode, personalId, bindings });
type Field = { fieldKey: string; value: string | null; status: string; source: any; sources: any[]; candidates: any[]; warnings: any[]; error: any };
const byKey = (fields: Field[]) => Object.fromEntries(fields.map((f) => [f.fieldKey, f])) as Record<string, Field>;

describe('citizens subgraph', () => {
  let population: PopulationDbSimulator;
  let insurance: InsuranceDbSimulator;
  let insuranceClient: InsuranceDbClient;
  let db: Database;
  let subgraph: ServerHandle;
  let url: string;

  beforeAll(async () => {
    population = createPopulationDbSimulator();
    insurance = createInsuranceDbSimulator();
    const [{ wsdlUrl }, { baseUrl }] = await Promise.all([population.start(), insurance.start()]);
    db = await openTestDatabase();
    const dossier = (code: string, agencyCode: string, applicantPersonalId: string) => ({
      code, procedureCode: '1.001193', agencyCode, applicantPersonalId, applicantUserId: `citizen:${applicantPersonalId}`,
      channel: 'ONLINE', status: 'ACCEPTED', formData: {}, feeVnd: 0, receivedAt: new Date(), appointmentAt: new Date(),
    });
    await db.prisma.dossier.createMany({ data: [dossier(OWN_DOSSIER, AGENCY, NGOC), dossier(OTHER_AGENCY_DOSSIER, '000.00.99.H26', NGOC)] });
    // No retries and no circuit breaker: each test switches the source on and off and counts calls.
    insuranceClient = createInsuranceDbClient({ baseUrl, timeoutMs: CLIENT_TIMEOUT_MS, retry: { attempts: 1 }, circuit: false });
    const populationClient = createPopulationDbClient({ wsdlUrl, timeoutMs: CLIENT_TIMEOUT_MS });
    subgraph = createCitizensSubgraph({ db, internalSecret: TEST_INTERNAL_SECRET, population: populationClient, insurance: insuranceClient });
    ({ url } = await subgraph.start());
  });

  afterAll(async () => {
    await subgraph?.stop();
    insuranceClient?.close();
    await population?.stop();
    await insurance?.stop();
    await db?.close();
  });

  beforeEach(() => {
    for (const sim of [population, insurance]) {
      sim.setAvailable(true);
      sim.setLatency(0);
    }
  });

  const logRows = () => db.prisma.citizenAccessLog.findMany({ orderBy: { id: 'asc' } });

  /** Runs `fn` and returns the upstream calls per source and the access-log rows it caused. */
  async function measure<T>(fn: () => Promise<T>) {
    const before = { pop: population.calls.total, bh: insurance.calls.total, rows: (await logRows()).length };
    const result = await fn();
    const rows = (await logRows()).slice(before.rows);
    return { result, calls: { [POP]: population.calls.total - before.pop, [BH]: insurance.calls.total - before.bh }, rows };
  }

  it('prefills a citizen\'s own form from both sources, listing both when they agree', async () => {
    const { result, calls, rows } = await measure(() => callSubgraph(url, ENTITIES, { representations: [prefill(AN)] }, an));
    expect(result.errors).toBeUndefined();
    const f = byKey(result.data._entities[0].fields);
    expect(result.data._entities[0].fields.map((x: Field) => x.fieldKey)).toEqual(BINDINGS.map((b) => b.fieldKey));
    expect(f.hoTen).toMatchObject({ value: 'Nguyễn Văn An', status: 'FILLED', source: { system: POP, path: 'citizen.fullName' }, candidates: [], warnings: [] });
    expect(f.hoTen.sources.map((s) => s.system)).toEqual([POP, BH]);
    expect(f.ngaySinh).toMatchObject({ value: '1990-03-15', status: 'FILLED' });
    expect(f.ngaySinh.sources).toHaveLength(2); // dd/MM/yyyy from social insurance, compared as a date
    expect(f.gioiTinh).toMatchObject({ value: 'Nam', status: 'FILLED' });
    expect(f.soDinhDanh.sources.map((s) => s.system)).toEqual([POP]);
    expect(calls).toEqual({ [POP]: 1, [BH]: 1 });
    expect(rows.map((r) => [r.personalId, r.source, r.purpose, r.outcome, r.actorId, r.dossierCode])).toEqual([
      [AN, expect.any(String), 'prefill:1.001193', 'FOUND', an.id, null],
      [AN, expect.any(String), 'prefill:1.001193', 'FOUND', an.id, null],
    ]);
    expect(rows.map((r) => r.source).sort()).toEqual([BH, POP]);
  });

  it('prefills five people in one request with one call per source, and shows conflicts with candidates', async () => {
    const people = [AN, NGOC, KHOA, NHUNG, SARI];
    const { result, calls, rows } = await measure(() =>
      callSubgraph(url, ENTITIES, { representations: people.map((p) => prefill(p)) }, operator),
    );
    expect(result.errors).toBeUndefined();
    const [, ngoc, khoa, nhung, sari] = result.data._entities.map((e: { fields: Field[] }) => byKey(e.fields));
    expect(ngoc.noiThuongTru).toMatchObject({
      status: 'CONFLICTING',
      value: 'Số 45 đường Lê Lợi, Phường Sài Gòn, Thành phố Hồ Chí Minh',
      source: { system: POP },
    });
    expect(ngoc.noiThuongTru.candidates).toEqual([
      { value: 'Số 45 đường Lê Lợi, Phường Sài Gòn, Thành phố Hồ Chí Minh', source: { system: POP } },
      { value: 'Số 8 đường Võ Thị Sáu, Phường Tân Định, Thành phố Hồ Chí Minh', source: { system: BH } },
    ]);
    expect(ngoc.hoTen.status).toBe('FILLED');
    expect(sari.hoTen).toMatchObject({ status: 'CONFLICTING', value: 'Thạch Thị Sa Ri' });
    expect(sari.hoTen.candidates.map((c: { value: string }) => c.value)).toEqual(['Thạch Thị Sa Ri', 'Thạch Thị Sari']);
    // Upper case, decomposed Unicode and extra spaces are not a conflict.
    expect(khoa.hoTen).toMatchObject({ status: 'FILLED', value: 'Lê Minh Khoa' });
    expect(khoa.hoTen.sources).toHaveLength(2);
    expect(khoa.noiThuongTru.sources).toHaveLength(2);
    expect(khoa.noiOHienTai).toMatchObject({ status: 'MISSING', value: null, error: null });
    expect(nhung.hoTen).toMatchObject({ status: 'FILLED', value: 'Lê Thị Hồng Nhung', warnings: [] });
    expect(nhung.hoTen.sources.map((s: { system: string }) => s.system)).toEqual([POP]);
    expect(calls).toEqual({ [POP]: 1, [BH]: 1 });
    expect(rows).toHaveLength(10);
    expect(rows.filter((r) => r.source === BH && r.outcome === 'NOT_FOUND').map((r) => r.personalId)).toEqual([NHUNG]);
  });

  it('fills from the population database with a warning when social insurance is down', async () => {
    insurance.setAvailable(false);
    const { result, rows } = await measure(() => callSubgraph(url, ENTITIES, { representations: [prefill(NGOC)] }, operator));
    expect(result.errors).toBeUndefined();
    const f = byKey(result.data._entities[0].fields);
    expect(f.noiThuongTru).toMatchObject({ status: 'FILLED', source: { system: POP }, warnings: [{ code: 'UPSTREAM_UNAVAILABLE', system: BH }] });
    expect(f.soDinhDanh.warnings).toEqual([]); // social insurance does not serve this path
    expect(rows.map((r) => [r.source, r.outcome]).sort()).toEqual([[BH, 'ERROR'], [POP, 'FOUND']]);
  });

  it('marks fields SOURCE_UNAVAILABLE only when every source is down, without failing the request', async () => {
    population.setAvailable(false);
    insurance.setAvailable(false);
    const { result, rows } = await measure(() => callSubgraph(url, ENTITIES, { representations: [prefill(AN)] }, an));
    expect(result.errors).toBeUndefined();
    for (const field of result.data._entities[0].fields as Field[]) {
      expect(field).toMatchObject({ value: null, status: 'SOURCE_UNAVAILABLE', source: null, error: { code: 'UPSTREAM_UNAVAILABLE', system: POP } });
    }
    expect(rows.map((r) => r.outcome)).toEqual(['ERROR', 'ERROR']);
  });

  it('fills from the source that answered when the other is slow, within the timeout', async () => {
    population.setLatency(10_000);
    const started = Date.now();
    const { result } = await measure(() => callSubgraph(url, ENTITIES, { representations: [prefill(KHOA)] }, operator));
    expect(Date.now() - started).toBeLessThan(CLIENT_TIMEOUT_MS + 2500);
    const f = byKey(result.data._entities[0].fields);
    expect(f.hoTen).toMatchObject({ status: 'FILLED', value: 'LÊ MINH KHOA'.normalize('NFD'), source: { system: BH } });
    expect(f.hoTen.warnings).toEqual([{ code: 'UPSTREAM_TIMEOUT', system: POP }]);
    expect(f.soDinhDanh).toMatchObject({ status: 'SOURCE_UNAVAILABLE', error: { code: 'UPSTREAM_TIMEOUT' } });
  });

  it('refuses officials prefilling (no dossier), and malformed ids first, without calling any source', async () => {
    const { result, calls, rows } = await measure(async () => [
      await callSubgraph(url, ENTITIES, { representations: [prefill(NGOC)] }, official),
      await callSubgraph(url, ENTITIES, { representations: [prefill('00109001234X')] }, official),
    ]);
    expect(result[0].errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OFFICIAL_PREFILL' });
    expect(result[1].errors?.[0]?.extensions?.code).toBe('INVALID_PERSONAL_ID');
    expect(calls).toEqual({ [POP]: 0, [BH]: 0 });
    expect(rows).toHaveLength(0);
  });

  it('lets an official read the applicant of a dossier of their agency, and logs the dossier', async () => {
    const { result, rows } = await measure(async () => [
      await callSubgraph(url, CITIZEN, { personalId: NGOC, purpose: `dossier:${OWN_DOSSIER} thẩm định` }, official),
      await callSubgraph(url, ENTITIES, { representations: [{ __typename: 'Citizen', personalId: NGOC }] }, official),
    ]);
    expect(result.map((r) => r.errors)).toEqual([undefined, undefined]);
    expect(result[0].data.citizen.fullName).toBe('Trần Thị Bích Ngọc');
    expect(result[1].data._entities[0].fullName).toBe('Trần Thị Bích Ngọc');
    expect(rows.map((r) => [r.personalId, r.source, r.actorId, r.dossierCode])).toEqual([
      [NGOC, POP, official.id, OWN_DOSSIER],
      [NGOC, POP, official.id, OWN_DOSSIER],
    ]);
  });

  it("refuses an official another agency's dossier, another applicant or no dossier, without calling the source", async () => {
    const { result, calls, rows } = await measure(async () => [
      await callSubgraph(url, CITIZEN, { personalId: NGOC, purpose: `dossier:${OTHER_AGENCY_DOSSIER}` }, official),
      await callSubgraph(url, CITIZEN, { personalId: AN, purpose: `dossier:${OWN_DOSSIER}` }, official),
      await callSubgraph(url, CITIZEN, { personalId: NGOC, purpose: 'kiểm tra' }, official),
      await callSubgraph(url, CITIZEN, { personalId: NGOC, purpose: 'dossier:000.00.12.H26-000000-0000' }, official),
      await callSubgraph(url, ENTITIES, { representations: [{ __typename: 'Citizen', personalId: AN }] }, official),
    ]);
    expect(result.map((r) => [r.errors?.[0]?.extensions?.code, r.errors?.[0]?.extensions?.reason])).toEqual([
      ['FORBIDDEN', 'OTHER_AGENCY'],
      ['FORBIDDEN', 'OTHER_APPLICANT'],
      ['FORBIDDEN', 'DOSSIER_REQUIRED'],
      ['FORBIDDEN', 'DOSSIER_NOT_FOUND'],
      ['FORBIDDEN', 'NO_DOSSIER_OF_AGENCY'],
    ]);
    expect(calls).toEqual({ [POP]: 0, [BH]: 0 });
    expect(rows).toHaveLength(0);
  });

  it('lets a citizen read themself, and forbids them anyone else without calling a source', async () => {
    const own = await callSubgraph(url, CITIZEN, { personalId: AN, purpose: '' }, an);
    expect(own.data?.citizen?.fullName).toBe('Nguyễn Văn An');
    const { result, calls, rows } = await measure(async () => [
      await callSubgraph(url, CITIZEN, { personalId: NGOC, purpose: 'xem' }, an),
      await callSubgraph(url, ENTITIES, { representations: [prefill(NGOC)] }, an),
    ]);
    for (const response of result) expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(calls).toEqual({ [POP]: 0, [BH]: 0 });
    expect(rows).toHaveLength(0);
  });

  it('answers CITIZEN_NOT_FOUND for an unknown person, and logs NOT_FOUND; anonymous callers must sign in', async () => {
    const { result, rows } = await measure(() => callSubgraph(url, CITIZEN, { personalId: ABSENT_PERSONAL_ID, purpose: 'kiểm tra' }, operator));
    expect(result.errors?.[0]?.extensions?.code).toBe('CITIZEN_NOT_FOUND');
    expect(rows.map((r) => [r.personalId, r.outcome])).toEqual([[ABSENT_PERSONAL_ID, 'NOT_FOUND']]);
    expect((await callSubgraph(url, CITIZEN, { personalId: AN, purpose: 'x' })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  describe('myDataAccessLog', () => {
    it("shows a citizen who accessed their data — theirs only, newest first, page by page", async () => {
      const ngoc: Principal = { id: `citizen:${NGOC}`, role: 'CITIZEN', personalId: NGOC };
      const expected = (await logRows()).filter((r) => r.personalId === NGOC).reverse();
      expect(expected.length).toBeGreaterThan(4);
      const first = await callSubgraph(url, MY_LOG, { first: 3 }, ngoc);
      expect(first.errors).toBeUndefined();
      const page1 = first.data.myDataAccessLog;
      expect(page1).toMatchObject({ count: 3, pageInfo: { hasNextPage: true } });
      const rest = await callSubgraph(url, MY_LOG, { first: 100, after: page1.pageInfo.endCursor }, ngoc);
      const nodes = [...page1.edges, ...rest.data.myDataAccessLog.edges].map((e: { node: any }) => e.node);
      expect(rest.data.myDataAccessLog.pageInfo.hasNextPage).toBe(false);
      expect(nodes.map((n) => [n.source, n.purpose, n.outcome])).toEqual(expected.map((r) => [r.source, r.purpose, r.outcome]));
      const byOfficial = nodes.find((n) => n.dossierCode === OWN_DOSSIER);
      expect(byOfficial.actor).toEqual({ id: official.id, role: 'OFFICIAL', agencyCode: AGENCY });
      const times = nodes.map((n) => Date.parse(n.at));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    });

    it('is for citizens only, and validates its arguments', async () => {
      expect((await callSubgraph(url, MY_LOG, {}, official)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await callSubgraph(url, MY_LOG, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect((await callSubgraph(url, MY_LOG, { first: 0 }, an)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect((await callSubgraph(url, MY_LOG, { after: 'bogus' }, an)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const mine = await callSubgraph(url, MY_LOG, {}, an);
      expect(mine.data.myDataAccessLog.count).toBeGreaterThan(0);
    });
  });
});

/**
 * Organisations in the citizens subgraph against the business registry simulator (real SOAP over
 * HTTP) and a real database, called as the gateway calls it.
 */
import {
  ABSENT_TAX_CODE,
  createBusinessRegistryClient,
  createBusinessRegistrySimulator,
  DEMO_ORGANIZATION_TAX_CODE,
  type BusinessRegistrySimulator,
} from '../../adapters/business-registry';
import { createPopulationDbClient, createPopulationDbSimulator, DEMO_CITIZEN_ID, type PopulationDbSimulator } from '../../adapters/population-db';
import { createCitizensSubgraph } from '../../subgraphs/citizens';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import { ANONYMOUS } from '../../subgraphs/shared/auth/principal';
import type { ServerHandle } from '../../subgraphs/shared/federation/subgraph-server';
import type { Database } from '../../subgraphs/shared/storage/database';
import { openTestDatabase } from '../support/database';
import { callSubgraph, TEST_INTERNAL_SECRET } from '../support/subgraph-client';

const SONG_HONG = '0315956783';
const SONG_HONG_DA_NANG = '0315956783-001';
// Generous: on a loaded CI machine a refused call must not turn into a timeout.
const CLIENT_TIMEOUT_MS = 1200;
const SOURCE = 'CSDL_DKDN';

const official: Principal = { id: 'official:000.00.12.H26', role: 'OFFICIAL', agencyCode: '000.00.12.H26' };
const an: Principal = { id: `citizen:${DEMO_CITIZEN_ID}`, role: 'CITIZEN', personalId: DEMO_CITIZEN_ID };

const ORGANIZATION = `query ($taxCode: String!, $purpose: String!) {
  organization(taxCode: $taxCode, purpose: $purpose) {
    taxCode name englishName legalForm registrationDate status
    headOfficeAddress { street commune province full }
    legalRepresentative { fullName personalId title }
  }
}`;

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Organization { taxCode name status } }
}`;

const ref = (taxCode: string) => ({ __typename: 'Organization', taxCode });

describe('organizations in the citizens subgraph', () => {
  let registry: BusinessRegistrySimulator;
  let population: PopulationDbSimulator;
  let db: Database;
  let subgraph: ServerHandle;
  let url: string;

  beforeAll(async () => {
    registry = createBusinessRegistrySimulator({ organizations: 40 });
    population = createPopulationDbSimulator({ people: 10 });
    const [{ wsdlUrl }, pop] = await Promise.all([registry.start(), population.start()]);
    db = await openTestDatabase();
    subgraph = createCitizensSubgraph({
      db,
      internalSecret: TEST_INTERNAL_SECRET,
      population: createPopulationDbClient({ wsdlUrl: pop.wsdlUrl, timeoutMs: CLIENT_TIMEOUT_MS }),
      businessRegistry: createBusinessRegistryClient({ wsdlUrl, timeoutMs: CLIENT_TIMEOUT_MS }),
    });
    ({ url } = await subgraph.start());
  });

  afterAll(async () => {
    await subgraph?.stop();
    await registry?.stop();
    await population?.stop();
    await db?.close();
  });

  beforeEach(() => {
    registry.setAvailable(true);
    registry.setLatency(0);
  });

  const logRows = () => db.prisma.citizenAccessLog.findMany({ where: { source: SOURCE }, orderBy: { id: 'asc' } });

  /** Runs `fn` and returns the registry calls and the access-log rows it caused. */
  async function measure<T>(fn: () => Promise<T>) {
    const before = { calls: registry.calls.total, rows: (await logRows()).length };
    const result = await fn();
    return { result, calls: registry.calls.total - before.calls, rows: (await logRows()).slice(before.rows) };
  }

  it('looks an organisation up for an official with a purpose, and logs the access', async () => {
    const purpose = 'dossier:000.00.12.H26-261123-0001 thẩm định';
    const { result, calls, rows } = await measure(() => callSubgraph(url, ORGANIZATION, { taxCode: DEMO_ORGANIZATION_TAX_CODE, purpose }, official));
    expect(result.errors).toBeUndefined();
    expect(result.data.organization).toEqual({
      taxCode: DEMO_ORGANIZATION_TAX_CODE,
      name: 'Công ty TNHH Một thành viên Phần mềm An Nguyễn',
      englishName: 'AN NGUYEN SOFTWARE COMPANY LIMITED',
      legalForm: 'Công ty trách nhiệm hữu hạn một thành viên',
      registrationDate: '2019-12-02',
      status: 'Đang hoạt động',
      headOfficeAddress: {
        street: 'Tầng 5, số 18 phố Trần Hưng Đạo',
        commune: 'Phường Cửa Nam',
        province: 'Thành phố Hà Nội',
        full: 'Tầng 5, số 18 phố Trần Hưng Đạo, Phường Cửa Nam, Thành phố Hà Nội',
      },
      legalRepresentative: { fullName: 'Nguyễn Văn An', personalId: DEMO_CITIZEN_ID, title: 'Giám đốc' },
    });
    expect(calls).toBe(1);
    expect(rows.map((r) => [r.personalId, r.source, r.purpose, r.outcome, r.actorId, r.actorRole])).toEqual([
      [DEMO_ORGANIZATION_TAX_CODE, SOURCE, purpose, 'FOUND', official.id, 'OFFICIAL'],
    ]);
    expect(rows[0].hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lets a citizen read public registration data, a branch code typed without its hyphen, logged as public information', async () => {
    const { result, rows } = await measure(() => callSubgraph(url, ORGANIZATION, { taxCode: '0315956783001', purpose: '' }, an));
    expect(result.errors).toBeUndefined();
    expect(result.data.organization).toMatchObject({ taxCode: SONG_HONG_DA_NANG, legalForm: 'Chi nhánh', englishName: null });
    expect(rows.map((r) => [r.personalId, r.purpose, r.outcome, r.actorRole])).toEqual([[SONG_HONG_DA_NANG, 'public-information', 'FOUND', 'CITIZEN']]);
  });

  it('answers ORGANIZATION_NOT_FOUND for a valid code the registry does not hold, and logs it', async () => {
    const { result, calls, rows } = await measure(() => callSubgraph(url, ORGANIZATION, { taxCode: ABSENT_TAX_CODE, purpose: 'kiểm tra' }, official));
    expect(result.data?.organization).toBeNull();
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'ORGANIZATION_NOT_FOUND', taxCode: ABSENT_TAX_CODE });
    expect(calls).toBe(1);
    expect(rows.map((r) => [r.personalId, r.outcome])).toEqual([[ABSENT_TAX_CODE, 'NOT_FOUND']]);
  });

  it.each([
    ['a wrong check digit', '0109012340', 'CHECK_DIGIT'],
    ['eleven digits', '01090123490', 'FORMAT'],
    ['branch 000', '0109012349-000', 'BRANCH_SUFFIX'],
  ])('refuses %s with INVALID_TAX_CODE before any SOAP call', async (_what, taxCode, reason) => {
    const { result, calls, rows } = await measure(() => callSubgraph(url, ORGANIZATION, { taxCode, purpose: 'kiểm tra' }, official));
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TAX_CODE', reason });
    expect(calls).toBe(0);
    expect(rows).toHaveLength(0);
  });

  it('refuses anonymous callers, and officials without a purpose, before any SOAP call', async () => {
    const { result, calls } = await measure(() => callSubgraph(url, ORGANIZATION, { taxCode: SONG_HONG, purpose: 'x' }, ANONYMOUS));
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const noPurpose = await measure(() => callSubgraph(url, ORGANIZATION, { taxCode: SONG_HONG, purpose: '  ' }, official));
    expect(noPurpose.result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'purpose' });
    expect(calls + noPurpose.calls).toBe(0);
    expect(noPurpose.rows).toHaveLength(0);
  });

  it('resolves three references (and a duplicate) with one SOAP call, null for the unknown one', async () => {
    const representations = [ref(SONG_HONG), ref(ABSENT_TAX_CODE), ref(SONG_HONG_DA_NANG), ref(SONG_HONG)];
    const before = registry.calls.byOperation.TraCuuNhieuDoanhNghiep ?? 0;
    const { result, calls, rows } = await measure(() => callSubgraph(url, ENTITIES, { representations }, official));
    expect(result.errors).toBeUndefined();
    expect(result.data._entities).toEqual([
      { taxCode: SONG_HONG, name: 'Công ty Cổ phần Thực phẩm Sông Hồng', status: 'Đang hoạt động' },
      null,
      { taxCode: SONG_HONG_DA_NANG, name: 'Chi nhánh Công ty Cổ phần Thực phẩm Sông Hồng tại Đà Nẵng', status: 'Đang hoạt động' },
      { taxCode: SONG_HONG, name: 'Công ty Cổ phần Thực phẩm Sông Hồng', status: 'Đang hoạt động' },
    ]);
    expect(calls).toBe(1);
    expect(registry.calls.byOperation.TraCuuNhieuDoanhNghiep - before).toBe(1);
    expect(rows.map((r) => [r.personalId, r.purpose, r.outcome])).toEqual([
      [SONG_HONG, 'federation:Organization', 'FOUND'],
      [ABSENT_TAX_CODE, 'federation:Organization', 'NOT_FOUND'],
      [SONG_HONG_DA_NANG, 'federation:Organization', 'FOUND'],
    ]);
  });

  it('answers UPSTREAM_UNAVAILABLE when the registry is down, and logs the failed access', async () => {
    registry.setAvailable(false);
    const { result, rows } = await measure(() => callSubgraph(url, ORGANIZATION, { taxCode: SONG_HONG, purpose: 'kiểm tra' }, official));
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', system: SOURCE, retryable: true });
    expect(rows.map((r) => [r.personalId, r.outcome])).toEqual([[SONG_HONG, 'ERROR']]);
  });

  it('answers UPSTREAM_TIMEOUT within the client timeout when the registry is too slow', async () => {
    registry.setLatency(CLIENT_TIMEOUT_MS * 4);
    const started = Date.now();
    const { result } = await measure(() => callSubgraph(url, ORGANIZATION, { taxCode: SONG_HONG, purpose: 'kiểm tra' }, official));
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'UPSTREAM_TIMEOUT', system: SOURCE });
    expect(Date.now() - started).toBeLessThan(CLIENT_TIMEOUT_MS * 3);
  });

  describe('prefill of organisation fields (organization.* bindings, by the tax code the form names)', () => {
    const PREFILL = `query ($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on FormPrefill { fields { fieldKey value status source { system } error { code } warnings { code } } }
      }
    }`;
    const BINDINGS = [
      { fieldKey: 'hoTen', sourcePath: 'citizen.fullName' },
      { fieldKey: 'tenToChuc', sourcePath: 'organization.name' },
      { fieldKey: 'maSoDoanhNghiep', sourcePath: 'organization.taxCode' },
      { fieldKey: 'diaChiTruSo', sourcePath: 'organization.headOfficeAddress' },
    ];
    const form = (taxCode: string | null) => ({ __typename: 'FormPrefill', procedureCode: '1.009982', personalId: DEMO_CITIZEN_ID, taxCode, bindings: BINDINGS });
    const prefillOf = (taxCode: string | null) => callSubgraph(url, PREFILL, { representations: [form(taxCode)] }, an);
    const byKey = (result: { data?: any }): Record<string, any> =>
      Object.fromEntries(result.data._entities[0].fields.map((f: { fieldKey: string }) => [f.fieldKey, f]));

    it('fills the citizen from the population database and the organisation from the registry, each logged', async () => {
      const { result, calls, rows } = await measure(() => prefillOf('0315956783001'));
      expect(result.errors).toBeUndefined();
      const fields = byKey(result);
      expect(fields.hoTen).toMatchObject({ value: 'Nguyễn Văn An', status: 'FILLED', source: { system: 'CSDLQG_DAN_CU' } });
      expect(fields.tenToChuc).toMatchObject({
        value: 'Chi nhánh Công ty Cổ phần Thực phẩm Sông Hồng tại Đà Nẵng',
        status: 'FILLED',
        source: { system: SOURCE },
      });
      // The normalised code, in the form's own pattern (with the branch hyphen).
      expect(fields.maSoDoanhNghiep).toMatchObject({ value: SONG_HONG_DA_NANG, status: 'FILLED' });
      expect(fields.diaChiTruSo.value).toContain('Phường Hải Châu');
      expect(calls).toBe(1);
      expect(rows.map((r) => [r.personalId, r.purpose, r.outcome, r.actorId])).toEqual([[SONG_HONG_DA_NANG, 'prefill:1.009982', 'FOUND', an.id]]);
    });

    it('leaves organisation fields MISSING with a typed error when the form names no tax code, without a registry call', async () => {
      const { result, calls } = await measure(() => prefillOf(null));
      const fields = byKey(result);
      expect(fields.hoTen.status).toBe('FILLED');
      expect(fields.tenToChuc).toMatchObject({ value: null, status: 'MISSING', error: { code: 'BAD_USER_INPUT' } });
      expect(calls).toBe(0);
    });

    it('answers ORGANIZATION_NOT_FOUND per field for a code the registry does not hold', async () => {
      const { result } = await measure(() => prefillOf(ABSENT_TAX_CODE));
      expect(byKey(result).tenToChuc).toMatchObject({ status: 'MISSING', error: { code: 'ORGANIZATION_NOT_FOUND' } });
    });

    it('refuses a malformed tax code with INVALID_TAX_CODE before any upstream call', async () => {
      const before = population.calls.total;
      const { result, calls, rows } = await measure(() => prefillOf('0109012340'));
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TAX_CODE', reason: 'CHECK_DIGIT' });
      expect(calls + population.calls.total - before).toBe(0);
      expect(rows).toHaveLength(0);
    });

    it('gives partial prefill when the registry is down: citizen fields filled, organisation fields SOURCE_UNAVAILABLE', async () => {
      registry.setAvailable(false);
      const { result, rows } = await measure(() => prefillOf(SONG_HONG));
      expect(result.errors).toBeUndefined();
      const fields = byKey(result);
      expect(fields.hoTen.status).toBe('FILLED');
      expect(fields.tenToChuc).toMatchObject({ status: 'SOURCE_UNAVAILABLE', error: { code: 'UPSTREAM_UNAVAILABLE' } });
      expect(rows.map((r) => [r.personalId, r.outcome])).toEqual([[SONG_HONG, 'ERROR']]);
    });
  });
});

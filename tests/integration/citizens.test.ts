/**
 * The citizens subgraph against the population database simulator (real SOAP over HTTP) and a real
 * database, called as the gateway calls it.
 */
import {
  ABSENT_PERSONAL_ID,
  createPopulationDbClient,
  createPopulationDbSimulator,
  type PopulationDbSimulator,
} from '../../adapters/population-db';
import { createCitizensSubgraph } from '../../subgraphs/citizens';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import type { ServerHandle } from '../../subgraphs/shared/federation/subgraph-server';
import type { Database } from '../../subgraphs/shared/storage/database';
import { openTestDatabase } from '../support/database';
import { callSubgraph, TEST_INTERNAL_SECRET } from '../support/subgraph-client';

const AN = '001090012345'; // Nguyễn Văn An
const NGOC = '079195001234'; // Trần Thị Bích Ngọc
const KHOA = '048203000789'; // Lê Minh Khoa, no current address
const CLIENT_TIMEOUT_MS = 600;

const official: Principal = { id: 'official:000.00.12.H26', role: 'OFFICIAL', agencyCode: '000.00.12.H26' };
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
      fields { fieldKey value status source { system path fetchedAt } error { code message } }
    }
    ... on Citizen { personalId fullName dateOfBirth sex permanentAddress { street commune province full } }
  }
}`;

const CITIZEN = `query ($personalId: String!, $purpose: String!) {
  citizen(personalId: $personalId, purpose: $purpose) {
    personalId fullName dateOfBirth sex ethnicity nationality hometown
    permanentAddress { street commune province full }
    currentAddress { full }
  }
}`;

const prefill = (personalId: string, procedureCode = '1.001193', bindings = BINDINGS) => ({
  __typename: 'FormPrefill',
  procedureCode,
  personalId,
  bindings,
});

describe('citizens subgraph', () => {
  let sim: PopulationDbSimulator;
  let db: Database;
  let subgraph: ServerHandle;
  let url: string;

  beforeAll(async () => {
    sim = createPopulationDbSimulator();
    const { wsdlUrl } = await sim.start();
    db = await openTestDatabase();
    const population = createPopulationDbClient({ wsdlUrl, timeoutMs: CLIENT_TIMEOUT_MS });
    subgraph = createCitizensSubgraph({ db, internalSecret: TEST_INTERNAL_SECRET, population });
    ({ url } = await subgraph.start());
  });

  afterAll(async () => {
    await subgraph?.stop();
    await sim?.stop();
    await db?.close();
  });

  beforeEach(() => {
    sim.setAvailable(true);
    sim.setLatency(0);
  });

  const logRows = () => db.prisma.citizenAccessLog.findMany({ orderBy: { id: 'asc' } });

  /** Runs `fn` and returns how many SOAP calls and access-log rows it caused. */
  async function measure<T>(fn: () => Promise<T>) {
    const callsBefore = sim.calls.total;
    const rowsBefore = (await logRows()).length;
    const result = await fn();
    const rows = (await logRows()).slice(rowsBefore);
    return { result, soapCalls: sim.calls.total - callsBefore, rows };
  }

  it('prefills bound fields with their source, in binding order, and logs the access', async () => {
    const before = new Date();
    const { result, soapCalls, rows } = await measure(() =>
      callSubgraph(url, ENTITIES, { representations: [prefill(AN), prefill(KHOA, '2.001417')] }, official),
    );
    expect(result.errors).toBeUndefined();
    const [forAn, forKhoa] = result.data._entities;
    expect(forAn.fields.map((f: { fieldKey: string }) => f.fieldKey)).toEqual(BINDINGS.map((b) => b.fieldKey));
    const byKey = Object.fromEntries(forAn.fields.map((f: { fieldKey: string }) => [f.fieldKey, f]));
    expect(byKey.hoTen).toMatchObject({ value: 'Nguyễn Văn An', status: 'FILLED', error: null });
    expect(byKey.hoTen.source).toMatchObject({ system: 'CSDLQG_DAN_CU', path: 'citizen.fullName' });
    expect(new Date(byKey.hoTen.source.fetchedAt).getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(byKey.ngaySinh.value).toBe('1990-03-15');
    expect(byKey.gioiTinh.value).toBe('Nam');
    expect(byKey.soDinhDanh.value).toBe(AN);
    expect(byKey.noiThuongTru.value).toBe('Số 12 phố Điện Biên Phủ, Phường Ba Đình, Thành phố Hà Nội');

    const khoaCurrent = forKhoa.fields.find((f: { fieldKey: string }) => f.fieldKey === 'noiOHienTai');
    expect(khoaCurrent).toEqual({ fieldKey: 'noiOHienTai', value: null, status: 'MISSING', source: null, error: null });

    // Two forms, two people, one request: one batch call to the source.
    expect(soapCalls).toBe(1);
    expect(rows.map((r) => [r.personalId, r.purpose, r.outcome, r.actorId, r.actorRole, r.source])).toEqual([
      [AN, 'prefill:1.001193', 'FOUND', official.id, 'OFFICIAL', 'CSDLQG_DAN_CU'],
      [KHOA, 'prefill:2.001417', 'FOUND', official.id, 'OFFICIAL', 'CSDLQG_DAN_CU'],
    ]);
  });

  it('rejects a malformed personal id before any SOAP call or log row', async () => {
    const { result, soapCalls, rows } = await measure(async () => [
      await callSubgraph(url, ENTITIES, { representations: [prefill('00109001234X')] }, official),
      await callSubgraph(url, CITIZEN, { personalId: '003090012345', purpose: 'kiểm tra' }, official),
      await callSubgraph(url, ENTITIES, { representations: [{ __typename: 'Citizen', personalId: '12' }] }, official),
    ]);
    for (const response of result) {
      expect(response.errors?.[0]?.extensions?.code).toBe('INVALID_PERSONAL_ID');
    }
    expect(soapCalls).toBe(0);
    expect(rows).toHaveLength(0);
  });

  it('resolves three Citizen representations with exactly one SOAP call', async () => {
    const representations = [AN, NGOC, AN, KHOA].map((personalId) => ({ __typename: 'Citizen', personalId }));
    const { result, soapCalls, rows } = await measure(() => callSubgraph(url, ENTITIES, { representations }, official));
    expect(result.errors).toBeUndefined();
    expect(result.data._entities.map((c: { fullName: string }) => c.fullName)).toEqual([
      'Nguyễn Văn An',
      'Trần Thị Bích Ngọc',
      'Nguyễn Văn An',
      'Lê Minh Khoa',
    ]);
    expect(result.data._entities[1]).toMatchObject({ sex: 'FEMALE', permanentAddress: { commune: 'Phường Sài Gòn' } });
    expect(soapCalls).toBe(1);
    expect(sim.calls.byOperation.TraCuuNhieuCongDan).toBeGreaterThan(0);
    expect(rows.map((r) => r.personalId).sort()).toEqual([AN, KHOA, NGOC].sort());
    expect(rows.every((r) => r.purpose === 'federation:Citizen' && r.outcome === 'FOUND')).toBe(true);
  });

  it('marks every field SOURCE_UNAVAILABLE when the source is down, and logs ERROR', async () => {
    sim.setAvailable(false);
    const { result, rows } = await measure(() => callSubgraph(url, ENTITIES, { representations: [prefill(AN)] }, official));
    expect(result.errors).toBeUndefined();
    const fields = result.data._entities[0].fields;
    expect(fields).toHaveLength(BINDINGS.length);
    for (const field of fields) {
      expect(field).toMatchObject({ value: null, status: 'SOURCE_UNAVAILABLE', source: null, error: { code: 'UPSTREAM_UNAVAILABLE' } });
    }
    expect(fields[0].error.message).toBe('Hệ thống nguồn tạm thời không khả dụng.');
    expect(rows.map((r) => [r.personalId, r.outcome])).toEqual([[AN, 'ERROR']]);
  });

  it('gives up on a slow source within the timeout, without failing the request', async () => {
    sim.setLatency(10_000);
    const started = Date.now();
    const { result, rows } = await measure(() => callSubgraph(url, ENTITIES, { representations: [prefill(NGOC)] }, official));
    expect(Date.now() - started).toBeLessThan(CLIENT_TIMEOUT_MS + 2500);
    expect(result.errors).toBeUndefined();
    expect(result.data._entities[0].fields.every((f: { status: string; error: { code: string } }) =>
      f.status === 'SOURCE_UNAVAILABLE' && f.error.code === 'UPSTREAM_TIMEOUT')).toBe(true);
    expect(rows.map((r) => r.outcome)).toEqual(['ERROR']);
  });

  it('answers Query.citizen for an official, and logs the stated purpose', async () => {
    const { result, rows } = await measure(() =>
      callSubgraph(url, CITIZEN, { personalId: NGOC, purpose: 'hồ sơ 000.00.12.H26-261123-0001' }, official),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.citizen).toEqual({
      personalId: NGOC,
      fullName: 'Trần Thị Bích Ngọc',
      dateOfBirth: '1995-11-02',
      sex: 'FEMALE',
      ethnicity: 'Kinh',
      nationality: 'Việt Nam',
      hometown: 'Phường Chợ Lớn, Thành phố Hồ Chí Minh',
      permanentAddress: {
        street: 'Số 45 đường Lê Lợi',
        commune: 'Phường Sài Gòn',
        province: 'Thành phố Hồ Chí Minh',
        full: 'Số 45 đường Lê Lợi, Phường Sài Gòn, Thành phố Hồ Chí Minh',
      },
      currentAddress: { full: 'Số 8 đường Võ Thị Sáu, Phường Tân Định, Thành phố Hồ Chí Minh' },
    });
    expect(rows.map((r) => [r.personalId, r.purpose, r.outcome])).toEqual([[NGOC, 'hồ sơ 000.00.12.H26-261123-0001', 'FOUND']]);
  });

  it('lets a citizen read themself, and forbids them anyone else without calling the source', async () => {
    const own = await callSubgraph(url, CITIZEN, { personalId: AN, purpose: '' }, an);
    expect(own.data?.citizen?.fullName).toBe('Nguyễn Văn An');

    const { result, soapCalls, rows } = await measure(async () => [
      await callSubgraph(url, CITIZEN, { personalId: NGOC, purpose: 'xem' }, an),
      await callSubgraph(url, ENTITIES, { representations: [prefill(NGOC)] }, an),
      await callSubgraph(url, ENTITIES, { representations: [{ __typename: 'Citizen', personalId: NGOC }] }, an),
    ]);
    for (const response of result) expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(soapCalls).toBe(0);
    expect(rows).toHaveLength(0);
  });

  it('asks anonymous callers to sign in', async () => {
    const response = await callSubgraph(url, CITIZEN, { personalId: AN, purpose: 'x' });
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers CITIZEN_NOT_FOUND for an unknown person, and logs NOT_FOUND', async () => {
    const { result, rows } = await measure(() => callSubgraph(url, CITIZEN, { personalId: ABSENT_PERSONAL_ID, purpose: 'kiểm tra' }, official));
    expect(result.errors?.[0]?.extensions?.code).toBe('CITIZEN_NOT_FOUND');
    expect(rows.map((r) => [r.personalId, r.outcome])).toEqual([[ABSENT_PERSONAL_ID, 'NOT_FOUND']]);
  });

  it('requires officials to state a purpose', async () => {
    const { result, soapCalls } = await measure(() => callSubgraph(url, CITIZEN, { personalId: AN, purpose: '  ' }, official));
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(soapCalls).toBe(0);
  });
});

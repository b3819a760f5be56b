/**
 * Shared catalogues over a migrated database and a real procedures subgraph: seeding (idempotent),
 * administrative units and agencies queries, and the operator-only agency upsert. No wall-clock
 * assertions: they failed CI on a loaded machine and said nothing about correctness.
 */
import { createProceduresSubgraph, SEED_AGENCIES, SEED_FIELDS } from '../../subgraphs/procedures';
import { seedSharedCatalogues } from '../../subgraphs/procedures/shared-catalogues';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import type { ServerHandle } from '../../subgraphs/shared/federation/subgraph-server';
import type { Database } from '../../subgraphs/shared/storage/database';
import { openTestDatabase } from '../support/database';
import { TEST_INTERNAL_SECRET, callSubgraph } from '../support/subgraph-client';

const OPERATOR: Principal = { id: 'operator:1', role: 'OPERATOR', name: 'Cán bộ vận hành' };
const OFFICIAL: Principal = { id: 'official:1', role: 'OFFICIAL', agencyCode: '000.00.12.H26' };

let db: Database;
let server: ServerHandle;
let url: string;

const errorOf = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions;

beforeAll(async () => {
  db = await openTestDatabase();
  expect(await seedSharedCatalogues(db.prisma)).toEqual({ administrativeUnits: 3355, agencies: SEED_AGENCIES.length, fields: SEED_FIELDS.length });
  server = createProceduresSubgraph({ db, internalSecret: TEST_INTERNAL_SECRET });
  ({ url } = await server.start());
});

afterAll(async () => {
  await server?.stop();
  await db?.close();
});

describe('seedSharedCatalogues', () => {
  it('loads 3,355 units and does nothing the second time', async () => {
    expect(await db.prisma.administrativeUnit.count()).toBe(3355);
    expect(await db.prisma.administrativeUnit.count({ where: { kind: 'PROVINCE' } })).toBe(34);
    expect(await seedSharedCatalogues(db.prisma)).toEqual({ administrativeUnits: 0, agencies: 0, fields: 0 });
    expect(await db.prisma.agency.count()).toBe(SEED_AGENCIES.length);
    expect(await db.prisma.procedureField.count()).toBe(SEED_FIELDS.length);
  });

  it('every seed agency names units that exist, its commune inside its province', async () => {
    const units = new Map((await db.prisma.administrativeUnit.findMany()).map((u) => [u.code, u]));
    for (const a of SEED_AGENCIES) {
      expect(units.get(a.provinceCode)?.kind).toBe('PROVINCE');
      if (a.communeCode) expect(units.get(a.communeCode)?.provinceCode).toBe(a.provinceCode);
    }
  });

  it('repairs a renamed unit but keeps an operator edit of an agency', async () => {
    await db.prisma.administrativeUnit.update({ where: { code: '00004' }, data: { name: 'Phường Sai Tên' } });
    await db.prisma.agency.update({ where: { code: '000.00.12.H26' }, data: { phone: '024 3825 3736' } });
    expect(await seedSharedCatalogues(db.prisma)).toEqual({ administrativeUnits: 1, agencies: 0, fields: 0 });
    expect((await db.prisma.administrativeUnit.findUnique({ where: { code: '00004' } }))?.name).toBe('Phường Ba Đình');
    expect((await db.prisma.agency.findUnique({ where: { code: '000.00.12.H26' } }))?.phone).toBe('024 3825 3736');
  });
});

describe('administrative units', () => {
  const UNITS = `query($provinceCode: String, $kind: AdministrativeUnitKind, $search: String, $first: Int, $after: String) {
    administrativeUnits(provinceCode: $provinceCode, kind: $kind, search: $search, first: $first, after: $after) {
      totalCount edges { cursor node { code name kind unitType province { code name } } } pageInfo { hasNextPage endCursor }
    }
  }`;

  it('finds "ba dinh" without diacritics', async () => {
    const res = await callSubgraph(url, UNITS, { search: 'ba dinh' });
    expect(res.errors).toBeUndefined();
    expect(res.data.administrativeUnits.edges[0].node).toEqual({
      code: '00004',
      name: 'Phường Ba Đình',
      kind: 'COMMUNE',
      unitType: 'Phường',
      province: { code: '01', name: 'Thành phố Hà Nội' },
    });
  });

  it('lists the communes of province 01 page by page, and the 34 provinces', async () => {
    const expected = await db.prisma.administrativeUnit.count({ where: { provinceCode: '01' } });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res: any = await callSubgraph(url, UNITS, { provinceCode: '01', first: 50, after });
      expect(res.errors).toBeUndefined();
      const page = res.data.administrativeUnits;
      expect(page.totalCount).toBe(expected);
      seen.push(...page.edges.map((e: any) => e.node.code));
      expect(page.edges.every((e: any) => e.node.province.code === '01')).toBe(true);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(expected);
    const provinces = await callSubgraph(url, UNITS, { kind: 'PROVINCE', first: 100 });
    expect(provinces.data.administrativeUnits.totalCount).toBe(34);
  });

  it('answers one unit with its communes; unknown → ADMINISTRATIVE_UNIT_NOT_FOUND', async () => {
    const ONE = `query($code: String!) { administrativeUnit(code: $code) { name province { code } communes(first: 3) { totalCount edges { node { code } } } } }`;
    const hanoi = await callSubgraph(url, ONE, { code: '01' });
    expect(hanoi.data.administrativeUnit.province).toBeNull();
    expect(hanoi.data.administrativeUnit.communes.edges).toHaveLength(3);
    expect(hanoi.data.administrativeUnit.communes.totalCount).toBe(await db.prisma.administrativeUnit.count({ where: { provinceCode: '01' } }));
    expect(errorOf(await callSubgraph(url, ONE, { code: '77777' }))).toMatchObject({ code: 'ADMINISTRATIVE_UNIT_NOT_FOUND' });
    expect(errorOf(await callSubgraph(url, UNITS, { provinceCode: '02' }))).toMatchObject({ code: 'ADMINISTRATIVE_UNIT_NOT_FOUND', field: 'provinceCode' });
  });
});

describe('agencies and fields', () => {
  const AGENCIES = `query($provinceCode: String, $level: String, $search: String) {
    agencies(provinceCode: $provinceCode, level: $level, search: $search) { code name level province { code } commune { code name } receptionHours cutoffHour }
  }`;
  const UPSERT = `mutation($input: AgencyInput!) { upsertAgency(input: $input) { code name level province { name } commune { name } phone email cutoffHour } }`;
  const good = { code: '000.06.41.H26', name: 'UBND phường Ngọc Hà, Thành phố Hà Nội', level: 'COMMUNE', provinceCode: '01', communeCode: '00008', phone: '024 3845 1234', cutoffHour: 16 };

  it('filters by level and searches names without diacritics', async () => {
    const res = await callSubgraph(url, AGENCIES, { level: 'COMMUNE', search: 'ba dinh' });
    expect(res.errors).toBeUndefined();
    const codes = res.data.agencies.map((a: any) => a.code);
    expect(codes).toEqual(SEED_AGENCIES.filter((a) => a.level === 'COMMUNE' && a.communeCode === '00004').map((a) => a.code).sort());
    expect(res.data.agencies[0].commune).toEqual({ code: '00004', name: 'Phường Ba Đình' });
    const one = await callSubgraph(url, `{ agency(code: "000.00.12.H26") { name cutoffHour province { code } } }`);
    expect(one.data.agency).toEqual({ name: 'Sở Tư pháp Thành phố Hà Nội', cutoffHour: 16, province: { code: '01' } });
    expect(errorOf(await callSubgraph(url, `{ agency(code: "000.00.99.H26") { name } }`))).toMatchObject({ code: 'AGENCY_NOT_FOUND' });
    expect(errorOf(await callSubgraph(url, AGENCIES, { level: 'DISTRICT' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'level' });
    const fields = await callSubgraph(url, `{ procedureFields { code name } }`);
    expect(fields.data.procedureFields).toContainEqual({ code: 'HOTICH', name: 'Hộ tịch' });
  });

  it('lets an operator create and then update an agency', async () => {
    const created = await callSubgraph(url, UPSERT, { input: good }, OPERATOR);
    expect(created.errors).toBeUndefined();
    expect(created.data.upsertAgency).toMatchObject({ code: good.code, province: { name: 'Thành phố Hà Nội' }, commune: { name: 'Phường Ngọc Hà' }, cutoffHour: 16 });
    const updated = await callSubgraph(url, UPSERT, { input: { ...good, phone: null, email: 'ngocha@hanoi.gov.vn' } }, OPERATOR);
    expect(updated.data.upsertAgency).toMatchObject({ phone: null, email: 'ngocha@hanoi.gov.vn' });
    expect(await db.prisma.agency.count({ where: { code: good.code } })).toBe(1);
  });

  it('rejects bad codes, unknown units, a commune outside its province — and writes nothing', async () => {
    const cases: Array<[Record<string, unknown>, Record<string, unknown>]> = [
      [{ code: '000.6.41.H26' }, { code: 'BAD_USER_INPUT', field: 'code' }],
      [{ code: '000.06.41.h26' }, { code: 'BAD_USER_INPUT', field: 'code' }],
      [{ code: 'H26' }, { code: 'BAD_USER_INPUT', field: 'code' }],
      [{ provinceCode: '02' }, { code: 'ADMINISTRATIVE_UNIT_NOT_FOUND', field: 'provinceCode' }],
      [{ communeCode: '99999' }, { code: 'ADMINISTRATIVE_UNIT_NOT_FOUND', field: 'communeCode' }],
      [{ communeCode: '25747' }, { code: 'BAD_USER_INPUT', field: 'communeCode' }],
      [{ communeCode: null }, { code: 'BAD_USER_INPUT', field: 'communeCode' }],
      [{ level: 'DISTRICT' }, { code: 'BAD_USER_INPUT', field: 'level' }],
      [{ cutoffHour: 24 }, { code: 'BAD_USER_INPUT', field: 'cutoffHour' }],
      [{ email: 'not-an-email' }, { code: 'BAD_USER_INPUT', field: 'email' }],
      [{ parentCode: '000.00.98.H26' }, { code: 'AGENCY_NOT_FOUND', field: 'parentCode' }],
    ];
    const commune = await db.prisma.administrativeUnit.findUnique({ where: { code: '25747' } });
    expect(commune?.provinceCode).not.toBe('01');
    for (const [change, expected] of cases) {
      const code = '000.07.41.H26';
      const res = await callSubgraph(url, UPSERT, { input: { ...good, code, ...change } }, OPERATOR);
      expect({ change, ext: errorOf(res) }).toEqual({ change, ext: expect.objectContaining(expected) });
    }
    expect(await db.prisma.agency.count({ where: { code: { in: ['000.07.41.H26', '000.6.41.H26', 'H26', '000.06.41.h26'] } } })).toBe(0);
  });

  it('refuses non-operators: FORBIDDEN for an official, UNAUTHENTICATED for anonymous', async () => {
    expect(errorOf(await callSubgraph(url, UPSERT, { input: { ...good, name: 'Đổi tên' } }, OFFICIAL))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await callSubgraph(url, UPSERT, { input: { ...good, name: 'Đổi tên' } }))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await db.prisma.agency.findUnique({ where: { code: good.code } }))?.name).toBe(good.name);
  });
});

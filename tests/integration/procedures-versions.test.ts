/**
 * Procedure versions by effective date, published through the subgraph as an operator, and the
 * publisher API used by the catalogue import.
 */
import {
  ProcedureCatalogue,
  ProcedurePublisher,
  SEED_AGENCIES,
  SEED_FIELDS,
  SEED_PROCEDURES,
  createProceduresSubgraph,
  seedProcedures,
} from '../../subgraphs/procedures';
import { addDays, localToday } from '../../subgraphs/procedures/catalogue/local-date';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import type { ServerHandle } from '../../subgraphs/shared/federation/subgraph-server';
import type { Database } from '../../subgraphs/shared/storage/database';
import { openTestDatabase } from '../support/database';
import { TEST_INTERNAL_SECRET, callSubgraph } from '../support/subgraph-client';

let db: Database;
let server: ServerHandle;
let url: string;

const OPERATOR: Principal = { id: 'operator:1', role: 'OPERATOR', name: 'Quản trị danh mục' };
const CITIZEN: Principal = { id: 'citizen:001090012345', role: 'CITIZEN', personalId: '001090012345' };
const OFFICIAL: Principal = { id: 'official:1', role: 'OFFICIAL', agencyCode: '000.00.12.H26' };
const CODE = '2.001417';
const today = localToday();
const tomorrow = addDays(today, 1);

/** The seed entry of CODE as a GraphQL ProcedureInput (derived totals left out). */
function inputOf(code: string, changes: Record<string, unknown> = {}) {
  const seed = SEED_PROCEDURES.find((p) => p.code === code)!;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { processingDays, feeVnd, legalBasis, ...input } = JSON.parse(JSON.stringify(seed));
  return { ...input, ...changes };
}

const PUBLISH = `mutation($input: ProcedureInput!, $effectiveFrom: Date!) {
  publishProcedure(input: $input, effectiveFrom: $effectiveFrom) { code version effectiveFrom name feeVnd }
}`;
const ONE = `query($code: String!, $at: Date) {
  procedure(code: $code, at: $at) { code version effectiveFrom name feeVnd processingDays }
}`;

const errorOf = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions;
const versionCount = (code: string) => db.prisma.procedureVersion.count({ where: { procedureCode: code } });

beforeAll(async () => {
  db = await openTestDatabase();
  // The shared-catalogues module loads these in production; the rows are all this test needs.
  await db.prisma.agency.createMany({
    data: SEED_AGENCIES.map((a) => ({ code: a.code, name: a.name, level: a.level, provinceCode: a.provinceCode, communeCode: a.communeCode ?? null })),
  });
  await db.prisma.procedureField.createMany({ data: SEED_FIELDS });
  await seedProcedures(db.prisma);
  server = createProceduresSubgraph({ db, internalSecret: TEST_INTERNAL_SECRET });
  ({ url } = await server.start());
});

afterAll(async () => {
  await server?.stop();
  await db?.close();
});

afterEach(() => jest.restoreAllMocks());

describe('seed versions', () => {
  it('publishes every seed procedure once, as version 1 effective 2025-07-01, and re-seeding changes nothing', async () => {
    expect(await db.prisma.procedureVersion.count()).toBe(SEED_PROCEDURES.length);
    expect(await seedProcedures(db.prisma)).toBe(SEED_PROCEDURES.length);
    expect(await db.prisma.procedureVersion.count()).toBe(SEED_PROCEDURES.length);
    const res = await callSubgraph(url, `{ procedureVersions(code: "1.001193") { version effectiveFrom createdBy } }`);
    expect(res.data.procedureVersions).toEqual([{ version: 1, effectiveFrom: '2025-07-01', createdBy: 'seed' }]);
  });
});

describe('publishProcedure', () => {
  it('keeps the version in force until a later effective date comes, and serves it for that date', async () => {
    const v2 = await callSubgraph(url, PUBLISH, { input: inputOf(CODE, { name: 'Cấp Phiếu lý lịch tư pháp (v2)' }), effectiveFrom: tomorrow }, OPERATOR);
    expect(v2.errors).toBeUndefined();
    expect(v2.data.publishProcedure).toMatchObject({ code: CODE, version: 2, effectiveFrom: tomorrow });

    const now = await callSubgraph(url, ONE, { code: CODE });
    expect(now.data.procedure).toMatchObject({ version: 1, effectiveFrom: '2025-07-01', feeVnd: 200000 });
    const then = await callSubgraph(url, ONE, { code: CODE, at: tomorrow });
    expect(then.data.procedure).toMatchObject({ version: 2, effectiveFrom: tomorrow, name: 'Cấp Phiếu lý lịch tư pháp (v2)' });
    const before = await callSubgraph(url, ONE, { code: CODE, at: '2025-06-30' });
    expect(errorOf(before)?.code).toBe('PROCEDURE_NOT_FOUND');

    // When the date comes, the catalogue serves the new version (and writes it to the row search reads).
    const catalogue = new ProcedureCatalogue(db.prisma, { now: () => new Date(Date.now() + 86_400_000) });
    expect(await catalogue.require(CODE)).toMatchObject({ version: 2, name: 'Cấp Phiếu lý lịch tư pháp (v2)' });
    expect((await db.prisma.procedure.findUnique({ where: { code: CODE } }))!.version).toBe(2);
    expect((await catalogue.requireVersion(CODE, 1)).name).toBe(SEED_PROCEDURES.find((p) => p.code === CODE)!.name);
  });

  it('makes a version effective today current at once, with the new fee', async () => {
    const code = '1.001193';
    const res = await callSubgraph(
      url,
      PUBLISH,
      { input: inputOf(code, { fees: [{ caseCode: 'MAC_DINH', caseName: 'Lệ phí', amountVnd: 5000 }] }), effectiveFrom: today },
      OPERATOR,
    );
    expect(res.errors).toBeUndefined();
    const current = await callSubgraph(url, ONE, { code });
    expect(current.data.procedure).toMatchObject({ version: 2, effectiveFrom: today, feeVnd: 5000 });
    const versions = await callSubgraph(url, `query($c: String!) { procedureVersions(code: $c) { version createdBy } }`, { c: code });
    expect(versions.data.procedureVersions).toEqual([
      { version: 1, createdBy: 'seed' },
      { version: 2, createdBy: OPERATOR.id },
    ]);
  });

  it('rejects an unknown agency naming the field, and writes no version', async () => {
    const code = '2.000815';
    const before = await versionCount(code);
    const input = inputOf(code);
    input.details.agencies.coordinating = ['000.00.99.H26'];
    const res = await callSubgraph(url, PUBLISH, { input, effectiveFrom: today }, OPERATOR);
    expect(errorOf(res)).toMatchObject({ code: 'AGENCY_NOT_FOUND', field: 'details.agencies.coordinating[0]', agencyCode: '000.00.99.H26' });
    expect(await versionCount(code)).toBe(before);
    const field = await callSubgraph(url, PUBLISH, { input: inputOf(code, { fieldCode: 'KHONGCO' }), effectiveFrom: today }, OPERATOR);
    expect(errorOf(field)).toMatchObject({ code: 'FIELD_NOT_FOUND', field: 'fieldCode' });
    expect(await versionCount(code)).toBe(before);
  });

  it('rejects a malformed code with INVALID_PROCEDURE_CODE, on publish and on read', async () => {
    const res = await callSubgraph(url, PUBLISH, { input: inputOf('2.000815', { code: '2.815' }), effectiveFrom: today }, OPERATOR);
    expect(errorOf(res)).toMatchObject({ code: 'INVALID_PROCEDURE_CODE', field: 'code' });
    expect(errorOf(await callSubgraph(url, ONE, { code: 'abc' }))?.code).toBe('INVALID_PROCEDURE_CODE');
    expect(await db.prisma.procedureVersion.count({ where: { procedureCode: '2.815' } })).toBe(0);
  });

  it('rejects other bad input with BAD_USER_INPUT listing each problem by field', async () => {
    const input = inputOf('2.000815');
    input.details.steps[1].order = 3;
    input.fees[0].amountVnd = -1;
    const res = await callSubgraph(url, PUBLISH, { input, effectiveFrom: today }, OPERATOR);
    expect(errorOf(res)?.code).toBe('BAD_USER_INPUT');
    expect(errorOf(res)?.problems.map((p: { field: string }) => p.field)).toEqual(
      expect.arrayContaining(['details.steps[1].order', 'fees[0].amountVnd']),
    );
  });

  it.each([
    [undefined, 'UNAUTHENTICATED'],
    [CITIZEN, 'FORBIDDEN'],
    [OFFICIAL, 'FORBIDDEN'],
  ])('refuses %p with %s', async (principal, code) => {
    const before = await versionCount('2.000815');
    const res = await callSubgraph(url, PUBLISH, { input: inputOf('2.000815'), effectiveFrom: today }, principal);
    expect(errorOf(res)?.code).toBe(code);
    expect(await versionCount('2.000815')).toBe(before);
  });
});

describe('ProcedurePublisher.publishMany', () => {
  it('publishes all or nothing', async () => {
    const publisher = new ProcedurePublisher(db.prisma);
    const good = SEED_PROCEDURES.find((p) => p.code === '2.000720')!;
    const bad = { ...SEED_PROCEDURES.find((p) => p.code === '2.000588')!, agencyCode: '000.00.98.H26' };
    const before = await db.prisma.procedureVersion.count();
    await expect(publisher.publishMany([good, bad], { actor: 'import:test', effectiveFrom: today })).rejects.toMatchObject({
      extensions: { code: 'AGENCY_NOT_FOUND', field: 'agencyCode' },
    });
    expect(await db.prisma.procedureVersion.count()).toBe(before);
    expect(await publisher.publishMany([good, SEED_PROCEDURES.find((p) => p.code === '2.000588')!], { actor: 'import:test', effectiveFrom: today })).toBe(2);
    expect(await db.prisma.procedureVersion.count()).toBe(before + 2);
  });

  it('fills agency and field names left blank from the tables', async () => {
    const seed = SEED_PROCEDURES.find((p) => p.code === '2.000720')!;
    const published = await new ProcedurePublisher(db.prisma).publish(
      { ...seed, agencyName: '', fieldName: '' },
      { actor: 'import:test', effectiveFrom: today },
    );
    const agency = await db.prisma.agency.findUniqueOrThrow({ where: { code: seed.agencyCode } });
    expect(published.agencyName).toBe(agency.name);
    expect(published.fieldName).not.toBe('');
  });
});

describe('Procedure criteria and references', () => {
  it('serves the 12 criteria with agency names from the agency table', async () => {
    const res = await callSubgraph(
      url,
      `{ procedure(code: "1.001193") {
          receptionPlaces { place hours } steps { order description } methods components { name kind count }
          processingTimes { caseCode workingHours } fees { amountVnd } forms { name templateUrl } requirements
          legalBases { title number url } handlingLevels subjects resultDocument cutoffHour
          agencies { deciding { code name } delegated { code } coordinating { code name } }
      } }`,
    );
    expect(res.errors).toBeUndefined();
    const p = res.data.procedure;
    expect(p.steps.map((s: { order: number }) => s.order)).toEqual([1, 2, 3, 4]);
    expect(p.agencies).toEqual({
      deciding: { code: '000.01.41.H26', name: 'UBND phường Ba Đình, Thành phố Hà Nội' },
      delegated: null,
      coordinating: [{ code: '000.01.42.H26', name: 'Công an phường Ba Đình, Thành phố Hà Nội' }],
    });
    expect(p.legalBases[0]).toMatchObject({ title: 'Luật Hộ tịch số 60/2014/QH13', number: '60/2014/QH13' });
    expect(p.handlingLevels).toEqual(['COMMUNE']);
  });

  it('still resolves _entities with one procedure query and one agency query', async () => {
    const findMany = jest.spyOn(db.prisma.procedure, 'findMany');
    const agencies = jest.spyOn(db.prisma.agency, 'findMany');
    const res = await callSubgraph(
      url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Procedure { code agencies { deciding { name } } } } }`,
      { r: ['1.001193', '2.000635', '1.001193', '2.000720'].map((code) => ({ __typename: 'Procedure', code })) },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data._entities.map((e: { code: string }) => e.code)).toEqual(['1.001193', '2.000635', '1.001193', '2.000720']);
    expect(findMany).toHaveBeenCalledTimes(1);
    expect(agencies).toHaveBeenCalledTimes(1);
  });
});

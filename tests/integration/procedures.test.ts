/**
 * The procedures subgraph served on a real port over a migrated database, called as the gateway
 * calls it (signed internal token).
 */
import { SEED_PROCEDURES, createProceduresSubgraph, seedProcedures } from '../../subgraphs/procedures';
import { toProcedureColumns } from '../../subgraphs/procedures/catalogue/procedure-record';
import { boundFields } from '../../subgraphs/procedures/e-form/e-form-definition';
import type { ServerHandle } from '../../subgraphs/shared/federation/subgraph-server';
import type { Database } from '../../subgraphs/shared/storage/database';
import { openTestDatabase } from '../support/database';
import { TEST_INTERNAL_SECRET, callSubgraph } from '../support/subgraph-client';

let db: Database;
let server: ServerHandle;
let url: string;

const LIST = `query List($search: String, $agencyCode: String, $fieldCode: String, $onlineLevel: Int,
    $subject: ProcedureSubject, $first: Int, $after: String) {
  procedures(search: $search, agencyCode: $agencyCode, fieldCode: $fieldCode, onlineLevel: $onlineLevel,
      subject: $subject, first: $first, after: $after) {
    totalCount
    edges { cursor node { code name } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Page {
  totalCount: number;
  edges: Array<{ cursor: string; node: { code: string; name: string } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function list(variables: Record<string, unknown>): Promise<Page> {
  const res = await callSubgraph<{ procedures: Page }>(url, LIST, variables);
  expect(res.errors).toBeUndefined();
  return res.data!.procedures;
}

async function codes(variables: Record<string, unknown>): Promise<string[]> {
  return (await list({ first: 100, ...variables })).edges.map((e) => e.node.code);
}

/** Follows `endCursor` to the end; returns every code seen, in order. */
async function walk(variables: Record<string, unknown>, first: number): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 50; guard++) {
    const page: Page = await list({ ...variables, first, after });
    expect(page.edges.length).toBeLessThanOrEqual(first);
    seen.push(...page.edges.map((e) => e.node.code));
    if (!page.pageInfo.hasNextPage) return seen;
    expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1].cursor);
    after = page.pageInfo.endCursor;
  }
  throw new Error('pagination did not end');
}

const errorCode = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => res.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  db = await openTestDatabase();
  expect(await seedProcedures(db.prisma)).toBe(SEED_PROCEDURES.length);
  server = createProceduresSubgraph({ db, internalSecret: TEST_INTERNAL_SECRET });
  ({ url } = await server.start());
});

afterAll(async () => {
  await server?.stop();
  await db?.close();
});

afterEach(() => jest.restoreAllMocks());

describe('seed', () => {
  it('is idempotent', async () => {
    expect(await seedProcedures(db.prisma)).toBe(SEED_PROCEDURES.length);
    expect(await db.prisma.procedure.count()).toBe(SEED_PROCEDURES.length);
  });
});

describe('Query.procedures', () => {
  const allCodes = SEED_PROCEDURES.map((p) => p.code).sort();

  it('lists the catalogue by code with its total', async () => {
    const page = await list({});
    expect(page.totalCount).toBe(SEED_PROCEDURES.length);
    expect(page.edges.map((e) => e.node.code)).toEqual(allCodes.slice(0, 20));
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect((await list({ first: 100 })).edges.map((e) => e.node.code)).toEqual(allCodes);
  });

  it('walks every procedure page by page, without duplicates', async () => {
    for (const first of [1, 2, 3, 4]) {
      const seen = await walk({}, first);
      expect(seen).toEqual(allCodes);
    }
  });

  it('keeps a cursor in place when a procedure is published before it', async () => {
    const page1 = await list({ first: 3 });
    const expectedNext = allCodes.slice(3, 6);
    const extra = { ...SEED_PROCEDURES[0], code: '1.000001', name: 'Thủ tục thử nghiệm', version: 1, effectiveFrom: '2025-07-01' };
    await db.prisma.procedure.create({ data: toProcedureColumns(extra) });
    try {
      const page2 = await list({ first: 3, after: page1.pageInfo.endCursor });
      expect(page2.edges.map((e) => e.node.code)).toEqual(expectedNext);
      expect(page2.totalCount).toBe(SEED_PROCEDURES.length + 1);
    } finally {
      await db.prisma.procedure.delete({ where: { code: extra.code } });
    }
  });

  it('finds "Đăng ký khai sinh" when searched without diacritics', async () => {
    const page = await list({ search: 'dang ky khai sinh' });
    expect(page.edges[0].node).toEqual({ code: '1.001193', name: 'Đăng ký khai sinh' });
    expect(await codes({ search: 'ĐĂNG KÝ KHAI SINH' })).toEqual(await codes({ search: 'dang ky khai sinh' }));
    expect(await codes({ search: 'phieu ly lich tu phap' })).toEqual(['2.001417']);
  });

  it('ranks name matches before description matches, ties by code', async () => {
    // Three names say "khai sinh". Đăng ký thường trú mentions the Giấy khai sinh in its description;
    // Phiếu lý lịch tư pháp matches by words of its description ("Tờ khai", "sinh viên").
    expect(await codes({ search: 'khai sinh' })).toEqual(['1.001193', '1.004859', '2.000635', '1.004222', '2.001417']);
    expect(await codes({ search: 'ket hon' })).toEqual(['1.000894', '2.000635']);
  });

  it('requires every word to match', async () => {
    expect(await codes({ search: 'ket hon' })).toContain('1.000894');
    expect(await list({ search: 'ket hon xay dung' })).toMatchObject({ totalCount: 0, edges: [] });
    expect((await list({ search: 'ket hon xay dung' })).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });

  it('pages through search results in rank order', async () => {
    const all = await codes({ search: 'dang ky' });
    expect(all.length).toBeGreaterThan(3);
    expect(await walk({ search: 'dang ky' }, 2)).toEqual(all);
  });

  it('filters by agency, field, online level and subject, also together with a search', async () => {
    const seedCodes = (keep: (p: (typeof SEED_PROCEDURES)[number]) => boolean) => SEED_PROCEDURES.filter(keep).map((p) => p.code).sort();
    expect(await codes({ agencyCode: '000.00.12.H26' })).toEqual(['2.001417']);
    expect(await codes({ fieldCode: 'HOTICH' })).toEqual(['1.000656', '1.000894', '1.001022', '1.001193', '1.004845', '1.004859', '1.004873', '2.000635']);
    expect(await codes({ onlineLevel: 2 })).toEqual(['1.003554', '2.000815', '2.000884', '2.001035']);
    expect(await codes({ subject: 'ORGANIZATION' })).toEqual(seedCodes((p) => p.subjects.includes('ORGANIZATION')));
    expect(await codes({ fieldCode: 'HOTICH', onlineLevel: 4 })).toEqual(['1.000656', '1.001193', '1.004845', '1.004873', '2.000635']);
    expect(await codes({ search: 'giay phep xay dung', subject: 'INDIVIDUAL' })).toEqual(['1.009994', '1.009995']);
    expect(await codes({ agencyCode: '000.00.99.H26' })).toEqual([]);
  });

  it.each([
    [{ first: 0 }, 'first'],
    [{ first: 101 }, 'first'],
    [{ onlineLevel: 5 }, 'onlineLevel'],
    [{ search: 'dang ky '.repeat(30) }, 'search'],
    [{ after: 'bm90LWEtY3Vyc29y' }, 'after'],
  ])('rejects %p with BAD_USER_INPUT', async (variables, argument) => {
    const res = await callSubgraph(url, LIST, variables);
    expect(res.data).toBeNull();
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.argument).toBe(argument);
    expect(res.errors![0].extensions!.messages.vi).toEqual(expect.any(String));
  });
});

describe('Query.procedure', () => {
  it('returns the whole procedure with its e-form', async () => {
    const res = await callSubgraph(
      url,
      `{ procedure(code: "2.001417") {
          code name onlineLevel fullOnline feeVnd processingDays implementationLevel subjects legalBasis resultDocument
          field { code name } agency { code name }
          eForm { code title fields { key label type required binding options pattern maxLength } }
      } }`,
    );
    expect(res.errors).toBeUndefined();
    const p = res.data.procedure;
    expect(p).toMatchObject({
      code: '2.001417',
      onlineLevel: 4,
      fullOnline: true,
      feeVnd: 200000,
      processingDays: 10,
      implementationLevel: 'PROVINCE',
      subjects: ['INDIVIDUAL'],
      field: { code: 'LLTP', name: 'Lý lịch tư pháp' },
      agency: { code: '000.00.12.H26', name: 'Sở Tư pháp Thành phố Hà Nội' },
    });
    expect(p.eForm.fields).toContainEqual({
      key: 'noiThuongTru',
      label: 'Nơi thường trú',
      type: 'TEXT',
      required: true,
      binding: 'citizen.permanentAddress',
      options: null,
      pattern: null,
      maxLength: 250,
    });
    expect(p.eForm.fields).toContainEqual(
      expect.objectContaining({ key: 'loaiPhieu', type: 'SELECT', binding: null, options: ['Phiếu số 1', 'Phiếu số 2'] }),
    );
  });

  it('answers an unknown code with PROCEDURE_NOT_FOUND', async () => {
    const res = await callSubgraph(url, `{ procedure(code: "9.999999") { code } }`);
    expect(res.data).toBeNull();
    expect(errorCode(res)).toBe('PROCEDURE_NOT_FOUND');
    expect(res.errors![0].extensions!.procedureCode).toBe('9.999999');
  });
});

describe('Query.prefillForm', () => {
  const PREFILL = `query($procedureCode: String!, $personalId: String!) {
    prefillForm(procedureCode: $procedureCode, personalId: $personalId) {
      procedureCode personalId form { code fields { key } } bindings { fieldKey sourcePath }
    }
  }`;

  it('lists the bound fields of the form, in form order', async () => {
    const res = await callSubgraph(url, PREFILL, { procedureCode: '1.004222', personalId: '001090012345' });
    expect(res.errors).toBeUndefined();
    const seed = SEED_PROCEDURES.find((p) => p.code === '1.004222')!;
    expect(res.data.prefillForm).toEqual({
      procedureCode: '1.004222',
      personalId: '001090012345',
      form: { code: 'CT01', fields: seed.eForm.fields.map((f) => ({ key: f.key })) },
      bindings: [
        { fieldKey: 'hoTen', sourcePath: 'citizen.fullName' },
        { fieldKey: 'ngaySinh', sourcePath: 'citizen.dateOfBirth' },
        { fieldKey: 'gioiTinh', sourcePath: 'citizen.sex' },
        { fieldKey: 'soDinhDanh', sourcePath: 'citizen.personalId' },
        { fieldKey: 'noiThuongTru', sourcePath: 'citizen.permanentAddress' },
      ],
    });
  });

  it('answers an unknown procedure with PROCEDURE_NOT_FOUND', async () => {
    const res = await callSubgraph(url, PREFILL, { procedureCode: '9.999999', personalId: '001090012345' });
    expect(errorCode(res)).toBe('PROCEDURE_NOT_FOUND');
  });
});

describe('Query._entities', () => {
  const ENTITIES = `query($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Procedure { code name feeVnd }
      ... on FormPrefill { procedureCode personalId bindings { fieldKey sourcePath } }
    }
  }`;

  it('resolves duplicate Procedure representations in order with one database query', async () => {
    const findMany = jest.spyOn(db.prisma.procedure, 'findMany');
    const findUnique = jest.spyOn(db.prisma.procedure, 'findUnique');
    const asked = ['2.001417', '1.001193', '2.001417', '9.999999', '1.001193', '2.001417'];
    const res = await callSubgraph(url, ENTITIES, {
      representations: asked.map((code) => ({ __typename: 'Procedure', code })),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data._entities).toEqual([
      { code: '2.001417', name: SEED_PROCEDURES.find((p) => p.code === '2.001417')!.name, feeVnd: 200000 },
      { code: '1.001193', name: 'Đăng ký khai sinh', feeVnd: 0 },
      { code: '2.001417', name: expect.any(String), feeVnd: 200000 },
      null,
      { code: '1.001193', name: 'Đăng ký khai sinh', feeVnd: 0 },
      { code: '2.001417', name: expect.any(String), feeVnd: 200000 },
    ]);
    expect(findMany).toHaveBeenCalledTimes(1);
    expect(findMany.mock.calls[0][0]).toEqual({ where: { code: { in: ['2.001417', '1.001193', '9.999999'] } } });
    expect(findUnique).not.toHaveBeenCalled();
  });

  it('rebuilds FormPrefill from its key', async () => {
    const res = await callSubgraph(url, ENTITIES, {
      representations: [
        { __typename: 'FormPrefill', procedureCode: '2.000635', personalId: '001090012345' },
        { __typename: 'Procedure', code: '2.000635' },
      ],
    });
    expect(res.errors).toBeUndefined();
    const seed = SEED_PROCEDURES.find((p) => p.code === '2.000635')!;
    expect(res.data._entities[0]).toEqual({
      procedureCode: '2.000635',
      personalId: '001090012345',
      bindings: boundFields(seed.eForm).map((f) => ({ fieldKey: f.key, sourcePath: f.binding })),
    });
    expect(res.data._entities[1].code).toBe('2.000635');
  });

  it('shares one batch between a query field and references in the same request', async () => {
    const findMany = jest.spyOn(db.prisma.procedure, 'findMany');
    const res = await callSubgraph(
      url,
      `query($representations: [_Any!]!) {
        procedure(code: "1.000894") { code }
        _entities(representations: $representations) { ... on Procedure { code } }
      }`,
      { representations: [{ __typename: 'Procedure', code: '1.000894' }, { __typename: 'Procedure', code: '1.009994' }] },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data._entities.map((e: { code: string }) => e.code)).toEqual(['1.000894', '1.009994']);
    expect(findMany).toHaveBeenCalledTimes(1);
  });
});

/**
 * Workflow and e-form definitions through the procedures subgraph on a real port over a migrated
 * database, called as the gateway calls it: versions, the latest served on Procedure, typed errors
 * with nothing written, and who may define them.
 */
import type { Principal } from '../../subgraphs/shared/auth/principal';
import { ProcedureCatalogue, createProceduresSubgraph, seedProcedures, validateFormData } from '../../subgraphs/procedures';
import { seedSharedCatalogues } from '../../subgraphs/procedures/shared-catalogues';
import { defaultWorkflowFor } from '../../subgraphs/procedures/workflow';
import type { ServerHandle } from '../../subgraphs/shared/federation/subgraph-server';
import type { Database, PrismaClient } from '../../subgraphs/shared/storage/database';
import { openTestDatabase } from '../support/database';
import { TEST_INTERNAL_SECRET, callSubgraph, type GraphQLResponse } from '../support/subgraph-client';

const CODE = '2.001417'; // Cấp Phiếu lý lịch tư pháp (Sở Tư pháp)
const OPERATOR: Principal = { id: 'operator:an', role: 'OPERATOR' };
const CITIZEN: Principal = { id: 'citizen:001204012345', role: 'CITIZEN', personalId: '001204012345' };

let db: Database;
let server: ServerHandle;
let url: string;
let agencyCode: string;
let processingDays: number;
let otherCode: string;

const WORKFLOW_FIELDS = `procedureCode version start totalWorkingHours createdBy createdAt
  steps { key name role kind durationWorkingHours next }`;
const DEFINE_WORKFLOW = `mutation ($code: String!, $input: WorkflowInput!) {
  defineWorkflow(procedureCode: $code, input: $input) { ${WORKFLOW_FIELDS} }
}`;
const EFORM_FIELDS = `procedureCode version code title createdBy
  fields { key label type required binding options pattern minLength maxLength min max minDate maxDate }`;
const DEFINE_EFORM = `mutation ($code: String!, $input: EFormInput!) {
  defineEForm(procedureCode: $code, input: $input) { ${EFORM_FIELDS} }
}`;

const errorOf = (res: GraphQLResponse) => res.errors?.[0]?.extensions as Record<string, any> | undefined;

/** A workflow of `days` working days: reception, then two branches of different length, then return. */
function workflowInput(days: number, extra: { verifyHours?: number } = {}) {
  const total = days * 8;
  return {
    start: 'tiepNhan',
    steps: [
      { key: 'tiepNhan', name: 'Tiếp nhận hồ sơ', role: 'RECEPTION', durationWorkingHours: 4, next: ['traCuu'] },
      { key: 'traCuu', name: 'Tra cứu lý lịch', role: 'SPECIALIST', durationWorkingDays: 1, next: ['xacMinh', 'kyPhieu'] },
      {
        key: 'xacMinh',
        name: 'Phối hợp Công an xác minh',
        role: 'COORDINATING_AGENCY',
        durationWorkingHours: extra.verifyHours ?? total - 4 - 8 - 4 - 4,
        next: ['kyPhieu'],
      },
      { key: 'kyPhieu', name: 'Giám đốc Sở ký Phiếu', role: 'AGENCY_LEADER', kind: 'APPROVAL', durationWorkingHours: 4, next: ['traKetQua'] },
      { key: 'traKetQua', name: 'Trả kết quả', role: 'RESULT_RETURN', kind: 'RETURN_RESULT', durationWorkingHours: 4, next: [] },
    ],
  };
}

const EFORM_INPUT = {
  code: 'TK-LLTP-2026',
  title: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (mẫu 2026)',
  fields: [
    { key: 'hoTen', label: 'Họ, chữ đệm và tên', type: 'TEXT', required: true, binding: 'citizen.fullName', minLength: 2, maxLength: 100 },
    { key: 'ngaySinh', label: 'Ngày sinh', type: 'DATE', required: true, binding: 'citizen.dateOfBirth', minDate: '1900-01-01', maxDate: 'today' },
    { key: 'soDinhDanh', label: 'Số định danh cá nhân', type: 'PERSONAL_ID', required: true, binding: 'citizen.personalId' },
    { key: 'loaiPhieu', label: 'Loại Phiếu', type: 'SELECT', required: true, options: ['Phiếu số 1', 'Phiếu số 2'] },
    { key: 'soLuongPhieu', label: 'Số lượng Phiếu', type: 'NUMBER', required: true, min: 1, max: 5 },
  ],
};

const workflowRows = (prisma: PrismaClient) => prisma.workflowDefinition.count({ where: { procedureCode: CODE } });
const eFormRows = (prisma: PrismaClient) => prisma.eFormDefinition.count({ where: { procedureCode: CODE } });

beforeAll(async () => {
  db = await openTestDatabase();
  // Shared catalogues (agencies, fields) come first: publishing a procedure checks its agency.
  await (seedSharedCatalogues as (prisma: PrismaClient) => Promise<unknown>)(db.prisma);
  await seedProcedures(db.prisma);
  const row = await db.prisma.procedure.findUniqueOrThrow({ where: { code: CODE } });
  ({ agencyCode, processingDays } = row);
  otherCode = (await db.prisma.procedure.findFirstOrThrow({ where: { code: { not: CODE } } })).code;
  server = createProceduresSubgraph({ db, internalSecret: TEST_INTERNAL_SECRET });
  ({ url } = await server.start());
});

afterAll(async () => {
  await server?.stop();
  await db?.close();
});

describe('workflow definitions', () => {
  it('versions 1, 2, 3 are listed; the latest is served on Procedure.workflow', async () => {
    expect(processingDays).toBeGreaterThanOrEqual(3); // the test workflows need room for their steps
    const v1 = await callSubgraph(url, DEFINE_WORKFLOW, { code: CODE, input: defaultWorkflowFor(processingDays) }, OPERATOR);
    expect(v1.errors).toBeUndefined();
    expect(v1.data.defineWorkflow).toMatchObject({ procedureCode: CODE, version: 1, start: 'tiep_nhan', createdBy: OPERATOR.id });
    expect(v1.data.defineWorkflow.totalWorkingHours).toBe(processingDays * 8);

    const v2 = await callSubgraph(url, DEFINE_WORKFLOW, { code: CODE, input: workflowInput(processingDays) }, OPERATOR);
    expect(v2.errors).toBeUndefined();
    const defined = v2.data.defineWorkflow;
    expect(defined.version).toBe(2);
    expect(defined.steps.map((s: { key: string }) => s.key)).toEqual(['tiepNhan', 'traCuu', 'xacMinh', 'kyPhieu', 'traKetQua']);
    expect(defined.steps[1]).toMatchObject({ role: 'SPECIALIST', kind: 'NORMAL', durationWorkingHours: 8 });
    expect(defined.totalWorkingHours).toBe(processingDays * 8);

    // An official of the procedure's own agency may define it too.
    const official: Principal = { id: 'official:stp', role: 'OFFICIAL', agencyCode };
    const v3 = await callSubgraph(url, DEFINE_WORKFLOW, { code: CODE, input: workflowInput(processingDays, { verifyHours: 8 }) }, official);
    expect(v3.errors).toBeUndefined();
    expect(v3.data.defineWorkflow).toMatchObject({ version: 3, createdBy: official.id, totalWorkingHours: 28 });

    const read = await callSubgraph(
      url,
      `query ($code: String!) {
        workflowVersions(procedureCode: $code) { version createdBy }
        first: workflow(procedureCode: $code, version: 1) { version start }
        latest: workflow(procedureCode: $code) { version }
        missing: workflow(procedureCode: $code, version: 9) { version }
        procedure(code: $code) { code workflow { version totalWorkingHours steps { key next } } }
      }`,
      { code: CODE },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data.workflowVersions).toEqual([
      { version: 1, createdBy: OPERATOR.id },
      { version: 2, createdBy: OPERATOR.id },
      { version: 3, createdBy: official.id },
    ]);
    expect(read.data.first).toEqual({ version: 1, start: 'tiep_nhan' });
    expect(read.data.latest).toEqual({ version: 3 });
    expect(read.data.missing).toBeNull();
    expect(read.data.procedure.workflow.version).toBe(3);
    expect(read.data.procedure.workflow.steps[1]).toEqual({ key: 'traCuu', next: ['xacMinh', 'kyPhieu'] });
  });

  it('serves Procedure.workflow on entity references, null where none is defined', async () => {
    const res = await callSubgraph(
      url,
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Procedure { code workflow { version } } } }`,
      { reps: [CODE, otherCode, CODE].map((code) => ({ __typename: 'Procedure', code })) },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data._entities).toEqual([
      { code: CODE, workflow: { version: 3 } },
      { code: otherCode, workflow: null },
      { code: CODE, workflow: { version: 3 } },
    ]);
  });

  it('rejects an invalid workflow with INVALID_WORKFLOW naming each problem, and writes nothing', async () => {
    const before = await workflowRows(db.prisma);
    const cyclic = workflowInput(processingDays);
    cyclic.steps[3].next = ['traKetQua', 'traCuu']; // kyPhieu → traCuu closes a cycle
    cyclic.steps.push({ key: 'lapLai', name: 'Bước thừa', role: 'CLERK', durationWorkingHours: 1, next: ['viDu'] });
    const res = await callSubgraph(url, DEFINE_WORKFLOW, { code: CODE, input: cyclic }, OPERATOR);
    expect(res.data).toBeNull();
    const ext = errorOf(res)!;
    expect(ext.code).toBe('INVALID_WORKFLOW');
    expect(ext.problems.map((p: { field: string }) => p.field)).toEqual(['steps[5].next[0]', 'steps[3].next[1]', 'steps[5]']);

    const tooLong = await callSubgraph(url, DEFINE_WORKFLOW, { code: CODE, input: workflowInput(processingDays + 1) }, OPERATOR);
    expect(errorOf(tooLong)).toMatchObject({ code: 'INVALID_WORKFLOW', field: 'steps' });
    expect(tooLong.errors![0].message).toMatch(new RegExp(`${(processingDays + 1) * 8} working hours.*${processingDays * 8}`));
    expect(await workflowRows(db.prisma)).toBe(before);
  });

  it('answers PROCEDURE_NOT_FOUND for an unknown procedure', async () => {
    const res = await callSubgraph(url, DEFINE_WORKFLOW, { code: '9.999999', input: workflowInput(5) }, OPERATOR);
    expect(errorOf(res)?.code).toBe('PROCEDURE_NOT_FOUND');
    const read = await callSubgraph(url, `{ workflowVersions(procedureCode: "9.999999") { version } }`);
    expect(errorOf(read)?.code).toBe('PROCEDURE_NOT_FOUND');
    expect(await db.prisma.workflowDefinition.count({ where: { procedureCode: '9.999999' } })).toBe(0);
  });

  it('lets only operators and officials of the agency define workflows', async () => {
    const before = await workflowRows(db.prisma);
    const input = workflowInput(processingDays);
    const attempt = (principal?: Principal) => callSubgraph(url, DEFINE_WORKFLOW, { code: CODE, input }, principal);
    expect(errorOf(await attempt())?.code).toBe('UNAUTHENTICATED');
    expect(errorOf(await attempt(CITIZEN))?.code).toBe('FORBIDDEN');
    expect(errorOf(await attempt({ id: 'official:x', role: 'OFFICIAL', agencyCode: `${agencyCode}.KHAC` }))?.code).toBe('FORBIDDEN');
    expect(errorOf(await attempt({ id: 'official:y', role: 'OFFICIAL' }))?.code).toBe('FORBIDDEN');
    expect(await workflowRows(db.prisma)).toBe(before);
  });
});

describe('e-form definitions', () => {
  it('a new version becomes the e-form Procedure serves and dossier intake validates against', async () => {
    const res = await callSubgraph(url, DEFINE_EFORM, { code: CODE, input: EFORM_INPUT }, OPERATOR);
    expect(res.errors).toBeUndefined();
    expect(res.data.defineEForm).toMatchObject({ procedureCode: CODE, version: 1, code: 'TK-LLTP-2026', createdBy: OPERATOR.id });
    expect(res.data.defineEForm.fields[1]).toMatchObject({ key: 'ngaySinh', minDate: '1900-01-01', maxDate: 'today', min: null });
    expect(res.data.defineEForm.fields[4]).toMatchObject({ key: 'soLuongPhieu', min: 1, max: 5, binding: null });

    const second = { ...EFORM_INPUT, fields: EFORM_INPUT.fields.map((f) => (f.key === 'soLuongPhieu' ? { ...f, max: 3 } : f)) };
    const v2 = await callSubgraph(url, DEFINE_EFORM, { code: CODE, input: second }, OPERATOR);
    expect(v2.data?.defineEForm.version).toBe(2);

    const read = await callSubgraph(
      url,
      `query ($code: String!) {
        procedure(code: $code) { eForm { code title fields { key binding } } }
        eFormVersions(procedureCode: $code) { version }
        first: eFormDefinition(procedureCode: $code, version: 1) { version fields { key max } }
        none: eFormDefinition(procedureCode: $code, version: 7) { version }
      }`,
      { code: CODE },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data.procedure.eForm.code).toBe('TK-LLTP-2026');
    expect(read.data.procedure.eForm.fields.map((f: { key: string }) => f.key)).toEqual(EFORM_INPUT.fields.map((f) => f.key));
    expect(read.data.eFormVersions).toEqual([{ version: 1 }, { version: 2 }]);
    expect(read.data.first.fields[4]).toEqual({ key: 'soLuongPhieu', max: 5 });
    expect(read.data.none).toBeNull();

    // The catalogue the dossiers subgraph reads now carries the new rules.
    const record = await new ProcedureCatalogue(db.prisma).require(CODE);
    const data = { hoTen: 'Trần Thị Bình', ngaySinh: '1990-05-17', soDinhDanh: '001190012345', loaiPhieu: 'Phiếu số 1', soLuongPhieu: 2 };
    expect(validateFormData(record.eForm, data)).toEqual([]);
    const wrong = validateFormData(record.eForm, { ...data, hoTen: 'B', ngaySinh: '2999-01-01', soLuongPhieu: 4 });
    expect(wrong.map((v) => [v.fieldKey, v.rule])).toEqual([
      ['hoTen', 'MIN_LENGTH'],
      ['ngaySinh', 'MAX'],
      ['soLuongPhieu', 'MAX'],
    ]);
  });

  it('rejects an invalid e-form with INVALID_EFORM naming the field, and changes nothing', async () => {
    const before = await eFormRows(db.prisma);
    const current = (await db.prisma.procedure.findUniqueOrThrow({ where: { code: CODE } })).eForm;
    const bad = {
      ...EFORM_INPUT,
      fields: [...EFORM_INPUT.fields, { key: 'luong', label: 'Lương', type: 'NUMBER', required: false, binding: 'citizen.salary' }],
    };
    const res = await callSubgraph(url, DEFINE_EFORM, { code: CODE, input: bad }, OPERATOR);
    expect(errorOf(res)).toMatchObject({ code: 'INVALID_EFORM', field: 'fields[5].binding' });

    const incompatible = { ...EFORM_INPUT, fields: [{ ...EFORM_INPUT.fields[1], type: 'TEXT', maxDate: null, minDate: null }] };
    const res2 = await callSubgraph(url, DEFINE_EFORM, { code: CODE, input: incompatible }, OPERATOR);
    expect(errorOf(res2)).toMatchObject({ code: 'INVALID_EFORM', field: 'fields[0].binding' });

    const duplicate = { ...EFORM_INPUT, fields: [EFORM_INPUT.fields[0], { ...EFORM_INPUT.fields[0], pattern: '(a+)+' }] };
    const res3 = await callSubgraph(url, DEFINE_EFORM, { code: CODE, input: duplicate }, OPERATOR);
    expect(errorOf(res3)?.problems.map((p: { field: string }) => p.field)).toEqual(['fields[1].pattern']);

    expect(await eFormRows(db.prisma)).toBe(before);
    expect((await db.prisma.procedure.findUniqueOrThrow({ where: { code: CODE } })).eForm).toEqual(current);
  });

  it('lets only operators and officials of the agency define e-forms', async () => {
    const before = await eFormRows(db.prisma);
    const attempt = (principal?: Principal) => callSubgraph(url, DEFINE_EFORM, { code: CODE, input: EFORM_INPUT }, principal);
    expect(errorOf(await attempt())?.code).toBe('UNAUTHENTICATED');
    expect(errorOf(await attempt(CITIZEN))?.code).toBe('FORBIDDEN');
    expect(errorOf(await attempt({ id: 'official:x', role: 'OFFICIAL', agencyCode: `${agencyCode}.KHAC` }))?.code).toBe('FORBIDDEN');
    expect(await eFormRows(db.prisma)).toBe(before);

    const own = await attempt({ id: 'official:stp', role: 'OFFICIAL', agencyCode });
    expect(own.data?.defineEForm.version).toBe(before + 1);
  });
});

/**
 * The portal journey of issue 2, end to end over real ports, through the gateway only:
 * catalogue → prefill over SOAP → submission → payment with provider callback → live events.
 * Runs against the embedded default and, when TEST_DATABASE_URL is set (CI), against PostgreSQL.
 */
import { DEMO_CITIZEN_ID } from '../../adapters/population-db';
import type { RunningHub } from '../../gateway/hub/start-hub';
import { localDay, WorkingDayCalendar } from '../../subgraphs/shared/calendar/working-days';
import type { Config } from '../../subgraphs/shared/config';
import { E2E_BACKENDS, startTestHub, type TestHub } from '../support/test-hub';
import { eventually, gql, SubscriptionRecorder } from '../support/gateway-client';
import { buildFormData, FEE_PROCEDURE, type FormField, tableCounts } from '../support/journey';

describe.each(E2E_BACKENDS)('portal journey through the gateway (%s)', (_backend, onPostgres) => {
  let config: Config;
  let hub: RunningHub;
  let testHub: TestHub;
  let url: string;
  let citizen: string;
  let official: string;
  let form: FormField[];
  let formData: Record<string, unknown>;
  let dossierCode: string;
  let dashboard: SubscriptionRecorder;
  let signalListenersBefore: number;

  beforeAll(async () => {
    signalListenersBefore = process.listeners('SIGTERM').length + process.listeners('SIGINT').length;
    testHub = await startTestHub(onPostgres);
    ({ config, hub, url, citizen } = testHub);
  });

  afterAll(async () => {
    await dashboard?.close();
    await testHub?.stop();
  });

  it('uses the storage it was asked to', () => {
    expect(hub.db!.embedded).toBe(!onPostgres);
  });

  it('leaves SIGTERM/SIGINT to the entry point, which stops the parts in order', () => {
    // Apollo Server's own handlers (one per server) raced the hub's shutdown and hung the process.
    expect(process.listeners('SIGTERM').length + process.listeners('SIGINT').length).toBe(signalListenersBefore);
  });

  it('1. lists procedures (search without diacritics) and reads one with its e-form', async () => {
    const list = await gql(url, `{ procedures(search: "ly lich tu phap", first: 5) { totalCount edges { cursor node { code name } } } }`);
    expect(list.errors).toBeUndefined();
    expect(list.data.procedures.edges.map((e: any) => e.node.code)).toContain(FEE_PROCEDURE);

    const one = await gql(
      url,
      `query($code: String!) { procedure(code: $code) { code name feeVnd agency { code } eForm { title fields { key label type required binding options } } } }`,
      { code: FEE_PROCEDURE },
    );
    expect(one.errors).toBeUndefined();
    expect(one.data.procedure.feeVnd).toBeGreaterThan(0);
    form = one.data.procedure.eForm.fields;
    expect(form.some((f) => f.binding === 'citizen.fullName')).toBe(true);
    official = await testHub.token({ id: 'official:test', role: 'OFFICIAL', agencyCode: one.data.procedure.agency.code });
  });

  it('2. prefills the e-form from the population database over SOAP, with the source of each value', async () => {
    const before = hub.simulators.population!.calls.total;
    const res = await gql(
      url,
      `query($code: String!, $pid: String!) { prefillForm(procedureCode: $code, personalId: $pid) {
         form { title } fields { fieldKey value status source { system path fetchedAt } } } }`,
      { code: FEE_PROCEDURE, pid: DEMO_CITIZEN_ID },
      citizen,
    );
    expect(res.errors).toBeUndefined();
    const fields = res.data.prefillForm.fields as Array<{ fieldKey: string; value: string; status: string; source: any }>;
    const name = fields.find((f) => f.source?.path === 'citizen.fullName')!;
    expect(name).toMatchObject({ status: 'FILLED', value: 'Nguyễn Văn An', source: { system: 'CSDLQG_DAN_CU' } });
    expect(Number.isNaN(Date.parse(name.source.fetchedAt))).toBe(false);
    expect(hub.simulators.population!.calls.total).toBe(before + 1); // one SOAP call for the whole form
    formData = buildFormData(form, fields);
  });

  it('2b. prefills an organisation\'s form by tax code: representative from the population database, organisation from the registry', async () => {
    const before = hub.simulators.businessRegistry!.calls.total;
    const res = await gql(
      url,
      `query($pid: String!, $tax: String) { prefillForm(procedureCode: "1.009982", personalId: $pid, taxCode: $tax) {
         taxCode fields { fieldKey value status source { system path } } } }`,
      { pid: DEMO_CITIZEN_ID, tax: '0315956783' },
      citizen,
    );
    expect(res.errors).toBeUndefined();
    const fields = Object.fromEntries((res.data.prefillForm.fields as any[]).map((f) => [f.fieldKey, f]));
    expect(fields.hoTen).toMatchObject({ status: 'FILLED', source: { system: 'CSDLQG_DAN_CU' } });
    expect(fields.tenToChuc).toMatchObject({
      status: 'FILLED',
      value: 'Công ty Cổ phần Thực phẩm Sông Hồng',
      source: { system: 'CSDL_DKDN', path: 'organization.name' },
    });
    expect(fields.maSoDoanhNghiep.value).toBe('0315956783');
    expect(hub.simulators.businessRegistry!.calls.total).toBe(before + 1);
  });

  it('5a. a dashboard subscribes through the gateway (graphql-ws)', async () => {
    dashboard = new SubscriptionRecorder(url, official).start(
      `subscription { dossierEvents { id fromStatus toStatus dossier { code status procedure { name } } } }`,
    );
    await eventually(async () => hub.dossierEvents!.subscriberCount('dossier.status') > 0);
  });

  it('3. submits the dossier: receipt code and an appointment date on a working day', async () => {
    const res = await gql(
      url,
      `mutation($input: SubmitDossierInput!) { submitDossier(input: $input) {
         code status receivedAt appointmentDate feeVnd procedure { name } applicant { fullName } } }`,
      { input: { procedureCode: FEE_PROCEDURE, formData, idempotencyKey: 'journey-1' } },
      citizen,
    );
    expect(res.errors).toBeUndefined();
    const dossier = res.data.submitDossier;
    dossierCode = dossier.code;
    const today = localDay(new Date(dossier.receivedAt)).day.slice(2).replaceAll('-', '');
    expect(dossierCode).toMatch(new RegExp(`^[0-9A-Z.]+-${today}-\\d{4}$`));
    expect(dossier.status).toBe('PAYMENT_DUE');
    expect(dossier.applicant.fullName).toBe('Nguyễn Văn An');
    expect(new WorkingDayCalendar().isWorkingDay(dossier.appointmentDate)).toBe(true);
    expect(dossier.appointmentDate > localDay(new Date(dossier.receivedAt)).day).toBe(true);

    const retry = await gql(
      url,
      `mutation($input: SubmitDossierInput!) { submitDossier(input: $input) { code } }`,
      { input: { procedureCode: FEE_PROCEDURE, formData, idempotencyKey: 'journey-1' } },
      citizen,
    );
    expect(retry.data.submitDossier.code).toBe(dossierCode); // same key, same dossier
  });

  it('4. pays the fee: the provider calls back and the dossier moves on', async () => {
    const pay = await gql(url, `mutation($c: String!) { payDossierFee(dossierCode: $c) { id status amountVnd providerRef redirectUrl } }`, { c: dossierCode }, citizen);
    expect(pay.errors).toBeUndefined();
    expect(pay.data.payDossierFee).toMatchObject({ status: 'PENDING' });
    expect(pay.data.payDossierFee.redirectUrl).toContain(hub.urls.paymentProvider);

    await hub.simulators.paymentProvider!.completePayment(pay.data.payDossierFee.providerRef, 'SUCCESS');
    const dossier = await eventually(async () => {
      const res = await gql(url, `query($c: String!) { dossier(code: $c) { status payment { status receiptNumber } history { fromStatus toStatus } } }`, { c: dossierCode }, citizen);
      return res.data?.dossier?.status === 'NEW' ? res.data.dossier : undefined; // paid: waits for reception
    });
    expect(dossier.payment).toMatchObject({ status: 'PAID', receiptNumber: expect.any(String) });
    expect(dossier.history.map((h: any) => h.toStatus)).toEqual(['PAYMENT_DUE', 'NEW']);

    const lookup = await gql(url, `query($c: String!) { dossierStatus(code: $c) { status } }`, { c: dossierCode });
    expect(lookup.data.dossierStatus.status).toBe('NEW'); // public, no token
  });

  it('5b. the dashboard received both status events, resolved across subgraphs', async () => {
    const events = (await dashboard.next(2)).map((r) => r.data!.dossierEvents);
    expect(events.map((e: any) => [e.fromStatus, e.toStatus])).toEqual([[null, 'PAYMENT_DUE'], ['PAYMENT_DUE', 'NEW']]);
    expect(events[1].dossier).toMatchObject({ code: dossierCode, status: 'NEW', procedure: { name: expect.stringMatching(/lý lịch tư pháp/i) } });
  });

  describe('bad input gets a typed error and stores nothing', () => {
    const codeOf = (res: any) => res.errors?.[0]?.extensions?.code;

    it('unknown procedure', async () => {
      const before = await tableCounts(hub.db!);
      expect(codeOf(await gql(url, `{ procedure(code: "9.999999") { name } }`))).toBe('PROCEDURE_NOT_FOUND');
      const submit = await gql(url, `mutation($i: SubmitDossierInput!) { submitDossier(input: $i) { code } }`, { i: { procedureCode: '9.999999', formData } }, citizen);
      expect(codeOf(submit)).toBe('PROCEDURE_NOT_FOUND');
      expect(await tableCounts(hub.db!)).toEqual(before);
    });

    it('malformed 12-digit personal id: no SOAP call, no access-log row', async () => {
      const before = await tableCounts(hub.db!);
      const calls = hub.simulators.population!.calls.total;
      const res = await gql(url, `query { prefillForm(procedureCode: "${FEE_PROCEDURE}", personalId: "12345") { fields { value } } }`, {}, official);
      expect(codeOf(res)).toBe('INVALID_PERSONAL_ID');
      expect(hub.simulators.population!.calls.total).toBe(calls);
      expect(await tableCounts(hub.db!)).toEqual(before);
    });

    it('missing required form field', async () => {
      const before = await tableCounts(hub.db!);
      const required = form.find((f) => f.required)!;
      const { [required.key]: _dropped, ...incomplete } = formData;
      const res = await gql(url, `mutation($i: SubmitDossierInput!) { submitDossier(input: $i) { code } }`, { i: { procedureCode: FEE_PROCEDURE, formData: incomplete } }, citizen);
      expect(codeOf(res)).toBe('FORM_VALIDATION_FAILED');
      expect(res.errors![0].extensions!.violations).toEqual(expect.arrayContaining([expect.objectContaining({ fieldKey: required.key, rule: 'REQUIRED' })]));
      expect(await tableCounts(hub.db!)).toEqual(before);
    });

    it('unknown dossier code', async () => {
      expect(codeOf(await gql(url, `{ dossierStatus(code: "000.00.12.H26-990101-9999") { status } }`))).toBe('DOSSIER_NOT_FOUND');
      expect(codeOf(await gql(url, `{ dossier(code: "000.00.12.H26-990101-9999") { status } }`, {}, citizen))).toBe('DOSSIER_NOT_FOUND');
    });

    it('double payment', async () => {
      const before = await tableCounts(hub.db!);
      const res = await gql(url, `mutation($c: String!) { payDossierFee(dossierCode: $c) { id } }`, { c: dossierCode }, citizen);
      expect(codeOf(res)).toBe('PAYMENT_ALREADY_PAID');
      expect(await tableCounts(hub.db!)).toEqual(before);
    });

    it('errors speak Vietnamese by default and English on request', async () => {
      const vi = await gql(url, `{ procedure(code: "9.999999") { name } }`);
      const en = await gql(url, `{ procedure(code: "9.999999") { name } }`, {}, undefined, { 'accept-language': 'en' });
      expect(vi.errors![0].message).toMatch(/thủ tục/i);
      expect(en.errors![0].message).toMatch(/procedure/i);
    });
  });

  describe('security path', () => {
    it('refuses a forged access token at the gateway', async () => {
      const res = await gql(url, `{ procedures { totalCount } }`, {}, 'not-a-token');
      expect(res.status).toBe(401);
      expect(res.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    });

    it('subgraphs refuse calls that do not come through the gateway', async () => {
      const res = await fetch(hub.urls.dossiers!, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ dossierStatus(code: "x") { status } }' }),
      });
      expect(res.status).toBe(401);
    });

    it("a citizen cannot read another citizen's dossier", async () => {
      const other = await testHub.token({ id: 'citizen:079195001234', role: 'CITIZEN', personalId: '079195001234' });
      const res = await gql(url, `query($c: String!) { dossier(code: $c) { status } }`, { c: dossierCode }, other);
      expect(res.errors![0].extensions!.code).toBe('DOSSIER_NOT_FOUND');
    });

    it('shows operators each national source\'s health, and no one else', async () => {
      const operator = await testHub.token({ id: 'operator', role: 'OPERATOR' });
      const res = await gql(url, `{ adapterStatus { system calls successes circuitState latencyP95Ms } }`, {}, operator);
      expect(res.errors).toBeUndefined();
      const population = res.data.adapterStatus.find((a: any) => a.system === 'CSDLQG_DAN_CU');
      expect(population).toMatchObject({ circuitState: 'CLOSED' });
      expect(population.calls).toBeGreaterThan(0);
      expect(population.successes).toBeGreaterThan(0);
      const denied = await gql(url, `{ adapterStatus { system } }`, {}, citizen);
      expect(denied.errors![0].extensions!.code).toBe('FORBIDDEN');
    });

    it('every prefill read of national data was logged with who and why', async () => {
      const rows = await hub.db!.prisma.citizenAccessLog.findMany({ where: { personalId: DEMO_CITIZEN_ID } });
      expect(rows.some((r) => r.purpose === `prefill:${FEE_PROCEDURE}` && r.actorId === `citizen:${DEMO_CITIZEN_ID}`)).toBe(true);
    });
  });
});

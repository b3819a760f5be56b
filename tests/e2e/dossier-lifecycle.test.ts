/**
 * The one-stop desk of issue 5, end to end through the gateway only: an online death registration
 * with its required attachment, reception, the workflow's steps by officials holding each role (and
 * refused to one who does not), the electronic result, return by post through the carrier, the SMS
 * and e-mail the applicant receives, the public lookup, a rating and the agency's statistics.
 */
import { DEMO_CITIZEN_ID } from '../../adapters/population-db';
import { eventually, gql } from '../support/gateway-client';
import { buildFormData, type FormField } from '../support/journey';
import { E2E_BACKENDS, startTestHub, type TestHub } from '../support/test-hub';

/** Đăng ký khai tử: free, one working day, at a commune (000.01.41.H26); the death notice is required online. */
const PROCEDURE = '1.000656';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n').toString('base64');

const codeOf = (res: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.code;

describe.each(E2E_BACKENDS)('dossier lifecycle through the gateway (%s)', (_backend, onPostgres) => {
  let t: TestHub;
  let agencyCode: string;
  let reception: string;
  let specialist: string;
  let leader: string;
  let operator: string;
  let code: string;
  let version: number;

  beforeAll(async () => {
    t = await startTestHub(onPostgres);
    const procedure = await gql(t.url, `{ procedure(code: "${PROCEDURE}") { agency { code } } }`);
    agencyCode = procedure.data.procedure.agency.code;
    const official = (id: string, workflowRoles: string[]) => t.token({ id: `official:${id}`, role: 'OFFICIAL', agencyCode, workflowRoles, name: id });
    reception = await official('mot-cua', ['RECEPTION', 'RESULT_RETURN']);
    specialist = await official('chuyen-vien', ['SPECIALIST']);
    leader = await official('lanh-dao', ['LEADER', 'AGENCY_LEADER']);
    operator = await t.token({ id: 'operator:test', role: 'OPERATOR' });
  });

  afterAll(async () => {
    await t?.stop();
  });

  const act = async (token: string, mutation: string, extra = '') => {
    const res = await gql(t.url, `mutation { ${mutation}(code: "${code}", expectedVersion: ${version}${extra}) { status version currentStep { key role } } }`, {}, token);
    if (!res.errors) version = res.data[mutation].version;
    return res;
  };

  it('submits online: refused without the required component, accepted with it, as NEW at the reception step', async () => {
    const one = await gql(t.url, `{ procedure(code: "${PROCEDURE}") { eForm { fields { key type required binding options } } } }`);
    const form = one.data.procedure.eForm.fields as FormField[];
    const prefill = await gql(t.url, `{ prefillForm(procedureCode: "${PROCEDURE}", personalId: "${DEMO_CITIZEN_ID}") { fields { fieldKey value } } }`, {}, t.citizen);
    const formData = { ...buildFormData(form, prefill.data.prefillForm.fields), soDienThoai: '0912345678', email: 'nguyenvanan@example.vn' };
    const input = {
      procedureCode: PROCEDURE,
      formData,
      returnMethod: 'POSTAL',
      postalAddress: 'Số 12 phố Hàng Bài, Phường Hoàn Kiếm, Thành phố Hà Nội',
      idempotencyKey: 'lifecycle-1',
    };
    const submit = (attachments: unknown[]) =>
      gql(t.url, `mutation($i: SubmitDossierInput!) { submitDossier(input: $i) { code status version currentStep { key role } } }`, { i: { ...input, attachments } }, t.citizen);
    const refused = await submit([]);
    expect(codeOf(refused)).toBe('MISSING_COMPONENTS');
    const missing = refused.errors![0].extensions!.missing as string[];
    expect(missing.length).toBeGreaterThan(0);
    const res = await submit(missing.map((componentName, i) => ({ componentName, fileName: `giay-to-${i + 1}.pdf`, contentType: 'application/pdf', contentBase64: PDF })));
    expect(res.errors).toBeUndefined();
    ({ code, version } = res.data.submitDossier);
    expect(res.data.submitDossier).toMatchObject({ status: 'NEW', currentStep: { key: 'tiep_nhan', role: 'RECEPTION' } });
  });

  it('gives the receipt and appointment slips as PDFs with their checksums', async () => {
    const res = await gql(t.url, `{ dossier(code: "${code}") { receiptSlip { contentType sizeBytes sha256 contentBase64 } attachments { sha256 } } }`, {}, t.citizen);
    const slip = res.data.dossier.receiptSlip;
    expect(slip.contentType).toBe('application/pdf');
    expect(Buffer.from(slip.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(slip.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(res.data.dossier.attachments.length).toBeGreaterThan(0);
  });

  it('lets only the role of the open step act, and refuses a stale version', async () => {
    expect(codeOf(await act(specialist, 'acceptDossier'))).toBe('FORBIDDEN');
    version -= 1;
    expect(codeOf(await act(reception, 'acceptDossier'))).toBe('STALE_VERSION');
    version += 1;
    const accepted = await act(reception, 'acceptDossier');
    expect(accepted.data.acceptDossier).toMatchObject({ status: 'ACCEPTED', currentStep: { key: 'tham_dinh', role: 'SPECIALIST' } });
  });

  it('moves through the steps: examination, the result issued, approval → DONE', async () => {
    expect((await act(specialist, 'completeStep')).data.completeStep).toMatchObject({ status: 'PROCESSING', currentStep: { role: 'LEADER' } });
    const issued = await gql(
      t.url,
      `mutation($i: IssueResultInput!) { issueResult(code: "${code}", expectedVersion: ${version}, input: $i) { version result { documentNumber sha256 issuedBy } } }`,
      { i: { documentNumber: '125/2026/KT', title: 'Trích lục khai tử', file: { fileName: 'trich-luc-khai-tu.pdf', contentType: 'application/pdf', contentBase64: PDF } } },
      leader,
    );
    expect(issued.errors).toBeUndefined();
    version = issued.data.issueResult.version;
    expect(issued.data.issueResult.result).toMatchObject({ documentNumber: '125/2026/KT', issuedBy: 'official:lanh-dao' });
    expect((await act(leader, 'completeStep')).data.completeStep).toMatchObject({ status: 'DONE', currentStep: { role: 'RESULT_RETURN' } });
  });

  it('returns the result by post: a delivery order at the carrier, tracked, then RETURNED', async () => {
    const res = await act(reception, 'returnResultByPost');
    expect(res.errors).toBeUndefined();
    expect(res.data.returnResultByPost.status).toBe('RETURNED');
    const orders = t.hub.simulators.postal!.orders().filter((o) => o.maThamChieu === code);
    expect(orders).toHaveLength(1);
    t.hub.simulators.postal!.advance(orders[0].maVanDon);
    const tracked = await gql(t.url, `{ dossier(code: "${code}") { postalDelivery { trackingCode status events { status } } history { toStatus } } }`, {}, t.citizen);
    expect(tracked.data.dossier.postalDelivery.trackingCode).toBe(orders[0].maVanDon);
    expect(tracked.data.dossier.history.map((h: { toStatus: string }) => h.toStatus)).toEqual(['NEW', 'ACCEPTED', 'PROCESSING', 'PROCESSING', 'DONE', 'RETURNED']); // the result issued is noted in the history
  });

  it('notified the applicant by SMS and e-mail, once per event', async () => {
    const sms = await eventually(async () => {
      const mine = t.hub.simulators.sms!.messages().filter((m) => m.noiDung.includes(code));
      return mine.length >= 2 ? mine : undefined;
    });
    expect(sms.every((m) => m.soDienThoai === '84912345678')).toBe(true);
    const mail = await eventually(async () => t.hub.simulators.mail!.messages().find((m) => m.text.includes(code)));
    expect(mail.to).toContain('nguyenvanan@example.vn');
    const listed = await gql(t.url, `{ dossierNotifications(code: "${code}") { channel status } }`, {}, t.citizen);
    expect(listed.data.dossierNotifications.some((n: { channel: string; status: string }) => n.channel === 'SMS' && n.status === 'SENT')).toBe(true);
  });

  it('answers the public lookup without a token and with no applicant data', async () => {
    const res = await gql(t.url, `{ dossierStatus(code: "${code}") { code status appointmentDate procedure { name } } }`);
    expect(res.data.dossierStatus).toMatchObject({ code, status: 'RETURNED', procedure: { name: 'Đăng ký khai tử' } });
    expect(JSON.stringify(res.data)).not.toContain(DEMO_CITIZEN_ID);
  });

  it('takes one satisfaction rating, and counts the dossier in the agency statistics', async () => {
    const rate = (score: number) =>
      gql(t.url, `mutation($i: RateDossierInput!) { rateDossier(input: $i) { score } }`, { i: { dossierCode: code, score, comment: 'Nhanh, chu đáo' } }, t.citizen);
    expect((await rate(5)).data.rateDossier.score).toBe(5);
    expect(codeOf(await rate(4))).toBe('CONFLICT');
    const stats = await gql(
      t.url,
      `query($f: DossierStatisticsFilter) { dossierStatistics(filter: $f, groupBy: [AGENCY]) { rows { received finished averageSatisfaction } } }`,
      { f: { agencyCode } },
      operator,
    );
    expect(stats.errors).toBeUndefined();
    expect(stats.data.dossierStatistics.rows[0]).toMatchObject({ received: 1, finished: 1, averageSatisfaction: 5 });
  });
});

/**
 * Notifications over real protocols: brandname SMS over HTTP to the SMS-gateway simulator, e-mail over
 * SMTP to the mail-server simulator. The dossiers subgraph tells the applicant about their dossier's
 * events once per event and channel, records failures without crashing, and shows who was told what.
 */
import {
  createMailServerSimulator,
  createSmsGatewaySimulator,
  createSmsNotifier,
  createSmtpNotifier,
  type MailServerSimulator,
  type Notifier,
  type SmsGatewaySimulator,
} from '../../adapters/notification';
import { createDossiersSubgraph } from '../../subgraphs/dossiers';
import { DossierStatus } from '../../subgraphs/dossiers/dossier/dossier-status';
import { transitionDossier } from '../../subgraphs/dossiers/dossier/dossier-transition';
import { DeadlineKind, DOSSIER_DEADLINE_TOPIC } from '../../subgraphs/dossiers/deadlines';
import { seedCatalogues } from '../../subgraphs/procedures';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import { InProcessEventBus } from '../../subgraphs/shared/events/bus';
import type { ServerHandle } from '../../subgraphs/shared/federation/subgraph-server';
import { appendOutboxEvent, NO_RELAY } from '../../subgraphs/shared/outbox';
import type { Database } from '../../subgraphs/shared/storage/database';
import { openTestDatabase } from '../support/database';
import { eventually } from '../support/gateway-client';
import { FEE_PROCEDURE } from '../support/journey';
import { callSubgraph, TEST_INTERNAL_SECRET } from '../support/subgraph-client';

const APPLICANT = '001090012345';
const official: Principal = { id: 'official:tu-phap-1', role: 'OFFICIAL', agencyCode: '000.00.12.H26', workflowRoles: ['RECEPTION'] };
const applicant: Principal = { id: `citizen:${APPLICANT}`, role: 'CITIZEN', personalId: APPLICANT };
const stranger: Principal = { id: 'citizen:079195001234', role: 'CITIZEN', personalId: '079195001234' };
const formData = {
  hoTen: 'Nguyễn Văn An',
  gioiTinh: 'Nam',
  ngaySinh: '1990-03-15',
  queQuan: 'Xã Sóc Sơn, Thành phố Hà Nội',
  danToc: 'Kinh',
  quocTich: 'Việt Nam',
  soDinhDanh: APPLICANT,
  noiThuongTru: 'Số 12 phố Điện Biên Phủ, Phường Ba Đình, Thành phố Hà Nội',
  noiOHienTai: 'Số 12 phố Điện Biên Phủ, Phường Ba Đình, Thành phố Hà Nội',
  loaiPhieu: 'Phiếu số 1',
  mucDichSuDung: 'Bổ sung hồ sơ xin việc',
  soLuongPhieu: 1,
  soDienThoai: '0912345678',
  email: 'an.nguyen@example.vn',
};
const SUBMIT = `mutation($i: SubmitDossierInput!) { submitDossier(input: $i) { code status } }`;
const NOTIFICATIONS = `query($c: String!) { dossierNotifications(code: $c) { eventId channel recipient template status providerRef error } }`;

describe('SMS and e-mail notifiers', () => {
  let sms: SmsGatewaySimulator;
  let mail: MailServerSimulator;
  let smsNotifier: Notifier;
  let mailNotifier: Notifier;
  let smsUrl: string;

  beforeAll(async () => {
    sms = createSmsGatewaySimulator({ apiKey: 'test-sms-key', brandnames: ['UBND HANOI'] });
    mail = createMailServerSimulator();
    smsUrl = (await sms.start()).baseUrl;
    const { url } = await mail.start();
    smsNotifier = createSmsNotifier({ baseUrl: smsUrl, apiKey: 'test-sms-key', brandname: 'UBND HANOI', circuit: false });
    mailNotifier = createSmtpNotifier({ url, from: 'Một cửa Hà Nội <mot-cua@hanoi.gov.vn>', timeoutMs: 3000, circuit: false });
  });

  afterAll(async () => {
    await smsNotifier?.close();
    await mailNotifier?.close();
    await sms?.stop();
    await mail?.stop();
  });

  it('sends brandname SMS in the GSM alphabet, once per request id', async () => {
    const message = { to: '0912 345 678', subject: '', text: 'Hồ sơ đã được tiếp nhận.', idempotencyKey: 'evt-1-SMS' };
    const first = await smsNotifier.send(message);
    const again = await smsNotifier.send(message);
    expect(again.providerRef).toBe(first.providerRef);
    const sent = sms.messages().filter((m) => m.maYeuCau === 'evt-1-SMS');
    expect(sent).toEqual([expect.objectContaining({ brandname: 'UBND HANOI', soDienThoai: '84912345678', noiDung: 'Ho so da duoc tiep nhan.', soTinNhan: 1 })]);
  });

  it('fails with typed, retryable-or-not errors', async () => {
    sms.setAvailable(false);
    await expect(smsNotifier.send({ to: '0912345678', subject: '', text: 'x', idempotencyKey: 'evt-2-SMS' })).rejects.toMatchObject({ code: 'UNAVAILABLE', retryable: true });
    sms.setAvailable(true);
    const wrongKey = createSmsNotifier({ baseUrl: smsUrl, apiKey: 'not-the-key', brandname: 'UBND HANOI', circuit: false });
    await expect(wrongKey.send({ to: '0912345678', subject: '', text: 'x', idempotencyKey: 'evt-3-SMS' })).rejects.toMatchObject({ code: 'FAULT', retryable: false });
    await wrongKey.close();
    mail.failNext(1, 451);
    await expect(mailNotifier.send({ to: 'an@example.vn', subject: 'x', text: 'x', idempotencyKey: 'evt-4-EMAIL' })).rejects.toMatchObject({ code: 'UNAVAILABLE', retryable: true });
    mail.failNext(1, 550);
    await expect(mailNotifier.send({ to: 'an@example.vn', subject: 'x', text: 'x', idempotencyKey: 'evt-5-EMAIL' })).rejects.toMatchObject({ code: 'FAULT', retryable: false });
  });

  it('delivers e-mail over SMTP with Vietnamese subject and text intact', async () => {
    const text = 'Kính gửi ông/bà Nguyễn Văn An,\n\nHồ sơ đã có kết quả. Mời ông/bà đến Bộ phận Một cửa nhận kết quả.';
    const { providerRef } = await mailNotifier.send({ to: 'An.Nguyen@Example.VN', subject: '[Hồ sơ 000.00.12.H26-261127-0001] Hồ sơ đã có kết quả', text, idempotencyKey: '42-EMAIL' });
    expect(providerRef).toBe('<42-EMAIL@hanoi.gov.vn>');
    const received = mail.messages().find((m) => m.messageId === providerRef)!;
    expect(received.to).toEqual(['An.Nguyen@example.vn']);
    expect(received.from).toBe('mot-cua@hanoi.gov.vn');
    expect(received.subject).toBe('[Hồ sơ 000.00.12.H26-261127-0001] Hồ sơ đã có kết quả');
    expect(received.text).toBe(text);
  });
});

describe('applicant notifications from the dossiers subgraph', () => {
  let db: Database;
  let bus: InProcessEventBus;
  let server: ServerHandle;
  let url: string;
  let sms: SmsGatewaySimulator;
  let mail: MailServerSimulator;
  const notifiers: Notifier[] = [];

  beforeAll(async () => {
    db = await openTestDatabase();
    await seedCatalogues(db.prisma);
    bus = new InProcessEventBus();
    sms = createSmsGatewaySimulator();
    mail = createMailServerSimulator();
    const smsUrl = (await sms.start()).baseUrl;
    const smtpUrl = (await mail.start()).url;
    notifiers.push(
      createSmsNotifier({ baseUrl: smsUrl, apiKey: 'dev-sms-key', brandname: 'LIENTHONG', circuit: false }),
      createSmtpNotifier({ url: smtpUrl, from: 'Lienthong <no-reply@lienthong.local>', circuit: false }),
    );
    server = createDossiersSubgraph({
      db,
      bus,
      internalSecret: TEST_INTERNAL_SECRET,
      notifiers,
      notificationRetry: { maxAttempts: 3, retryDelayMs: 20 },
      outbox: { pollIntervalMs: 50 },
      deadlines: false,
    });
    url = (await server.start()).url;
  });

  afterAll(async () => {
    await server?.stop();
    for (const n of notifiers) await n.close();
    await sms?.stop();
    await mail?.stop();
    await bus?.close();
    await db?.close();
  });

  const submit = async (over: Record<string, unknown> = {}) => {
    const res = await callSubgraph(url, SUBMIT, { i: { procedureCode: FEE_PROCEDURE, channel: 'COUNTER', applicantPersonalId: APPLICANT, formData: { ...formData, ...over } } }, official);
    expect(res.errors).toBeUndefined();
    return res.data.submitDossier.code as string;
  };
  const rows = (code: string) => db.prisma.dossierNotification.findMany({ where: { dossierCode: code }, orderBy: [{ eventId: 'asc' }, { channel: 'asc' }] });
  const smsFor = (code: string) => sms.messages().filter((m) => m.noiDung.includes(code));
  const settled = (code: string, count: number) => eventually(async () => (await rows(code)).filter((r) => r.status !== 'SENDING').length >= count);

  it('tells the applicant the receipt code and appointment by SMS and e-mail, and shows it to those who may see the dossier', async () => {
    const code = await submit();
    await settled(code, 2);
    const [email, text] = await rows(code);
    expect(text).toMatchObject({ channel: 'SMS', recipient: '84912345678', template: 'RECEIVED', status: 'SENT', error: null });
    expect(email).toMatchObject({ channel: 'EMAIL', recipient: 'an.nguyen@example.vn', template: 'RECEIVED', status: 'SENT' });
    const [message] = smsFor(code);
    expect(message.noiDung).toMatch(new RegExp(`^Ho so ${code.replace(/\./g, '\\.')} da duoc tiep nhan\\. Hen tra ket qua: \\d\\d:\\d\\d ngay \\d\\d/\\d\\d/\\d{4}\\.`));
    expect(text.providerRef).toBe(message.maTinNhan);
    const received = mail.messages().find((m) => m.subject === `[Hồ sơ ${code}] Đã tiếp nhận hồ sơ`)!;
    expect(received.text).toContain('Kính gửi ông/bà Nguyễn Văn An,');
    expect(received.text).toContain('Cấp Phiếu lý lịch tư pháp');

    const mine = await callSubgraph(url, NOTIFICATIONS, { c: code }, applicant);
    expect(mine.data.dossierNotifications.map((n: { channel: string }) => n.channel)).toEqual(expect.arrayContaining(['SMS', 'EMAIL']));
    const theirs = await callSubgraph(url, NOTIFICATIONS, { c: code }, official);
    expect(theirs.data.dossierNotifications).toHaveLength(2);
    const other = await callSubgraph(url, NOTIFICATIONS, { c: code }, stranger);
    expect(other.errors![0].extensions!.code).toBe('DOSSIER_NOT_FOUND');
    const anonymous = await callSubgraph(url, NOTIFICATIONS, { c: code });
    expect(anonymous.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('sends nothing twice when the relay delivers an event again', async () => {
    const code = await submit({ email: null });
    await settled(code, 1);
    const [event] = await db.prisma.outboxEvent.findMany({ where: { key: code, topic: 'dossier.status' } });
    const callsBefore = sms.calls.total;
    // At-least-once delivery: a relay that lost its lease publishes the event again, here three times at once.
    const again = { ...(event.payload as object), outboxId: event.id.toString() };
    await Promise.all([bus.publish('dossier.status', again), bus.publish('dossier.status', again), bus.publish('dossier.status', again)]);
    await db.prisma.outboxEvent.update({ where: { id: event.id }, data: { publishedAt: null, claimedUntil: null } });
    await eventually(async () => (await db.prisma.outboxEvent.findUniqueOrThrow({ where: { id: event.id } })).publishedAt !== null);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sms.calls.total).toBe(callsBefore); // not even asked: the gateway's own de-duplication is not relied on
    expect(smsFor(code)).toHaveLength(1);
    expect(await rows(code)).toHaveLength(1); // no e-mail address given: no e-mail row
  });

  it('notifies a supplement request with its reason and an overdue apology, each through the outbox', async () => {
    const code = await submit({ email: null });
    await settled(code, 1);
    await transitionDossier(
      { prisma: db.prisma, outbox: NO_RELAY },
      { code, from: [DossierStatus.NEW, DossierStatus.PAYMENT_DUE], to: DossierStatus.SUPPLEMENT_REQUESTED, actor: official.id, note: 'Thiếu bản sao Căn cước công dân' },
    );
    const dossier = await db.prisma.dossier.findUniqueOrThrow({ where: { code } });
    await db.prisma.$transaction((tx) =>
      appendOutboxEvent(tx, {
        topic: DOSSIER_DEADLINE_TOPIC,
        key: code,
        payload: { kind: DeadlineKind.OVERDUE, dossierCode: code, agencyCode: dossier.agencyCode, appointmentAt: dossier.appointmentAt.toISOString() },
      }),
    );
    // A DUE_SOON event is for officials: nothing for the applicant.
    await db.prisma.$transaction((tx) => appendOutboxEvent(tx, { topic: DOSSIER_DEADLINE_TOPIC, key: code, payload: { kind: DeadlineKind.DUE_SOON, dossierCode: code } }));
    await settled(code, 3);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Events are sent concurrently: what matters is one message each, not which reached the gateway first.
    expect((await rows(code)).map((r) => r.template).sort()).toEqual(['OVERDUE_APOLOGY', 'RECEIVED', 'SUPPLEMENT_REQUESTED']);
    const texts = smsFor(code).map((m) => m.noiDung);
    expect(texts).toHaveLength(3);
    expect(texts).toContain(`Ho so ${code} can bo sung: Thieu ban sao Can cuoc cong dan.`);
    expect(texts.filter((t) => t.includes('da qua han tra ket qua'))).toHaveLength(1);
  });

  it('retries a failing provider a bounded number of times, then records FAILED without crashing', async () => {
    sms.failNext(2);
    const recovered = await submit({ email: null });
    await settled(recovered, 1);
    expect((await rows(recovered))[0]).toMatchObject({ status: 'SENT', error: null });

    const callsBefore = sms.calls.total;
    sms.setAvailable(false);
    mail.failNext(1, 550);
    const failed = await submit();
    await settled(failed, 2);
    sms.setAvailable(true);
    const [email, text] = await rows(failed);
    expect(text.status).toBe('FAILED');
    expect(text.error).toMatch(/^UNAVAILABLE: SMS_BRANDNAME: HTTP 503 \(3 attempts\)$/);
    expect(sms.calls.total).toBe(callsBefore + 3);
    expect(email.status).toBe('FAILED'); // 550 is permanent: not retried
    expect(email.error).toMatch(/^FAULT: .*550.*\(1 attempt\)$/);
    expect(smsFor(failed)).toHaveLength(0);
    // The subgraph goes on serving.
    const res = await callSubgraph(url, NOTIFICATIONS, { c: failed }, applicant);
    expect(res.data.dossierNotifications.map((n: { status: string }) => n.status)).toEqual(['FAILED', 'FAILED']);
  });

  it('records an unusable phone number as FAILED without calling the gateway', async () => {
    const callsBefore = sms.calls.total;
    // Ten digits from 0 pass the form, but 011 is no mobile network's prefix: no SMS can reach it.
    const code = await submit({ soDienThoai: '0112345678', email: null });
    await settled(code, 1);
    expect((await rows(code))[0]).toMatchObject({ status: 'FAILED', recipient: '0112345678', error: expect.stringMatching(/^INVALID_RECIPIENT/) });
    expect(sms.calls.total).toBe(callsBefore);
  });
});

/** What applicants are told, per event, and the address rules of the SMS and e-mail notifiers. */
import { normalizeEmailAddress, normalizeVietnameseMobile, smsSegments, withoutDiacritics } from '../../adapters/notification';
import { DeadlineKind } from '../../subgraphs/dossiers/deadlines';
import { formatAppointment, renderNotification, SMS_MAX_LENGTH, type NotificationSubject } from '../../subgraphs/dossiers/notifications';

const subject: NotificationSubject = {
  dossierCode: '000.00.12.H26-261127-0007',
  applicantName: 'Nguyễn Văn An',
  procedureName: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
  agencyName: 'Sở Tư pháp Thành phố Hà Nội',
  appointmentAt: new Date('2026-12-04T10:00:00Z'), // 17:00 in Hà Nội
  feeVnd: 200_000,
  returnMethod: 'COUNTER',
  postalTracking: null,
};
const status = (fromStatus: string | null, toStatus: string, note: string | null = null) => ({ kind: 'STATUS' as const, fromStatus, toStatus, note });

describe('notification texts', () => {
  it('formats the appointment in Vietnam time', () => {
    expect(formatAppointment(subject.appointmentAt)).toBe('17:00 ngày 04/12/2026');
  });

  it('tells a new dossier its receipt code, appointment and fee', () => {
    const received = renderNotification(status(null, 'PAYMENT_DUE'), subject)!;
    expect(received.template).toBe('RECEIVED');
    expect(received.sms).toBe('Hồ sơ 000.00.12.H26-261127-0007 đã được tiếp nhận. Hẹn trả kết quả: 17:00 ngày 04/12/2026. Phí, lệ phí cần nộp: 200.000 đồng.');
    expect(received.subject).toBe('[Hồ sơ 000.00.12.H26-261127-0007] Đã tiếp nhận hồ sơ');
    expect(received.body).toContain('Kính gửi ông/bà Nguyễn Văn An,');
    expect(received.body).toContain('Thủ tục: Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam.');
    expect(received.body.endsWith('Bộ phận Một cửa - Sở Tư pháp Thành phố Hà Nội')).toBe(true);
    expect(renderNotification(status(null, 'NEW'), subject)!.sms).not.toContain('Phí');
  });

  it('gives the reason of a supplement request, a refusal and a stop', () => {
    expect(renderNotification(status('PROCESSING', 'SUPPLEMENT_REQUESTED', 'Thiếu bản sao CCCD.'), subject)!.sms).toBe(
      'Hồ sơ 000.00.12.H26-261127-0007 cần bổ sung: Thiếu bản sao CCCD.',
    );
    expect(renderNotification(status('NEW', 'NOT_ACCEPTED', 'Sai thẩm quyền'), subject)).toMatchObject({
      template: 'NOT_ACCEPTED',
      sms: 'Hồ sơ 000.00.12.H26-261127-0007 không được tiếp nhận. Lý do: Sai thẩm quyền.',
    });
    expect(renderNotification(status('PROCESSING', 'STOPPED', '   '), subject)!.sms).toContain('Lý do: không ghi lý do.');
    expect(renderNotification(status('SUPPLEMENT_REQUESTED', 'PROCESSING'), subject)!.template).toBe('SUPPLEMENT_RECEIVED');
    expect(renderNotification(status('SUPPLEMENT_REQUESTED', 'WITHDRAWN'), subject)!.template).toBe('WITHDRAWN');
  });

  it('says how the result comes back, and the tracking code of a postal return', () => {
    expect(renderNotification(status('PROCESSING', 'DONE'), subject)!.sms).toContain('đến Bộ phận Một cửa nhận kết quả');
    expect(renderNotification(status('PROCESSING', 'DONE'), { ...subject, returnMethod: 'POSTAL' })!.sms).toContain('qua dịch vụ bưu chính');
    expect(renderNotification(status('PROCESSING', 'DONE'), { ...subject, returnMethod: 'ONLINE' })!.sms).toContain('tải kết quả điện tử');
    expect(renderNotification(status('DONE', 'RETURNED'), { ...subject, postalTracking: 'EL123456785VN' })!.sms).toBe(
      'Kết quả hồ sơ 000.00.12.H26-261127-0007 đã được trả qua bưu chính, mã vận đơn EL123456785VN.',
    );
  });

  it('apologises for an overdue dossier, and keeps officials-only events and internal moves quiet', () => {
    const apology = renderNotification({ kind: 'DEADLINE', deadline: DeadlineKind.OVERDUE }, subject)!;
    expect(apology.template).toBe('OVERDUE_APOLOGY');
    expect(apology.sms).toContain('đã quá hạn trả kết quả (hẹn 17:00 ngày 04/12/2026)');
    expect(apology.body).toContain('xin lỗi');
    expect(renderNotification({ kind: 'DEADLINE', deadline: DeadlineKind.DUE_SOON }, subject)).toBeNull();
    expect(renderNotification({ kind: 'DEADLINE', deadline: DeadlineKind.STEP_OVERDUE }, subject)).toBeNull();
    expect(renderNotification(status('ACCEPTED', 'PROCESSING'), subject)).toBeNull();
    expect(renderNotification(status('PAYMENT_DUE', 'NEW'), subject)).toBeNull();
  });

  it('keeps every SMS within two GSM segments once its diacritics are dropped', () => {
    const long = renderNotification(status('PROCESSING', 'SUPPLEMENT_REQUESTED', 'Bổ sung giấy tờ. '.repeat(60)), subject)!;
    expect([...long.sms].length).toBeLessThanOrEqual(SMS_MAX_LENGTH);
    expect(long.sms.endsWith('...')).toBe(true);
    expect(long.body).toContain('Bổ sung giấy tờ. '.repeat(59).trim());
    const gsm = withoutDiacritics(long.sms);
    expect(gsm).toMatch(/^[\x20-\x7E]*$/);
    expect(smsSegments(gsm, false)).toBeLessThanOrEqual(2);
    expect(withoutDiacritics('Đã tiếp nhận hồ sơ, hẹn trả')).toBe('Da tiep nhan ho so, hen tra');
  });
});

describe('recipient addresses', () => {
  it('takes Vietnamese mobile numbers in any usual form, and no landline', () => {
    expect(normalizeVietnameseMobile('0912345678')).toBe('84912345678');
    expect(normalizeVietnameseMobile('+84 912 345 678')).toBe('84912345678');
    expect(normalizeVietnameseMobile('0386.123.456')).toBe('84386123456');
    expect(normalizeVietnameseMobile('02438253545')).toBeNull(); // Hà Nội landline
    expect(normalizeVietnameseMobile('091234567')).toBeNull();
    expect(normalizeVietnameseMobile('0112345678')).toBeNull();
  });

  it('takes plausible e-mail addresses only', () => {
    expect(normalizeEmailAddress(' An.Nguyen@Example.VN ')).toBe('An.Nguyen@example.vn');
    expect(normalizeEmailAddress('an@localhost')).toBeNull();
    expect(normalizeEmailAddress('an nguyen@example.vn')).toBeNull();
    expect(normalizeEmailAddress('a@b@example.vn')).toBeNull();
  });
});

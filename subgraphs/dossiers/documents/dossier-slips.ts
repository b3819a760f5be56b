/**
 * The two slips a one-stop desk hands the applicant (seed 002: tiếp nhận và hẹn trả): the receipt
 * slip (phiếu tiếp nhận hồ sơ) says what was received, when and under which code; the appointment
 * slip (phiếu hẹn trả kết quả) says when and how the result comes back. Both are built from stored
 * facts only, so the same dossier always yields the same bytes.
 */
import { localDay, weekday } from '../../shared/calendar/local-time';
import { SubmissionChannel } from '../dossier/dossier-status';
import { ReturnMethod } from '../intake/return-method';
import { renderSlip, type SlipContent, type SlipLine } from '../../shared/documents/pdf-layout';

/** What the slips are made of: the dossier, its procedure version and its files. */
export interface SlipFacts {
  code: string;
  /** The other system that issued a kept legacy code; null for codes issued here. */
  legacySystem: string | null;
  agencyName: string;
  procedureCode: string;
  procedureName: string;
  procedureVersion: number;
  applicantName: string;
  applicantPersonalId: string;
  subjectTaxCode: string | null;
  channel: SubmissionChannel;
  returnMethod: ReturnMethod;
  postalAddress: string | null;
  receivedAt: Date;
  appointmentAt: Date;
  /** Files received with the application, in upload order. */
  components: Array<{ componentName: string | null; fileName: string; sizeBytes: number }>;
  /** Where results are handed over (the procedure's first reception place). @default none */
  receptionPlace?: { place: string; address?: string; hours: string };
}

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const two = (n: number) => String(n).padStart(2, '0');

/** "14 giờ 05 phút, ngày 30/11/2026" in Vietnam time. */
export function vietnameseDateTime(instant: Date): string {
  const { day, hour, minute } = localDay(instant);
  const [y, m, d] = day.split('-');
  return `${two(hour)} giờ ${two(minute)} phút, ${WEEKDAYS[weekday(day)].toLocaleLowerCase('vi-VN')} ngày ${d}/${m}/${y}`;
}

const CHANNEL_TEXT: Record<SubmissionChannel, string> = {
  ONLINE: 'Trực tuyến trên Cổng dịch vụ công',
  COUNTER: 'Trực tiếp tại Bộ phận Một cửa',
  POSTAL: 'Qua dịch vụ bưu chính công ích',
};

function returnText(facts: SlipFacts): string {
  switch (facts.returnMethod) {
    case ReturnMethod.POSTAL:
      return `Qua dịch vụ bưu chính công ích, đến địa chỉ: ${facts.postalAddress ?? ''}`;
    case ReturnMethod.ONLINE:
      return 'Bản điện tử trên Cổng dịch vụ công';
    default:
      return 'Trực tiếp tại Bộ phận Một cửa';
  }
}

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1).replace('.', ',')} KB`;

function subjectLines(facts: SlipFacts): SlipLine[] {
  const lines: SlipLine[] = [
    { label: 'Người nộp hồ sơ', value: facts.applicantName },
    { label: 'Số định danh cá nhân', value: facts.applicantPersonalId },
  ];
  if (facts.subjectTaxCode) lines.push({ label: 'Mã số doanh nghiệp của tổ chức', value: facts.subjectTaxCode });
  lines.push({ label: 'Thủ tục hành chính', value: `${facts.procedureName} (mã ${facts.procedureCode}, phiên bản ${facts.procedureVersion})` });
  return lines;
}

function subtitleOf(facts: SlipFacts): string {
  return facts.legacySystem ? `Mã hồ sơ: ${facts.code} (mã của hệ thống ${facts.legacySystem})` : `Mã hồ sơ: ${facts.code}`;
}

export function receiptSlipContent(facts: SlipFacts): SlipContent {
  const lines = [
    ...subjectLines(facts),
    { label: 'Hình thức nộp', value: CHANNEL_TEXT[facts.channel] },
    ...(facts.channel === SubmissionChannel.POSTAL && facts.postalAddress ? [{ label: 'Địa chỉ người gửi', value: facts.postalAddress }] : []),
    // No appointment here: it moves when the clock pauses, and the receipt must never change.
    { label: 'Thời điểm tiếp nhận', value: vietnameseDateTime(facts.receivedAt) },
  ];
  const items = facts.components.map(
    (c) => `${c.componentName ?? 'Tài liệu khác'}: tệp ${c.fileName} (${kilobytes(c.sizeBytes)})`,
  );
  return {
    agencyName: facts.agencyName,
    title: 'PHIẾU TIẾP NHẬN HỒ SƠ',
    subtitle: subtitleOf(facts),
    lines,
    list: { heading: 'Thành phần hồ sơ đã nhận:', items: items.length > 0 ? items : ['Không có tệp điện tử đính kèm.'] },
    notes: [
      `${facts.agencyName} đã tiếp nhận hồ sơ. Phiếu tiếp nhận hồ sơ được lập theo Thông tư số 01/2018/TT-VPCP.`,
      'Tra cứu tình trạng hồ sơ bằng mã hồ sơ trên Cổng dịch vụ công.',
    ],
    meta: { title: `Phiếu tiếp nhận hồ sơ ${facts.code}`, subject: facts.procedureName, createdAt: facts.receivedAt },
  };
}

export function appointmentSlipContent(facts: SlipFacts): SlipContent {
  const lines = [
    ...subjectLines(facts),
    { label: 'Thời điểm tiếp nhận', value: vietnameseDateTime(facts.receivedAt) },
    { label: 'Thời gian hẹn trả kết quả', value: vietnameseDateTime(facts.appointmentAt) },
    { label: 'Hình thức nhận kết quả', value: returnText(facts) },
  ];
  const place = facts.receptionPlace;
  if (place && facts.returnMethod === ReturnMethod.COUNTER) {
    lines.push({ label: 'Nơi trả kết quả', value: place.address ? `${place.place}, ${place.address}` : place.place });
    lines.push({ label: 'Thời gian làm việc', value: place.hours });
  }
  const notes =
    facts.returnMethod === ReturnMethod.COUNTER
      ? ['Khi đến nhận kết quả, xin mang theo phiếu hẹn này và giấy tờ tùy thân.']
      : ['Cơ quan sẽ thông báo khi có kết quả.'];
  return {
    agencyName: facts.agencyName,
    title: 'PHIẾU HẸN TRẢ KẾT QUẢ',
    subtitle: subtitleOf(facts),
    lines,
    notes,
    meta: { title: `Phiếu hẹn trả kết quả ${facts.code}`, subject: facts.procedureName, createdAt: facts.receivedAt },
  };
}

export const renderReceiptSlip = (facts: SlipFacts): Promise<Buffer> => renderSlip(receiptSlipContent(facts));
export const renderAppointmentSlip = (facts: SlipFacts): Promise<Buffer> => renderSlip(appointmentSlipContent(facts));

/**
 * What the applicant is told, per event, in Vietnamese: a short SMS text (sent without diacritics by
 * the SMS notifier) and an e-mail with subject and body. Events that only concern officials (a step
 * late, an appointment near) and internal moves (payment confirmed, step to step) send nothing.
 */
import { localDay } from '../../shared/calendar';
import { DossierStatus } from '../dossier/dossier-status';
import { DeadlineKind } from '../deadlines';

export enum NotificationTemplate {
  RECEIVED = 'RECEIVED',
  ACCEPTED = 'ACCEPTED',
  SUPPLEMENT_REQUESTED = 'SUPPLEMENT_REQUESTED',
  SUPPLEMENT_RECEIVED = 'SUPPLEMENT_RECEIVED',
  NOT_ACCEPTED = 'NOT_ACCEPTED',
  WITHDRAWN = 'WITHDRAWN',
  STOPPED = 'STOPPED',
  RESULT_READY = 'RESULT_READY',
  RETURNED = 'RETURNED',
  OVERDUE_APOLOGY = 'OVERDUE_APOLOGY',
}

/** What the texts say about the dossier. */
export interface NotificationSubject {
  dossierCode: string;
  /** formData.hoTen */
  applicantName: string | null;
  procedureName: string | null;
  agencyName: string | null;
  appointmentAt: Date;
  feeVnd: number;
  /** COUNTER, POSTAL or ONLINE. */
  returnMethod: string;
  postalTracking: string | null;
}

export type NotifiableEvent =
  | { kind: 'STATUS'; fromStatus: string | null; toStatus: string; note: string | null }
  | { kind: 'DEADLINE'; deadline: DeadlineKind };

export interface RenderedNotification {
  template: NotificationTemplate;
  sms: string;
  subject: string;
  body: string;
}

/** `17:00 ngày 04/12/2026`, Vietnam time. */
export function formatAppointment(at: Date): string {
  const { day, hour, minute } = localDay(at);
  const [y, m, d] = day.split('-');
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')} ngày ${d}/${m}/${y}`;
}

const money = (vnd: number) => `${vnd.toLocaleString('vi-VN')} đồng`;
const reasonOf = (note: string | null) => note?.trim().replace(/[.;,\s]+$/u, '') || 'không ghi lý do';

/** Two GSM segments: a long reason is cut in the SMS; the e-mail has it whole. */
export const SMS_MAX_LENGTH = 306;
const clip = (text: string, max: number) => ([...text].length <= max ? text : `${[...text].slice(0, max - 3).join('').trimEnd()}...`);

interface Parts {
  template: NotificationTemplate;
  /** Short: what happened and what to do. */
  headline: string;
  /** More for the e-mail. */
  detail?: string;
}

function partsOf(event: NotifiableEvent, s: NotificationSubject): Parts | null {
  const code = s.dossierCode;
  const appointment = formatAppointment(s.appointmentAt);
  if (event.kind === 'DEADLINE') {
    if (event.deadline !== DeadlineKind.OVERDUE) return null;
    return {
      template: NotificationTemplate.OVERDUE_APOLOGY,
      headline: `Hồ sơ ${code} đã quá hạn trả kết quả (hẹn ${appointment}). Cơ quan xin lỗi ông/bà và sẽ thông báo ngày hẹn mới.`,
      detail: 'Cơ quan giải quyết chân thành xin lỗi ông/bà vì sự chậm trễ này và sẽ gửi phiếu xin lỗi, hẹn lại ngày trả kết quả.',
    };
  }
  const { fromStatus, toStatus, note } = event;
  if (fromStatus === null) {
    const fee = toStatus === DossierStatus.PAYMENT_DUE ? ` Phí, lệ phí cần nộp: ${money(s.feeVnd)}.` : '';
    return {
      template: NotificationTemplate.RECEIVED,
      headline: `Hồ sơ ${code} đã được tiếp nhận. Hẹn trả kết quả: ${appointment}.${fee}`,
      detail: 'Ông/bà dùng mã hồ sơ để tra cứu tình trạng giải quyết trên Cổng dịch vụ công.',
    };
  }
  if (fromStatus === DossierStatus.SUPPLEMENT_REQUESTED && toStatus !== DossierStatus.WITHDRAWN) {
    return {
      template: NotificationTemplate.SUPPLEMENT_RECEIVED,
      headline: `Hồ sơ ${code} đã được bổ sung và tiếp tục giải quyết. Hẹn trả kết quả: ${appointment}.`,
    };
  }
  switch (toStatus) {
    case DossierStatus.ACCEPTED:
      return { template: NotificationTemplate.ACCEPTED, headline: `Hồ sơ ${code} đủ điều kiện và đã được tiếp nhận giải quyết. Hẹn trả kết quả: ${appointment}.` };
    case DossierStatus.SUPPLEMENT_REQUESTED:
      return {
        template: NotificationTemplate.SUPPLEMENT_REQUESTED,
        headline: `Hồ sơ ${code} cần bổ sung: ${reasonOf(note)}.`,
        detail: 'Thời hạn giải quyết tạm dừng cho đến khi ông/bà nộp đủ hồ sơ bổ sung.',
      };
    case DossierStatus.NOT_ACCEPTED:
      return { template: NotificationTemplate.NOT_ACCEPTED, headline: `Hồ sơ ${code} không được tiếp nhận. Lý do: ${reasonOf(note)}.` };
    case DossierStatus.WITHDRAWN:
      return { template: NotificationTemplate.WITHDRAWN, headline: `Hồ sơ ${code} đã được rút theo yêu cầu của ông/bà.` };
    case DossierStatus.STOPPED:
      return { template: NotificationTemplate.STOPPED, headline: `Hồ sơ ${code} đã dừng giải quyết. Lý do: ${reasonOf(note)}.` };
    case DossierStatus.DONE: {
      const how =
        s.returnMethod === 'POSTAL'
          ? 'Kết quả sẽ được gửi qua dịch vụ bưu chính đến địa chỉ ông/bà đã đăng ký.'
          : s.returnMethod === 'ONLINE'
            ? 'Ông/bà tải kết quả điện tử trên Cổng dịch vụ công.'
            : 'Mời ông/bà mang giấy tờ tùy thân đến Bộ phận Một cửa nhận kết quả.';
      return { template: NotificationTemplate.RESULT_READY, headline: `Hồ sơ ${code} đã có kết quả. ${how}` };
    }
    case DossierStatus.RETURNED: {
      const post = s.postalTracking ? ` qua bưu chính, mã vận đơn ${s.postalTracking}` : '';
      return {
        template: NotificationTemplate.RETURNED,
        headline: `Kết quả hồ sơ ${code} đã được trả${post}.`,
        detail: 'Mời ông/bà đánh giá mức độ hài lòng về việc giải quyết hồ sơ trên Cổng dịch vụ công.',
      };
    }
    default:
      return null;
  }
}

/** The texts for `event`, or null when the applicant is not told about it. */
export function renderNotification(event: NotifiableEvent, subject: NotificationSubject): RenderedNotification | null {
  const parts = partsOf(event, subject);
  if (!parts) return null;
  const greeting = subject.applicantName ? `Kính gửi ông/bà ${subject.applicantName},` : 'Kính gửi ông/bà,';
  const about = subject.procedureName ? `Thủ tục: ${subject.procedureName}.` : '';
  const signature = subject.agencyName ? `Bộ phận Một cửa - ${subject.agencyName}` : 'Bộ phận Một cửa';
  const paragraph = [parts.headline, parts.detail, about].filter(Boolean).join(' ');
  return {
    template: parts.template,
    sms: clip(parts.headline, SMS_MAX_LENGTH),
    subject: `[Hồ sơ ${subject.dossierCode}] ${SUBJECT_LINES[parts.template]}`,
    body: [greeting, '', paragraph, '', 'Trân trọng,', signature].join('\n'),
  };
}

const SUBJECT_LINES: Record<NotificationTemplate, string> = {
  RECEIVED: 'Đã tiếp nhận hồ sơ',
  ACCEPTED: 'Hồ sơ được tiếp nhận giải quyết',
  SUPPLEMENT_REQUESTED: 'Yêu cầu bổ sung hồ sơ',
  SUPPLEMENT_RECEIVED: 'Đã nhận hồ sơ bổ sung',
  NOT_ACCEPTED: 'Hồ sơ không được tiếp nhận',
  WITHDRAWN: 'Đã rút hồ sơ',
  STOPPED: 'Dừng giải quyết hồ sơ',
  RESULT_READY: 'Hồ sơ đã có kết quả',
  RETURNED: 'Đã trả kết quả',
  OVERDUE_APOLOGY: 'Thư xin lỗi về việc chậm trả kết quả',
};

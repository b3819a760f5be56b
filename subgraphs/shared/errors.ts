/**
 * The one catalogue of Lienthong error codes. Every error a client can see carries
 * `extensions.code` (one of {@link ErrorCode}), `extensions.http.status`, and its message in
 * Vietnamese and English (`extensions.messages`); the gateway picks the caller's language.
 */
import { GraphQLError } from 'graphql';

export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  PROCEDURE_NOT_FOUND = 'PROCEDURE_NOT_FOUND',
  DOSSIER_NOT_FOUND = 'DOSSIER_NOT_FOUND',
  CITIZEN_NOT_FOUND = 'CITIZEN_NOT_FOUND',
  INVALID_PERSONAL_ID = 'INVALID_PERSONAL_ID',
  FORM_VALIDATION_FAILED = 'FORM_VALIDATION_FAILED',
  PAYMENT_NOT_DUE = 'PAYMENT_NOT_DUE',
  PAYMENT_ALREADY_PAID = 'PAYMENT_ALREADY_PAID',
  PAYMENT_NOT_FOUND = 'PAYMENT_NOT_FOUND',
  INVALID_SIGNATURE = 'INVALID_SIGNATURE',
  UPSTREAM_UNAVAILABLE = 'UPSTREAM_UNAVAILABLE',
  UPSTREAM_TIMEOUT = 'UPSTREAM_TIMEOUT',
  UPSTREAM_BAD_RESPONSE = 'UPSTREAM_BAD_RESPONSE',
  CONFLICT = 'CONFLICT',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  INVALID_PROCEDURE_CODE = 'INVALID_PROCEDURE_CODE',
  AGENCY_NOT_FOUND = 'AGENCY_NOT_FOUND',
  ADMINISTRATIVE_UNIT_NOT_FOUND = 'ADMINISTRATIVE_UNIT_NOT_FOUND',
  FIELD_NOT_FOUND = 'FIELD_NOT_FOUND',
  INVALID_WORKFLOW = 'INVALID_WORKFLOW',
  INVALID_EFORM = 'INVALID_EFORM',
  IMPORT_REJECTED = 'IMPORT_REJECTED',
  INVALID_CALENDAR_ENTRY = 'INVALID_CALENDAR_ENTRY',
  INVALID_TAX_CODE = 'INVALID_TAX_CODE',
  ORGANIZATION_NOT_FOUND = 'ORGANIZATION_NOT_FOUND',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  STALE_VERSION = 'STALE_VERSION',
  MISSING_COMPONENTS = 'MISSING_COMPONENTS',
  ATTACHMENT_TOO_LARGE = 'ATTACHMENT_TOO_LARGE',
  UNSUPPORTED_CONTENT_TYPE = 'UNSUPPORTED_CONTENT_TYPE',
  ATTACHMENT_NOT_FOUND = 'ATTACHMENT_NOT_FOUND',
  FEEDBACK_NOT_FOUND = 'FEEDBACK_NOT_FOUND',
  RATE_LIMITED = 'RATE_LIMITED',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  INVALID_CURSOR = 'INVALID_CURSOR',
  SLOW_CONSUMER = 'SLOW_CONSUMER',
  ADAPTER_NOT_FOUND = 'ADAPTER_NOT_FOUND',
  ADAPTER_MAPPING_INVALID = 'ADAPTER_MAPPING_INVALID',
  ADAPTER_NOT_ACTIVE = 'ADAPTER_NOT_ACTIVE',
  ADAPTER_ACCESS_DENIED = 'ADAPTER_ACCESS_DENIED',
  INVALID_ADAPTER_TRANSITION = 'INVALID_ADAPTER_TRANSITION',
  // Gateway abuse limits (issue 9B): refused before execution.
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  TOO_MANY_ALIASES = 'TOO_MANY_ALIASES',
  BATCH_NOT_ALLOWED = 'BATCH_NOT_ALLOWED',
  QUERY_TOO_LARGE = 'QUERY_TOO_LARGE',
  VARIABLES_TOO_LARGE = 'VARIABLES_TOO_LARGE',
  PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND',
  PERSISTED_QUERY_NOT_ALLOWED = 'PERSISTED_QUERY_NOT_ALLOWED',
  PERSISTED_QUERY_NOT_SUPPORTED = 'PERSISTED_QUERY_NOT_SUPPORTED',
}

interface CatalogueEntry {
  status: number;
  vi: string;
  en: string;
}

/** Default status and messages per code; a thrower may give a more precise message. */
export const ERROR_CATALOGUE: Record<ErrorCode, CatalogueEntry> = {
  BAD_USER_INPUT: { status: 400, vi: 'Dữ liệu không hợp lệ.', en: 'Invalid input.' },
  UNAUTHENTICATED: { status: 401, vi: 'Cần đăng nhập.', en: 'Authentication required.' },
  FORBIDDEN: { status: 403, vi: 'Không có quyền truy cập.', en: 'Access denied.' },
  PROCEDURE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy thủ tục hành chính.', en: 'Procedure not found.' },
  DOSSIER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy hồ sơ.', en: 'Dossier not found.' },
  CITIZEN_NOT_FOUND: { status: 404, vi: 'Không tìm thấy công dân.', en: 'Citizen not found.' },
  INVALID_PERSONAL_ID: {
    status: 400,
    vi: 'Số định danh cá nhân phải gồm đúng 12 chữ số hợp lệ.',
    en: 'The personal identification number must be 12 valid digits.',
  },
  FORM_VALIDATION_FAILED: { status: 400, vi: 'Tờ khai chưa hợp lệ.', en: 'The form is not valid.' },
  PAYMENT_NOT_DUE: { status: 409, vi: 'Hồ sơ không ở trạng thái chờ nộp phí.', en: 'The dossier has no fee due.' },
  PAYMENT_ALREADY_PAID: { status: 409, vi: 'Phí của hồ sơ đã được thanh toán.', en: 'The dossier fee is already paid.' },
  PAYMENT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy giao dịch thanh toán.', en: 'Payment not found.' },
  INVALID_SIGNATURE: { status: 401, vi: 'Chữ ký không hợp lệ.', en: 'Invalid signature.' },
  UPSTREAM_UNAVAILABLE: {
    status: 503,
    vi: 'Hệ thống nguồn tạm thời không khả dụng.',
    en: 'The source system is temporarily unavailable.',
  },
  UPSTREAM_TIMEOUT: { status: 504, vi: 'Hệ thống nguồn không trả lời kịp.', en: 'The source system timed out.' },
  UPSTREAM_BAD_RESPONSE: {
    status: 502,
    vi: 'Hệ thống nguồn trả về dữ liệu không hợp lệ.',
    en: 'The source system sent an invalid response.',
  },
  CONFLICT: { status: 409, vi: 'Dữ liệu đã bị thay đổi, vui lòng thử lại.', en: 'Conflicting change, please retry.' },
  INTERNAL_SERVER_ERROR: { status: 500, vi: 'Lỗi hệ thống.', en: 'Internal error.' },
  INVALID_PROCEDURE_CODE: {
    status: 400,
    vi: 'Mã thủ tục không đúng định dạng (ví dụ 1.001193).',
    en: 'Malformed procedure code (expected e.g. 1.001193).',
  },
  AGENCY_NOT_FOUND: { status: 404, vi: 'Không tìm thấy cơ quan.', en: 'Agency not found.' },
  ADMINISTRATIVE_UNIT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy đơn vị hành chính.', en: 'Administrative unit not found.' },
  FIELD_NOT_FOUND: { status: 404, vi: 'Không tìm thấy lĩnh vực.', en: 'Field (lĩnh vực) not found.' },
  INVALID_WORKFLOW: { status: 400, vi: 'Quy trình không hợp lệ.', en: 'The workflow definition is not valid.' },
  INVALID_EFORM: { status: 400, vi: 'Biểu mẫu điện tử không hợp lệ.', en: 'The e-form definition is not valid.' },
  IMPORT_REJECTED: {
    status: 400,
    vi: 'Tệp danh mục có dòng không hợp lệ; không dòng nào được nhập.',
    en: 'The catalogue file has invalid rows; nothing was imported.',
  },
  INVALID_CALENDAR_ENTRY: { status: 400, vi: 'Ngày trong lịch không hợp lệ.', en: 'Invalid calendar entry.' },
  INVALID_TAX_CODE: {
    status: 400,
    vi: 'Mã số doanh nghiệp (mã số thuế) phải gồm 10 chữ số hợp lệ, hoặc 13 chữ số dạng NNNNNNNNNN-NNN.',
    en: 'The tax code must be 10 valid digits, or 13 as NNNNNNNNNN-NNN for a dependent unit.',
  },
  ORGANIZATION_NOT_FOUND: { status: 404, vi: 'Không tìm thấy doanh nghiệp.', en: 'Organization not found.' },
  INVALID_TRANSITION: {
    status: 409,
    vi: 'Không thể chuyển hồ sơ sang trạng thái này từ trạng thái hiện tại.',
    en: 'The dossier cannot make this transition from its current status.',
  },
  STALE_VERSION: {
    status: 409,
    vi: 'Hồ sơ đã được người khác cập nhật; tải lại và thử lại.',
    en: 'The dossier was changed by someone else; reload it and try again.',
  },
  MISSING_COMPONENTS: { status: 400, vi: 'Hồ sơ thiếu thành phần bắt buộc.', en: 'Required dossier components are missing.' },
  ATTACHMENT_TOO_LARGE: { status: 413, vi: 'Tệp đính kèm vượt quá dung lượng cho phép.', en: 'The attachment is too large.' },
  UNSUPPORTED_CONTENT_TYPE: {
    status: 415,
    vi: 'Loại tệp đính kèm không được chấp nhận.',
    en: 'The attachment type is not accepted.',
  },
  ATTACHMENT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy tệp đính kèm.', en: 'Attachment not found.' },
  FEEDBACK_NOT_FOUND: { status: 404, vi: 'Không tìm thấy phản ánh, kiến nghị.', en: 'Feedback not found.' },
  PAYLOAD_TOO_LARGE: { status: 413, vi: 'Yêu cầu quá lớn.', en: 'The request is too large.' },
  RATE_LIMITED: { status: 429, vi: 'Quá nhiều yêu cầu; vui lòng thử lại sau.', en: 'Too many requests; try again later.' },
  INVALID_CURSOR: {
    status: 400,
    vi: 'Con trỏ sự kiện không hợp lệ; dùng giá trị `cursor` của một sự kiện đã nhận.',
    en: 'Invalid event cursor; use the `cursor` of an event you received.',
  },
  ADAPTER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy bộ chuyển đổi (adapter).', en: 'Adapter not found.' },
  ADAPTER_MAPPING_INVALID: {
    status: 400,
    vi: 'Tệp ánh xạ hoặc mô tả dịch vụ không hợp lệ; xem danh sách lỗi theo từng trường.',
    en: 'The mapping or service description is invalid; see the issues listed per field.',
  },
  ADAPTER_NOT_ACTIVE: { status: 409, vi: 'Bộ chuyển đổi chưa được kích hoạt hoặc đã bị tắt.', en: 'The adapter is not active.' },
  ADAPTER_ACCESS_DENIED: { status: 403, vi: 'Bạn chưa được cấp quyền dùng bộ chuyển đổi này.', en: 'You have not been granted use of this adapter.' },
  INVALID_ADAPTER_TRANSITION: {
    status: 409,
    vi: 'Không thể thực hiện bước này ở trạng thái hiện tại của bộ chuyển đổi.',
    en: 'This step is not allowed in the adapter’s current state.',
  },
  SLOW_CONSUMER: {
    status: 503,
    vi: 'Kết nối nhận sự kiện quá chậm nên đã bị ngắt; hãy kết nối lại với con trỏ cuối cùng đã nhận.',
    en: 'The subscriber fell too far behind and was disconnected; reconnect with the last cursor received.',
  },
  // Gateway abuse limits (issue 9B): refused before execution.
  QUERY_TOO_DEEP: { status: 400, vi: 'Truy vấn lồng nhau quá sâu.', en: 'The query is nested too deeply.' },
  QUERY_TOO_COMPLEX: { status: 400, vi: 'Truy vấn quá phức tạp (vượt ngân sách chi phí).', en: 'The query is too complex (over the cost budget).' },
  TOO_MANY_ALIASES: { status: 400, vi: 'Truy vấn dùng quá nhiều bí danh (alias).', en: 'The query uses too many aliases.' },
  BATCH_NOT_ALLOWED: {
    status: 400,
    vi: 'Không chấp nhận gửi nhiều thao tác trong một yêu cầu (hoặc quá số lượng cho phép).',
    en: 'Batched operations are not accepted (or exceed the allowed number).',
  },
  QUERY_TOO_LARGE: { status: 413, vi: 'Nội dung truy vấn quá dài.', en: 'The operation text is too large.' },
  VARIABLES_TOO_LARGE: { status: 413, vi: 'Biến (variables) của truy vấn quá lớn.', en: 'The operation variables are too large.' },
  // 200 as in Apollo's automatic persisted query protocol: clients read the code and resend the full text.
  PERSISTED_QUERY_NOT_FOUND: {
    status: 200,
    vi: 'Không tìm thấy truy vấn đã lưu; hãy gửi kèm nội dung truy vấn.',
    en: 'PersistedQueryNotFound',
  },
  PERSISTED_QUERY_NOT_ALLOWED: {
    status: 400,
    vi: 'Truy vấn không nằm trong danh sách được phép.',
    en: 'The operation is not in the allow-list of persisted queries.',
  },
  PERSISTED_QUERY_NOT_SUPPORTED: { status: 400, vi: 'Máy chủ không hỗ trợ truy vấn đã lưu.', en: 'PersistedQueryNotSupported' },
};

export interface LienthongErrorOptions {
  /** Specific messages; default to the catalogue's. */
  vi?: string;
  en?: string;
  /** Extra machine-readable details, e.g. `{ field: 'hoTen' }` or a list of violations. */
  details?: Record<string, unknown>;
  cause?: unknown;
}

/** A typed, client-visible error. The `message` is English; `extensions.messages` has both languages. */
export class LienthongError extends GraphQLError {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, options: LienthongErrorOptions = {}) {
    const entry = ERROR_CATALOGUE[code];
    const en = options.en ?? entry.en;
    const vi = options.vi ?? entry.vi;
    super(en, {
      originalError: options.cause instanceof Error ? options.cause : undefined,
      // Details come first so that none of them can overwrite the code, status or messages.
      extensions: { ...options.details, code, http: { status: entry.status }, messages: { vi, en } },
    });
    this.code = code;
    this.name = 'LienthongError';
  }
}

/** True when `value` carries one of the catalogue's codes (also for errors relayed by the gateway). */
export function hasErrorCode(value: unknown, code: ErrorCode): boolean {
  const ext = (value as { extensions?: { code?: unknown } } | null)?.extensions;
  return ext?.code === code;
}

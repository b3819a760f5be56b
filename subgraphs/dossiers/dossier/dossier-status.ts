import { registerEnumType } from 'type-graphql';

/** Dossier statuses, aligned with the national public service portal's dossier statuses. */
export enum DossierStatus {
  NEW = 'NEW',
  PAYMENT_DUE = 'PAYMENT_DUE',
  ACCEPTED = 'ACCEPTED',
  PROCESSING = 'PROCESSING',
  SUPPLEMENT_REQUESTED = 'SUPPLEMENT_REQUESTED',
  NOT_ACCEPTED = 'NOT_ACCEPTED',
  WITHDRAWN = 'WITHDRAWN',
  STOPPED = 'STOPPED',
  DONE = 'DONE',
  RETURNED = 'RETURNED',
}

registerEnumType(DossierStatus, {
  name: 'DossierStatus',
  description: 'Trạng thái hồ sơ (dossier status)',
  valuesConfig: {
    NEW: { description: 'Mới tiếp nhận, chờ cán bộ xem xét' },
    PAYMENT_DUE: { description: 'Chờ nộp phí, lệ phí' },
    ACCEPTED: { description: 'Đã tiếp nhận' },
    PROCESSING: { description: 'Đang xử lý' },
    SUPPLEMENT_REQUESTED: { description: 'Yêu cầu bổ sung hồ sơ' },
    NOT_ACCEPTED: { description: 'Không tiếp nhận (từ chối)' },
    WITHDRAWN: { description: 'Công dân rút hồ sơ' },
    STOPPED: { description: 'Dừng xử lý' },
    DONE: { description: 'Đã có kết quả' },
    RETURNED: { description: 'Đã trả kết quả' },
  },
});

/** How a dossier reached the agency (seed 001: online, at the counter, by post). */
export enum SubmissionChannel {
  ONLINE = 'ONLINE',
  COUNTER = 'COUNTER',
  POSTAL = 'POSTAL',
}

registerEnumType(SubmissionChannel, {
  name: 'SubmissionChannel',
  description: 'Kênh nộp hồ sơ: trực tuyến, trực tiếp tại bộ phận một cửa, qua bưu chính',
});

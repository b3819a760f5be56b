import { registerEnumType } from 'type-graphql';

/** Life of a fee payment. At most one PENDING or PAID payment per dossier (a partial unique index). */
export enum PaymentStatus {
  /** Opened at the provider; the citizen has not paid yet. */
  PENDING = 'PENDING',
  PAID = 'PAID',
  /** The provider reported a failure, or the provider could not be reached; a new attempt is allowed. */
  FAILED = 'FAILED',
  EXPIRED = 'EXPIRED',
  REFUNDED = 'REFUNDED',
}

/** Statuses that hold the dossier's one live payment. */
export const LIVE_PAYMENT_STATUSES: readonly PaymentStatus[] = [PaymentStatus.PENDING, PaymentStatus.PAID];

registerEnumType(PaymentStatus, {
  name: 'PaymentStatus',
  description: 'Trạng thái thanh toán phí, lệ phí của hồ sơ',
  valuesConfig: {
    PENDING: { description: 'Chờ thanh toán' },
    PAID: { description: 'Đã thanh toán, có biên lai điện tử' },
    FAILED: { description: 'Thanh toán không thành công; có thể thanh toán lại' },
    EXPIRED: { description: 'Hết hạn thanh toán' },
    REFUNDED: { description: 'Đã hoàn tiền' },
  },
});

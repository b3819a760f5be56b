import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { PaymentRefund as PaymentRefundRow } from '../../shared/storage/generated/client';
import { RefundStatus } from './refund-payment';

registerEnumType(RefundStatus, {
  name: 'RefundStatus',
  description: 'Trạng thái yêu cầu hoàn phí',
  valuesConfig: {
    REQUESTED: { description: 'Đã gửi cổng thanh toán, chưa có kết quả' },
    SUCCEEDED: { description: 'Đã hoàn' },
    FAILED: { description: 'Cổng thanh toán từ chối' },
  },
});

@ObjectType({ description: 'Một lần hoàn phí (toàn bộ hoặc một phần) của giao dịch đã thanh toán' })
export class PaymentRefund {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Mã hoàn phí gửi cổng thanh toán; the same idempotency key gives the same one' })
  refundRef!: string;

  @Field(() => Int, { description: 'Số tiền hoàn (đồng)' })
  amountVnd!: number;

  @Field({ description: 'Lý do hoàn phí' })
  reason!: string;

  @Field({ description: 'Account that asked for the refund' })
  requestedBy!: string;

  @Field(() => RefundStatus)
  status!: RefundStatus;

  @Field(() => String, { nullable: true })
  providerRefundId!: string | null;

  @Field(() => String, { nullable: true, description: "The provider's reason for a refusal" })
  failureReason!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;
}

export function toPaymentRefund(row: PaymentRefundRow): PaymentRefund {
  return Object.assign(new PaymentRefund(), {
    id: row.id,
    refundRef: row.refundRef,
    amountVnd: row.amountVnd,
    reason: row.reason,
    requestedBy: row.requestedBy,
    status: row.status as RefundStatus,
    providerRefundId: row.providerRefundId,
    failureReason: row.failureReason,
    createdAt: row.createdAt,
    completedAt: row.completedAt,
  });
}

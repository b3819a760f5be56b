import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import type { Payment as PaymentRow } from '../../shared/storage/generated/client';
import { PaymentStatus } from './payment-status';

export type { PaymentRow };

@Directive('@key(fields: "id")')
@ObjectType({ description: 'Giao dịch thanh toán phí, lệ phí của một hồ sơ qua cổng thanh toán' })
export class Payment {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Mã hồ sơ được thanh toán' })
  dossierCode!: string;

  @Field(() => Int, { description: 'Số tiền (đồng)' })
  amountVnd!: number;

  @Field({ description: 'Always "VND"' })
  currency!: string;

  @Field(() => PaymentStatus)
  status!: PaymentStatus;

  @Field(() => String, { nullable: true, description: 'Where to send the citizen to pay, while PENDING' })
  redirectUrl!: string | null;

  @Field({ description: 'Mã giao dịch (txnRef) agreed with the payment provider' })
  providerRef!: string;

  @Field(() => String, { nullable: true, description: 'Số biên lai điện tử, once PAID' })
  receiptNumber!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  paidAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Hạn thanh toán: after it a PENDING payment is checked with the provider and, unpaid, EXPIRED' })
  expiresAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the payment FAILED or EXPIRED' })
  failureReason!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the fee was refunded in full' })
  refundedAt!: Date | null;

  @Field(() => Int, { description: 'Changes with every status change' })
  version!: number;
}

export function toPayment(row: PaymentRow): Payment {
  return Object.assign(new Payment(), {
    id: row.id,
    dossierCode: row.dossierCode,
    amountVnd: row.amountVnd,
    currency: row.currency,
    status: row.status as PaymentStatus,
    redirectUrl: row.redirectUrl,
    providerRef: row.providerRef,
    receiptNumber: row.receiptNumber,
    createdAt: row.createdAt,
    paidAt: row.paidAt,
    expiresAt: row.expiresAt,
    failureReason: row.failureReason,
    refundedAt: row.refundedAt,
    version: row.version,
  });
}

import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Dossier } from '../dossier/dossier';
import { PaymentStatus } from '../payment/payment-status';

@ObjectType({ description: 'Sự kiện thanh toán: một khoản phí đã thanh toán, thất bại, hết hạn hoặc được hoàn tiền' })
export class PaymentEvent {
  @Field(() => ID, { description: "Con trỏ: pass it as `paymentEvents(after:)` to resume after this event" })
  cursor!: string;

  @Field(() => PaymentStatus, { description: 'The status the payment moved to: PAID, FAILED, EXPIRED or REFUNDED' })
  status!: PaymentStatus;

  @Field(() => ID)
  paymentId!: string;

  @Field()
  dossierCode!: string;

  @Field({ description: 'Cơ quan tiếp nhận hồ sơ' })
  agencyCode!: string;

  @Field(() => Int, { description: 'Số tiền (đồng); for a refund, the amount refunded' })
  amountVnd!: number;

  @Field(() => String, { nullable: true, description: 'Số biên lai điện tử, when one was issued' })
  receiptNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'Why a payment failed or expired' })
  reason!: string | null;

  @Field()
  at!: Date;

  @Field(() => Dossier, { description: 'Hồ sơ (fields from the dossiers subgraph, as a query would resolve them)' })
  dossier!: Dossier;
}

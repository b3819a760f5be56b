import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MismatchKind, type Mismatch, type ReconciliationRunRow } from './reconcile';

registerEnumType(MismatchKind, {
  name: 'ReconciliationMismatchKind',
  description: 'Loại chênh lệch đối soát',
  valuesConfig: {
    MISSING_LOCALLY: { description: 'Cổng thanh toán có giao dịch mà hệ thống không có' },
    MISSING_AT_PROVIDER: { description: 'Hệ thống có giao dịch mà cổng thanh toán không có' },
    STATUS_MISMATCH: { description: 'Trạng thái khác nhau' },
    AMOUNT_MISMATCH: { description: 'Số tiền, loại tiền hoặc số đã hoàn khác nhau' },
  },
});

@ObjectType({ description: "The hub's view of a transaction in a reconciliation" })
export class ReconciliationLocalView {
  @Field(() => ID) paymentId!: string;
  @Field() status!: string;
  @Field(() => Int) amountVnd!: number;
  @Field() currency!: string;
  @Field(() => Int) refundedVnd!: number;
}

@ObjectType({ description: "The provider's statement line for a transaction in a reconciliation" })
export class ReconciliationProviderView {
  @Field() providerTxnId!: string;
  @Field() status!: string;
  @Field(() => Int) amountVnd!: number;
  @Field() currency!: string;
  @Field(() => Int) refundedVnd!: number;
}

@ObjectType({ description: 'Một chênh lệch giữa sao kê của cổng thanh toán và dữ liệu của hệ thống' })
export class ReconciliationMismatch {
  @Field(() => MismatchKind) kind!: MismatchKind;
  @Field() txnRef!: string;
  @Field(() => ReconciliationLocalView, { nullable: true }) local!: ReconciliationLocalView | null;
  @Field(() => ReconciliationProviderView, { nullable: true }) provider!: ReconciliationProviderView | null;
}

@ObjectType({ description: 'Một lần đối soát giao dịch thanh toán với cổng thanh toán' })
export class ReconciliationRun {
  @Field(() => ID) id!: string;
  @Field() periodFrom!: Date;
  @Field() periodTo!: Date;
  @Field() startedAt!: Date;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
  @Field({ description: 'RUNNING, DONE or FAILED' }) status!: string;
  @Field(() => Int, { description: 'Statement lines that agreed with the hub' }) matched!: number;
  @Field(() => [ReconciliationMismatch]) mismatches!: ReconciliationMismatch[];
  @Field() triggeredBy!: string;
  @Field(() => String, { nullable: true, description: 'Why a FAILED run failed' }) error!: string | null;
}

export function toReconciliationRun(row: ReconciliationRunRow): ReconciliationRun {
  return Object.assign(new ReconciliationRun(), {
    ...row,
    mismatches: (row.mismatches as unknown as Mismatch[]).map((m) => Object.assign(new ReconciliationMismatch(), m)),
  });
}

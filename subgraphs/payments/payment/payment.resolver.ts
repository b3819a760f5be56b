import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { PaymentsContext } from '../context';
import { Dossier } from '../dossier/dossier';
import { PaymentRefund, toPaymentRefund } from '../refunds/payment-refund';
import { RefundStatus } from '../refunds/refund-payment';
import { Payment, toPayment } from './payment';
import { visiblePayment } from './payment-visibility';

const notFound = (id: string) => new LienthongError(ErrorCode.PAYMENT_NOT_FOUND, { details: { paymentId: id } });

@Resolver(() => Payment)
export class PaymentResolver {
  @Query(() => Payment, {
    nullable: true,
    description: 'A payment by id, e.g. to show its status when the citizen comes back from the provider',
  })
  async payment(@Arg('id', () => ID) id: string, @Ctx() ctx: PaymentsContext): Promise<Payment | null> {
    return visiblePayment(ctx, await ctx.loaders.paymentById.load(id));
  }

  @Mutation(() => Payment, {
    description:
      "Nộp phí hồ sơ: opens the payment of a dossier's fee (or returns the pending one) with the URL " +
      'of the payment provider to send the citizen to',
  })
  async payDossierFee(@Arg('dossierCode') dossierCode: string, @Ctx() ctx: PaymentsContext): Promise<Payment> {
    return toPayment(await ctx.checkout.payDossierFee(ctx.principal, dossierCode));
  }

  @Mutation(() => Payment, {
    description:
      'Asks the provider about a PENDING payment now and records its answer (PAID, FAILED, or EXPIRED once past its ' +
      'expiry), as its callback would have; for the payer or an official when the callback is late',
  })
  async refreshPayment(@Arg('id', () => ID) id: string, @Ctx() ctx: PaymentsContext): Promise<Payment> {
    if (ctx.principal.role === 'ANONYMOUS') throw new LienthongError(ErrorCode.UNAUTHENTICATED);
    const row = await ctx.prisma.payment.findUnique({ where: { id } });
    if (!row || !(await visiblePayment(ctx, row))) throw notFound(id);
    return toPayment(await ctx.sync.sync(row));
  }

  @Mutation(() => Payment, {
    description:
      'Hoàn phí: refunds all (default) or part of a PAID fee through the provider; for operators and officials of the ' +
      "dossier's agency. A retry with the same idempotencyKey is the same refund. A full refund makes the payment REFUNDED",
  })
  async refundPayment(
    @Arg('paymentId', () => ID) paymentId: string,
    @Arg('reason') reason: string,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Arg('amountVnd', () => Int, { nullable: true, description: 'Whole VND; default: all that is left to refund' })
    amountVnd: number | null,
    @Ctx() ctx: PaymentsContext,
  ): Promise<Payment> {
    return toPayment(await ctx.refunds.refund(ctx.principal, { paymentId, amountVnd, reason, idempotencyKey }));
  }

  @FieldResolver(() => Dossier, { description: 'Hồ sơ được thanh toán' })
  dossier(@Root() payment: Payment): Dossier {
    return Object.assign(new Dossier(), { code: payment.dossierCode });
  }

  @FieldResolver(() => [PaymentRefund], { description: 'Các lần hoàn phí, oldest first' })
  async refunds(@Root() payment: Payment, @Ctx() ctx: PaymentsContext): Promise<PaymentRefund[]> {
    const rows = await ctx.prisma.paymentRefund.findMany({ where: { paymentId: payment.id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    return rows.map(toPaymentRefund);
  }

  @FieldResolver(() => Int, { description: 'Số tiền đã hoàn (đồng): the sum of SUCCEEDED refunds' })
  async refundedVnd(@Root() payment: Payment, @Ctx() ctx: PaymentsContext): Promise<number> {
    const sum = await ctx.prisma.paymentRefund.aggregate({
      where: { paymentId: payment.id, status: RefundStatus.SUCCEEDED },
      _sum: { amountVnd: true },
    });
    return sum._sum.amountVnd ?? 0;
  }
}

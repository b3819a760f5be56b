import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { PaymentsContext } from '../context';
import { Dossier } from '../dossier/dossier';
import { Payment, toPayment } from './payment';
import { visiblePayment } from './payment-visibility';

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

  @FieldResolver(() => Dossier, { description: 'Hồ sơ được thanh toán' })
  dossier(@Root() payment: Payment): Dossier {
    return Object.assign(new Dossier(), { code: payment.dossierCode });
  }
}

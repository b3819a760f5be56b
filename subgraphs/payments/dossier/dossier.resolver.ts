import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PaymentsContext } from '../context';
import { Payment } from '../payment/payment';
import { visiblePayment } from '../payment/payment-visibility';
import { Dossier } from './dossier';

@Resolver(() => Dossier)
export class DossierPaymentResolver {
  @FieldResolver(() => Payment, { nullable: true })
  async payment(@Root() dossier: Dossier, @Ctx() ctx: PaymentsContext): Promise<Payment | null> {
    return visiblePayment(ctx, await ctx.loaders.livePaymentByDossierCode.load(dossier.code));
  }
}

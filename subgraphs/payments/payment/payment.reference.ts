import type { PaymentsContext } from '../context';
import type { Payment } from './payment';
import { visiblePayment } from './payment-visibility';

export async function resolvePaymentReference(reference: Pick<Payment, 'id'>, ctx: PaymentsContext): Promise<Payment | null> {
  return visiblePayment(ctx, await ctx.loaders.paymentById.load(reference.id));
}

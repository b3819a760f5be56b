/**
 * A payment is shown to whoever may handle its dossier's payment, and to nobody else: `null`, not an
 * error, so a query that reaches a dossier's payment through the gateway stays quiet about others'.
 */
import type { PaymentsContext } from '../context';
import { mayHandleDossierPayment } from '../dossier/dossier-access';
import { type Payment, type PaymentRow, toPayment } from './payment';

export async function visiblePayment(ctx: PaymentsContext, row: PaymentRow | null): Promise<Payment | null> {
  if (!row) return null;
  const dossier = await ctx.loaders.dossierByCode.load(row.dossierCode);
  const allowed = dossier ? mayHandleDossierPayment(ctx.principal, dossier) : ctx.principal.role === 'OPERATOR';
  return allowed ? toPayment(row) : null;
}

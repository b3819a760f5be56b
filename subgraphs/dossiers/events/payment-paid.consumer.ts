/**
 * When the payments subgraph reports a dossier's fee paid, the dossier leaves PAYMENT_DUE for NEW:
 * it now waits for reception to check and accept it like a free dossier (see the state machine,
 * workflow/dossier-state-machine.ts). Idempotent: a repeated or late event finds the dossier no longer
 * waiting and does nothing.
 */
import type { EventBus, Unsubscribe } from '../../shared/events/bus';
import { PAYMENT_PAID_TOPIC, type PaymentPaidEvent } from '../../payments';
import { DossierStatus } from '../dossier/dossier-status';
import { transitionDossier, type TransitionDeps } from '../dossier/dossier-transition';
import { DossierAction, TRANSITIONS } from '../workflow/dossier-state-machine';

export function consumePaymentPaid(deps: TransitionDeps, bus: EventBus): Promise<Unsubscribe> {
  return bus.subscribe<PaymentPaidEvent>(PAYMENT_PAID_TOPIC, async (event) => {
    await transitionDossier(deps, {
      code: event.dossierCode,
      from: TRANSITIONS[DossierAction.PAY].from,
      to: DossierStatus.NEW,
      actor: 'system:payments',
      note: `Đã nộp phí ${event.amountVnd.toLocaleString('vi-VN')} đ, biên lai ${event.receiptNumber}`,
    });
  });
}

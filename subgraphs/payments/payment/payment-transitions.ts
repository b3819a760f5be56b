/**
 * The status changes of a payment that others must hear about, each in one transaction with its
 * outbox event: PENDING/FAILED/EXPIRED → PAID (with its e-receipt number) and PENDING → FAILED or
 * EXPIRED. Every change is conditional on the status read (and bumps `version`), so of two concurrent
 * deliveries of the same news exactly one changes the row and writes the event; the other gets null.
 */
import { appendOutboxEvent, type OutboxNotifier } from '../../shared/outbox';
import type { PrismaClient } from '../../shared/storage/database';
import { allocateReceiptNumber } from '../callback/receipt-number';
import { PAYMENT_EXPIRED_TOPIC, PAYMENT_FAILED_TOPIC, type PaymentEndedEvent } from '../events/payment-events';
import { PAYMENT_PAID_TOPIC, type PaymentPaidEvent } from '../events/payment-paid-event';
import type { PaymentRow } from './payment';
import { PaymentStatus } from './payment-status';

/** A payment that the provider may still turn PAID: the provider's word on the money wins. */
export const PAYABLE_STATUSES = [PaymentStatus.PENDING, PaymentStatus.FAILED, PaymentStatus.EXPIRED];

export interface TransitionDeps {
  prisma: PrismaClient;
  /** Woken after each commit so the event goes out now. */
  outbox: OutboxNotifier;
}

/** Marks the payment PAID; null when it was no longer payable (another delivery won). */
export async function markPaid(
  deps: TransitionDeps,
  payment: PaymentRow,
  facts: { paidAt: Date; providerTxnId?: string | null },
): Promise<PaymentRow | null> {
  const updated = await deps.prisma.$transaction(async (tx) => {
    const receiptNumber = await allocateReceiptNumber(tx, facts.paidAt);
    const { count } = await tx.payment.updateMany({
      where: { id: payment.id, status: { in: PAYABLE_STATUSES } },
      data: {
        status: PaymentStatus.PAID,
        paidAt: facts.paidAt,
        receiptNumber,
        failureReason: null,
        version: { increment: 1 },
        ...(facts.providerTxnId ? { providerTxnId: facts.providerTxnId } : {}),
      },
    });
    if (count !== 1) return null;
    const event: PaymentPaidEvent = {
      paymentId: payment.id,
      dossierCode: payment.dossierCode,
      amountVnd: payment.amountVnd,
      receiptNumber,
      paidAt: facts.paidAt.toISOString(),
    };
    await appendOutboxEvent(tx, { topic: PAYMENT_PAID_TOPIC, key: payment.dossierCode, payload: event });
    return tx.payment.findUniqueOrThrow({ where: { id: payment.id } });
  });
  if (updated) deps.outbox.kick();
  return updated;
}

/** PENDING → FAILED or EXPIRED, freeing the dossier for a new payment; null when no longer PENDING. */
export async function markEnded(
  deps: TransitionDeps,
  payment: PaymentRow,
  status: PaymentStatus.FAILED | PaymentStatus.EXPIRED,
  facts: { reason: string | null; at?: Date; providerTxnId?: string | null },
): Promise<PaymentRow | null> {
  const at = facts.at ?? new Date();
  const updated = await deps.prisma.$transaction(async (tx) => {
    const { count } = await tx.payment.updateMany({
      where: { id: payment.id, status: PaymentStatus.PENDING },
      data: {
        status,
        failureReason: facts.reason,
        version: { increment: 1 },
        ...(facts.providerTxnId ? { providerTxnId: facts.providerTxnId } : {}),
      },
    });
    if (count !== 1) return null;
    const event: PaymentEndedEvent = {
      paymentId: payment.id,
      dossierCode: payment.dossierCode,
      amountVnd: payment.amountVnd,
      status,
      reason: facts.reason,
      at: at.toISOString(),
    };
    const topic = status === PaymentStatus.FAILED ? PAYMENT_FAILED_TOPIC : PAYMENT_EXPIRED_TOPIC;
    await appendOutboxEvent(tx, { topic, key: payment.dossierCode, payload: event });
    return tx.payment.findUniqueOrThrow({ where: { id: payment.id } });
  });
  if (updated) deps.outbox.kick();
  return updated;
}

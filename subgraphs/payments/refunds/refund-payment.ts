/**
 * Hoàn phí: refunds all or part of a PAID fee through the provider, for operators and officials of
 * the dossier's agency. The refund reference is derived from the caller's idempotency key, so a retry
 * asks the provider for the same refund (which it makes once) and returns the same outcome. The
 * refund is recorded REQUESTED before the provider is asked (under a row lock on the payment, so two
 * refunds never together exceed the fee), then SUCCEEDED or FAILED; when the refunds reach the whole
 * fee the payment becomes REFUNDED and payment.refunded is written in the same transaction.
 * Refusals (rights, input, status, amount) write nothing.
 */
import { createHash } from 'node:crypto';
import type { Principal } from '../../shared/auth/principal';
import { ErrorCode, LienthongError } from '../../shared/errors';
import { appendOutboxEvent } from '../../shared/outbox';
import { DOSSIER_FACTS_SELECT } from '../dossier/dossier-access';
import { PAYMENT_REFUNDED_TOPIC, type PaymentRefundedEvent } from '../events/payment-events';
import type { PaymentRow } from '../payment/payment';
import { PaymentStatus } from '../payment/payment-status';
import type { TransitionDeps } from '../payment/payment-transitions';
import type { PaymentProviderPort, RefundAnswer } from '../provider/provider-port';

export enum RefundStatus {
  REQUESTED = 'REQUESTED',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

export interface RefundInput {
  paymentId: string;
  /** Whole VND. @default what is left of the fee */
  amountVnd?: number | null;
  reason: string;
  idempotencyKey: string;
}

export interface RefundServiceOptions extends TransitionDeps {
  provider: Pick<PaymentProviderPort, 'refund'>;
}

const bad = (field: string, vi: string, en: string) =>
  new LienthongError(ErrorCode.BAD_USER_INPUT, { vi, en, details: { field } });

/** `RF` + 30 hex characters of SHA-256(payment id, key): the same key on the same payment, the same refund. */
export function refundRefOf(paymentId: string, idempotencyKey: string): string {
  return `RF${createHash('sha256').update(`${paymentId}\u0000${idempotencyKey}`).digest('hex').slice(0, 30).toUpperCase()}`;
}

/** Only staff may refund: an operator, or an official of the agency that received the dossier. */
export function mayRefund(principal: Principal, dossierAgencyCode: string | undefined): boolean {
  if (principal.role === 'OPERATOR') return true;
  return principal.role === 'OFFICIAL' && principal.agencyCode !== undefined && principal.agencyCode === dossierAgencyCode;
}

export class RefundService {
  constructor(private readonly options: RefundServiceOptions) {}

  async refund(principal: Principal, input: RefundInput): Promise<PaymentRow> {
    const { prisma } = this.options;
    if (principal.role === 'ANONYMOUS') throw new LienthongError(ErrorCode.UNAUTHENTICATED);
    const reason = input.reason.trim();
    const key = input.idempotencyKey.trim();
    if (reason === '' || reason.length > 500) throw bad('reason', 'Lý do hoàn phí phải có, tối đa 500 ký tự.', 'A reason of at most 500 characters is required.');
    if (key === '' || key.length > 100) throw bad('idempotencyKey', 'Khóa chống trùng phải có, tối đa 100 ký tự.', 'An idempotency key of at most 100 characters is required.');
    if (input.amountVnd != null && (!Number.isSafeInteger(input.amountVnd) || input.amountVnd <= 0)) {
      throw bad('amountVnd', 'Số tiền hoàn phải là số nguyên đồng dương.', 'The refund amount must be a positive whole number of VND.');
    }
    const payment = await prisma.payment.findUnique({ where: { id: input.paymentId } });
    const dossier = payment && (await prisma.dossier.findUnique({ where: { code: payment.dossierCode }, select: DOSSIER_FACTS_SELECT }));
    if (!payment) throw new LienthongError(ErrorCode.PAYMENT_NOT_FOUND, { details: { paymentId: input.paymentId } });
    if (!mayRefund(principal, dossier?.agencyCode)) {
      throw new LienthongError(ErrorCode.FORBIDDEN, {
        vi: 'Chỉ quản trị viên hoặc cán bộ của cơ quan tiếp nhận hồ sơ được hoàn phí.',
        en: "Only operators and officials of the dossier's agency may refund its fee.",
      });
    }
    const refundRef = refundRefOf(payment.id, key);
    const existing = await prisma.paymentRefund.findUnique({ where: { refundRef } });
    if (existing) {
      if (input.amountVnd != null && input.amountVnd !== existing.amountVnd) {
        throw new LienthongError(ErrorCode.CONFLICT, {
          vi: 'Khóa chống trùng đã dùng cho một yêu cầu hoàn phí khác số tiền.',
          en: 'This idempotency key was used for a refund of another amount.',
          details: { refundRef, amountVnd: existing.amountVnd },
        });
      }
      if (existing.status === RefundStatus.SUCCEEDED) return prisma.payment.findUniqueOrThrow({ where: { id: payment.id } });
      if (existing.status === RefundStatus.FAILED) throw refundFailed(refundRef, existing.failureReason);
      return this.askProvider(payment, existing); // REQUESTED: a retry after the provider did not answer
    }
    const requested = await this.record(principal, payment, refundRef, input.amountVnd ?? null, reason);
    return this.askProvider(payment, requested);
  }

  /** Records the refund REQUESTED, checked against what is left of the fee under a lock on the payment. */
  private async record(principal: Principal, payment: PaymentRow, refundRef: string, amount: number | null, reason: string) {
    return this.options.prisma.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<Array<{ status: string; amount_vnd: number }>>`
        SELECT status, amount_vnd FROM payment WHERE id = ${payment.id} FOR UPDATE`;
      if (locked?.status !== PaymentStatus.PAID) {
        throw new LienthongError(ErrorCode.INVALID_TRANSITION, {
          vi: 'Chỉ hoàn phí cho giao dịch đã thanh toán.',
          en: 'Only a paid payment can be refunded.',
          details: { paymentId: payment.id, status: locked?.status },
        });
      }
      const taken = await tx.paymentRefund.aggregate({
        where: { paymentId: payment.id, status: { in: [RefundStatus.REQUESTED, RefundStatus.SUCCEEDED] } },
        _sum: { amountVnd: true },
      });
      const left = locked.amount_vnd - (taken._sum.amountVnd ?? 0);
      const amountVnd = amount ?? left;
      if (amountVnd <= 0 || amountVnd > left) {
        throw new LienthongError(ErrorCode.BAD_USER_INPUT, {
          vi: `Số tiền hoàn vượt quá số còn có thể hoàn (${left} đồng).`,
          en: `The refund exceeds what is left to refund (${left} VND).`,
          details: { field: 'amountVnd', refundableVnd: left },
        });
      }
      const [row] = await tx.paymentRefund.createManyAndReturn({
        data: [{ paymentId: payment.id, refundRef, amountVnd, reason, requestedBy: principal.id, status: RefundStatus.REQUESTED }],
        skipDuplicates: true,
      });
      // A concurrent retry with the same key recorded it first (we held the payment lock after it).
      return row ?? tx.paymentRefund.findUniqueOrThrow({ where: { refundRef } });
    });
  }

  private async askProvider(payment: PaymentRow, refund: { id: string; refundRef: string; amountVnd: number; reason: string }) {
    // An upstream error leaves the refund REQUESTED: a retry with the same key asks again.
    const answer: RefundAnswer = await this.options.provider.refund({
      txnRef: payment.providerRef,
      refundRef: refund.refundRef,
      amountVnd: refund.amountVnd,
      reason: refund.reason,
    });
    const now = new Date();
    if (answer.status !== 'SUCCESS') {
      await this.options.prisma.paymentRefund.updateMany({
        where: { id: refund.id, status: RefundStatus.REQUESTED },
        data: { status: RefundStatus.FAILED, providerRefundId: answer.providerRefundId, failureReason: answer.reason ?? 'refused', completedAt: now },
      });
      throw refundFailed(refund.refundRef, answer.reason ?? null);
    }
    const refunded = await this.options.prisma.$transaction(async (tx) => {
      // Under the payment's lock, so two partial refunds completing together both see each other's sum.
      await tx.$queryRaw`SELECT id FROM payment WHERE id = ${payment.id} FOR UPDATE`;
      await tx.paymentRefund.updateMany({
        where: { id: refund.id, status: RefundStatus.REQUESTED },
        data: { status: RefundStatus.SUCCEEDED, providerRefundId: answer.providerRefundId, completedAt: now },
      });
      const done = await tx.paymentRefund.aggregate({
        where: { paymentId: payment.id, status: RefundStatus.SUCCEEDED },
        _sum: { amountVnd: true },
      });
      const refundedVnd = done._sum.amountVnd ?? 0;
      if (refundedVnd < payment.amountVnd) return false;
      const { count } = await tx.payment.updateMany({
        where: { id: payment.id, status: PaymentStatus.PAID },
        data: { status: PaymentStatus.REFUNDED, refundedAt: now, version: { increment: 1 } },
      });
      if (count !== 1) return false;
      const event: PaymentRefundedEvent = {
        paymentId: payment.id,
        dossierCode: payment.dossierCode,
        amountVnd: payment.amountVnd,
        receiptNumber: payment.receiptNumber,
        refundedVnd,
        refundedAt: now.toISOString(),
      };
      await appendOutboxEvent(tx, { topic: PAYMENT_REFUNDED_TOPIC, key: payment.dossierCode, payload: event });
      return true;
    });
    if (refunded) this.options.outbox.kick();
    return this.options.prisma.payment.findUniqueOrThrow({ where: { id: payment.id } });
  }
}

function refundFailed(refundRef: string, reason: string | null): LienthongError {
  return new LienthongError(ErrorCode.UPSTREAM_BAD_RESPONSE, {
    vi: `Cổng thanh toán từ chối hoàn phí${reason ? `: ${reason}` : ''}.`,
    en: `The payment provider refused the refund${reason ? `: ${reason}` : ''}.`,
    details: { upstream: 'payment-provider', refundRef },
  });
}

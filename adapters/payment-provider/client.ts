/**
 * The hub's side of the payment provider's API: open a transaction, query it, refund it, read the
 * statement of a period (reconciliation), and verify the provider's callbacks. Every outbound message
 * is signed and every inbound one verified (signature.ts); every upstream failure becomes a typed
 * UPSTREAM_* error. Reads, and refunds (idempotent by refundRef at the provider), are retried after a
 * timeout or a 5xx; opening a transaction is not, the caller retries it with the same txnRef.
 */
import { DEFAULT_RETRY } from '../kit/backoff';
import { ErrorCode, LienthongError } from '../../subgraphs/shared/errors';
import {
  type CallbackPayload,
  CreateTransactionResponseSchema,
  RefundResponseSchema,
  StatementResponseSchema,
  TransactionStatusResponseSchema,
  TransactionStatusSchema,
} from './messages';
import type {
  CreatedTransaction,
  CreateTransactionInput,
  PaymentProviderClientOptions,
  ProviderStatementLine,
  ProviderTransaction,
  RefundInput,
  RefundResult,
} from './client-types';
import { ProviderHttp, upstreamError as upstream } from './provider-http';
import {
  CREATE_RESPONSE_FIELDS,
  CREATE_TRANSACTION_FIELDS,
  REFUND_REQUEST_FIELDS,
  REFUND_RESPONSE_FIELDS,
  signMessage,
  STATEMENT_QUERY_FIELDS,
  STATEMENT_RESPONSE_FIELDS,
  statementDigest,
  STATUS_QUERY_FIELDS,
  STATUS_RESPONSE_FIELDS,
  TRANSACTION_STATUS_FIELDS,
  UnsignableMessageError,
  verifyMessage,
} from './signature';

export type {
  CreatedTransaction,
  CreateTransactionInput,
  PaymentProviderClientOptions,
  ProviderStatementLine,
  ProviderTransaction,
  RefundInput,
  RefundResult,
} from './client-types';

const REFERENCE = /^[A-Za-z0-9_-]{1,64}$/;

const badInput = (vi: string, en: string, field: string) =>
  new LienthongError(ErrorCode.BAD_USER_INPUT, { vi, en, details: { field } });

const invalidSignature = (en: string) =>
  new LienthongError(ErrorCode.INVALID_SIGNATURE, { en: `Payment provider callback: ${en}` });

export class PaymentProviderClient {
  private readonly http: ProviderHttp;

  constructor(private readonly options: PaymentProviderClientOptions) {
    this.http = new ProviderHttp({
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      timeoutMs: options.timeoutMs ?? 5000,
      retry: { ...DEFAULT_RETRY, ...options.retry },
      random: options.random ?? Math.random,
    });
  }

  get merchantCode(): string {
    return this.options.merchantCode;
  }

  /** Opens a transaction at the provider (the same txnRef and amount again is the same one); throws UPSTREAM_* errors. */
  async createTransaction(input: CreateTransactionInput): Promise<CreatedTransaction> {
    const request = {
      merchantCode: this.options.merchantCode,
      txnRef: input.txnRef,
      amountVnd: input.amountVnd,
      currency: 'VND' as const,
      orderInfo: input.orderInfo.replaceAll('|', '/').slice(0, 255),
      callbackUrl: input.callbackUrl,
      ...(input.returnUrl ? { returnUrl: input.returnUrl } : {}),
    };
    const body = await this.http.send({
      method: 'POST',
      path: '/api/transactions',
      body: { ...request, checksum: this.sign(CREATE_TRANSACTION_FIELDS, request) },
      repeatable: false,
    });
    const res = this.verified(CreateTransactionResponseSchema, CREATE_RESPONSE_FIELDS, body, 'create-transaction response');
    if (res.txnRef !== input.txnRef || res.merchantCode !== this.options.merchantCode) {
      throw upstream(ErrorCode.UPSTREAM_BAD_RESPONSE, 'create-transaction response is for another transaction');
    }
    return { paymentUrl: res.paymentUrl, providerTxnId: res.providerTxnId, ...(res.expiresAt ? { expiresAt: new Date(res.expiresAt) } : {}) };
  }

  /** The provider's view of a transaction (status sync); null when the provider does not know it. */
  async queryTransaction(txnRef: string): Promise<ProviderTransaction | null> {
    const query = { merchantCode: this.options.merchantCode, txnRef };
    const search = new URLSearchParams({ merchantCode: query.merchantCode, checksum: this.sign(STATUS_QUERY_FIELDS, query) });
    const body = await this.http.send({
      method: 'GET',
      path: `/api/transactions/${encodeURIComponent(txnRef)}?${search}`,
      notFoundIsNull: true,
      repeatable: true,
    });
    if (body === null) return null;
    const res = this.verified(TransactionStatusResponseSchema, STATUS_RESPONSE_FIELDS, body, 'transaction status');
    if (res.txnRef !== txnRef || res.merchantCode !== this.options.merchantCode) {
      throw upstream(ErrorCode.UPSTREAM_BAD_RESPONSE, 'transaction status is for another transaction');
    }
    return {
      txnRef: res.txnRef,
      providerTxnId: res.providerTxnId,
      amountVnd: res.amountVnd,
      currency: res.currency,
      status: res.status,
      ...(res.paidAt ? { paidAt: new Date(res.paidAt) } : {}),
      refundedVnd: res.refundedVnd,
      ...(res.expiresAt ? { expiresAt: new Date(res.expiresAt) } : {}),
    };
  }

  /**
   * Refunds part or all of a paid transaction. Safe to call again with the same input (after a timeout,
   * a crash, …): the provider decides once per refundRef and repeats its answer, so this call itself
   * retries after a timeout or a 5xx. A declined refund is a result with status FAILED, not an error;
   * the same refundRef for another transaction or amount throws UPSTREAM_BAD_RESPONSE (upstreamCode
   * DUPLICATE_REFUND_REF).
   */
  async refund(input: RefundInput): Promise<RefundResult> {
    if (!REFERENCE.test(input.refundRef)) {
      throw badInput('Mã hoàn tiền không hợp lệ.', 'refundRef must be 1–64 letters, digits, "-" or "_".', 'refundRef');
    }
    if (!Number.isSafeInteger(input.amountVnd) || input.amountVnd <= 0) {
      throw badInput('Số tiền hoàn phải là số nguyên dương (đồng).', 'The refund amount must be a positive whole number of VND.', 'amountVnd');
    }
    const reason = input.reason.replaceAll('|', '/').trim().slice(0, 255);
    if (reason === '') throw badInput('Cần nêu lý do hoàn phí.', 'A refund needs a reason.', 'reason');
    const request = { merchantCode: this.options.merchantCode, txnRef: input.txnRef, refundRef: input.refundRef, amountVnd: input.amountVnd, reason };
    const body = await this.http.send({
      method: 'POST',
      path: '/api/refunds',
      body: { ...request, checksum: this.sign(REFUND_REQUEST_FIELDS, request) },
      repeatable: true,
    });
    const res = this.verified(RefundResponseSchema, REFUND_RESPONSE_FIELDS, body, 'refund response');
    if (
      res.merchantCode !== this.options.merchantCode ||
      res.txnRef !== input.txnRef ||
      res.refundRef !== input.refundRef ||
      res.amountVnd !== input.amountVnd
    ) {
      throw upstream(ErrorCode.UPSTREAM_BAD_RESPONSE, 'refund response is for another refund');
    }
    if (res.status === 'FAILED' && !res.failureReason) {
      throw upstream(ErrorCode.UPSTREAM_BAD_RESPONSE, 'refund declined without a reason');
    }
    return {
      refundRef: res.refundRef,
      providerRefundId: res.providerRefundId,
      amountVnd: res.amountVnd,
      status: res.status,
      ...(res.failureReason ? { reason: res.failureReason } : {}),
      ...(res.refundedAt ? { refundedAt: new Date(res.refundedAt) } : {}),
    };
  }

  /**
   * Every transaction the provider opened for this merchant in [from, to), as it stands now. The whole
   * statement is signed: a line added, dropped or altered on the way throws UPSTREAM_BAD_RESPONSE.
   */
  async statement(period: { from: Date; to: Date }): Promise<ProviderStatementLine[]> {
    if (!(period.from.getTime() < period.to.getTime())) {
      throw badInput('Kỳ đối soát không hợp lệ.', 'The statement period must end after it starts.', 'to');
    }
    const query = { merchantCode: this.options.merchantCode, from: period.from.toISOString(), to: period.to.toISOString() };
    const search = new URLSearchParams({ ...query, checksum: this.sign(STATEMENT_QUERY_FIELDS, query) });
    const body = await this.http.send({ method: 'GET', path: `/api/statements?${search}`, repeatable: true });
    const parsed = StatementResponseSchema.safeParse(body);
    if (!parsed.success) throw upstream(ErrorCode.UPSTREAM_BAD_RESPONSE, 'malformed statement');
    const res = parsed.data;
    let linesDigest: string;
    try {
      linesDigest = statementDigest(res.lines);
    } catch (err) {
      if (!(err instanceof UnsignableMessageError)) throw err;
      throw upstream(ErrorCode.UPSTREAM_BAD_RESPONSE, 'statement has a line that cannot be signed');
    }
    if (!verifyMessage(STATEMENT_RESPONSE_FIELDS, { ...res, linesDigest }, res.checksum, this.options.secret)) {
      throw upstream(ErrorCode.UPSTREAM_BAD_RESPONSE, 'statement has a bad checksum');
    }
    if (res.merchantCode !== query.merchantCode || res.from !== query.from || res.to !== query.to) {
      throw upstream(ErrorCode.UPSTREAM_BAD_RESPONSE, 'statement is for another merchant or period');
    }
    return res.lines.map((line) => {
      const createdAt = new Date(line.createdAt);
      if (createdAt < period.from || createdAt >= period.to) {
        throw upstream(ErrorCode.UPSTREAM_BAD_RESPONSE, 'statement lists a transaction outside the period', { txnRef: line.txnRef });
      }
      return {
        txnRef: line.txnRef,
        providerTxnId: line.providerTxnId,
        amountVnd: line.amountVnd,
        currency: line.currency,
        status: line.status,
        createdAt,
        ...(line.paidAt ? { paidAt: new Date(line.paidAt) } : {}),
        refundedVnd: line.refundedVnd,
      };
    });
  }

  /**
   * Checks a callback body received from the provider. Throws INVALID_SIGNATURE when the checksum is
   * missing or wrong or the callback is addressed to another merchant, BAD_USER_INPUT when a correctly
   * signed body is malformed or reports anything but a payment's outcome (SUCCESS with paidAt, FAILED).
   */
  verifyCallback(body: unknown): CallbackPayload {
    const message = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    if (typeof message.checksum !== 'string' || message.checksum === '') throw invalidSignature('missing checksum');
    if (!verifyMessage(TRANSACTION_STATUS_FIELDS, message, message.checksum, this.options.secret)) {
      throw invalidSignature('bad checksum');
    }
    if (message.merchantCode !== this.options.merchantCode) throw invalidSignature('addressed to another merchant');
    const parsed = TransactionStatusSchema.safeParse(message);
    const outcome = parsed.success ? parsed.data.status : undefined;
    if (!parsed.success || !(outcome === 'SUCCESS' || outcome === 'FAILED') || (outcome === 'SUCCESS' && !parsed.data.paidAt)) {
      throw new LienthongError(ErrorCode.BAD_USER_INPUT, {
        en: 'Payment provider callback: malformed body.',
        details: { issues: parsed.success ? ['status'] : parsed.error.issues.map((i) => i.path.join('.')) },
      });
    }
    const c = parsed.data;
    return {
      merchantCode: c.merchantCode,
      txnRef: c.txnRef,
      providerTxnId: c.providerTxnId,
      amountVnd: c.amountVnd,
      currency: c.currency,
      status: outcome,
      ...(c.paidAt ? { paidAt: new Date(c.paidAt) } : {}),
    };
  }

  private sign(fields: readonly string[], message: Record<string, unknown>): string {
    return signMessage(fields, message, this.options.secret);
  }

  /** Parses a signed answer and checks its checksum; throws UPSTREAM_BAD_RESPONSE otherwise. */
  private verified<T extends { checksum: string }>(
    schema: { safeParse(body: unknown): { success: true; data: T } | { success: false } },
    fields: readonly string[],
    body: unknown,
    what: string,
  ): T {
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw upstream(ErrorCode.UPSTREAM_BAD_RESPONSE, `malformed ${what}`);
    if (!verifyMessage(fields, parsed.data, parsed.data.checksum, this.options.secret)) {
      throw upstream(ErrorCode.UPSTREAM_BAD_RESPONSE, `${what} has a bad checksum`);
    }
    return parsed.data;
  }
}

/**
 * The hub's side of the payment provider's API: open a transaction, query it (reconciliation), and
 * verify the provider's callbacks. Every outbound message is signed and every inbound one verified
 * (signature.ts); every upstream failure becomes a typed UPSTREAM_* error.
 */
import { ErrorCode, LienthongError } from '../../subgraphs/shared/errors';
import {
  type CallbackPayload,
  CreateTransactionResponseSchema,
  type ProviderTransactionStatus,
  TransactionStatusSchema,
} from './messages';
import {
  CREATE_RESPONSE_FIELDS,
  CREATE_TRANSACTION_FIELDS,
  signMessage,
  STATUS_QUERY_FIELDS,
  TRANSACTION_STATUS_FIELDS,
  verifyMessage,
} from './signature';

export interface PaymentProviderClientOptions {
  /** Base URL of the provider's API, e.g. `https://payment.example.vn`. */
  baseUrl: string;
  /** The hub's merchant code at the provider. */
  merchantCode: string;
  /** Shared HMAC-SHA256 secret. */
  secret: string;
  /** Time allowed for one call to the provider. @default 5000 */
  timeoutMs?: number;
}

export interface CreateTransactionInput {
  /** Unique reference of the payment on the hub's side. */
  txnRef: string;
  amountVnd: number;
  /** Text shown to the payer; '|' is replaced, since it separates signed fields. */
  orderInfo: string;
  callbackUrl: string;
  returnUrl?: string;
}

export interface CreatedTransaction {
  /** Where to send the payer's browser. */
  paymentUrl: string;
  providerTxnId?: string;
}

export interface ProviderTransaction {
  txnRef: string;
  providerTxnId: string;
  amountVnd: number;
  currency: string;
  status: ProviderTransactionStatus;
  paidAt?: Date;
}

const upstream = (code: ErrorCode, en: string, details?: Record<string, unknown>) =>
  new LienthongError(code, { en: `Payment provider: ${en}`, details: { upstream: 'payment-provider', ...details } });

const invalidSignature = (en: string) =>
  new LienthongError(ErrorCode.INVALID_SIGNATURE, { en: `Payment provider callback: ${en}` });

export class PaymentProviderClient {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;

  constructor(private readonly options: PaymentProviderClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 5000;
  }

  get merchantCode(): string {
    return this.options.merchantCode;
  }

  /** Opens a transaction at the provider; throws UPSTREAM_* errors. */
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
    const body = await this.call('POST', '/api/transactions', {
      ...request,
      checksum: signMessage(CREATE_TRANSACTION_FIELDS, request, this.options.secret),
    });
    const parsed = CreateTransactionResponseSchema.safeParse(body);
    if (!parsed.success) throw upstream(ErrorCode.UPSTREAM_BAD_RESPONSE, 'malformed create-transaction response');
    const res = parsed.data;
    if (!verifyMessage(CREATE_RESPONSE_FIELDS, res, res.checksum, this.options.secret)) {
      throw upstream(ErrorCode.UPSTREAM_BAD_RESPONSE, 'create-transaction response has a bad checksum');
    }
    if (res.txnRef !== input.txnRef || res.merchantCode !== this.options.merchantCode) {
      throw upstream(ErrorCode.UPSTREAM_BAD_RESPONSE, 'create-transaction response is for another transaction');
    }
    return { paymentUrl: res.paymentUrl, providerTxnId: res.providerTxnId };
  }

  /** The provider's view of a transaction (for reconciliation); null when the provider does not know it. */
  async queryTransaction(txnRef: string): Promise<ProviderTransaction | null> {
    const query = { merchantCode: this.options.merchantCode, txnRef };
    const search = new URLSearchParams({
      merchantCode: query.merchantCode,
      checksum: signMessage(STATUS_QUERY_FIELDS, query, this.options.secret),
    });
    const body = await this.call('GET', `/api/transactions/${encodeURIComponent(txnRef)}?${search}`, undefined, true);
    if (body === null) return null;
    const parsed = TransactionStatusSchema.safeParse(body);
    if (!parsed.success) throw upstream(ErrorCode.UPSTREAM_BAD_RESPONSE, 'malformed transaction status');
    const res = parsed.data;
    if (!verifyMessage(TRANSACTION_STATUS_FIELDS, res, res.checksum, this.options.secret)) {
      throw upstream(ErrorCode.UPSTREAM_BAD_RESPONSE, 'transaction status has a bad checksum');
    }
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
    };
  }

  /**
   * Checks a callback body received from the provider. Throws INVALID_SIGNATURE when the checksum is
   * missing or wrong or the callback is addressed to another merchant, BAD_USER_INPUT when a correctly
   * signed body is malformed.
   */
  verifyCallback(body: unknown): CallbackPayload {
    const message = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    if (typeof message.checksum !== 'string' || message.checksum === '') throw invalidSignature('missing checksum');
    if (!verifyMessage(TRANSACTION_STATUS_FIELDS, message, message.checksum, this.options.secret)) {
      throw invalidSignature('bad checksum');
    }
    if (message.merchantCode !== this.options.merchantCode) throw invalidSignature('addressed to another merchant');
    const parsed = TransactionStatusSchema.safeParse(message);
    if (!parsed.success || parsed.data.status === 'PENDING' || (parsed.data.status === 'SUCCESS' && !parsed.data.paidAt)) {
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
      status: c.status as 'SUCCESS' | 'FAILED',
      ...(c.paidAt ? { paidAt: new Date(c.paidAt) } : {}),
    };
  }

  /** One HTTP call; `notFoundIsNull` turns a 404 into `null` instead of an error. */
  private async call(method: 'GET' | 'POST', path: string, body?: unknown, notFoundIsNull = false): Promise<unknown> {
    let res: Response;
    let text: string;
    try {
      res = await fetch(this.baseUrl + path, {
        method,
        headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await res.text();
    } catch (err) {
      const name = (err as { name?: string } | null)?.name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw upstream(ErrorCode.UPSTREAM_TIMEOUT, `no answer within ${this.timeoutMs} ms`);
      }
      throw upstream(ErrorCode.UPSTREAM_UNAVAILABLE, 'unreachable');
    }
    if (notFoundIsNull && res.status === 404) return null;
    if (res.status >= 500 || res.status === 429) {
      throw upstream(ErrorCode.UPSTREAM_UNAVAILABLE, `HTTP ${res.status}`, { upstreamStatus: res.status });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw upstream(ErrorCode.UPSTREAM_BAD_RESPONSE, `HTTP ${res.status} with a body that is not JSON`, {
        upstreamStatus: res.status,
      });
    }
    if (!res.ok) {
      // The provider refused the request itself (bad checksum, duplicate reference, …).
      const upstreamCode = (json as { code?: unknown } | null)?.code;
      throw upstream(ErrorCode.UPSTREAM_BAD_RESPONSE, `request refused (HTTP ${res.status})`, {
        upstreamStatus: res.status,
        ...(typeof upstreamCode === 'string' ? { upstreamCode } : {}),
      });
    }
    return json;
  }
}

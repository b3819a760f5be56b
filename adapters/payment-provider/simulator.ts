/**
 * A sandbox payment provider, for the embedded default and for tests. It plays the provider's side of
 * the protocol for real: it verifies the merchant's checksums, serves a checkout page, and delivers
 * signed callbacks to the merchant server to server, retrying while the merchant does not answer 2xx.
 */
import { randomInt } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import express, { type Request, type Response } from 'express';
import { CreateTransactionRequestSchema, type ProviderTransactionStatus } from './messages';
import {
  CREATE_RESPONSE_FIELDS,
  CREATE_TRANSACTION_FIELDS,
  signMessage,
  STATUS_QUERY_FIELDS,
  TRANSACTION_STATUS_FIELDS,
  verifyMessage,
} from './signature';
import { renderCheckoutPage, renderNotFoundPage, renderResultPage } from './simulator-pages';

export interface PaymentProviderSimulatorOptions {
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to bind. @default "127.0.0.1" */
  host?: string;
  /** Base URL put into payment URLs, when the payer reaches the simulator by another name. @default the listening address */
  publicBaseUrl?: string;
  /** The one merchant this simulator serves. */
  merchantCode: string;
  /** HMAC-SHA256 secret shared with the merchant. */
  secret: string;
  /** Further attempts after a callback that was not answered 2xx. @default 3 */
  callbackRetries?: number;
  /** Wait before the first retry; doubles at each retry. @default 200 */
  callbackRetryDelayMs?: number;
  /** Time allowed to the merchant to answer one callback. @default 5000 */
  callbackTimeoutMs?: number;
  /** Where delivery problems are reported. @default console */
  logger?: Pick<Console, 'warn'>;
}

/** One attempt at delivering a callback. */
export interface CallbackAttempt {
  at: Date;
  /** The merchant's HTTP status, when it answered. */
  httpStatus?: number;
  /** Why there was no answer. */
  error?: string;
}

export interface SimulatedTransaction {
  merchantCode: string;
  txnRef: string;
  providerTxnId: string;
  amountVnd: number;
  currency: 'VND';
  orderInfo: string;
  callbackUrl: string;
  returnUrl?: string;
  status: ProviderTransactionStatus;
  createdAt: Date;
  paidAt?: Date;
  /** The signed callback, once the payment is completed; every delivery sends these same bytes. */
  callbackBody?: Record<string, unknown>;
  callbackAttempts: CallbackAttempt[];
}

export interface PaymentProviderSimulator {
  start(): Promise<{ baseUrl: string }>;
  stop(): Promise<void>;
  /**
   * Completes a pending transaction as the payer would and delivers the callback; on a transaction
   * already completed with the same outcome, delivers the same callback again (a provider's
   * re-notification). Rejects when the merchant never answered 2xx.
   */
  completePayment(txnRef: string, outcome: 'SUCCESS' | 'FAILED'): Promise<void>;
  /** Every transaction opened, by txnRef. */
  readonly transactions: ReadonlyMap<string, SimulatedTransaction>;
}

export function createPaymentProviderSimulator(options: PaymentProviderSimulatorOptions): PaymentProviderSimulator {
  const retries = options.callbackRetries ?? 3;
  const retryDelayMs = options.callbackRetryDelayMs ?? 200;
  const callbackTimeoutMs = options.callbackTimeoutMs ?? 5000;
  const logger = options.logger ?? console;
  const transactions = new Map<string, SimulatedTransaction>();
  const lifetime = new AbortController();
  const app = express();
  const server: Server = createServer(app);
  let baseUrl = '';

  const signed = <T extends Record<string, unknown>>(fields: readonly string[], message: T) => ({
    ...message,
    checksum: signMessage(fields, message, options.secret),
  });

  const statusMessage = (txn: SimulatedTransaction) =>
    signed(TRANSACTION_STATUS_FIELDS, {
      merchantCode: txn.merchantCode,
      txnRef: txn.txnRef,
      providerTxnId: txn.providerTxnId,
      amountVnd: txn.amountVnd,
      currency: txn.currency,
      status: txn.status,
      paidAt: txn.paidAt?.toISOString() ?? null,
    });

  async function deliver(txn: SimulatedTransaction, body: Record<string, unknown>): Promise<void> {
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await sleep(retryDelayMs * 2 ** (attempt - 1), undefined, { signal: lifetime.signal });
      const record: CallbackAttempt = { at: new Date() };
      txn.callbackAttempts.push(record);
      try {
        const res = await fetch(txn.callbackUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.any([lifetime.signal, AbortSignal.timeout(callbackTimeoutMs)]),
        });
        await res.arrayBuffer();
        record.httpStatus = res.status;
        if (res.ok) return;
      } catch (err) {
        if (lifetime.signal.aborted) throw err;
        record.error = err instanceof Error ? err.message : String(err);
      }
      logger.warn(
        `[payment-simulator] callback for ${txn.txnRef} not accepted (attempt ${attempt + 1}/${retries + 1}):`,
        record.httpStatus ?? record.error,
      );
    }
    throw new Error(`callback for ${txn.txnRef} was not accepted after ${retries + 1} attempts`);
  }

  async function completePayment(txnRef: string, outcome: 'SUCCESS' | 'FAILED'): Promise<void> {
    const txn = transactions.get(txnRef);
    if (!txn) throw new Error(`unknown transaction ${txnRef}`);
    if (txn.status === 'PENDING') {
      txn.status = outcome;
      if (outcome === 'SUCCESS') txn.paidAt = new Date();
      txn.callbackBody = statusMessage(txn);
    } else if (txn.status !== outcome) {
      throw new Error(`transaction ${txnRef} is already ${txn.status}`);
    }
    await deliver(txn, txn.callbackBody!);
  }

  const fail = (res: Response, status: number, code: string, extra: Record<string, unknown> = {}) =>
    res.status(status).json({ code, ...extra });

  app.post('/api/transactions', express.json({ limit: '64kb' }), (req: Request, res: Response) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (!verifyMessage(CREATE_TRANSACTION_FIELDS, body, body.checksum, options.secret)) {
      return fail(res, 401, 'INVALID_SIGNATURE');
    }
    if (body.merchantCode !== options.merchantCode) return fail(res, 403, 'UNKNOWN_MERCHANT');
    const parsed = CreateTransactionRequestSchema.safeParse(body);
    if (!parsed.success) return fail(res, 400, 'BAD_REQUEST', { issues: parsed.error.issues.map((i) => i.path.join('.')) });
    const request = parsed.data;
    let txn = transactions.get(request.txnRef);
    if (txn && txn.amountVnd !== request.amountVnd) return fail(res, 409, 'DUPLICATE_TXN_REF');
    if (!txn) {
      txn = {
        merchantCode: request.merchantCode,
        txnRef: request.txnRef,
        providerTxnId: `SIM${Date.now()}${String(randomInt(1_000_000)).padStart(6, '0')}`,
        amountVnd: request.amountVnd,
        currency: 'VND',
        orderInfo: request.orderInfo,
        callbackUrl: request.callbackUrl,
        returnUrl: request.returnUrl,
        status: 'PENDING',
        createdAt: new Date(),
        callbackAttempts: [],
      };
      transactions.set(txn.txnRef, txn);
    }
    res.json(
      signed(CREATE_RESPONSE_FIELDS, {
        merchantCode: txn.merchantCode,
        txnRef: txn.txnRef,
        providerTxnId: txn.providerTxnId,
        paymentUrl: `${baseUrl}/pay/${encodeURIComponent(txn.txnRef)}`,
      }),
    );
  });

  app.get('/api/transactions/:txnRef', (req: Request, res: Response) => {
    const txnRef = String(req.params.txnRef);
    const query = { merchantCode: req.query.merchantCode, txnRef };
    if (!verifyMessage(STATUS_QUERY_FIELDS, query, req.query.checksum, options.secret)) {
      return fail(res, 401, 'INVALID_SIGNATURE');
    }
    if (query.merchantCode !== options.merchantCode) return fail(res, 403, 'UNKNOWN_MERCHANT');
    const txn = transactions.get(txnRef);
    if (!txn) return fail(res, 404, 'NOT_FOUND');
    res.json(statusMessage(txn));
  });

  app.get('/pay/:txnRef', (req: Request, res: Response) => {
    const txn = transactions.get(String(req.params.txnRef));
    if (!txn) return res.status(404).type('html').send(renderNotFoundPage());
    res.type('html').send(renderCheckoutPage(txn));
  });

  const payerAction = (outcome: 'SUCCESS' | 'FAILED') => async (req: Request, res: Response) => {
    const txn = transactions.get(String(req.params.txnRef));
    if (!txn) return res.status(404).type('html').send(renderNotFoundPage());
    if (txn.status !== 'PENDING' && txn.status !== outcome) return res.status(409).type('html').send(renderResultPage(txn));
    try {
      await completePayment(txn.txnRef, outcome);
    } catch (err) {
      // The payer's part is done; the merchant can still learn the outcome by querying the status.
      logger.warn(`[payment-simulator] ${err instanceof Error ? err.message : String(err)}`);
    }
    if (txn.returnUrl) {
      const back = new URL(txn.returnUrl);
      back.searchParams.set('txnRef', txn.txnRef);
      back.searchParams.set('status', txn.status);
      return res.redirect(303, back.toString());
    }
    res.type('html').send(renderResultPage(txn));
  };
  app.post('/pay/:txnRef/confirm', payerAction('SUCCESS'));
  app.post('/pay/:txnRef/cancel', payerAction('FAILED'));

  return {
    transactions,
    completePayment,
    async start() {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
      });
      const { port } = server.address() as AddressInfo;
      const host = options.host === undefined || options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
      baseUrl = (options.publicBaseUrl ?? `http://${host}:${port}`).replace(/\/+$/, '');
      return { baseUrl };
    },
    async stop() {
      lifetime.abort();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

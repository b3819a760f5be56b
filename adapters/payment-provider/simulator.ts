/**
 * A sandbox payment provider, for the embedded default and for tests. It plays the provider's side of
 * the protocol for real: it verifies the merchant's checksums, serves a checkout page, delivers signed
 * callbacks server to server (retrying while the merchant does not answer 2xx), lets unpaid
 * transactions expire, refunds, and publishes statements. Test levers make it misbehave on purpose
 * (down, slow, callbacks lost, replayed or forged) so the merchant's defences can be exercised.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Request, type Response } from 'express';
import { signMessage, TRANSACTION_STATUS_FIELDS } from './signature';
import { type ApiConditions, createSimulatorApi } from './simulator-api';
import { type CallbackDelivery, CallbackSender } from './simulator-callbacks';
import { type SimulatedRefund, type SimulatedTransaction, SimulatorLedger } from './simulator-ledger';
import { renderCheckoutPage, renderNotFoundPage, renderResultPage } from './simulator-pages';

export type { CallbackAttempt, SimulatedRefund, SimulatedTransaction } from './simulator-ledger';
export type { CallbackDelivery } from './simulator-callbacks';

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
  /** Minutes a transaction may be paid in; after that it is EXPIRED. @default 15 */
  expiresInMinutes?: number;
  /** Longest period one statement may cover, in days. @default 31 */
  maxStatementDays?: number;
  /** The provider's clock (creation, expiry, payment and refund instants); tests move it. @default () => new Date() */
  now?: () => Date;
  /** Where delivery problems are reported. @default console */
  logger?: Pick<Console, 'warn'>;
}

/** Fields a forged callback changes, and how it is signed. */
export interface ForgedCallback {
  txnRef?: string;
  providerTxnId?: string;
  merchantCode?: string;
  amountVnd?: number;
  currency?: string;
  status?: string;
  paidAt?: string | null;
  /**
   * `stale`: the checksum of the genuine body, whose fields were then changed (tampering in transit);
   * `valid`: signed with the shared secret (a leaked secret or a provider bug: the merchant must still
   * check amount, currency and reference against its own records); `wrong-secret`: signed with another
   * key; `none`: no checksum at all. @default 'stale'
   */
  signature?: 'stale' | 'valid' | 'wrong-secret' | 'none';
}

export interface PaymentProviderSimulator {
  start(): Promise<{ baseUrl: string }>;
  stop(): Promise<void>;
  /**
   * Completes a pending transaction as the payer would and delivers the callback; on a transaction
   * already completed with the same outcome, delivers the same callback again (a provider's
   * re-notification). Rejects when the merchant never answered 2xx, and for an expired transaction.
   */
  completePayment(txnRef: string, outcome: 'SUCCESS' | 'FAILED'): Promise<void>;
  /** Every transaction opened, by txnRef (read a status through `transaction()` to see expiry applied). */
  readonly transactions: ReadonlyMap<string, SimulatedTransaction>;
  /** Every refund decided, by refundRef. */
  readonly refunds: ReadonlyMap<string, SimulatedRefund>;
  /** One transaction as it stands now (a PENDING one past its deadline reads EXPIRED). */
  transaction(txnRef: string): SimulatedTransaction | undefined;
  /** While false, every API call answers HTTP 503 unprocessed (the pay pages keep working). */
  setAvailable(available: boolean): void;
  /** Delay added to every API answer, after the request was processed. */
  setLatency(ms: number): void;
  /** The payer pays (or gives up) but the callback is lost: only a status query or a statement tells. */
  settleWithoutCallback(txnRef: string, outcome?: 'SUCCESS' | 'FAILED'): SimulatedTransaction;
  /** While true, genuine callbacks are lost (recorded as attempts with error "dropped"). */
  dropCallbacks(drop: boolean): void;
  /** Sends the transaction's callback once more, byte for byte, and reports the merchant's answer. */
  replayLastCallback(txnRef: string): Promise<CallbackDelivery>;
  /** Sends a tampered callback for the transaction once, to its callback URL; the books are not changed. */
  forgeCallback(txnRef: string, forged?: ForgedCallback): Promise<CallbackDelivery>;
}

export function createPaymentProviderSimulator(options: PaymentProviderSimulatorOptions): PaymentProviderSimulator {
  const logger = options.logger ?? console;
  const now = options.now ?? (() => new Date());
  const ledger = new SimulatorLedger((options.expiresInMinutes ?? 15) * 60_000, now);
  const lifetime = new AbortController();
  const callbacks = new CallbackSender({
    retries: options.callbackRetries ?? 3,
    retryDelayMs: options.callbackRetryDelayMs ?? 200,
    timeoutMs: options.callbackTimeoutMs ?? 5000,
    logger,
    lifetime: lifetime.signal,
    now,
  });
  const conditions: ApiConditions = { available: true, latencyMs: 0 };
  const app = express();
  const server: Server = createServer(app);
  let baseUrl = '';

  const callbackMessage = (txn: SimulatedTransaction) => ({
    merchantCode: txn.merchantCode,
    txnRef: txn.txnRef,
    providerTxnId: txn.providerTxnId,
    amountVnd: txn.amountVnd,
    currency: txn.currency,
    status: txn.status === 'REFUNDED' ? 'SUCCESS' : txn.status,
    paidAt: txn.paidAt?.toISOString() ?? null,
  });
  const signCallback = (message: Record<string, unknown>, secret = options.secret) => ({
    ...message,
    checksum: signMessage(TRANSACTION_STATUS_FIELDS, message, secret),
  });

  function settle(txnRef: string, outcome: 'SUCCESS' | 'FAILED'): SimulatedTransaction {
    const { txn, changed } = ledger.settle(txnRef, outcome);
    // The callback is fixed when the outcome is: every later delivery sends these same bytes.
    if (changed) txn.callbackBody = signCallback(callbackMessage(txn));
    return txn;
  }

  async function completePayment(txnRef: string, outcome: 'SUCCESS' | 'FAILED'): Promise<void> {
    const txn = settle(txnRef, outcome);
    await callbacks.deliver(txn, txn.callbackBody!);
  }

  function known(txnRef: string): SimulatedTransaction {
    const txn = ledger.get(txnRef);
    if (!txn) throw new Error(`unknown transaction ${txnRef}`);
    return txn;
  }

  app.use('/api', createSimulatorApi({
    merchantCode: options.merchantCode,
    secret: options.secret,
    ledger,
    conditions,
    baseUrl: () => baseUrl,
    maxStatementDays: options.maxStatementDays ?? 31,
  }));

  app.get('/pay/:txnRef', (req: Request, res: Response) => {
    const txn = ledger.get(String(req.params.txnRef));
    if (!txn) return res.status(404).type('html').send(renderNotFoundPage());
    res.type('html').send(renderCheckoutPage(txn));
  });

  const payerAction = (outcome: 'SUCCESS' | 'FAILED') => async (req: Request, res: Response) => {
    const txn = ledger.get(String(req.params.txnRef));
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
    transactions: ledger.transactions,
    refunds: ledger.refunds,
    completePayment,
    transaction: (txnRef) => ledger.get(txnRef),
    setAvailable: (available) => void (conditions.available = available),
    setLatency: (ms) => void (conditions.latencyMs = Math.max(0, ms)),
    settleWithoutCallback: (txnRef, outcome = 'SUCCESS') => settle(txnRef, outcome),
    dropCallbacks: (drop) => void (callbacks.dropping = drop),
    async replayLastCallback(txnRef) {
      const txn = known(txnRef);
      if (!txn.callbackBody) throw new Error(`transaction ${txnRef} has had no callback yet`);
      return callbacks.sendOnce(txn, txn.callbackBody);
    },
    async forgeCallback(txnRef, forged = {}) {
      const txn = known(txnRef);
      const { signature = 'stale', ...changes } = forged;
      const genuine = txn.callbackBody
        ? (({ checksum: _c, ...message }) => message)(txn.callbackBody)
        : { ...callbackMessage(txn), status: 'SUCCESS', paidAt: now().toISOString() };
      const message: Record<string, unknown> = { ...genuine, ...changes };
      const checksum = (() => {
        switch (signature) {
          case 'stale':
            return signCallback(genuine).checksum;
          case 'valid':
            return signCallback(message).checksum;
          case 'wrong-secret':
            return signCallback(message, `not-${options.secret}`).checksum;
          case 'none':
            return undefined;
        }
      })();
      return callbacks.post(txn.callbackUrl, checksum === undefined ? message : { ...message, checksum });
    },
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

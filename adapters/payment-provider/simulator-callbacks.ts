/**
 * How the simulator calls the merchant back, server to server: a genuine callback is retried with
 * backoff while the merchant does not answer 2xx; replays and forgeries (test levers) are sent once and
 * report what the merchant answered, so a test can assert the rejection itself.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { CallbackAttempt, SimulatedTransaction } from './simulator-ledger';

/** What the merchant answered one callback. */
export interface CallbackDelivery {
  /** The merchant's HTTP status, when it answered. */
  httpStatus?: number;
  /** The merchant's answer body, as text. */
  body?: string;
  /** Why there was no answer. */
  error?: string;
}

export interface CallbackSenderOptions {
  /** Further attempts after a callback that was not answered 2xx. */
  retries: number;
  /** Wait before the first retry; doubles at each retry. */
  retryDelayMs: number;
  /** Time allowed to the merchant to answer one callback. */
  timeoutMs: number;
  logger: Pick<Console, 'warn'>;
  /** Aborted when the simulator stops: no callback outlives it. */
  lifetime: AbortSignal;
  now: () => Date;
}

export class CallbackSender {
  /** While true, genuine callbacks are lost on the way (recorded as dropped attempts). */
  dropping = false;

  constructor(private readonly options: CallbackSenderOptions) {}

  /** One POST of `body` to `url`; never throws except when the simulator stops. */
  async post(url: string, body: Record<string, unknown>): Promise<CallbackDelivery> {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.any([this.options.lifetime, AbortSignal.timeout(this.options.timeoutMs)]),
      });
      return { httpStatus: res.status, body: await res.text() };
    } catch (err) {
      if (this.options.lifetime.aborted) throw err;
      return { error: err instanceof Error ? err.message : String(err) };
    }
  }

  /**
   * Delivers the transaction's callback, retrying; resolves once the merchant answered 2xx or the
   * callback was dropped on purpose, rejects when every attempt failed.
   */
  async deliver(txn: SimulatedTransaction, body: Record<string, unknown>): Promise<void> {
    const { retries, retryDelayMs, logger, lifetime } = this.options;
    if (this.dropping) {
      txn.callbackAttempts.push({ at: this.options.now(), error: 'dropped' });
      return;
    }
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await sleep(retryDelayMs * 2 ** (attempt - 1), undefined, { signal: lifetime });
      const delivery = await this.sendOnce(txn, body);
      if (delivery.httpStatus !== undefined && delivery.httpStatus >= 200 && delivery.httpStatus < 300) return;
      logger.warn(
        `[payment-simulator] callback for ${txn.txnRef} not accepted (attempt ${attempt + 1}/${retries + 1}):`,
        delivery.httpStatus ?? delivery.error,
      );
    }
    throw new Error(`callback for ${txn.txnRef} was not accepted after ${retries + 1} attempts`);
  }

  /** One recorded attempt at the transaction's callback URL. */
  async sendOnce(txn: SimulatedTransaction, body: Record<string, unknown>): Promise<CallbackDelivery> {
    const record: CallbackAttempt = { at: this.options.now() };
    txn.callbackAttempts.push(record);
    const delivery = await this.post(txn.callbackUrl, body);
    if (delivery.httpStatus !== undefined) record.httpStatus = delivery.httpStatus;
    if (delivery.error !== undefined) record.error = delivery.error;
    return delivery;
  }
}

/**
 * The simulator's merchant API (`/api/*`): open a transaction, query it, refund it, read a statement.
 * Every request is verified (checksum, merchant, shape) before anything is recorded, every answer is
 * signed. Refusals of the request itself are HTTP errors `{ code }`; a refund the provider declines is
 * a signed answer with status FAILED, recorded under its refundRef like a success.
 */
import express, { type Request, type Response, type Router } from 'express';
import { sleep } from '../kit/backoff';
import { CreateTransactionRequestSchema, RefundRequestSchema } from './messages';
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
  verifyMessage,
} from './signature';
import type { SimulatedRefund, SimulatedTransaction, SimulatorLedger } from './simulator-ledger';

/** Test levers that shape how the API answers. */
export interface ApiConditions {
  /** False: every API call answers 503 without being processed. */
  available: boolean;
  /** Added before each answer is sent, after the request was processed (an answer that comes late). */
  latencyMs: number;
}

export interface SimulatorApiOptions {
  merchantCode: string;
  secret: string;
  ledger: SimulatorLedger;
  conditions: ApiConditions;
  /** The simulator's base URL, known once it listens. */
  baseUrl: () => string;
  /** Longest statement period. */
  maxStatementDays: number;
}

const iso = (date: Date | undefined) => date?.toISOString() ?? null;

export function createSimulatorApi(options: SimulatorApiOptions): Router {
  const { ledger, conditions, secret } = options;
  const router = express.Router();
  const signed = <T extends Record<string, unknown>>(fields: readonly string[], message: T) => ({
    ...message,
    checksum: signMessage(fields, message, secret),
  });
  const fail = (res: Response, status: number, code: string, extra: Record<string, unknown> = {}) =>
    res.status(status).json({ code, ...extra });
  const reply = async (res: Response, body: unknown) => {
    if (conditions.latencyMs > 0) await sleep(conditions.latencyMs);
    if (!res.destroyed) res.json(body);
  };

  router.use((_req, res, next) => (conditions.available ? next() : fail(res, 503, 'UNAVAILABLE')));
  router.use(express.json({ limit: '64kb' }));

  router.post('/transactions', async (req: Request, res: Response) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (!verifyMessage(CREATE_TRANSACTION_FIELDS, body, body.checksum, secret)) return fail(res, 401, 'INVALID_SIGNATURE');
    if (body.merchantCode !== options.merchantCode) return fail(res, 403, 'UNKNOWN_MERCHANT');
    const parsed = CreateTransactionRequestSchema.safeParse(body);
    if (!parsed.success) return fail(res, 400, 'BAD_REQUEST', { issues: parsed.error.issues.map((i) => i.path.join('.')) });
    const { checksum: _checksum, currency: _currency, ...request } = parsed.data;
    const opened = ledger.open(request);
    if (!opened.ok) return fail(res, 409, opened.conflict);
    const txn = opened.value;
    await reply(
      res,
      signed(CREATE_RESPONSE_FIELDS, {
        merchantCode: txn.merchantCode,
        txnRef: txn.txnRef,
        providerTxnId: txn.providerTxnId,
        paymentUrl: `${options.baseUrl()}/pay/${encodeURIComponent(txn.txnRef)}`,
        expiresAt: txn.expiresAt.toISOString(),
      }),
    );
  });

  router.get('/transactions/:txnRef', async (req: Request, res: Response) => {
    const txnRef = String(req.params.txnRef);
    const query = { merchantCode: req.query.merchantCode, txnRef };
    if (!verifyMessage(STATUS_QUERY_FIELDS, query, req.query.checksum, secret)) return fail(res, 401, 'INVALID_SIGNATURE');
    if (query.merchantCode !== options.merchantCode) return fail(res, 403, 'UNKNOWN_MERCHANT');
    const txn = ledger.get(txnRef);
    if (!txn) return fail(res, 404, 'NOT_FOUND');
    await reply(res, statusAnswer(txn, signed));
  });

  router.post('/refunds', async (req: Request, res: Response) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (!verifyMessage(REFUND_REQUEST_FIELDS, body, body.checksum, secret)) return fail(res, 401, 'INVALID_SIGNATURE');
    if (body.merchantCode !== options.merchantCode) return fail(res, 403, 'UNKNOWN_MERCHANT');
    const parsed = RefundRequestSchema.safeParse(body);
    if (!parsed.success) return fail(res, 400, 'BAD_REQUEST', { issues: parsed.error.issues.map((i) => i.path.join('.')) });
    const { txnRef, refundRef, amountVnd, reason } = parsed.data;
    const decided = ledger.refund({ txnRef, refundRef, amountVnd, reason });
    if (!decided.ok) return fail(res, 409, decided.conflict);
    await reply(res, refundAnswer(options.merchantCode, decided.value, signed));
  });

  router.get('/statements', async (req: Request, res: Response) => {
    const query = { merchantCode: req.query.merchantCode, from: req.query.from, to: req.query.to };
    if (!verifyMessage(STATEMENT_QUERY_FIELDS, query, req.query.checksum, secret)) return fail(res, 401, 'INVALID_SIGNATURE');
    if (query.merchantCode !== options.merchantCode) return fail(res, 403, 'UNKNOWN_MERCHANT');
    const from = new Date(String(query.from));
    const to = new Date(String(query.to));
    const days = (to.getTime() - from.getTime()) / 86_400_000;
    if (!(days > 0) || days > options.maxStatementDays) return fail(res, 400, 'BAD_PERIOD', { maxDays: options.maxStatementDays });
    const lines = ledger.statement(from, to).map((txn) => ({
      txnRef: txn.txnRef,
      providerTxnId: txn.providerTxnId,
      amountVnd: txn.amountVnd,
      currency: txn.currency,
      status: txn.status,
      createdAt: txn.createdAt.toISOString(),
      paidAt: iso(txn.paidAt),
      refundedVnd: txn.refundedVnd,
    }));
    // The period is echoed as asked, so the merchant checks the answer against its own request.
    const header = { merchantCode: options.merchantCode, from: String(query.from), to: String(query.to) };
    const checksum = signMessage(STATEMENT_RESPONSE_FIELDS, { ...header, linesDigest: statementDigest(lines) }, secret);
    await reply(res, { ...header, lines, checksum });
  });

  router.use((_req, res) => fail(res, 404, 'NOT_FOUND'));
  return router;
}

type Signer = <T extends Record<string, unknown>>(fields: readonly string[], message: T) => T & { checksum: string };

function statusAnswer(txn: SimulatedTransaction, signed: Signer) {
  return signed(STATUS_RESPONSE_FIELDS, {
    merchantCode: txn.merchantCode,
    txnRef: txn.txnRef,
    providerTxnId: txn.providerTxnId,
    amountVnd: txn.amountVnd,
    currency: txn.currency,
    status: txn.status,
    paidAt: iso(txn.paidAt),
    refundedVnd: txn.refundedVnd,
    expiresAt: txn.expiresAt.toISOString(),
  });
}

function refundAnswer(merchantCode: string, refund: SimulatedRefund, signed: Signer) {
  return signed(REFUND_RESPONSE_FIELDS, {
    merchantCode,
    txnRef: refund.txnRef,
    refundRef: refund.refundRef,
    providerRefundId: refund.providerRefundId,
    amountVnd: refund.amountVnd,
    status: refund.status,
    failureReason: refund.failureReason ?? null,
    refundedAt: refund.status === 'SUCCESS' ? refund.at.toISOString() : null,
  });
}

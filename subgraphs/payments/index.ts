/** The payments subgraph: fees of dossiers paid through the payment provider, and their e-receipts. */
import type { EventBus } from '../shared/events/bus';
import { buildFederatedSchema, type SubgraphSchema } from '../shared/federation/build-subgraph-schema';
import { buildSubgraphServer, type ServerHandle, type SubgraphListenOptions } from '../shared/federation/subgraph-server';
import { registerOutboxMetrics } from '../shared/federation/metrics';
import { OutboxRelay, OutboxTail, type OutboxRelayOptions } from '../shared/outbox';
import type { Database } from '../shared/storage/database';
import { mountProviderCallback, PROVIDER_CALLBACK_PATH } from './callback/callback-route';
import { ProviderCallbackHandler } from './callback/provider-callback';
import { PaymentCheckout } from './checkout/pay-dossier-fee';
import { createPaymentsContext, type PaymentsServices } from './context';
import { resolveDossierReference } from './dossier/dossier.reference';
import { PAYMENT_EVENT_TOPICS, PaymentEventsResolver } from './events/payment-events.resolver';
import { DossierPaymentResolver } from './dossier/dossier.resolver';
import { PaymentExpiryJob, type PaymentExpiryOptions } from './lifecycle/expiry-job';
import { PaymentSync } from './lifecycle/payment-sync';
import { resolvePaymentReference } from './payment/payment.reference';
import { PaymentResolver } from './payment/payment.resolver';
import type { PaymentProviderPort } from './provider/provider-port';
import type { ReceiptOptions } from './receipt/receipt-facts';
import { EReceiptPdfResolver, PaymentReceiptResolver } from './receipt/receipt.resolver';
import { Reconciler, type ReconciliationOptions } from './reconciliation/reconcile';
import { ReconciliationResolver } from './reconciliation/reconciliation.resolver';
import { RefundService } from './refunds/refund-payment';

export { PAYMENT_PAID_TOPIC, type PaymentPaidEvent } from './events/payment-paid-event';
export {
  PAYMENT_EXPIRED_TOPIC,
  PAYMENT_FAILED_TOPIC,
  PAYMENT_REFUNDED_TOPIC,
  type PaymentEndedEvent,
  type PaymentRefundedEvent,
} from './events/payment-events';
export { PaymentStatus } from './payment/payment-status';
export type { PaymentProviderPort } from './provider/provider-port';
export { PROVIDER_CALLBACK_PATH };

export function buildPaymentsSchema(): Promise<SubgraphSchema> {
  return buildFederatedSchema({
    resolvers: [PaymentResolver, DossierPaymentResolver, PaymentReceiptResolver, EReceiptPdfResolver, ReconciliationResolver, PaymentEventsResolver],
    references: { Payment: resolvePaymentReference, Dossier: resolveDossierReference },
  });
}

export interface PaymentsDeps {
  db: Database;
  bus: EventBus;
  internalSecret: string;
  provider: PaymentProviderPort;
  /** Base URL at which the provider reaches this service's callback. @default the server's own base URL once started */
  publicBaseUrl?: string;
  /** Where rejected callbacks and other problems are reported. @default console */
  logger?: Pick<Console, 'warn' | 'error'>;
  /** Outbox relay tuning (payment.* events). @default OutboxRelay's defaults */
  outbox?: OutboxRelayOptions;
  /** How long a payment stays payable when the provider does not say. @default 900000 (15 minutes) */
  paymentLifetimeMs?: number;
  /** Expiry job, or false for none in this process. @default a pass every 60 s, 100 payments per pass */
  expiry?: PaymentExpiryOptions | false;
  /** Daily reconciliation job, or false for none in this process. @default daily, over the last 24 hours */
  reconciliation?: ReconciliationOptions | false;
  /** Symbols printed on e-receipts. @default template 01BLP0-001, series LT-<yy>E */
  receipts?: ReceiptOptions;
}

/** The subgraph's server, and its background parts for tests that drive them directly. */
export interface PaymentsSubgraph extends ServerHandle {
  relay: OutboxRelay;
  /** What paymentEvents reads (tests wait for a subscriber). */
  tail: OutboxTail;
  expiry: PaymentExpiryJob;
  reconciler: Reconciler;
}

export function createPaymentsSubgraph(deps: PaymentsDeps, options: SubgraphListenOptions = {}): PaymentsSubgraph {
  const logger = deps.logger ?? console;
  const prisma = deps.db.prisma;
  const relay = new OutboxRelay(prisma, deps.bus, { singleConnection: deps.db.embedded, ...deps.outbox });
  const tail = new OutboxTail(prisma, deps.bus, { topics: PAYMENT_EVENT_TOPICS });
  let publicBaseUrl = deps.publicBaseUrl?.replace(/\/+$/, '');
  const transitions = { prisma, outbox: relay };
  const checkout = new PaymentCheckout({
    ...transitions,
    provider: deps.provider,
    defaultLifetimeMs: deps.paymentLifetimeMs,
    callbackUrl: () => {
      if (!publicBaseUrl) throw new Error('payments subgraph: callback URL unknown before the server started');
      return publicBaseUrl + PROVIDER_CALLBACK_PATH;
    },
  });
  const sync = new PaymentSync({ ...transitions, provider: deps.provider });
  const expiry = new PaymentExpiryJob({ prisma, sync, logger }, deps.expiry || undefined);
  const reconciler = new Reconciler({ prisma, provider: deps.provider }, deps.reconciliation || undefined);
  const services: PaymentsServices = {
    prisma,
    checkout,
    sync,
    refunds: new RefundService({ ...transitions, provider: deps.provider }),
    reconciler,
    receipts: deps.receipts ?? {},
    tail,
  };
  const callbacks = new ProviderCallbackHandler({ ...transitions, provider: deps.provider, logger });
  const server = buildSubgraphServer({
    name: 'payments',
    buildSchema: buildPaymentsSchema,
    metrics: (metrics) => registerOutboxMetrics(metrics, prisma),
    internalSecret: deps.internalSecret,
    context: (base) => createPaymentsContext(base, services),
    routes: (app) => mountProviderCallback(app, callbacks, logger),
    onStarted: async (running) => {
      publicBaseUrl ??= running.baseUrl;
      await tail.start();
      relay.start();
      if (deps.expiry !== false) expiry.start();
      if (deps.reconciliation !== false) reconciler.start();
    },
    onStopping: async () => {
      await reconciler.stop();
      await expiry.stop();
      await relay.stop();
      await tail.stop();
    },
    ...options,
  });
  return { ...server, relay, tail, expiry, reconciler };
}

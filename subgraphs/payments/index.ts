/** The payments subgraph: fees of dossiers paid through the payment provider, and their e-receipts. */
import type { PaymentProviderClient } from '../../adapters/payment-provider';
import type { EventBus } from '../shared/events/bus';
import { buildFederatedSchema, type SubgraphSchema } from '../shared/federation/build-subgraph-schema';
import { buildSubgraphServer, type ServerHandle } from '../shared/federation/subgraph-server';
import type { Database } from '../shared/storage/database';
import { mountProviderCallback, PROVIDER_CALLBACK_PATH } from './callback/callback-route';
import { ProviderCallbackHandler } from './callback/provider-callback';
import { PaymentCheckout } from './checkout/pay-dossier-fee';
import { createPaymentsContext } from './context';
import { resolveDossierReference } from './dossier/dossier.reference';
import { DossierPaymentResolver } from './dossier/dossier.resolver';
import { resolvePaymentReference } from './payment/payment.reference';
import { PaymentResolver } from './payment/payment.resolver';

export { PAYMENT_PAID_TOPIC, type PaymentPaidEvent } from './events/payment-paid-event';
export { PaymentStatus } from './payment/payment-status';
export { PROVIDER_CALLBACK_PATH };

export function buildPaymentsSchema(): Promise<SubgraphSchema> {
  return buildFederatedSchema({
    resolvers: [PaymentResolver, DossierPaymentResolver],
    references: { Payment: resolvePaymentReference, Dossier: resolveDossierReference },
  });
}

export interface PaymentsDeps {
  db: Database;
  bus: EventBus;
  internalSecret: string;
  provider: PaymentProviderClient;
  /** Base URL at which the provider reaches this service's callback. @default the server's own base URL once started */
  publicBaseUrl?: string;
  /** Where rejected callbacks and other problems are reported. @default console */
  logger?: Pick<Console, 'warn' | 'error'>;
}

export function createPaymentsSubgraph(deps: PaymentsDeps, options: { port?: number; host?: string } = {}): ServerHandle {
  const logger = deps.logger ?? console;
  let publicBaseUrl = deps.publicBaseUrl?.replace(/\/+$/, '');
  const checkout = new PaymentCheckout({
    prisma: deps.db.prisma,
    provider: deps.provider,
    callbackUrl: () => {
      if (!publicBaseUrl) throw new Error('payments subgraph: callback URL unknown before the server started');
      return publicBaseUrl + PROVIDER_CALLBACK_PATH;
    },
  });
  const callbacks = new ProviderCallbackHandler({ prisma: deps.db.prisma, bus: deps.bus, provider: deps.provider, logger });
  return buildSubgraphServer({
    name: 'payments',
    buildSchema: buildPaymentsSchema,
    internalSecret: deps.internalSecret,
    context: (base) => createPaymentsContext(base, { prisma: deps.db.prisma, checkout }),
    routes: (app) => mountProviderCallback(app, callbacks, logger),
    onStarted: (running) => {
      publicBaseUrl ??= running.baseUrl;
    },
    ...options,
  });
}

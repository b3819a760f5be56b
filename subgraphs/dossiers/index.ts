/** The dossiers subgraph (hồ sơ): intake, status history and live dossier events. */
import type { CalendarStore } from '../shared/calendar';
import type { EventBus } from '../shared/events/bus';
import { buildFederatedSchema, type SubgraphSchema } from '../shared/federation/build-subgraph-schema';
import { buildSubgraphServer, type ServerHandle } from '../shared/federation/subgraph-server';
import type { Database } from '../shared/storage/database';
import { OutboxRelay, type OutboxRelayOptions } from '../shared/outbox';
import { calendarStoreFor, ProcedureCatalogue } from '../procedures';
import { createDossiersContext, type DossiersServices } from './context';
import { DossierResolver } from './dossier/dossier.resolver';
import { resolveDossierReference } from './dossier/dossier.reference';
import { DossierEventsResolver } from './events/dossier-events.resolver';
import { consumePaymentPaid } from './events/payment-paid.consumer';
import { FEEDBACK_RESOLVERS } from './feedback';
import { FILE_RESOLVERS } from './files';
import { NOTIFICATION_RESOLVERS } from './notifications';
import { STATISTICS_RESOLVERS } from './statistics';
import { WORKFLOW_RESOLVERS } from './workflow';

export { DOSSIER_STATUS_TOPIC, type DossierStatusEvent } from './events/dossier-status-event';

export function buildDossiersSchema(): Promise<SubgraphSchema> {
  return buildFederatedSchema({
    resolvers: [
      DossierResolver,
      DossierEventsResolver,
      ...WORKFLOW_RESOLVERS,
      ...FILE_RESOLVERS,
      ...NOTIFICATION_RESOLVERS,
      ...FEEDBACK_RESOLVERS,
      ...STATISTICS_RESOLVERS,
    ],
    references: { Dossier: resolveDossierReference },
  });
}

export interface DossiersDeps {
  db: Database;
  bus: EventBus;
  internalSecret: string;
  /** Working-day calendar for appointment dates. @default the process's store over `db` */
  calendars?: CalendarStore;
  /** Outbox relay tuning. @default OutboxRelay's defaults */
  outbox?: OutboxRelayOptions;
}

export function createDossiersSubgraph(deps: DossiersDeps, options: { port?: number; host?: string } = {}): ServerHandle {
  const relay = new OutboxRelay(deps.db.prisma, deps.bus, deps.outbox);
  const services: DossiersServices = {
    prisma: deps.db.prisma,
    bus: deps.bus,
    catalogue: new ProcedureCatalogue(deps.db.prisma),
    calendars: deps.calendars ?? calendarStoreFor(deps.db.prisma),
    outbox: relay,
  };
  let stopConsumer: (() => Promise<void>) | undefined;
  return buildSubgraphServer({
    name: 'dossiers',
    buildSchema: buildDossiersSchema,
    internalSecret: deps.internalSecret,
    context: (base) => createDossiersContext(base, services),
    onStarted: async () => {
      relay.start();
      stopConsumer = await consumePaymentPaid(services, services.bus);
    },
    onStopping: async () => {
      await stopConsumer?.();
      await relay.stop();
    },
    ...options,
  });
}

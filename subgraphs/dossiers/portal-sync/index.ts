/** Sync of dossier records and progress to the national public service portal (Cổng DVCQG), from the outbox. */
import { PortalSyncResolver } from './portal-sync.resolver';

export { PortalSync, type PortalSyncOptions, type PortalSyncPassResult } from './portal-sync';
export { PortalSyncSender, type PortalSenderOptions, type SendResult } from './portal-sync-sender';
export { planPortalDeliveries, portalEventIdOf, PORTAL_SYNC_SYSTEM, PortalSyncKind, PortalSyncState, readPortalSyncCursor, type PlanResult } from './portal-sync-planner';
export { failedPortalDeliveries, portalDeliveriesOf, portalSyncBacklog, retryPortalDelivery, type PortalSyncBacklogFigures, type PortalSyncDeliveryRow } from './portal-sync-admin';
export { PortalSyncBacklog, PortalSyncDelivery } from './portal-sync.types';

/** Resolvers of this part of the dossiers subgraph, registered by buildDossiersSchema. */
export const PORTAL_SYNC_RESOLVERS: Function[] = [PortalSyncResolver];

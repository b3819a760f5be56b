/**
 * What operators see and do with the national portal sync: a dossier's deliveries, the backlog, and
 * putting a FAILED delivery back in the queue. Database only, so it works in any hub process, whether
 * or not that process runs the sync itself.
 */
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { PrismaClient } from '../../shared/storage/database';
import { PortalSyncState, readPortalSyncCursor } from './portal-sync-planner';

export type PortalSyncDeliveryRow = Awaited<ReturnType<PrismaClient['portalSyncDelivery']['findFirstOrThrow']>>;

export interface PortalSyncBacklogFigures {
  pending: number;
  failed: number;
  oldestPendingAt: Date | null;
  /** Last outbox sequence planned. */
  cursor: string | null;
}

/** Every delivery of a dossier, in event order. */
export function portalDeliveriesOf(prisma: PrismaClient, dossierCode: string): Promise<PortalSyncDeliveryRow[]> {
  return prisma.portalSyncDelivery.findMany({ where: { dossierCode }, orderBy: { eventId: 'asc' } });
}

export async function portalSyncBacklog(prisma: PrismaClient): Promise<PortalSyncBacklogFigures> {
  const [pending, failed, oldest, cursor] = await Promise.all([
    prisma.portalSyncDelivery.count({ where: { state: PortalSyncState.PENDING } }),
    prisma.portalSyncDelivery.count({ where: { state: PortalSyncState.FAILED } }),
    prisma.portalSyncDelivery.findFirst({ where: { state: PortalSyncState.PENDING }, orderBy: { eventId: 'asc' }, select: { createdAt: true } }),
    readPortalSyncCursor(prisma),
  ]);
  return { pending, failed, oldestPendingAt: oldest?.createdAt ?? null, cursor };
}

/** FAILED deliveries, oldest first. */
export function failedPortalDeliveries(prisma: PrismaClient, first: number): Promise<PortalSyncDeliveryRow[]> {
  return prisma.portalSyncDelivery.findMany({ where: { state: PortalSyncState.FAILED }, orderBy: { eventId: 'asc' }, take: first });
}

/** Puts a FAILED delivery back in the queue with a fresh set of attempts (its last error stays until the next one). */
export async function retryPortalDelivery(prisma: PrismaClient, eventId: bigint, now = new Date()): Promise<PortalSyncDeliveryRow> {
  const retried = await prisma.portalSyncDelivery.updateMany({
    where: { eventId, state: PortalSyncState.FAILED },
    data: { state: PortalSyncState.PENDING, attempts: 0, nextAttemptAt: now },
  });
  const row = await prisma.portalSyncDelivery.findUnique({ where: { eventId } });
  if (!row) {
    throw new LienthongError(ErrorCode.BAD_USER_INPUT, {
      vi: `Không có lượt đồng bộ nào của sự kiện ${eventId}.`,
      en: `No portal delivery for event ${eventId}.`,
      details: { field: 'eventId', eventId: eventId.toString() },
    });
  }
  if (retried.count === 0) {
    throw new LienthongError(ErrorCode.CONFLICT, {
      vi: `Lượt đồng bộ của sự kiện ${eventId} đang ở trạng thái ${row.state}; chỉ gửi lại lượt FAILED.`,
      en: `The delivery of event ${eventId} is ${row.state}; only FAILED deliveries are retried.`,
      details: { eventId: eventId.toString(), state: row.state },
    });
  }
  return row;
}

/**
 * First half of the national portal sync: turns dossier.status events from the outbox into
 * PortalSyncDelivery rows. Events are read after a stored cursor in publication-sequence order
 * (`outbox_event.seq`, given in commit order by the relay: reading `seq > cursor` never skips a late
 * commit, see docs/subscriptions.md), and the rows and the new cursor are written in one transaction,
 * so an event becomes exactly one delivery whatever crashes in between. A dossier's first event is its
 * RECORD (the full dossier record); every later one is a PROGRESS update.
 *
 * Several hub processes may plan at once: the cursor moves by a conditional update, so the loser's
 * transaction rolls back, and deliveries are keyed by the outbox id anyway.
 */
import { maskPersonalId, portalChannelOf, portalStatusOf, type PortalDossierRecord, type PortalProgressUpdate } from '../../../adapters/national-portal';
import type { PrismaClient } from '../../shared/storage/database';
import { DOSSIER_STATUS_TOPIC, type DossierStatusEvent } from '../events/dossier-status-event';

/** The cursor row of this sync in legacy_sync_cursor. */
export const PORTAL_SYNC_SYSTEM = 'national-portal';

export const PortalSyncKind = { RECORD: 'RECORD', PROGRESS: 'PROGRESS' } as const;
export type PortalSyncKind = (typeof PortalSyncKind)[keyof typeof PortalSyncKind];

export const PortalSyncState = { PENDING: 'PENDING', ACKNOWLEDGED: 'ACKNOWLEDGED', FAILED: 'FAILED' } as const;
export type PortalSyncState = (typeof PortalSyncState)[keyof typeof PortalSyncState];

interface EventRow {
  id: bigint;
  seq: bigint;
  payload: DossierStatusEvent;
}

/** `LT-<outbox id>`: the portal's idempotency key for the message of one event. */
export const portalEventIdOf = (eventId: bigint) => `LT-${eventId}`;

/** Raised inside the planning transaction when another planner moved the cursor first. */
class CursorMoved extends Error {}

export interface PlanResult {
  /** Deliveries created. */
  planned: number;
  /** The cursor after the pass (decimal sequence), or null if nothing was ever planned. */
  cursor: string | null;
}

export async function readPortalSyncCursor(prisma: PrismaClient): Promise<string | null> {
  const row = await prisma.legacySyncCursor.findUnique({ where: { system: PORTAL_SYNC_SYSTEM } });
  return row?.cursor ?? null;
}

/** Plans one batch of at most `batchSize` events after the cursor. */
export async function planPortalDeliveries(prisma: PrismaClient, batchSize: number): Promise<PlanResult> {
  const cursor = await readPortalSyncCursor(prisma);
  const after = cursor === null ? 0n : BigInt(cursor);
  const events = await prisma.$queryRaw<EventRow[]>`
    SELECT id, seq, payload FROM outbox_event
    WHERE seq > ${after} AND topic = ${DOSSIER_STATUS_TOPIC}
    ORDER BY seq LIMIT ${batchSize}`;
  if (events.length === 0) return { planned: 0, cursor };
  const codes = [...new Set(events.map((e) => e.payload.dossierCode))];
  const [dossiers, recorded] = await Promise.all([
    prisma.dossier.findMany({ where: { code: { in: codes } }, select: { code: true, channel: true, receivedAt: true, appointmentAt: true } }),
    prisma.portalSyncDelivery.findMany({ where: { dossierCode: { in: codes }, kind: PortalSyncKind.RECORD }, select: { dossierCode: true } }),
  ]);
  const dossierByCode = new Map(dossiers.map((d) => [d.code, d]));
  const hasRecord = new Set(recorded.map((r) => r.dossierCode));
  const rows = events.map((event) => {
    const eventId = BigInt(event.id);
    const status = event.payload;
    const first = !hasRecord.has(status.dossierCode);
    hasRecord.add(status.dossierCode);
    const payload = first ? recordOf(eventId, status, dossierByCode.get(status.dossierCode)) : progressOf(eventId, status);
    return { eventId, dossierCode: status.dossierCode, kind: first ? PortalSyncKind.RECORD : PortalSyncKind.PROGRESS, payload: payload as object, state: PortalSyncState.PENDING };
  });
  const next = BigInt(events[events.length - 1].seq).toString();
  try {
    await prisma.$transaction(async (tx) => {
      if (cursor === null) {
        await tx.legacySyncCursor.create({ data: { system: PORTAL_SYNC_SYSTEM, cursor: next } });
      } else {
        const moved = await tx.legacySyncCursor.updateMany({ where: { system: PORTAL_SYNC_SYSTEM, cursor }, data: { cursor: next } });
        if (moved.count === 0) throw new CursorMoved();
      }
      await tx.portalSyncDelivery.createMany({ data: rows, skipDuplicates: true });
    }, { maxWait: 30_000, timeout: 30_000 });
  } catch (err) {
    // Another planner took this batch (or created the cursor first): nothing lost, it wrote the same rows.
    if (err instanceof CursorMoved || (err as { code?: string }).code === 'P2002') return { planned: 0, cursor: await readPortalSyncCursor(prisma) };
    throw err;
  }
  return { planned: rows.length, cursor: next };
}

type DossierFacts = { channel: string; receivedAt: Date; appointmentAt: Date } | undefined;

function recordOf(eventId: bigint, event: DossierStatusEvent, dossier: DossierFacts): PortalDossierRecord {
  return {
    maSuKien: portalEventIdOf(eventId),
    maHoSo: event.dossierCode,
    maTTHC: event.procedureCode,
    maCoQuan: event.agencyCode,
    chuHoSo: { soDinhDanhAn: maskPersonalId(event.applicantPersonalId) },
    // A dossier row is always there (dossiers are never deleted); the event's time is a safe fallback.
    ngayTiepNhan: (dossier?.receivedAt ?? new Date(event.at)).toISOString(),
    ngayHenTra: (dossier?.appointmentAt ?? new Date(event.at)).toISOString(),
    trangThai: portalStatusOf(event.toStatus),
    kenh: portalChannelOf(dossier?.channel ?? 'ONLINE'),
  };
}

function progressOf(eventId: bigint, event: DossierStatusEvent): PortalProgressUpdate {
  return {
    maSuKien: portalEventIdOf(eventId),
    maHoSo: event.dossierCode,
    trangThai: portalStatusOf(event.toStatus),
    thoiGian: event.at,
    ghiChu: event.note,
  };
}

/**
 * Moves a dossier from one status to another with optimistic concurrency: the update only applies
 * if the dossier is still in an expected status at the version read. Its history row and its outbox
 * event are written in the same transaction, so a change is never seen without its event nor an event
 * without its change. The workflow engine and event consumers share this one path.
 */
import type { OutboxNotifier } from '../../shared/outbox';
import type { PrismaClient } from '../../shared/storage/database';
import { recordStatusEvent } from '../events/dossier-status-event';
import type { DossierStatus } from './dossier-status';
import type { DossierRow } from './dossier.mapper';

/** A Prisma transaction client. */
export type DossierTx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export interface TransitionDeps {
  prisma: PrismaClient;
  /** Woken after commit so the event goes out at once. */
  outbox: OutboxNotifier;
}

export interface TransitionRequest {
  code: string;
  from: readonly DossierStatus[];
  to: DossierStatus;
  actor: string;
  note?: string;
  /** Workflow step the change belongs to. @default null */
  stepKey?: string | null;
  /** The version the caller read; a different current version is a stale write. @default the version read here */
  expectedVersion?: number;
  /** When the change happened (the history row's `at`). @default the database's now() */
  at?: Date;
  /** Further columns to set on the dossier with the status. @default none */
  set?: Record<string, unknown>;
  /** More writes in the same transaction (steps, results…), after the status moved. @default none */
  within?: (tx: DossierTx, dossier: DossierRow) => Promise<void>;
}

export type TransitionOutcome =
  | { applied: true; dossier: DossierRow }
  | { applied: false; reason: 'NOT_FOUND' | 'WRONG_STATUS' | 'STALE_VERSION'; dossier: DossierRow | null };

export async function transitionDossier(deps: TransitionDeps, request: TransitionRequest): Promise<TransitionOutcome> {
  const { prisma, outbox } = deps;
  const current = await prisma.dossier.findUnique({ where: { code: request.code } });
  if (!current) return { applied: false, reason: 'NOT_FOUND', dossier: null };
  if (request.expectedVersion !== undefined && request.expectedVersion !== current.version) {
    return { applied: false, reason: 'STALE_VERSION', dossier: current };
  }
  if (!request.from.includes(current.status as DossierStatus)) return { applied: false, reason: 'WRONG_STATUS', dossier: current };
  const result = await prisma.$transaction(async (tx) => {
    const updated = await tx.dossier.updateMany({
      where: { id: current.id, version: current.version },
      data: { ...request.set, status: request.to, version: { increment: 1 } },
    });
    if (updated.count === 0) return null; // someone else moved it first
    const change = await tx.dossierStatusChange.create({
      data: {
        dossierId: current.id,
        fromStatus: current.status,
        toStatus: request.to,
        actor: request.actor,
        note: request.note,
        stepKey: request.stepKey ?? null,
        at: request.at,
      },
    });
    const dossier = await tx.dossier.findUniqueOrThrow({ where: { id: current.id } });
    await request.within?.(tx, dossier);
    await recordStatusEvent(tx, dossier, change);
    return dossier;
  });
  if (!result) {
    return { applied: false, reason: 'STALE_VERSION', dossier: await prisma.dossier.findUnique({ where: { code: request.code } }) };
  }
  outbox.kick();
  return { applied: true, dossier: result };
}

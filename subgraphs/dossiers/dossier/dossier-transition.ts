/**
 * Moves a dossier from one status to another with optimistic concurrency: the update only applies
 * if the dossier is still in an expected status at the version read, and its history row is written
 * in the same transaction. The workflow engine (later) and event consumers share this one path.
 */
import type { EventBus } from '../../shared/events/bus';
import type { PrismaClient } from '../../shared/storage/database';
import { publishStatusEvent } from '../events/dossier-status-event';
import type { DossierStatus } from './dossier-status';
import type { DossierRow } from './dossier.mapper';

export interface TransitionRequest {
  code: string;
  from: readonly DossierStatus[];
  to: DossierStatus;
  actor: string;
  note?: string;
}

export type TransitionOutcome = { applied: true; dossier: DossierRow } | { applied: false; dossier: DossierRow | null };

export async function transitionDossier(
  prisma: PrismaClient,
  bus: EventBus,
  request: TransitionRequest,
): Promise<TransitionOutcome> {
  const current = await prisma.dossier.findUnique({ where: { code: request.code } });
  if (!current || !request.from.includes(current.status as DossierStatus)) return { applied: false, dossier: current };
  const result = await prisma.$transaction(async (tx) => {
    const updated = await tx.dossier.updateMany({
      where: { id: current.id, version: current.version },
      data: { status: request.to, version: { increment: 1 } },
    });
    if (updated.count === 0) return null; // someone else moved it first
    const change = await tx.dossierStatusChange.create({
      data: { dossierId: current.id, fromStatus: current.status, toStatus: request.to, actor: request.actor, note: request.note },
    });
    const dossier = await tx.dossier.findUniqueOrThrow({ where: { id: current.id } });
    return { dossier, change };
  });
  if (!result) return { applied: false, dossier: await prisma.dossier.findUnique({ where: { code: request.code } }) };
  await publishStatusEvent(bus, result.dossier, result.change);
  return { applied: true, dossier: result.dossier };
}

/**
 * The `dossier_step` rows of a dossier. A row is OPEN while `completedAt` and `outcome` are both
 * null (at most one per dossier: the step in progress). A transfer (một cửa liên thông) writes all of
 * the other agency's steps at once: the first open, the rest PLANNED (`outcome = 'PLANNED'`,
 * `completedAt` null, start and due as scheduled) until the step before them completes. Closed rows
 * carry `completedAt` and one of the {@link StepOutcome} values.
 */
import type { DossierStep as DossierStepModel } from '../../shared/storage/generated/client';
import type { PrismaClient } from '../../shared/storage/database';
import type { DossierTx } from '../dossier/dossier-transition';

export type DossierStepRow = DossierStepModel;

export const StepOutcome = {
  COMPLETED: 'COMPLETED',
  /** The dossier was refused or stopped at this step. */
  REJECTED: 'REJECTED',
  /** The step ended by handing the dossier to another agency. */
  TRANSFERRED: 'TRANSFERRED',
  /** Withdrawn by the applicant, or a planned step that will not run. */
  CANCELLED: 'CANCELLED',
  /** Scheduled by a transfer, not started yet (not open). */
  PLANNED: 'PLANNED',
} as const;
export type StepOutcome = (typeof StepOutcome)[keyof typeof StepOutcome];

/** Prisma filter of open steps: use it wherever "steps in progress" are meant (queues, deadlines). */
export const OPEN_STEP = { completedAt: null, outcome: null } as const;

export function findOpenStep(prisma: PrismaClient | DossierTx, dossierId: string): Promise<DossierStepRow | null> {
  return prisma.dossierStep.findFirst({ where: { dossierId, ...OPEN_STEP }, orderBy: { id: 'desc' } });
}

/** The next planned step of a transfer, in the order the transfer listed them. */
export function findNextPlannedStep(prisma: PrismaClient | DossierTx, dossierId: string): Promise<DossierStepRow | null> {
  return prisma.dossierStep.findFirst({ where: { dossierId, outcome: StepOutcome.PLANNED }, orderBy: { id: 'asc' } });
}

/** The workflow step the latest transfer left from: handling resumes after it. */
export function findTransferOrigin(prisma: PrismaClient | DossierTx, dossierId: string): Promise<DossierStepRow | null> {
  return prisma.dossierStep.findFirst({ where: { dossierId, outcome: StepOutcome.TRANSFERRED }, orderBy: { id: 'desc' } });
}

export interface StepClosing {
  outcome: Exclude<StepOutcome, 'PLANNED'>;
  actor: string;
  note?: string | null;
  at: Date;
}

/** Closes the open step `id`. */
export async function closeStep(tx: DossierTx, id: bigint, closing: StepClosing): Promise<void> {
  await tx.dossierStep.update({
    where: { id },
    data: { completedAt: closing.at, completedBy: closing.actor, outcome: closing.outcome, note: closing.note ?? null },
  });
}

/** Cancels every planned step of the dossier (the dossier ended before they ran). */
export async function cancelPlannedSteps(tx: DossierTx, dossierId: string, actor: string, at: Date): Promise<void> {
  await tx.dossierStep.updateMany({
    where: { dossierId, outcome: StepOutcome.PLANNED },
    data: { completedAt: at, completedBy: actor, outcome: StepOutcome.CANCELLED },
  });
}

/**
 * Finds dossiers whose appointment is near or past, and open steps past their due time, and emits
 * one `dossier.deadline` event for each through the outbox, in the transaction that records it.
 *
 * Several scanners (several hub processes) never emit twice:
 * - dossiers: candidates are locked `FOR UPDATE SKIP LOCKED`, and the stamp is a conditional
 *   `UPDATE … WHERE overdue_notified_at IS NULL`; the event is written only when that update hit a row.
 * - steps have no stamp column: one event per step row and due time, found in the outbox itself. The
 *   step pass holds a transaction-scoped advisory lock, so the check and the insert of one scanner
 *   never interleave with another's. A step whose due time is pushed back (a paused clock) is armed again.
 */
import { PeriodicPass } from '../../shared/jobs/periodic-pass';
import { appendOutboxEvent, type OutboxNotifier } from '../../shared/outbox';
import type { CalendarStore } from '../../shared/calendar';
import type { PrismaClient } from '../../shared/storage/database';
import type { DossierTx } from '../dossier/dossier-transition';
import type { DossierRow } from '../dossier/dossier.mapper';
import { DeadlineKind, DOSSIER_DEADLINE_TOPIC, type DeadlineStep, type DossierDeadlineEvent } from './deadline-event';
import { clockRuns, deadlineEventOwed, DEFAULT_DUE_SOON_WORKING_HOURS, dueSoonHorizon, NOTIFIED_COLUMN, STOPPED_CLOCK_STATUSES, stepOverdue } from './deadline-rules';

/** Key of the advisory lock serialising step passes across processes ("LTDL" in ASCII). */
export const STEP_PASS_LOCK = 0x4c54444c;

export interface DeadlineScannerOptions {
  /** Time between passes, in ms; the first pass runs one interval after `start`. @default 60000 */
  intervalMs?: number;
  /** Working hours before the appointment from which it is due soon. @default 8 (one working day) */
  dueSoonWorkingHours?: number;
  /** Dossiers or steps handled per transaction. @default 100 */
  batchSize?: number;
  /** The clock. @default () => new Date() */
  now?: () => Date;
}

export interface DeadlineScannerDeps {
  prisma: PrismaClient;
  calendars: CalendarStore;
  /** Woken after a pass that wrote events. */
  outbox: OutboxNotifier;
}

export interface DeadlineScanResult {
  dueSoon: number;
  overdue: number;
  stepOverdue: number;
}

function eventOf(kind: DeadlineKind, dossier: DossierRow, now: Date, step: DeadlineStep | null = null): DossierDeadlineEvent {
  return {
    kind,
    dossierCode: dossier.code,
    procedureCode: dossier.procedureCode,
    agencyCode: dossier.agencyCode,
    handlingAgencyCode: dossier.handlingAgencyCode,
    applicantPersonalId: dossier.applicantPersonalId,
    status: dossier.status,
    appointmentAt: dossier.appointmentAt.toISOString(),
    detectedAt: now.toISOString(),
    step,
  };
}

export class DeadlineScanner {
  private readonly intervalMs: number;
  private readonly dueSoonWorkingHours: number;
  private readonly batchSize: number;
  private readonly now: () => Date;
  private readonly job: PeriodicPass;

  constructor(
    private readonly deps: DeadlineScannerDeps,
    options: DeadlineScannerOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 60_000;
    this.dueSoonWorkingHours = options.dueSoonWorkingHours ?? DEFAULT_DUE_SOON_WORKING_HOURS;
    this.batchSize = options.batchSize ?? 100;
    this.now = options.now ?? (() => new Date());
    this.job = new PeriodicPass('deadlines', this.intervalMs, () => this.scanOnce());
  }

  start(): void {
    this.job.start();
  }

  /** Stops the timer and waits for a pass in progress. */
  stop(): Promise<void> {
    return this.job.stop();
  }

  /** One full pass at `now`: dossiers first, then steps. */
  async scanOnce(now = this.now()): Promise<DeadlineScanResult> {
    const horizon = dueSoonHorizon(await this.deps.calendars.calendar(), now, this.dueSoonWorkingHours);
    const result: DeadlineScanResult = { dueSoon: 0, overdue: 0, stepOverdue: 0 };
    for (;;) {
      const batch = await this.deps.prisma.$transaction((tx) => this.dossierBatch(tx, now, horizon));
      result.dueSoon += batch.dueSoon;
      result.overdue += batch.overdue;
      // Stop on a short batch, or on one that emitted nothing (stamped meanwhile), which would only repeat.
      if (batch.candidates < this.batchSize || batch.dueSoon + batch.overdue === 0) break;
    }
    for (;;) {
      const batch = await this.deps.prisma.$transaction((tx) => this.stepBatch(tx, now));
      result.stepOverdue += batch.emitted;
      if (batch.candidates < this.batchSize || batch.emitted === 0) break;
    }
    if (result.dueSoon + result.overdue + result.stepOverdue > 0) this.deps.outbox.kick();
    return result;
  }

  private async dossierBatch(tx: DossierTx, now: Date, horizon: Date) {
    const ids = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM dossier
      WHERE status <> ALL(${[...STOPPED_CLOCK_STATUSES]}::text[])
        AND paused_at IS NULL
        AND appointment_at <= ${horizon}
        AND ((appointment_at < ${now} AND overdue_notified_at IS NULL)
          OR (appointment_at >= ${now} AND due_soon_notified_at IS NULL))
      ORDER BY appointment_at
      LIMIT ${this.batchSize}
      FOR UPDATE SKIP LOCKED`;
    const counts = { candidates: ids.length, dueSoon: 0, overdue: 0 };
    if (ids.length === 0) return counts;
    const rows = await tx.dossier.findMany({ where: { id: { in: ids.map((r) => r.id) } }, orderBy: { appointmentAt: 'asc' } });
    for (const dossier of rows) {
      const kind = deadlineEventOwed(dossier, now, horizon);
      if (!kind) continue;
      const column = NOTIFIED_COLUMN[kind];
      const stamped = await tx.dossier.updateMany({ where: { id: dossier.id, [column]: null }, data: { [column]: now } });
      if (stamped.count === 0) continue;
      await appendOutboxEvent(tx, { topic: DOSSIER_DEADLINE_TOPIC, key: dossier.code, payload: eventOf(kind, dossier, now) });
      counts[kind === DeadlineKind.OVERDUE ? 'overdue' : 'dueSoon'] += 1;
    }
    return counts;
  }

  private async stepBatch(tx: DossierTx, now: Date) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${STEP_PASS_LOCK}::bigint)`;
    // After the lock, this statement sees every event a scanner that held it before committed.
    const ids = await tx.$queryRaw<Array<{ id: bigint }>>`
      SELECT s.id FROM dossier_step s JOIN dossier d ON d.id = s.dossier_id
      WHERE s.completed_at IS NULL AND s.outcome IS NULL AND s.due_at < ${now}
        AND d.paused_at IS NULL
        AND d.status <> ALL(${[...STOPPED_CLOCK_STATUSES]}::text[])
        AND NOT EXISTS (
          SELECT 1 FROM outbox_event e
          WHERE e.topic = ${DOSSIER_DEADLINE_TOPIC} AND e.key = d.code
            AND e.payload->>'kind' = ${DeadlineKind.STEP_OVERDUE}
            AND e.payload->'step'->>'id' = s.id::text
            AND e.payload->'step'->>'dueAt' = to_char(s.due_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
      ORDER BY s.due_at
      LIMIT ${this.batchSize}`;
    const counts = { candidates: ids.length, emitted: 0 };
    if (ids.length === 0) return counts;
    const steps = await tx.dossierStep.findMany({ where: { id: { in: ids.map((r) => BigInt(r.id)) } }, include: { dossier: true }, orderBy: { dueAt: 'asc' } });
    for (const { dossier, ...step } of steps) {
      if (!stepOverdue(step, now) || !clockRuns(dossier)) continue;
      const late: DeadlineStep = {
        id: step.id.toString(),
        key: step.stepKey,
        name: step.stepName,
        role: step.role,
        agencyCode: step.agencyCode,
        startedAt: step.startedAt.toISOString(),
        dueAt: step.dueAt.toISOString(),
      };
      await appendOutboxEvent(tx, { topic: DOSSIER_DEADLINE_TOPIC, key: dossier.code, payload: eventOf(DeadlineKind.STEP_OVERDUE, dossier, now, late) });
      counts.emitted += 1;
    }
    return counts;
  }
}

/**
 * What the deadline scanner decides, as pure functions of a dossier, a clock and the working-day
 * calendar; the scanner's SQL only narrows the candidates, these decide.
 *
 * A dossier's clock runs unless it is finished (NOT_ACCEPTED, WITHDRAWN, STOPPED, DONE, RETURNED) or
 * paused (a supplement requested: `pausedAt` set or status SUPPLEMENT_REQUESTED). Each kind is emitted
 * once per dossier: the scanner stamps `dueSoonNotifiedAt` / `overdueNotifiedAt`, and whoever moves the
 * appointment (a supplement that pushes it back) clears them, which arms the events again.
 */
import type { WorkingDayCalendar } from '../../shared/calendar';
import { DossierStatus } from '../dossier/dossier-status';
import { DeadlineKind } from './deadline-event';

/** Statuses in which no deadline runs. */
export const STOPPED_CLOCK_STATUSES: readonly DossierStatus[] = [
  DossierStatus.NOT_ACCEPTED,
  DossierStatus.WITHDRAWN,
  DossierStatus.STOPPED,
  DossierStatus.DONE,
  DossierStatus.RETURNED,
  DossierStatus.SUPPLEMENT_REQUESTED,
];

/** The hub's default due-soon horizon: one working day of office hours. */
export const DEFAULT_DUE_SOON_WORKING_HOURS = 8;

export interface DeadlineSubject {
  status: string;
  pausedAt: Date | null;
  appointmentAt: Date;
  dueSoonNotifiedAt: Date | null;
  overdueNotifiedAt: Date | null;
}

export function clockRuns(dossier: Pick<DeadlineSubject, 'status' | 'pausedAt'>): boolean {
  return dossier.pausedAt === null && !STOPPED_CLOCK_STATUSES.includes(dossier.status as DossierStatus);
}

/**
 * The instant `workingHours` of office time after `now`: an appointment at or before it is due soon.
 * Nights, lunch, weekends and holidays do not count, so on Friday afternoon Monday's appointments are
 * already due soon.
 */
export function dueSoonHorizon(calendar: WorkingDayCalendar, now: Date, workingHours = DEFAULT_DUE_SOON_WORKING_HOURS): Date {
  // Cut-off 24: `now` is an instant on the clock, not a receipt that counts from the next day.
  return calendar.dueDate({ receivedAt: now, workingHours, cutoffHour: 24 }).dueAt;
}

/** The event a dossier is owed now, or null. OVERDUE wins: a dossier found already late is not "due soon". */
export function deadlineEventOwed(dossier: DeadlineSubject, now: Date, horizon: Date): DeadlineKind.DUE_SOON | DeadlineKind.OVERDUE | null {
  if (!clockRuns(dossier)) return null;
  const due = dossier.appointmentAt.getTime();
  if (due < now.getTime()) return dossier.overdueNotifiedAt === null ? DeadlineKind.OVERDUE : null;
  if (due <= horizon.getTime()) return dossier.dueSoonNotifiedAt === null ? DeadlineKind.DUE_SOON : null;
  return null;
}

/** The column that records that an event of `kind` went out. */
export const NOTIFIED_COLUMN = {
  [DeadlineKind.DUE_SOON]: 'dueSoonNotifiedAt',
  [DeadlineKind.OVERDUE]: 'overdueNotifiedAt',
} as const;

export interface StepSubject {
  completedAt: Date | null;
  outcome: string | null;
  dueAt: Date;
}

/** True for an open step (neither completed nor ended otherwise) past its due time. */
export function stepOverdue(step: StepSubject, now: Date): boolean {
  return step.completedAt === null && step.outcome === null && step.dueAt.getTime() < now.getTime();
}

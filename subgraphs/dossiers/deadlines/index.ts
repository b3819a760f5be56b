/** Deadlines: due-soon and overdue dossiers and late steps, emitted once each on `dossier.deadline`. */
export { DeadlineKind, DOSSIER_DEADLINE_TOPIC, type DeadlineStep, type DossierDeadlineEvent } from './deadline-event';
export {
  DEFAULT_DUE_SOON_WORKING_HOURS,
  STOPPED_CLOCK_STATUSES,
  clockRuns,
  deadlineEventOwed,
  dueSoonHorizon,
  stepOverdue,
  type DeadlineSubject,
  type StepSubject,
} from './deadline-rules';
export { DeadlineScanner, STEP_PASS_LOCK, type DeadlineScanResult, type DeadlineScannerDeps, type DeadlineScannerOptions } from './deadline-scanner';

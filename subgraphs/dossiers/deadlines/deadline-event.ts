/**
 * The event the deadline scanner emits on topic `dossier.deadline`, through the outbox: a dossier's
 * appointment is near (DUE_SOON) or past (OVERDUE), or one of its open workflow steps is past its
 * due time (STEP_OVERDUE). Dashboards and the notification consumer listen to it.
 */
export const DOSSIER_DEADLINE_TOPIC = 'dossier.deadline';

export enum DeadlineKind {
  /** The appointment falls within the due-soon horizon (default: one working day). */
  DUE_SOON = 'DUE_SOON',
  /** The appointment has passed without a result (trễ hạn). */
  OVERDUE = 'OVERDUE',
  /** An open step is past its own due time (trễ hạn bước xử lý). */
  STEP_OVERDUE = 'STEP_OVERDUE',
}

export interface DeadlineStep {
  /** The dossier_step row id. */
  id: string;
  key: string;
  name: string;
  role: string;
  agencyCode: string;
  startedAt: string;
  dueAt: string;
}

export interface DossierDeadlineEvent {
  kind: DeadlineKind;
  dossierCode: string;
  procedureCode: string;
  agencyCode: string;
  /** Agency handling it while transferred; null when the receiving agency handles it. */
  handlingAgencyCode: string | null;
  applicantPersonalId: string;
  status: string;
  /** ISO instant of the appointment (hạn trả kết quả). */
  appointmentAt: string;
  /** ISO instant at which the scanner saw it. */
  detectedAt: string;
  /** The late step (STEP_OVERDUE only). */
  step: DeadlineStep | null;
}

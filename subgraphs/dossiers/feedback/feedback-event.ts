/**
 * Events of topic `dossier.feedback`: a complaint submitted or answered, a rating given. Each is
 * written to the outbox in the transaction that stores the change, so notifications (telling the
 * applicant their complaint was answered) and dashboards never miss one nor see one that was undone.
 * Payloads carry no content: consumers needing it read it with the id.
 */
import { appendOutboxEvent, type OutboxWriter } from '../../shared/outbox';

export const DOSSIER_FEEDBACK_TOPIC = 'dossier.feedback';

export type DossierFeedbackAction = 'SUBMITTED' | 'ANSWERED' | 'RATED';

export interface DossierFeedbackEvent {
  action: DossierFeedbackAction;
  dossierCode: string;
  agencyCode: string;
  applicantPersonalId: string;
  /** The feedback's id (SUBMITTED, ANSWERED). */
  feedbackId?: string;
  /** FEEDBACK or COMPLAINT (SUBMITTED, ANSWERED). */
  kind?: string;
  /** 1–5 (RATED). */
  score?: number;
  actor: string;
  at: string;
}

export function recordFeedbackEvent(tx: OutboxWriter, event: DossierFeedbackEvent): Promise<bigint> {
  return appendOutboxEvent(tx, { topic: DOSSIER_FEEDBACK_TOPIC, key: event.dossierCode, payload: event });
}

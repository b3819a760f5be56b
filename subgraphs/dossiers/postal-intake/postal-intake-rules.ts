/**
 * The parts of postal intake that need no I/O: the statuses of a pickup, what the carrier's tracking
 * means for it, and the submission kept in `postal_intake.submission` until the papers arrive.
 */
import type { PostalTracking } from '../../../adapters/postal';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { Prisma } from '../../shared/storage/generated/client';
import { SubmissionChannel } from '../dossier/dossier-status';
import { ReturnMethod } from '../intake/return-method';
import type { SubmitDossierInput } from '../intake/submit-dossier.input';

/** Where a dossier sent by post is (stored in `postal_intake.status`). */
export enum PostalIntakeStatus {
  /** The pickup order exists; the postman has not collected the papers yet. */
  REQUESTED = 'REQUESTED',
  PICKED_UP = 'PICKED_UP',
  IN_TRANSIT = 'IN_TRANSIT',
  /** Delivered; one tracker is running intake for it right now (a claim, taken over when stale). */
  RECEIVING = 'RECEIVING',
  /** Intake created the dossier (`dossier_code`). */
  RECEIVED = 'RECEIVED',
  /** Delivered, but intake refused the papers (e.g. the procedure no longer takes postal dossiers); the reason is kept. */
  NOT_ACCEPTED = 'NOT_ACCEPTED',
  /** The carrier could not deliver and sent the papers back (chuyển hoàn). */
  RETURNED = 'RETURNED',
}

/** Statuses the tracker still asks the carrier about, in the order the papers move. */
export const IN_CARRIAGE: readonly PostalIntakeStatus[] = [PostalIntakeStatus.REQUESTED, PostalIntakeStatus.PICKED_UP, PostalIntakeStatus.IN_TRANSIT];

/** The submission as requested, kept until delivery; `refusal` is added when intake refuses it. */
export interface StoredSubmission {
  formData: Record<string, unknown>;
  caseCode: string | null;
  subjectTaxCode: string | null;
  returnMethod: ReturnMethod;
  postalAddress: string | null;
  refusal?: StoredRefusal;
}

/** Why intake refused papers that arrived: the typed error, in both languages. */
export interface StoredRefusal {
  code: string;
  vi: string;
  en: string;
  details: Record<string, unknown>;
  /** ISO time of the refusal. */
  at: string;
}

/** The fields of a pickup request that the dossier will be submitted with. */
export type SubmissionFields = Pick<SubmitDossierInput, 'formData' | 'caseCode' | 'subjectTaxCode' | 'returnMethod' | 'postalAddress'>;

export function toStoredSubmission(fields: SubmissionFields): StoredSubmission {
  return {
    formData: fields.formData ?? {},
    caseCode: fields.caseCode ?? null,
    subjectTaxCode: fields.subjectTaxCode ?? null,
    returnMethod: fields.returnMethod ?? ReturnMethod.COUNTER,
    postalAddress: fields.postalAddress ?? null,
  };
}

export function readStoredSubmission(value: Prisma.JsonValue): StoredSubmission {
  const v = (value ?? {}) as Partial<StoredSubmission>;
  return {
    formData: v.formData ?? {},
    caseCode: v.caseCode ?? null,
    subjectTaxCode: v.subjectTaxCode ?? null,
    returnMethod: v.returnMethod ?? ReturnMethod.COUNTER,
    postalAddress: v.postalAddress ?? null,
    ...(v.refusal ? { refusal: v.refusal } : {}),
  };
}

/**
 * The intake input for papers that arrived. The idempotency key derives from the pickup, so the
 * pickup can only ever yield one dossier, whichever tracker files it and however often.
 */
export function deliveredSubmission(
  intake: { id: string; procedureCode: string; pickupAddress: string; trackingCode: string },
  submission: StoredSubmission,
): SubmitDossierInput {
  return {
    procedureCode: intake.procedureCode,
    formData: submission.formData,
    caseCode: submission.caseCode,
    subjectTaxCode: submission.subjectTaxCode,
    returnMethod: submission.returnMethod,
    postalAddress: submission.postalAddress,
    channel: SubmissionChannel.POSTAL,
    postalIntake: { trackingCode: intake.trackingCode, senderAddress: intake.pickupAddress },
    idempotencyKey: dossierKeyOf(intake.id),
  };
}

/** The dossier's idempotency key (before intake scopes it to the applicant's account). */
export const dossierKeyOf = (intakeId: string) => `postal-intake:${intakeId}`;

/** What a tracking answer asks of the tracker. */
export type TrackingOutcome =
  | { kind: 'WAIT' }
  | { kind: 'MOVE'; status: PostalIntakeStatus.PICKED_UP | PostalIntakeStatus.IN_TRANSIT }
  | { kind: 'DELIVERED'; at: Date }
  | { kind: 'RETURNED' };

/**
 * Reads the carrier's tracking for a pickup in `current` status. Moves only forward (a late read from
 * a lagging carrier replica never moves the pickup back); delivery time is the last DELIVERED event's.
 */
export function trackingOutcome(current: PostalIntakeStatus, tracking: PostalTracking): TrackingOutcome {
  switch (tracking.status) {
    case 'DELIVERED': {
      const delivered = tracking.events.filter((e) => e.status === 'DELIVERED').at(-1);
      // A DELIVERED item without its event is not understood: wait for a complete answer.
      return delivered ? { kind: 'DELIVERED', at: delivered.at } : { kind: 'WAIT' };
    }
    case 'RETURNED':
      return { kind: 'RETURNED' };
    case 'PICKED_UP':
    case 'IN_TRANSIT': {
      const from = IN_CARRIAGE.indexOf(current);
      const to = IN_CARRIAGE.indexOf(tracking.status as PostalIntakeStatus);
      return from >= 0 && to > from ? { kind: 'MOVE', status: tracking.status as PostalIntakeStatus.PICKED_UP | PostalIntakeStatus.IN_TRANSIT } : { kind: 'WAIT' };
    }
    default:
      return { kind: 'WAIT' };
  }
}

/** Error codes that say the papers themselves are refused, not that intake could not run just now. */
const TRANSIENT: ReadonlySet<ErrorCode> = new Set([
  ErrorCode.UPSTREAM_UNAVAILABLE,
  ErrorCode.UPSTREAM_TIMEOUT,
  ErrorCode.UPSTREAM_BAD_RESPONSE,
  ErrorCode.INTERNAL_SERVER_ERROR,
  ErrorCode.CONFLICT,
]);

/** The refusal to keep for an intake error, or null when the error is transient (try again next pass). */
export function refusalOf(err: unknown, at: Date): StoredRefusal | null {
  if (!(err instanceof LienthongError) || TRANSIENT.has(err.code)) return null;
  const { code: _code, http: _http, messages, ...details } = err.extensions as Record<string, unknown> & { messages: { vi: string; en: string } };
  return { code: err.code, vi: messages.vi, en: messages.en, details: JSON.parse(JSON.stringify(details)) as Record<string, unknown>, at: at.toISOString() };
}

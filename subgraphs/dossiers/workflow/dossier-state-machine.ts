/**
 * The dossier state machine: which action may be taken in which status, and where it leads. Pure
 * data and functions; the workflow engine consults it before writing and `transitionDossier` enforces
 * the same `from` list atomically. Statuses follow the national public service portal's dossier
 * statuses (mới, chờ nộp phí, đã tiếp nhận, đang xử lý, yêu cầu bổ sung, không tiếp nhận, rút hồ sơ,
 * dừng xử lý, đã có kết quả, đã trả kết quả).
 *
 * Payment rule: a paid fee returns the dossier to NEW, not ACCEPTED. Paying is the applicant's act;
 * accepting (tiếp nhận) is the reception official's check of the dossier, the workflow's first step,
 * so a paid dossier still waits for that check like a free one.
 */
import { ErrorCode, LienthongError } from '../../shared/errors';
import { DossierStatus } from '../dossier/dossier-status';

export enum DossierAction {
  /** The fee was paid (system, from the payments subgraph). */
  PAY = 'PAY',
  /** Reception (tiếp nhận) completes the first step. */
  ACCEPT = 'ACCEPT',
  /** Reception refuses the dossier with a reason (không tiếp nhận). */
  REJECT = 'REJECT',
  /** The open step is done; the next one opens. */
  COMPLETE_STEP = 'COMPLETE_STEP',
  /** The clock stops until the applicant supplements the dossier. */
  REQUEST_SUPPLEMENT = 'REQUEST_SUPPLEMENT',
  /** The applicant supplements; the dossier returns to the status before the request. */
  SUBMIT_SUPPLEMENT = 'SUBMIT_SUPPLEMENT',
  /** The applicant withdraws the dossier. */
  WITHDRAW = 'WITHDRAW',
  /** Processing stops with a reason (dừng xử lý). */
  STOP = 'STOP',
  /** Another agency takes its share of the work (một cửa liên thông). */
  TRANSFER = 'TRANSFER',
  /** The signed result document is recorded. */
  ISSUE_RESULT = 'ISSUE_RESULT',
  /** The result is handed to the applicant. */
  RETURN_RESULT = 'RETURN_RESULT',
}

const S = DossierStatus;

/** Statuses from which nothing more happens. */
export const FINAL_STATUSES: readonly DossierStatus[] = [S.NOT_ACCEPTED, S.WITHDRAWN, S.STOPPED, S.RETURNED];

interface Rule {
  from: readonly DossierStatus[];
  /** Every status the action can lead to (the engine picks one; see {@link targetStatus}). */
  to: readonly DossierStatus[];
}

/** The transition table. */
export const TRANSITIONS: Readonly<Record<DossierAction, Rule>> = {
  PAY: { from: [S.PAYMENT_DUE], to: [S.NEW] },
  ACCEPT: { from: [S.NEW], to: [S.ACCEPTED] },
  REJECT: { from: [S.NEW], to: [S.NOT_ACCEPTED] },
  COMPLETE_STEP: { from: [S.ACCEPTED, S.PROCESSING], to: [S.PROCESSING, S.DONE] },
  REQUEST_SUPPLEMENT: { from: [S.NEW, S.ACCEPTED, S.PROCESSING], to: [S.SUPPLEMENT_REQUESTED] },
  SUBMIT_SUPPLEMENT: { from: [S.SUPPLEMENT_REQUESTED], to: [S.NEW, S.ACCEPTED, S.PROCESSING] },
  WITHDRAW: { from: [S.PAYMENT_DUE, S.NEW, S.ACCEPTED, S.PROCESSING, S.SUPPLEMENT_REQUESTED], to: [S.WITHDRAWN] },
  STOP: { from: [S.ACCEPTED, S.PROCESSING], to: [S.STOPPED] },
  TRANSFER: { from: [S.ACCEPTED, S.PROCESSING], to: [S.PROCESSING] },
  ISSUE_RESULT: { from: [S.PROCESSING], to: [S.PROCESSING] },
  RETURN_RESULT: { from: [S.DONE], to: [S.RETURNED] },
};

export function isAllowed(action: DossierAction, status: DossierStatus): boolean {
  return TRANSITIONS[action].from.includes(status);
}

/** Every action the table allows in `status`, in declaration order. */
export function allowedActions(status: DossierStatus): DossierAction[] {
  return (Object.keys(TRANSITIONS) as DossierAction[]).filter((action) => isAllowed(action, status));
}

/** What decides the target when an action has more than one. */
export interface TargetContext {
  /** COMPLETE_STEP: the step that opens next is a RETURN_RESULT step, or no step follows. */
  resultStage?: boolean;
  /** SUBMIT_SUPPLEMENT: the status the dossier had when the supplement was requested. */
  statusBeforeSupplement?: DossierStatus;
}

/**
 * Where `action` leads from `status`, or null when the table does not allow it (or the context
 * names a status the action cannot lead to).
 */
export function targetStatus(action: DossierAction, status: DossierStatus, context: TargetContext = {}): DossierStatus | null {
  if (!isAllowed(action, status)) return null;
  switch (action) {
    case DossierAction.COMPLETE_STEP:
      return context.resultStage ? S.DONE : S.PROCESSING;
    case DossierAction.SUBMIT_SUPPLEMENT: {
      const before = context.statusBeforeSupplement;
      return before && TRANSITIONS.SUBMIT_SUPPLEMENT.to.includes(before) ? before : null;
    }
    default:
      return TRANSITIONS[action].to[0];
  }
}

/** INVALID_TRANSITION naming the current status and what is allowed in it. */
export function invalidTransition(code: string, action: DossierAction, status: DossierStatus, reason?: { vi: string; en: string }): LienthongError {
  const allowed = allowedActions(status);
  return new LienthongError(ErrorCode.INVALID_TRANSITION, {
    vi: reason?.vi ?? `Hồ sơ ${code} đang ở trạng thái ${status}, không thể thực hiện ${action}.`,
    en: reason?.en ?? `Dossier ${code} is ${status}; ${action} is not allowed in that status.`,
    details: { dossierCode: code, action, status, allowedActions: allowed },
  });
}

/** The dossier state machine as a table: every action in every status, allowed or refused, and where it leads. */
import { DossierStatus as S } from '../../subgraphs/dossiers/dossier/dossier-status';
import {
  DossierAction as A,
  FINAL_STATUSES,
  allowedActions,
  invalidTransition,
  isAllowed,
  targetStatus,
} from '../../subgraphs/dossiers/workflow/dossier-state-machine';
import { chooseNextStep } from '../../subgraphs/dossiers/workflow/step-advance';
import { checkTransferSteps, DEFAULT_TRANSFER_STEP } from '../../subgraphs/dossiers/workflow/transfer';
import { ErrorCode, hasErrorCode } from '../../subgraphs/shared/errors';

/** [action, from, to] for every allowed transition (COMPLETE_STEP and SUBMIT_SUPPLEMENT with their context). */
// Every row has its context: jest would take a missing last argument for a done callback.
const ALLOWED: Array<[A, S, S, object]> = [
  [A.PAY, S.PAYMENT_DUE, S.NEW, {}],
  [A.ACCEPT, S.NEW, S.ACCEPTED, {}],
  [A.REJECT, S.NEW, S.NOT_ACCEPTED, {}],
  [A.COMPLETE_STEP, S.ACCEPTED, S.PROCESSING, {}],
  [A.COMPLETE_STEP, S.PROCESSING, S.PROCESSING, {}],
  [A.COMPLETE_STEP, S.PROCESSING, S.DONE, { resultStage: true }],
  [A.COMPLETE_STEP, S.ACCEPTED, S.DONE, { resultStage: true }],
  [A.REQUEST_SUPPLEMENT, S.NEW, S.SUPPLEMENT_REQUESTED, {}],
  [A.REQUEST_SUPPLEMENT, S.ACCEPTED, S.SUPPLEMENT_REQUESTED, {}],
  [A.REQUEST_SUPPLEMENT, S.PROCESSING, S.SUPPLEMENT_REQUESTED, {}],
  [A.SUBMIT_SUPPLEMENT, S.SUPPLEMENT_REQUESTED, S.NEW, { statusBeforeSupplement: S.NEW }],
  [A.SUBMIT_SUPPLEMENT, S.SUPPLEMENT_REQUESTED, S.ACCEPTED, { statusBeforeSupplement: S.ACCEPTED }],
  [A.SUBMIT_SUPPLEMENT, S.SUPPLEMENT_REQUESTED, S.PROCESSING, { statusBeforeSupplement: S.PROCESSING }],
  [A.WITHDRAW, S.PAYMENT_DUE, S.WITHDRAWN, {}],
  [A.WITHDRAW, S.NEW, S.WITHDRAWN, {}],
  [A.WITHDRAW, S.ACCEPTED, S.WITHDRAWN, {}],
  [A.WITHDRAW, S.PROCESSING, S.WITHDRAWN, {}],
  [A.WITHDRAW, S.SUPPLEMENT_REQUESTED, S.WITHDRAWN, {}],
  [A.STOP, S.ACCEPTED, S.STOPPED, {}],
  [A.STOP, S.PROCESSING, S.STOPPED, {}],
  [A.TRANSFER, S.ACCEPTED, S.PROCESSING, {}],
  [A.TRANSFER, S.PROCESSING, S.PROCESSING, {}],
  [A.ISSUE_RESULT, S.PROCESSING, S.PROCESSING, {}],
  [A.RETURN_RESULT, S.DONE, S.RETURNED, {}],
];

const allowedPairs = new Set(ALLOWED.map(([action, from]) => `${action}:${from}`));
const everyPair = Object.values(A).flatMap((action) => Object.values(S).map((status) => [action, status] as [A, S]));

describe('dossier state machine', () => {
  it.each(ALLOWED)('%s from %s leads to %s', (action, from, to, context) => {
    expect(isAllowed(action, from)).toBe(true);
    expect(targetStatus(action, from, context)).toBe(to);
  });

  it.each(everyPair.filter(([action, status]) => !allowedPairs.has(`${action}:${status}`)))('%s is refused from %s', (action, status) => {
    expect(isAllowed(action, status)).toBe(false);
    expect(targetStatus(action, status, { resultStage: true, statusBeforeSupplement: S.NEW })).toBeNull();
  });

  it('lets nothing happen in a final status', () => {
    expect(FINAL_STATUSES).toEqual([S.NOT_ACCEPTED, S.WITHDRAWN, S.STOPPED, S.RETURNED]);
    for (const status of FINAL_STATUSES) expect(allowedActions(status)).toEqual([]);
  });

  it('sends a paid dossier to reception (NEW), never straight to ACCEPTED', () => {
    expect(targetStatus(A.PAY, S.PAYMENT_DUE)).toBe(S.NEW);
    expect(allowedActions(S.PAYMENT_DUE)).toEqual([A.PAY, A.WITHDRAW]);
  });

  it('returns a supplemented dossier only to a status a supplement can be requested from', () => {
    expect(targetStatus(A.SUBMIT_SUPPLEMENT, S.SUPPLEMENT_REQUESTED, { statusBeforeSupplement: S.DONE })).toBeNull();
    expect(targetStatus(A.SUBMIT_SUPPLEMENT, S.SUPPLEMENT_REQUESTED, {})).toBeNull();
  });

  it('says in INVALID_TRANSITION what the status is and what it allows', () => {
    const err = invalidTransition('HS-1', A.RETURN_RESULT, S.PROCESSING);
    expect(hasErrorCode(err, ErrorCode.INVALID_TRANSITION)).toBe(true);
    expect(err.extensions).toMatchObject({
      dossierCode: 'HS-1',
      action: 'RETURN_RESULT',
      status: 'PROCESSING',
      allowedActions: ['COMPLETE_STEP', 'REQUEST_SUPPLEMENT', 'WITHDRAW', 'STOP', 'TRANSFER', 'ISSUE_RESULT'],
    });
    expect((err.extensions.messages as { vi: string }).vi).toContain('HS-1');
  });
});

describe('choosing the next step', () => {
  it('takes the only candidate, or none at the end', () => {
    expect(chooseNextStep(['tham_dinh'])).toBe('tham_dinh');
    expect(chooseNextStep(['tham_dinh'], 'tham_dinh')).toBe('tham_dinh');
    expect(chooseNextStep([])).toBeNull();
  });

  it('needs the caller to name one of several, and only one of them', () => {
    expect(chooseNextStep(['phe_duyet', 'trinh_so'], 'trinh_so')).toBe('trinh_so');
    for (const attempt of [() => chooseNextStep(['phe_duyet', 'trinh_so']), () => chooseNextStep(['phe_duyet'], 'tra_ket_qua'), () => chooseNextStep([], 'x')]) {
      expect(attempt).toThrow(expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT, extensions: expect.objectContaining({ field: 'nextStep' }) }));
    }
  });
});

describe('transfer steps', () => {
  const step = { key: 'xac_minh', name: 'Xác minh cư trú', role: 'COORDINATING_AGENCY' as const, durationWorkingHours: 16 };

  it('defaults to one coordinating-agency step of three working days', () => {
    expect(checkTransferSteps(undefined)).toEqual([DEFAULT_TRANSFER_STEP]);
    expect(DEFAULT_TRANSFER_STEP).toMatchObject({ role: 'COORDINATING_AGENCY', durationWorkingHours: 24 });
  });

  it('keeps valid steps, trimming names', () => {
    expect(checkTransferSteps([{ ...step, name: '  Xác minh cư trú ' }])).toEqual([step]);
  });

  it.each([
    ['no steps', [], 'steps'],
    ['a bad key', [{ ...step, key: '1x' }], 'steps[0].key'],
    ['a key twice', [step, step], 'steps[1].key'],
    ['an unknown role', [{ ...step, role: 'JANITOR' }], 'steps[0].role'],
    ['no duration', [{ ...step, durationWorkingHours: 0 }], 'steps[0].durationWorkingHours'],
    ['an endless duration', [{ ...step, durationWorkingHours: Infinity }], 'steps[0].durationWorkingHours'],
    ['a blank name', [{ ...step, name: ' ' }], 'steps[0].name'],
  ])('refuses %s', (_label, steps, field) => {
    expect(() => checkTransferSteps(steps as never)).toThrow(
      expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT, extensions: expect.objectContaining({ field }) }),
    );
  });
});

/** Who may see a dossier and who may act on its open step, as tables. */
import type { Principal } from '../../subgraphs/shared/auth/principal';
import { canSeeDossier } from '../../subgraphs/dossiers/dossier/dossier-access';
import {
  handlingAgencyOf,
  isTransferred,
  requireApplicant,
  requireHandlingOfficial,
  requireStepActor,
} from '../../subgraphs/dossiers/workflow/workflow-access';
import { ErrorCode } from '../../subgraphs/shared/errors';

const RECEIVING = '000.01.41.H26';
const COORDINATING = '000.01.42.H26';
const official = (agencyCode: string, workflowRoles: string[] = []): Principal => ({ id: `official:${agencyCode}`, role: 'OFFICIAL', agencyCode, workflowRoles });
const citizen = (personalId: string): Principal => ({ id: `citizen:${personalId}`, role: 'CITIZEN', personalId });
const dossier = { code: 'HS-1', applicantPersonalId: '001090012345', agencyCode: RECEIVING, handlingAgencyCode: COORDINATING };
const codeOf = (fn: () => void): string => {
  try {
    fn();
    return 'OK';
  } catch (err) {
    return (err as { code: string }).code;
  }
};

describe('seeing a dossier', () => {
  it.each<[string, Principal, boolean]>([
    ['its applicant', citizen('001090012345'), true],
    ['another citizen', citizen('079195001234'), false],
    ['an official of the receiving agency', official(RECEIVING), true],
    ['an official of the agency handling it on transfer', official(COORDINATING), true],
    ['an official of a third agency', official('000.02.41.H26'), false],
    ['an official without an agency', { id: 'official:x', role: 'OFFICIAL' }, false],
    ['an operator', { id: 'operator:1', role: 'OPERATOR' }, true],
    ['nobody', { id: 'anonymous', role: 'ANONYMOUS' }, false],
  ])('%s: %s', (_who, principal, visible) => {
    expect(canSeeDossier(principal, dossier)).toBe(visible);
  });

  it('treats a dossier without a handling agency as handled where it was received', () => {
    const received = { ...dossier, handlingAgencyCode: null };
    expect(canSeeDossier(official(COORDINATING), received)).toBe(false);
    expect(handlingAgencyOf(received)).toBe(RECEIVING);
    expect(isTransferred(received)).toBe(false);
    expect(isTransferred(dossier)).toBe(true);
  });
});

describe('acting on the open step', () => {
  const step = { stepKey: 'phoi_hop', role: 'COORDINATING_AGENCY', agencyCode: COORDINATING };

  it.each<[string, Principal, string]>([
    ['an official of the step agency holding its role', official(COORDINATING, ['COORDINATING_AGENCY']), 'OK'],
    ['an official of the step agency without the role', official(COORDINATING, ['SPECIALIST']), ErrorCode.FORBIDDEN],
    ['an official of the receiving agency with the role', official(RECEIVING, ['COORDINATING_AGENCY']), ErrorCode.FORBIDDEN],
    ['an operator', { id: 'operator:1', role: 'OPERATOR' }, ErrorCode.FORBIDDEN],
    ['the applicant', citizen('001090012345'), ErrorCode.FORBIDDEN],
  ])('%s: %s', (_who, principal, outcome) => {
    expect(codeOf(() => requireStepActor(principal, 'HS-1', step))).toBe(outcome);
  });

  it('names the step and the role missing', () => {
    try {
      requireStepActor(official(COORDINATING, []), 'HS-1', step);
      throw new Error('not refused');
    } catch (err) {
      expect((err as { extensions: object }).extensions).toMatchObject({ stepKey: 'phoi_hop', requiredRole: 'COORDINATING_AGENCY' });
    }
  });

  it('lets only the applicant supplement or withdraw, and only handling officials issue results', () => {
    expect(codeOf(() => requireApplicant(citizen('001090012345'), dossier))).toBe('OK');
    expect(codeOf(() => requireApplicant(citizen('079195001234'), dossier))).toBe(ErrorCode.FORBIDDEN);
    expect(codeOf(() => requireApplicant(official(RECEIVING, ['RECEPTION']), dossier))).toBe(ErrorCode.FORBIDDEN);
    expect(codeOf(() => requireHandlingOfficial(official(COORDINATING, ['CLERK']), dossier, ['AGENCY_LEADER', 'CLERK']))).toBe('OK');
    expect(codeOf(() => requireHandlingOfficial(official(RECEIVING, ['CLERK']), dossier, ['AGENCY_LEADER', 'CLERK']))).toBe(ErrorCode.FORBIDDEN);
    expect(codeOf(() => requireHandlingOfficial(official(COORDINATING, ['LEADER']), dossier, ['AGENCY_LEADER', 'CLERK']))).toBe(ErrorCode.FORBIDDEN);
  });
});

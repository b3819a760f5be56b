/** Who may read a citizen's national data, checked before any upstream call. */
import {
  authorizeCitizenAccess,
  checkAccessRequest,
  REFERENCE_PURPOSE,
  SELF_SERVICE_PURPOSE,
  type DossierDirectory,
  type DossierFacts,
} from '../../subgraphs/citizens/access/citizen-access-policy';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import { ANONYMOUS } from '../../subgraphs/shared/auth/principal';
import { ErrorCode } from '../../subgraphs/shared/errors';

const AN = '001090012345';
const NGOC = '079195001234';
const AGENCY = '000.00.12.H26';
const citizen: Principal = { id: `citizen:${AN}`, role: 'CITIZEN', personalId: AN };
const official: Principal = { id: `official:${AGENCY}`, role: 'OFFICIAL', agencyCode: AGENCY };
const operator: Principal = { id: 'operator', role: 'OPERATOR' };

const DOSSIERS: DossierFacts[] = [
  { code: `${AGENCY}-261123-0001`, agencyCode: AGENCY, applicantPersonalId: NGOC },
  { code: 'H26.99-261123-0002', agencyCode: 'H26.99', applicantPersonalId: AN },
];
const directory: DossierDirectory = {
  byCode: async (code) => DOSSIERS.find((d) => d.code === code) ?? null,
  latestOfAgencyFor: async (agency, person) => DOSSIERS.find((d) => d.agencyCode === agency && d.applicantPersonalId === person) ?? null,
};

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as { extensions?: { code?: string } }).extensions?.code;
  }
  return undefined;
};
const refusal = async (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (err: { extensions?: { code?: string; reason?: string } }) => [err.extensions?.code, err.extensions?.reason],
  );

describe('checkAccessRequest', () => {
  it('lets citizens read themselves, with or without a purpose', () => {
    expect(checkAccessRequest(citizen, AN, ' hồ sơ khai sinh ')).toBe('hồ sơ khai sinh');
    expect(checkAccessRequest(citizen, AN, '')).toBe(SELF_SERVICE_PURPOSE);
  });

  it('forbids citizens to read someone else', () => {
    expect(codeOf(() => checkAccessRequest(citizen, NGOC, 'tò mò'))).toBe(ErrorCode.FORBIDDEN);
    expect(codeOf(() => checkAccessRequest({ ...citizen, personalId: undefined }, AN, 'x'))).toBe(ErrorCode.FORBIDDEN);
  });

  it('requires a purpose of officials and operators, of bounded length', () => {
    expect(codeOf(() => checkAccessRequest(official, NGOC, '   '))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(codeOf(() => checkAccessRequest(operator, NGOC, 'x'.repeat(201)))).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('asks anonymous callers to sign in before anything else', () => {
    expect(codeOf(() => checkAccessRequest(ANONYMOUS, 'not-an-id', 'x'))).toBe(ErrorCode.UNAUTHENTICATED);
  });

  it('rejects malformed ids before looking at who asks', () => {
    expect(codeOf(() => checkAccessRequest(citizen, '12345', 'x'))).toBe(ErrorCode.INVALID_PERSONAL_ID);
    expect(codeOf(() => checkAccessRequest(official, '001490012345', 'prefill:1.001193'))).toBe(ErrorCode.INVALID_PERSONAL_ID);
  });
});

describe('authorizeCitizenAccess', () => {
  it('lets an official read the applicant of a dossier of their agency, naming the dossier', async () => {
    await expect(authorizeCitizenAccess(official, NGOC, `dossier:${AGENCY}-261123-0001 thẩm định`, directory)).resolves.toEqual({
      purpose: `dossier:${AGENCY}-261123-0001 thẩm định`,
      dossierCode: `${AGENCY}-261123-0001`,
    });
  });

  it('refuses an official without a dossier, with an unknown one, another agency\'s or another applicant\'s', async () => {
    expect(await refusal(authorizeCitizenAccess(official, NGOC, 'kiểm tra', directory))).toEqual(['FORBIDDEN', 'DOSSIER_REQUIRED']);
    expect(await refusal(authorizeCitizenAccess(official, NGOC, 'dossier:nope', directory))).toEqual(['FORBIDDEN', 'DOSSIER_NOT_FOUND']);
    expect(await refusal(authorizeCitizenAccess(official, AN, 'dossier:H26.99-261123-0002', directory))).toEqual(['FORBIDDEN', 'OTHER_AGENCY']);
    expect(await refusal(authorizeCitizenAccess(official, AN, `dossier:${AGENCY}-261123-0001`, directory))).toEqual([
      'FORBIDDEN',
      'OTHER_APPLICANT',
    ]);
    expect(await refusal(authorizeCitizenAccess({ ...official, agencyCode: undefined }, NGOC, 'dossier:x', directory))).toEqual([
      'FORBIDDEN',
      'NO_AGENCY',
    ]);
  });

  it('refuses officials prefilling, and lets citizens and operators prefill', async () => {
    expect(await refusal(authorizeCitizenAccess(official, NGOC, 'prefill:1.001193', directory))).toEqual(['FORBIDDEN', 'OFFICIAL_PREFILL']);
    await expect(authorizeCitizenAccess(citizen, AN, 'prefill:1.001193', directory)).resolves.toEqual({ purpose: 'prefill:1.001193', dossierCode: null });
    await expect(authorizeCitizenAccess(operator, NGOC, 'prefill:1.001193', directory)).resolves.toEqual({ purpose: 'prefill:1.001193', dossierCode: null });
  });

  it('lets an official follow a reference to a person only when their agency holds a dossier of that person', async () => {
    await expect(authorizeCitizenAccess(official, NGOC, REFERENCE_PURPOSE, directory)).resolves.toEqual({
      purpose: REFERENCE_PURPOSE,
      dossierCode: `${AGENCY}-261123-0001`,
    });
    expect(await refusal(authorizeCitizenAccess(official, AN, REFERENCE_PURPOSE, directory))).toEqual(['FORBIDDEN', 'NO_DOSSIER_OF_AGENCY']);
  });

  it('keeps validating the id before the dossier rule', async () => {
    expect(await refusal(authorizeCitizenAccess(official, '12345', 'prefill:x', directory))).toEqual(['INVALID_PERSONAL_ID', 'FORMAT']);
  });
});

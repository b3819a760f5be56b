/** Who may read a citizen's national data, checked before any upstream call. */
import { authorizeCitizenAccess, SELF_SERVICE_PURPOSE } from '../../subgraphs/citizens/access/citizen-access-policy';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import { ANONYMOUS } from '../../subgraphs/shared/auth/principal';
import { ErrorCode } from '../../subgraphs/shared/errors';

const AN = '001090012345';
const NGOC = '079195001234';
const citizen: Principal = { id: `citizen:${AN}`, role: 'CITIZEN', personalId: AN };
const official: Principal = { id: 'official:000.00.12.H26', role: 'OFFICIAL', agencyCode: '000.00.12.H26' };
const operator: Principal = { id: 'operator', role: 'OPERATOR' };

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as { extensions?: { code?: string } }).extensions?.code;
  }
  return undefined;
};

describe('authorizeCitizenAccess', () => {
  it('lets citizens read themselves, with or without a purpose', () => {
    expect(authorizeCitizenAccess(citizen, AN, ' hồ sơ khai sinh ')).toBe('hồ sơ khai sinh');
    expect(authorizeCitizenAccess(citizen, AN, '')).toBe(SELF_SERVICE_PURPOSE);
  });

  it('forbids citizens to read someone else', () => {
    expect(codeOf(() => authorizeCitizenAccess(citizen, NGOC, 'tò mò'))).toBe(ErrorCode.FORBIDDEN);
    expect(codeOf(() => authorizeCitizenAccess({ ...citizen, personalId: undefined }, AN, 'x'))).toBe(ErrorCode.FORBIDDEN);
  });

  it('lets officials and operators read anyone with a purpose, and only with one', () => {
    expect(authorizeCitizenAccess(official, NGOC, 'prefill:1.001193')).toBe('prefill:1.001193');
    expect(authorizeCitizenAccess(operator, NGOC, 'kiểm tra')).toBe('kiểm tra');
    expect(codeOf(() => authorizeCitizenAccess(official, NGOC, '   '))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(codeOf(() => authorizeCitizenAccess(operator, NGOC, 'x'.repeat(201)))).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('asks anonymous callers to sign in before anything else', () => {
    expect(codeOf(() => authorizeCitizenAccess(ANONYMOUS, 'not-an-id', 'x'))).toBe(ErrorCode.UNAUTHENTICATED);
  });

  it('rejects malformed ids before looking at who asks', () => {
    expect(codeOf(() => authorizeCitizenAccess(citizen, '12345', 'x'))).toBe(ErrorCode.INVALID_PERSONAL_ID);
    expect(codeOf(() => authorizeCitizenAccess(official, '001490012345', 'x'))).toBe(ErrorCode.INVALID_PERSONAL_ID);
  });
});

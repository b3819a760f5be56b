/**
 * Who may read a citizen's national data, checked before any upstream call, so a refused request
 * costs the source nothing and leaves no access-log row:
 * - a citizen: their own data only;
 * - an official: only for a dossier of their agency whose applicant is that person — the purpose
 *   names it (`dossier:<receipt code>`, free text may follow), or, for a `Citizen` reached through
 *   another subgraph's field, some dossier of their agency has that person as applicant; the dossier
 *   is logged. Officials do not prefill forms (no dossier exists yet; a later issue may add one);
 * - an operator: anyone, with a purpose.
 */
import type { Principal } from '../../shared/auth/principal';
import { ErrorCode, LienthongError } from '../../shared/errors';
import { assertValidPersonalId } from './personal-id-guard';

/** Longest purpose accepted; it is written to the access log and sent upstream. */
export const MAX_PURPOSE_LENGTH = 200;

/** Purpose logged when citizens read their own data without giving one. */
export const SELF_SERVICE_PURPOSE = 'self-service';

/** Purpose of citizens read because another subgraph's field points at them. */
export const REFERENCE_PURPOSE = 'federation:Citizen';

/** Purpose of a prefill: the procedure whose form it fills. */
export const prefillPurpose = (procedureCode: string) => `prefill:${procedureCode}`;

/** Purpose naming a dossier, e.g. `dossier:000.00.12.H26-261123-0001 thẩm định`. */
export const dossierPurpose = (dossierCode: string) => `dossier:${dossierCode}`;

const DOSSIER_PURPOSE = /^dossier:(\S+)(\s|$)/;

/** What the policy needs to know of a dossier (read from the dossiers subgraph's table). */
export interface DossierFacts {
  code: string;
  agencyCode: string;
  applicantPersonalId: string;
}

export interface DossierDirectory {
  /** The dossier with this receipt code, or null. */
  byCode(code: string): Promise<DossierFacts | null>;
  /** The latest dossier of `agencyCode` whose applicant is `personalId`, or null. */
  latestOfAgencyFor(agencyCode: string, personalId: string): Promise<DossierFacts | null>;
}

/** A granted access: the purpose to log and the dossier that justified it. */
export interface AccessGrant {
  purpose: string;
  dossierCode: string | null;
}

const purposeRequired = () =>
  new LienthongError(ErrorCode.BAD_USER_INPUT, {
    vi: `Cán bộ phải nêu mục đích tra cứu (tối đa ${MAX_PURPOSE_LENGTH} ký tự).`,
    en: `Officials must give a purpose of at most ${MAX_PURPOSE_LENGTH} characters.`,
    details: { field: 'purpose' },
  });

/** `reason` says why in machine terms; the messages say it to people. */
const forbidden = (reason: string, vi: string, en: string, details: Record<string, unknown> = {}) =>
  new LienthongError(ErrorCode.FORBIDDEN, { vi, en, details: { reason, ...details } });

/**
 * The checks that need nothing but the request: UNAUTHENTICATED (anonymous), INVALID_PERSONAL_ID,
 * BAD_USER_INPUT (purpose too long, or missing for officials and operators), FORBIDDEN (a citizen asking
 * for someone else). Returns the purpose to log.
 */
export function checkAccessRequest(principal: Principal, personalId: string, purpose: string): string {
  if (principal.role === 'ANONYMOUS') {
    throw new LienthongError(ErrorCode.UNAUTHENTICATED, {
      vi: 'Cần đăng nhập để xem thông tin công dân.',
      en: 'Sign in to read citizen data.',
    });
  }
  // Before who asks: a malformed id is the caller's mistake whoever the caller is.
  assertValidPersonalId(personalId);
  const trimmed = purpose.trim();
  if (trimmed.length > MAX_PURPOSE_LENGTH) throw purposeRequired();
  if (principal.role === 'CITIZEN') {
    if (principal.personalId === personalId) return trimmed || SELF_SERVICE_PURPOSE;
    throw forbidden('NOT_SELF', 'Công dân chỉ được xem thông tin của chính mình.', 'Citizens may read their own data only.');
  }
  if (principal.role === 'OFFICIAL' || principal.role === 'OPERATOR') {
    if (trimmed === '') throw purposeRequired();
    return trimmed;
  }
  throw new LienthongError(ErrorCode.FORBIDDEN);
}

async function authorizeOfficial(principal: Principal, personalId: string, purpose: string, dossiers: DossierDirectory): Promise<AccessGrant> {
  const agencyCode = principal.agencyCode;
  if (!agencyCode) throw forbidden('NO_AGENCY', 'Tài khoản cán bộ chưa gắn với cơ quan.', 'The official belongs to no agency.');
  if (purpose.startsWith('prefill:')) {
    throw forbidden(
      'OFFICIAL_PREFILL',
      'Cán bộ chỉ điền sẵn tờ khai thông qua hồ sơ.',
      'Officials prefill through a dossier.',
    );
  }
  if (purpose === REFERENCE_PURPOSE) {
    const dossier = await dossiers.latestOfAgencyFor(agencyCode, personalId);
    if (!dossier) {
      throw forbidden(
        'NO_DOSSIER_OF_AGENCY',
        'Cơ quan của cán bộ không có hồ sơ nào của công dân này.',
        "The official's agency holds no dossier of this person.",
      );
    }
    return { purpose, dossierCode: dossier.code };
  }
  const code = DOSSIER_PURPOSE.exec(purpose)?.[1];
  if (!code) {
    throw forbidden(
      'DOSSIER_REQUIRED',
      'Cán bộ chỉ được tra cứu cho một hồ sơ của cơ quan mình: mục đích phải là "dossier:<mã hồ sơ>".',
      'Officials read citizen data only for a dossier of their agency: the purpose must be "dossier:<receipt code>".',
    );
  }
  const dossier = await dossiers.byCode(code);
  if (!dossier) throw forbidden('DOSSIER_NOT_FOUND', `Không có hồ sơ ${code}.`, `There is no dossier ${code}.`, { dossierCode: code });
  if (dossier.agencyCode !== agencyCode) {
    throw forbidden('OTHER_AGENCY', `Hồ sơ ${code} thuộc cơ quan khác.`, `Dossier ${code} belongs to another agency.`, { dossierCode: code });
  }
  if (dossier.applicantPersonalId !== personalId) {
    throw forbidden(
      'OTHER_APPLICANT',
      `Người được tra cứu không phải người nộp hồ sơ ${code}.`,
      `The person is not the applicant of dossier ${code}.`,
      { dossierCode: code },
    );
  }
  return { purpose, dossierCode: code };
}

/** All of {@link checkAccessRequest}, then the dossier rule for officials (FORBIDDEN naming why). */
export async function authorizeCitizenAccess(
  principal: Principal,
  personalId: string,
  purpose: string,
  dossiers: DossierDirectory,
): Promise<AccessGrant> {
  const checked = checkAccessRequest(principal, personalId, purpose);
  if (principal.role === 'OFFICIAL') return authorizeOfficial(principal, personalId, checked, dossiers);
  return { purpose: checked, dossierCode: null };
}

/**
 * What workflow and e-form definitions share: who may change them, and how a new version number is
 * taken safely when two operators save at the same moment.
 */
import type { Principal } from '../../shared/auth/principal';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { ProcedureRecord } from '../catalogue/procedure-record';

/**
 * Throws unless `principal` may change the definitions of `procedure`: an OPERATOR, or an OFFICIAL of
 * the procedure's deciding agency. ANONYMOUS → UNAUTHENTICATED, anyone else → FORBIDDEN.
 */
export function requireDefinitionEditor(principal: Principal, procedure: Pick<ProcedureRecord, 'code' | 'agencyCode'>): void {
  if (principal.role === 'ANONYMOUS') throw new LienthongError(ErrorCode.UNAUTHENTICATED);
  if (principal.role === 'OPERATOR') return;
  if (principal.role === 'OFFICIAL' && principal.agencyCode !== undefined && principal.agencyCode === procedure.agencyCode) return;
  throw new LienthongError(ErrorCode.FORBIDDEN, {
    vi: `Chỉ quản trị hệ thống hoặc cán bộ của cơ quan ${procedure.agencyCode} được sửa quy trình, biểu mẫu của thủ tục ${procedure.code}.`,
    en: `Only an operator or an official of agency ${procedure.agencyCode} may change the definitions of procedure ${procedure.code}.`,
    details: { procedureCode: procedure.code },
  });
}

/** Throws UNAUTHENTICATED or FORBIDDEN before any lookup when the role alone rules the caller out. */
export function requireEditorRole(principal: Principal): void {
  if (principal.role === 'ANONYMOUS') throw new LienthongError(ErrorCode.UNAUTHENTICATED);
  if (principal.role !== 'OPERATOR' && principal.role !== 'OFFICIAL') throw new LienthongError(ErrorCode.FORBIDDEN);
}

/** True when `err` is Prisma's unique-constraint violation (P2002): here, a version number taken meanwhile. */
export const isUniqueViolation = (err: unknown) => (err as { code?: unknown } | null)?.code === 'P2002';

/** The CONFLICT error when another definition took the next version number first. */
export function versionTaken(procedureCode: string, what: 'workflow' | 'e-form'): LienthongError {
  return new LienthongError(ErrorCode.CONFLICT, {
    vi: `Một phiên bản ${what === 'workflow' ? 'quy trình' : 'biểu mẫu'} khác của thủ tục ${procedureCode} vừa được lưu; vui lòng thử lại.`,
    en: `Another ${what} version of procedure ${procedureCode} was saved meanwhile; please retry.`,
    details: { procedureCode },
  });
}

/** `publishProcedure`: who may publish, and the input checked in the one place the rules live. */
import type { Principal } from '../../shared/auth/principal';
import { ErrorCode, LienthongError } from '../../shared/errors';
import { dateToDay } from '../catalogue/local-date';
import { parseProcedureInput } from '../catalogue/procedure-input';
import { ProcedurePublisher } from '../catalogue/procedure-publisher';
import type { ProcedureRecord } from '../catalogue/procedure-record';
import type { ProceduresContext } from '../context';

/** Catalogue changes are the operators' job: anonymous → UNAUTHENTICATED, anyone else → FORBIDDEN. */
export function requireOperator(principal: Principal): void {
  if (principal.role === 'OPERATOR') return;
  throw new LienthongError(principal.role === 'ANONYMOUS' ? ErrorCode.UNAUTHENTICATED : ErrorCode.FORBIDDEN, {
    vi: 'Chỉ quản trị viên danh mục được công bố thủ tục hành chính.',
    en: 'Only catalogue operators may publish procedures.',
  });
}

/**
 * Checks the input (INVALID_PROCEDURE_CODE for a malformed code, BAD_USER_INPUT listing every
 * other problem) and publishes it as the procedure's next version.
 */
export async function publishProcedureInput(input: unknown, effectiveFrom: Date, ctx: ProceduresContext): Promise<ProcedureRecord> {
  requireOperator(ctx.principal);
  // GraphQL input objects are class instances; the checks take plain JSON.
  const result = parseProcedureInput(JSON.parse(JSON.stringify(input)));
  if (!result.ok) {
    const codeProblem = result.problems.find((p) => p.field === 'code');
    const list = result.problems.map((p) => `${p.field}: ${p.message}`).join('; ');
    throw new LienthongError(codeProblem ? ErrorCode.INVALID_PROCEDURE_CODE : ErrorCode.BAD_USER_INPUT, {
      vi: `Thủ tục không hợp lệ: ${list}`,
      en: `Invalid procedure: ${list}`,
      details: { field: (codeProblem ?? result.problems[0]).field, problems: result.problems },
    });
  }
  const published = await new ProcedurePublisher(ctx.prisma).publish(result.record, {
    actor: ctx.principal.id,
    effectiveFrom: dateToDay(effectiveFrom),
  });
  // Later reads in this request see the new version when it is already in force.
  ctx.loaders.procedureByCode.clear(published.code);
  return published;
}

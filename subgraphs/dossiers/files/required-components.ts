/**
 * Which of a procedure's dossier components (thành phần hồ sơ) an ONLINE submission must carry as
 * files. The catalogue has no "required" flag: a component is a name, a kind (bản chính, bản sao,
 * bản sao có chứng thực) and a number of paper copies, and the published names say themselves when a
 * paper is conditional. So, precisely, a component is required online when ALL of these hold:
 *
 * 1. its kind is ORIGINAL or COPY. A CERTIFIED_COPY (bản sao có chứng thực) is worth its
 *    certification, which an upload cannot carry: online it is reused from the applicant's
 *    electronic store or shown at reception, so intake does not demand it;
 * 2. it is not the application form the e-form replaces: its name starts with a form word
 *    (Tờ khai, Đơn, Giấy đề nghị, Văn bản đề nghị, Đề nghị, Thông báo, Phiếu yêu cầu) — online,
 *    the e-form data IS that form;
 * 3. its name does not make it conditional: no parenthesis opening with "nếu", "trường hợp",
 *    "đối với" or "khi", and no "nếu có" anywhere (e.g. "Văn bản ủy quyền (trường hợp ủy quyền …)");
 * 4. its name does not say it is handed in person: "(nộp trực tiếp)".
 *
 * One file per component is enough whatever its paper `count`. Counter and postal dossiers are
 * checked on paper by the receiving official, and legacy dossiers were checked by the system that
 * received them: neither is checked here.
 */
import type { ProcedureRecord } from '../../procedures';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { ProcedureComponent } from './attachment-uploads';

const FORM_WORDS = /^(tờ khai|đơn|giấy đề nghị|văn bản đề nghị|đề nghị|thông báo|phiếu yêu cầu)\s/u;
const CONDITIONAL = /\(\s*(nếu|trường hợp|đối với|khi)\s|nếu có/u;
const IN_PERSON = /\(\s*nộp trực tiếp\s*\)/u;

const canonical = (name: string) => name.normalize('NFC').trim().toLocaleLowerCase('vi-VN');

/** Why a component is or is not required online; `null` when it is. */
export function notRequiredOnlineBecause(component: ProcedureComponent): string | null {
  const name = canonical(component.name);
  if (component.kind !== 'ORIGINAL' && component.kind !== 'COPY') return 'CERTIFIED_COPY';
  if (FORM_WORDS.test(name)) return 'E_FORM';
  if (CONDITIONAL.test(name)) return 'CONDITIONAL';
  if (IN_PERSON.test(name)) return 'IN_PERSON';
  return null;
}

/** Names of the components an ONLINE submission of this procedure version must attach. */
export function requiredOnlineComponents(procedure: Pick<ProcedureRecord, 'details'>): string[] {
  return procedure.details.components.filter((c) => notRequiredOnlineBecause(c) === null).map((c) => c.name);
}

/** Required components with no attached file naming them, in the procedure's order. */
export function missingComponents(procedure: Pick<ProcedureRecord, 'details'>, attached: ReadonlyArray<{ componentName: string | null }>): string[] {
  const present = new Set(attached.flatMap((a) => (a.componentName ? [canonical(a.componentName)] : [])));
  return requiredOnlineComponents(procedure).filter((name) => !present.has(canonical(name)));
}

/** Throws MISSING_COMPONENTS listing every missing component. */
export function assertRequiredComponents(procedure: Pick<ProcedureRecord, 'code' | 'details'>, attached: ReadonlyArray<{ componentName: string | null }>): void {
  const missing = missingComponents(procedure, attached);
  if (missing.length === 0) return;
  throw new LienthongError(ErrorCode.MISSING_COMPONENTS, {
    vi: `Hồ sơ thiếu thành phần bắt buộc: ${missing.join('; ')}.`,
    en: `Required dossier components are missing: ${missing.join('; ')}.`,
    details: { procedureCode: procedure.code, missing },
  });
}

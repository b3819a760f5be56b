/** The client-visible error for a bad tax code, shared by the client and the citizens subgraph. */
import { ErrorCode, LienthongError } from '../../subgraphs/shared/errors';
import { checkTaxCode, type TaxCodeParts, type TaxCodeProblem } from './tax-code';

const REASONS_VI: Record<TaxCodeProblem, string> = {
  FORMAT: 'phải gồm 10 chữ số, hoặc 13 chữ số dạng NNNNNNNNNN-NNN đối với đơn vị phụ thuộc',
  CHECK_DIGIT: 'chữ số kiểm tra (chữ số thứ 10) không đúng',
  NO_CHECK_DIGIT: 'không có mã số nào được cấp với 9 chữ số đầu này',
  BRANCH_SUFFIX: 'số thứ tự đơn vị phụ thuộc phải từ 001 đến 999',
};

/** The parts of a valid tax code; throws INVALID_TAX_CODE (with `details.reason`) for any other. */
export function assertValidTaxCode(taxCode: string): TaxCodeParts {
  const check = checkTaxCode(taxCode);
  if (check.valid) return check.parts;
  throw new LienthongError(ErrorCode.INVALID_TAX_CODE, {
    vi: `Mã số doanh nghiệp không hợp lệ: ${REASONS_VI[check.problem]}.`,
    en: `Invalid tax code: ${check.message}.`,
    details: { reason: check.problem },
  });
}

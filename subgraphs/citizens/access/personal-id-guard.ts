/** Rejects a malformed or implausible personal identification number before anything is looked up. */
import { checkPersonalId } from '../../../adapters/population-db';
import { ErrorCode, LienthongError } from '../../shared/errors';

const REASONS_VI = {
  FORMAT: 'phải gồm đúng 12 chữ số',
  PROVINCE: 'mã tỉnh nơi đăng ký khai sinh không tồn tại',
  CENTURY: 'chữ số thế kỷ và giới tính không hợp lệ',
  YEAR: 'năm sinh không hợp lệ',
} as const;

/** Throws INVALID_PERSONAL_ID (with `details.reason`) unless `personalId` is well formed and plausible. */
export function assertValidPersonalId(personalId: string, today: Date = new Date()): void {
  const check = checkPersonalId(personalId, today);
  if (check.valid) return;
  throw new LienthongError(ErrorCode.INVALID_PERSONAL_ID, {
    vi: `Số định danh cá nhân không hợp lệ: ${REASONS_VI[check.problem]}.`,
    en: `Invalid personal identification number: ${check.message}.`,
    details: { reason: check.problem },
  });
}

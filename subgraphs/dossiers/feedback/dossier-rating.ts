/**
 * Mức độ hài lòng: the applicant rates the handling of their dossier once it is finished — with a
 * result (DONE, RETURNED) or refused (NOT_ACCEPTED), both outcomes citizens are asked about. Once per
 * dossier: the rating's primary key is the dossier, so even racing submissions store one.
 */
import type { Principal } from '../../shared/auth/principal';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { DossierRating as RatingModel } from '../../shared/storage/generated/client';
import { DossierStatus } from '../dossier/dossier-status';
import { dossierOfApplicant, type FeedbackDeps } from './dossier-feedback';
import { recordFeedbackEvent } from './feedback-event';
import { boundedText, MAX_RATING_COMMENT_CHARS } from './feedback-text';
import { DossierRating, type RateDossierInput } from './feedback.types';

export const RATEABLE_STATUSES: readonly DossierStatus[] = [DossierStatus.DONE, DossierStatus.RETURNED, DossierStatus.NOT_ACCEPTED];

export function toRating(row: RatingModel, dossierCode: string): DossierRating {
  return Object.assign(new DossierRating(), { dossierCode, score: row.score, comment: row.comment, ratedAt: row.ratedAt });
}

const isUniqueViolation = (err: unknown) => (err as { code?: string })?.code === 'P2002';

function alreadyRated(code: string): LienthongError {
  return new LienthongError(ErrorCode.CONFLICT, {
    vi: `Hồ sơ ${code} đã được đánh giá; mỗi hồ sơ chỉ đánh giá một lần.`,
    en: `Dossier ${code} has already been rated; a dossier is rated once.`,
    details: { dossierCode: code },
  });
}

export async function rateDossier(deps: FeedbackDeps, principal: Principal, input: RateDossierInput, now = new Date()): Promise<DossierRating> {
  if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5) {
    throw new LienthongError(ErrorCode.BAD_USER_INPUT, {
      vi: 'Mức độ hài lòng là số nguyên từ 1 đến 5.',
      en: 'The score is a whole number from 1 to 5.',
      details: { field: 'score' },
    });
  }
  const comment = input.comment == null ? null : boundedText(input.comment, 'comment', MAX_RATING_COMMENT_CHARS, false) || null;
  const dossier = await dossierOfApplicant(deps.prisma, principal, input.dossierCode);
  if (!RATEABLE_STATUSES.includes(dossier.status as DossierStatus)) {
    // A state error, not a bad value: the same request succeeds once the dossier is finished.
    throw new LienthongError(ErrorCode.INVALID_TRANSITION, {
      vi: `Chỉ đánh giá khi hồ sơ đã có kết quả hoặc không được tiếp nhận; hồ sơ ${dossier.code} đang ở trạng thái ${dossier.status}.`,
      en: `A dossier can be rated once it is finished (DONE, RETURNED or NOT_ACCEPTED); ${dossier.code} is ${dossier.status}.`,
      details: { dossierCode: dossier.code, status: dossier.status, allowed: RATEABLE_STATUSES },
    });
  }
  try {
    const row = await deps.prisma.$transaction(async (tx) => {
      const created = await tx.dossierRating.create({
        data: { dossierId: dossier.id, score: input.score, comment, ratedBy: principal.id, ratedAt: now },
      });
      await recordFeedbackEvent(tx, {
        action: 'RATED',
        dossierCode: dossier.code,
        agencyCode: dossier.agencyCode,
        applicantPersonalId: dossier.applicantPersonalId,
        score: input.score,
        actor: principal.id,
        at: now.toISOString(),
      });
      return created;
    });
    deps.outbox.kick();
    return toRating(row, dossier.code);
  } catch (err) {
    if (isUniqueViolation(err)) throw alreadyRated(dossier.code);
    throw err;
  }
}

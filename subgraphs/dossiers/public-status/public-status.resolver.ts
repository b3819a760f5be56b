/**
 * Tra cứu hồ sơ: anyone may look a dossier up by its receipt code, without signing in, and learn only
 * where it stands — never who filed it nor what the form says. Each lookup takes a token from the
 * caller's bucket before the code is even read, so unknown codes cost exactly what known ones cost
 * and guessing codes gains nothing over looking them up honestly.
 */
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { localDay } from '../../shared/calendar/working-days';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { DossiersContext } from '../context';
import { DossierPublicStatus } from '../dossier/dossier';
import { dossierNotFound } from '../dossier/dossier-access';
import type { DossierStatus } from '../dossier/dossier-status';
import { ProcedureRef } from '../dossier/stubs';
import { rateLimitKey, type ClientAddressed } from './client-key';
import type { RateLimiter } from './rate-limiter';

/** Receipt codes are ~25 characters; legacy systems' codes are longer but nowhere near this. */
const MAX_CODE_LENGTH = 100;

/** What the public lookup needs from the process, next to the dossiers services. */
export interface PublicStatusServices {
  /** Buckets of public lookups per caller. */
  publicStatusLimiter: RateLimiter;
}

type PublicStatusContext = DossiersContext & PublicStatusServices & ClientAddressed;

export function rateLimited(retryAfterSeconds: number): LienthongError {
  return new LienthongError(ErrorCode.RATE_LIMITED, {
    vi: `Quá nhiều lượt tra cứu; vui lòng thử lại sau ${retryAfterSeconds} giây.`,
    en: `Too many lookups; try again in ${retryAfterSeconds} seconds.`,
    details: { retryAfterSeconds },
  });
}

@Resolver(() => DossierPublicStatus)
export class PublicStatusResolver {
  @Query(() => DossierPublicStatus, {
    description:
      'Tra cứu tình trạng hồ sơ theo mã hồ sơ (public, no sign-in): status and dates only, no applicant data. Rate-limited per caller (RATE_LIMITED with retryAfterSeconds)',
  })
  async dossierStatus(@Arg('code') code: string, @Ctx() ctx: PublicStatusContext): Promise<DossierPublicStatus> {
    const decision = await ctx.publicStatusLimiter.take(rateLimitKey(ctx));
    if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds);
    const trimmed = code.trim();
    if (trimmed === '' || trimmed.length > MAX_CODE_LENGTH) {
      throw new LienthongError(ErrorCode.BAD_USER_INPUT, {
        vi: `Mã hồ sơ phải có từ 1 đến ${MAX_CODE_LENGTH} ký tự.`,
        en: `A dossier code has 1 to ${MAX_CODE_LENGTH} characters.`,
        details: { field: 'code' },
      });
    }
    // Only the public columns are read: the form data and applicant never leave the database here.
    const row = await ctx.prisma.dossier.findUnique({
      where: { code: trimmed },
      select: { code: true, status: true, procedureCode: true, receivedAt: true, appointmentAt: true },
    });
    if (!row) throw dossierNotFound(trimmed);
    return Object.assign(new DossierPublicStatus(), {
      code: row.code,
      status: row.status as DossierStatus,
      procedureCode: row.procedureCode,
      receivedAt: row.receivedAt,
      appointmentDate: localDay(row.appointmentAt).day,
    });
  }

  @FieldResolver(() => ProcedureRef, { description: 'Thủ tục của hồ sơ (name and agency resolved by the procedures subgraph)' })
  procedure(@Root() status: DossierPublicStatus): ProcedureRef {
    return Object.assign(new ProcedureRef(), { code: status.procedureCode });
  }
}

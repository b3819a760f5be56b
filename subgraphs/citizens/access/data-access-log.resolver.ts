/** `Query.myDataAccessLog`: a citizen reads who accessed their national data, newest first. */
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { CitizensContext } from '../context';
import { DataAccessConnection } from './data-access-log';

/** Most entries per page. */
export const MAX_ACCESS_LOG_PAGE = 100;

const encodeCursor = (id: bigint) => Buffer.from(`log:${id}`).toString('base64url');

function decodeCursor(cursor: string): bigint {
  const m = /^log:(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw new LienthongError(ErrorCode.BAD_USER_INPUT, { vi: 'Con trỏ không hợp lệ.', en: 'Invalid cursor.', details: { field: 'after' } });
  return BigInt(m[1]);
}

@Resolver()
export class DataAccessLogResolver {
  @Query(() => DataAccessConnection, {
    description: 'Ai đã truy cập dữ liệu của tôi: chỉ công dân, chỉ dữ liệu của chính mình. Errors: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT',
  })
  async myDataAccessLog(
    @Ctx() ctx: CitizensContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<DataAccessConnection> {
    const { principal } = ctx;
    if (principal.role === 'ANONYMOUS') throw new LienthongError(ErrorCode.UNAUTHENTICATED);
    if (principal.role !== 'CITIZEN' || !principal.personalId) {
      throw new LienthongError(ErrorCode.FORBIDDEN, {
        vi: 'Chỉ công dân xem được nhật ký truy cập dữ liệu của chính mình.',
        en: 'Only citizens read their own data access log.',
      });
    }
    if (!Number.isInteger(first) || first < 1 || first > MAX_ACCESS_LOG_PAGE) {
      throw new LienthongError(ErrorCode.BAD_USER_INPUT, {
        vi: `first phải từ 1 đến ${MAX_ACCESS_LOG_PAGE}.`,
        en: `first must be between 1 and ${MAX_ACCESS_LOG_PAGE}.`,
        details: { field: 'first' },
      });
    }
    const beforeId = after ? decodeCursor(after) : undefined;
    const rows = await ctx.accessLog.listForPerson(principal.personalId, first + 1, beforeId);
    const page = rows.slice(0, first);
    const codes = [...new Set(page.flatMap((r) => (r.dossierCode ? [r.dossierCode] : [])))];
    // The agency of an official is the agency of the dossier that justified the access (verified then).
    const dossiers = await Promise.all(codes.map((code) => ctx.dossiers.byCode(code)));
    const agencies = new Map(dossiers.flatMap((d) => (d ? [[d.code, d.agencyCode] as const] : [])));
    const edges = page.map((r) => ({
      cursor: encodeCursor(r.id),
      node: {
        at: r.at,
        actor: {
          id: r.actorId,
          role: r.actorRole,
          agencyCode: r.actorRole === 'OFFICIAL' && r.dossierCode ? (agencies.get(r.dossierCode) ?? null) : null,
        },
        purpose: r.purpose,
        source: r.source,
        outcome: r.outcome,
        dossierCode: r.dossierCode,
      },
    }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null }, count: edges.length };
  }
}

/**
 * The agency's queue of feedback and complaints, oldest first (the one waiting longest is answered
 * first), paged by a keyset cursor so that new arrivals never shift a page being read.
 */
import type { Principal } from '../../shared/auth/principal';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { PrismaClient } from '../../shared/storage/database';
import type { Prisma } from '../../shared/storage/generated/client';
import { requireAuthenticated } from '../dossier/dossier-access';
import { toFeedback } from './dossier-feedback';
import { DossierFeedbackPage, FeedbackStatus, type FeedbackKind } from './feedback.types';

export interface FeedbackQueueQuery {
  /** Agency whose dossiers' feedback to list. @default the official's own agency; all agencies for operators */
  agencyCode?: string | null;
  /** Only this kind. @default both */
  kind?: FeedbackKind | null;
  /** @default OPEN */
  status?: FeedbackStatus | null;
  /** Page size, 1–200. @default 50 */
  first?: number | null;
  /** `endCursor` of the previous page. @default the start */
  after?: string | null;
}

export const MAX_QUEUE_PAGE = 200;

const badInput = (field: string, vi: string, en: string) => new LienthongError(ErrorCode.BAD_USER_INPUT, { vi, en, details: { field } });

export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (!id || Number.isNaN(createdAt.getTime())) {
    throw badInput('after', 'Con trỏ trang không hợp lệ.', 'The page cursor is not valid.');
  }
  return { createdAt, id };
}

/** Which dossiers' feedback the caller may list; officials only their agency's (received or handled). */
function dossierScope(principal: Principal, agencyCode: string | null | undefined): Prisma.DossierWhereInput {
  requireAuthenticated(principal);
  if (principal.role === 'OPERATOR') return agencyCode ? { agencyCode } : {};
  if (principal.role === 'OFFICIAL' && principal.agencyCode && (!agencyCode || agencyCode === principal.agencyCode)) {
    return { OR: [{ agencyCode: principal.agencyCode }, { handlingAgencyCode: principal.agencyCode }] };
  }
  throw new LienthongError(ErrorCode.FORBIDDEN, {
    vi: 'Chỉ cán bộ của cơ quan được xem hàng đợi phản ánh, kiến nghị của cơ quan mình.',
    en: "Only an agency's officials may read its feedback queue.",
    details: { agencyCode: agencyCode ?? null },
  });
}

export async function feedbackQueue(prisma: PrismaClient, principal: Principal, query: FeedbackQueueQuery): Promise<DossierFeedbackPage> {
  const dossier = dossierScope(principal, query.agencyCode);
  const first = query.first ?? 50;
  if (!Number.isInteger(first) || first < 1 || first > MAX_QUEUE_PAGE) {
    throw badInput('first', `Số mục mỗi trang từ 1 đến ${MAX_QUEUE_PAGE}.`, `first must be between 1 and ${MAX_QUEUE_PAGE}.`);
  }
  const after = query.after ? decodeCursor(query.after) : undefined;
  const rows = await prisma.dossierFeedback.findMany({
    where: {
      status: query.status ?? FeedbackStatus.OPEN,
      ...(query.kind ? { kind: query.kind } : {}),
      dossier,
      ...(after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {}),
    },
    include: { dossier: { select: { code: true } } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: first + 1,
  });
  const page = rows.slice(0, first);
  const last = page.at(-1);
  return Object.assign(new DossierFeedbackPage(), {
    nodes: page.map(toFeedback),
    endCursor: last ? encodeCursor(last.createdAt, last.id) : null,
    hasNextPage: rows.length > first,
  });
}

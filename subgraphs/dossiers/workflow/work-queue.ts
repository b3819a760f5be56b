/**
 * An official's work queue (`myWorkQueue`): the open steps their agency runs whose role they hold,
 * on dossiers that can move now, oldest due first. Dossiers waiting for the applicant (fee due,
 * supplement requested) are left out: nothing is for the official to do on them yet. Keyset paging
 * on (dueAt, step id), so a page boundary stays put while steps open and close.
 */
import type { Principal } from '../../shared/auth/principal';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { PrismaClient } from '../../shared/storage/database';
import type { Dossier as DossierModel } from '../../shared/storage/generated/client';
import { requireAuthenticated } from '../dossier/dossier-access';
import { DossierStatus } from '../dossier/dossier-status';
import { OPEN_STEP, type DossierStepRow } from './step-rows';

/** Statuses in which an official acts on the open step. */
export const ACTIONABLE_STATUSES: readonly DossierStatus[] = [DossierStatus.NEW, DossierStatus.ACCEPTED, DossierStatus.PROCESSING, DossierStatus.DONE];

/** Largest page. @default 20 items per page when `first` is not given */
export const MAX_WORK_QUEUE_PAGE = 100;
export const DEFAULT_WORK_QUEUE_PAGE = 20;

export interface WorkQueueRequest {
  /** Page size, 1–100. @default 20 */
  first?: number | null;
  /** Cursor of the last item of the previous page. @default the start */
  after?: string | null;
}

export interface WorkQueuePage {
  items: Array<{ cursor: string; step: DossierStepRow; dossier: DossierModel }>;
  hasNextPage: boolean;
  endCursor: string | null;
  totalCount: number;
}

interface QueueKey {
  dueAt: Date;
  id: bigint;
}

const encodeCursor = (key: QueueKey) => Buffer.from(JSON.stringify([key.dueAt.toISOString(), key.id.toString()]), 'utf8').toString('base64url');

function badInput(argument: string, vi: string, en: string): LienthongError {
  return new LienthongError(ErrorCode.BAD_USER_INPUT, { vi, en, details: { argument } });
}

export function decodeQueueCursor(cursor: string): QueueKey {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string' && /^\d+$/.test(value[1])) {
      const dueAt = new Date(value[0]);
      if (!Number.isNaN(dueAt.getTime())) return { dueAt, id: BigInt(value[1]) };
    }
  } catch {
    // fall through: not a cursor of ours
  }
  throw badInput('after', 'Con trỏ phân trang (after) không hợp lệ.', 'The page cursor (after) is not valid.');
}

export async function workQueue(prisma: PrismaClient, principal: Principal, request: WorkQueueRequest): Promise<WorkQueuePage> {
  requireAuthenticated(principal);
  if (principal.role !== 'OFFICIAL') {
    throw new LienthongError(ErrorCode.FORBIDDEN, {
      vi: 'Chỉ cán bộ có hàng đợi công việc.',
      en: 'Only officials have a work queue.',
    });
  }
  const first = request.first ?? DEFAULT_WORK_QUEUE_PAGE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_WORK_QUEUE_PAGE) {
    throw badInput('first', `first phải từ 1 đến ${MAX_WORK_QUEUE_PAGE}.`, `first must be between 1 and ${MAX_WORK_QUEUE_PAGE}.`);
  }
  const after = request.after ? decodeQueueCursor(request.after) : null;
  const roles = principal.workflowRoles ?? [];
  if (!principal.agencyCode || roles.length === 0) return { items: [], hasNextPage: false, endCursor: null, totalCount: 0 };

  const where = {
    ...OPEN_STEP,
    agencyCode: principal.agencyCode,
    role: { in: roles },
    dossier: { status: { in: [...ACTIONABLE_STATUSES] } },
  };
  const afterWhere = after ? { OR: [{ dueAt: { gt: after.dueAt } }, { dueAt: after.dueAt, id: { gt: after.id } }] } : {};
  const [rows, totalCount] = await Promise.all([
    prisma.dossierStep.findMany({
      where: { ...where, ...afterWhere },
      orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
      take: first + 1,
      include: { dossier: true },
    }),
    prisma.dossierStep.count({ where }),
  ]);
  const page = rows.slice(0, first);
  const items = page.map(({ dossier, ...step }) => ({ cursor: encodeCursor(step), step, dossier }));
  return { items, hasNextPage: rows.length > first, endCursor: items.at(-1)?.cursor ?? null, totalCount };
}

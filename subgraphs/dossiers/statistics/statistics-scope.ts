/**
 * Who may read which statistics, and the period as instants. Officials read their own agency's
 * (the receiving agency: a transferred dossier counts where it was received, as the one-stop desk
 * reports it); operators any agency or all; citizens none.
 */
import type { Principal } from '../../shared/auth/principal';
import { addDays, isIsoDate, localTime } from '../../shared/calendar/local-time';
import { ErrorCode, LienthongError } from '../../shared/errors';
import { requireAuthenticated } from '../dossier/dossier-access';
import type { SubmissionChannel } from '../dossier/dossier-status';
import { StatisticsDimension, type DossierStatisticsFilter } from './statistics.types';

/** A validated statistics request, as the SQL takes it. */
export interface StatisticsQuery {
  agencyCode: string | null;
  procedureCode: string | null;
  channel: SubmissionChannel | null;
  /** Dossiers received at or after this instant (00:00 Vietnam of `from`). */
  receivedFrom: Date | null;
  /** Dossiers received before this instant (00:00 Vietnam of the day after `to`). */
  receivedBefore: Date | null;
  /** Dimensions in the caller's order, each once. */
  groupBy: StatisticsDimension[];
}

const badInput = (field: string, vi: string, en: string) => new LienthongError(ErrorCode.BAD_USER_INPUT, { vi, en, details: { field } });

/** The agency a principal may read statistics of: null for all (operators only); throws FORBIDDEN / UNAUTHENTICATED. */
export function scopedAgency(principal: Principal, requested: string | null | undefined): string | null {
  requireAuthenticated(principal);
  if (principal.role === 'OPERATOR') return requested ?? null;
  // An unscoped dashboard watches every agency; a scoped one, like an official, only its own.
  if (principal.role === 'DASHBOARD' && !principal.agencyCode) return requested ?? null;
  if ((principal.role === 'OFFICIAL' || principal.role === 'AGENCY_ADMIN' || principal.role === 'DASHBOARD') && principal.agencyCode) {
    if (!requested || requested === principal.agencyCode) return principal.agencyCode;
    throw new LienthongError(ErrorCode.FORBIDDEN, {
      vi: 'Cán bộ chỉ xem thống kê hồ sơ của cơ quan mình.',
      en: "Officials read only their own agency's statistics.",
      details: { agencyCode: requested },
    });
  }
  throw new LienthongError(ErrorCode.FORBIDDEN, {
    vi: 'Chỉ cán bộ và quản trị hệ thống được xem thống kê hồ sơ.',
    en: 'Only officials and operators may read dossier statistics.',
  });
}

function dayBound(value: string | null | undefined, field: 'from' | 'to'): string | null {
  if (value == null) return null;
  if (!isIsoDate(value)) throw badInput(field, `Trường ${field} phải là ngày dạng YYYY-MM-DD.`, `${field} must be a date written YYYY-MM-DD.`);
  return value;
}

export function resolveStatisticsQuery(
  principal: Principal,
  filter: DossierStatisticsFilter | null | undefined,
  groupBy: readonly StatisticsDimension[] = [],
): StatisticsQuery {
  const agencyCode = scopedAgency(principal, filter?.agencyCode);
  const from = dayBound(filter?.from, 'from');
  const to = dayBound(filter?.to, 'to');
  if (from && to && from > to) throw badInput('to', 'Ngày kết thúc kỳ phải sau ngày bắt đầu.', '`to` must not be before `from`.');
  const dimensions = Object.values(StatisticsDimension);
  for (const d of groupBy) if (!dimensions.includes(d)) throw badInput('groupBy', 'Chiều thống kê không hợp lệ.', `Unknown dimension ${d}.`);
  return {
    agencyCode,
    procedureCode: filter?.procedureCode ?? null,
    channel: filter?.channel ?? null,
    receivedFrom: from ? localTime(from, 0) : null,
    receivedBefore: to ? localTime(addDays(to, 1), 0) : null,
    groupBy: [...new Set(groupBy)],
  };
}

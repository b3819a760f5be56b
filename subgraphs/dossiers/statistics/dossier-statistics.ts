/**
 * Dossier statistics in one SQL statement (GROUP BY with FILTER aggregates; PostgreSQL and PGlite).
 * Every figure is about the cohort of dossiers RECEIVED in the period, by their status now:
 *
 * - finished (đã giải quyết) = DONE or RETURNED, judged by `completed_at` against `appointment_at`
 *   (the appointment's deadline, 17:00 Vietnam of the appointment day):
 *   - early (trước hạn): completed on a Vietnamese calendar day before the appointment day;
 *   - on time (đúng hạn): completed on the appointment day, by its deadline;
 *   - late (quá hạn): completed after the deadline.
 *   A finished dossier without `completed_at` (imported from a legacy system) counts as finished only.
 * - in progress (đang giải quyết) = NEW, PAYMENT_DUE, ACCEPTED, PROCESSING, SUPPLEMENT_REQUESTED;
 *   overdue when its deadline has passed — for a dossier waiting for a supplement (clock paused), only
 *   if it had passed when the clock stopped.
 * - NOT_ACCEPTED, WITHDRAWN and STOPPED are counted apart; average satisfaction over rated dossiers.
 *
 * Columns hold UTC without a zone; Vietnam is UTC+7 all year, hence `+ interval '7 hours'` for local
 * days and months, and instants passed as zone-less UTC text, independent of the session's zone.
 */
import type { PrismaClient } from '../../shared/storage/database';
import { Prisma } from '../../shared/storage/generated/client';
import { DossierStatus, type SubmissionChannel } from '../dossier/dossier-status';
import type { StatisticsQuery } from './statistics-scope';
import { DossierStatisticsRow, StatisticsDimension } from './statistics.types';

export const IN_PROGRESS_STATUSES: readonly DossierStatus[] = [
  DossierStatus.NEW,
  DossierStatus.PAYMENT_DUE,
  DossierStatus.ACCEPTED,
  DossierStatus.PROCESSING,
  DossierStatus.SUPPLEMENT_REQUESTED,
];
export const FINISHED_STATUSES: readonly DossierStatus[] = [DossierStatus.DONE, DossierStatus.RETURNED];

/** The grouping expression and output column of each dimension (a fixed list: nothing user-typed). */
const DIMENSION_SQL: Record<StatisticsDimension, { expression: Prisma.Sql; column: keyof GroupColumns }> = {
  AGENCY: { expression: Prisma.sql`d.agency_code`, column: 'agency_code' },
  PROCEDURE: { expression: Prisma.sql`d.procedure_code`, column: 'procedure_code' },
  CHANNEL: { expression: Prisma.sql`d.channel`, column: 'channel' },
  MONTH: { expression: Prisma.sql`to_char(d.received_at + interval '7 hours', 'YYYY-MM')`, column: 'month' },
};

interface GroupColumns {
  agency_code: string | null;
  procedure_code: string | null;
  channel: string | null;
  month: string | null;
}

interface StatisticsSqlRow extends GroupColumns {
  received: number;
  in_progress: number;
  overdue_in_progress: number;
  finished: number;
  finished_early: number;
  finished_on_time: number;
  finished_late: number;
  not_accepted: number;
  withdrawn: number;
  stopped: number;
  rating_count: number;
  average_satisfaction: number | null;
}

/** An instant as the columns store it: UTC wall time without a zone. */
export const utc = (instant: Date) => Prisma.sql`${instant.toISOString().slice(0, 23)}::timestamp`;
export const statusIn = (statuses: readonly string[]) => Prisma.sql`d.status IN (${Prisma.join(statuses)})`;

/**
 * The figures' definitions as conditions on `dossier d`, shared with the live statistics
 * (live-stats.ts) so both count "overdue" and "on time" alike.
 */
export const DOSSIER_CONDITIONS = {
  inProgress: statusIn(IN_PROGRESS_STATUSES),
  /** DONE or RETURNED, with or without a completion time. */
  finished: statusIn(FINISHED_STATUSES),
  /** Finished with a completion time: the only ones judged early, on time or late. */
  finishedJudged: Prisma.sql`${statusIn(FINISHED_STATUSES)} AND d.completed_at IS NOT NULL`,
  /** Completed on a Vietnamese calendar day before the appointment day. */
  early: Prisma.sql`(d.completed_at + interval '7 hours')::date < (d.appointment_at + interval '7 hours')::date`,
  /** Completed by the appointment deadline (early or on time). */
  byDeadline: Prisma.sql`d.completed_at <= d.appointment_at`,
  late: Prisma.sql`d.completed_at > d.appointment_at`,
  /** In progress with the deadline passed by `asOf`, or by the time the clock was paused. */
  overdueInProgress: (asOf: Date) =>
    Prisma.sql`${statusIn(IN_PROGRESS_STATUSES)} AND d.appointment_at < COALESCE(d.paused_at, ${utc(asOf)})`,
};

function whereClause(query: StatisticsQuery): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (query.agencyCode) conditions.push(Prisma.sql`d.agency_code = ${query.agencyCode}`);
  if (query.procedureCode) conditions.push(Prisma.sql`d.procedure_code = ${query.procedureCode}`);
  if (query.channel) conditions.push(Prisma.sql`d.channel = ${query.channel}`);
  if (query.receivedFrom) conditions.push(Prisma.sql`d.received_at >= ${utc(query.receivedFrom)}`);
  if (query.receivedBefore) conditions.push(Prisma.sql`d.received_at < ${utc(query.receivedBefore)}`);
  return Prisma.join(conditions, ' AND ');
}

export function statisticsSql(query: StatisticsQuery, asOf: Date): Prisma.Sql {
  const dims = query.groupBy.map((d) => DIMENSION_SQL[d]);
  const groupColumns = (Object.values(DIMENSION_SQL) as Array<{ expression: Prisma.Sql; column: string }>).map((dim) =>
    dims.some((d) => d.column === dim.column)
      ? Prisma.sql`${dim.expression} AS ${Prisma.raw(dim.column)}`
      : Prisma.sql`NULL::text AS ${Prisma.raw(dim.column)}`,
  );
  const { inProgress, finishedJudged: finished, early, byDeadline, late } = DOSSIER_CONDITIONS;
  const grouping = dims.length > 0 ? Prisma.sql`GROUP BY ${Prisma.join(dims.map((d) => d.expression))}` : Prisma.empty;
  const ordering = dims.length > 0 ? Prisma.sql`ORDER BY ${Prisma.join(dims.map((d) => d.expression))}` : Prisma.empty;
  return Prisma.sql`
    SELECT ${Prisma.join(groupColumns)},
      COUNT(*)::int AS received,
      COUNT(*) FILTER (WHERE ${inProgress})::int AS in_progress,
      COUNT(*) FILTER (WHERE ${DOSSIER_CONDITIONS.overdueInProgress(asOf)})::int AS overdue_in_progress,
      COUNT(*) FILTER (WHERE ${DOSSIER_CONDITIONS.finished})::int AS finished,
      COUNT(*) FILTER (WHERE ${finished} AND ${early})::int AS finished_early,
      COUNT(*) FILTER (WHERE ${finished} AND NOT (${early}) AND ${byDeadline})::int AS finished_on_time,
      COUNT(*) FILTER (WHERE ${finished} AND ${late})::int AS finished_late,
      COUNT(*) FILTER (WHERE d.status = ${DossierStatus.NOT_ACCEPTED})::int AS not_accepted,
      COUNT(*) FILTER (WHERE d.status = ${DossierStatus.WITHDRAWN})::int AS withdrawn,
      COUNT(*) FILTER (WHERE d.status = ${DossierStatus.STOPPED})::int AS stopped,
      COUNT(r.dossier_id)::int AS rating_count,
      AVG(r.score)::float8 AS average_satisfaction
    FROM dossier d LEFT JOIN dossier_rating r ON r.dossier_id = d.id
    WHERE ${whereClause(query)}
    ${grouping}
    ${ordering}`;
}

function toRow(row: StatisticsSqlRow): DossierStatisticsRow {
  return Object.assign(new DossierStatisticsRow(), {
    agencyCode: row.agency_code,
    procedureCode: row.procedure_code,
    channel: row.channel as SubmissionChannel | null,
    month: row.month,
    received: Number(row.received),
    inProgress: Number(row.in_progress),
    overdueInProgress: Number(row.overdue_in_progress),
    finished: Number(row.finished),
    finishedEarly: Number(row.finished_early),
    finishedOnTime: Number(row.finished_on_time),
    finishedLate: Number(row.finished_late),
    notAccepted: Number(row.not_accepted),
    withdrawn: Number(row.withdrawn),
    stopped: Number(row.stopped),
    ratingCount: Number(row.rating_count),
    averageSatisfaction: row.average_satisfaction === null ? null : Number(row.average_satisfaction),
  });
}

export async function dossierStatistics(prisma: PrismaClient, query: StatisticsQuery, asOf: Date): Promise<DossierStatisticsRow[]> {
  const rows = await prisma.$queryRaw<StatisticsSqlRow[]>(statisticsSql(query, asOf));
  return rows.map(toRow);
}

/**
 * The live dashboard's figures per receiving agency, in one SQL statement (GROUP BY agency with
 * FILTER aggregates; PostgreSQL and PGlite), over all the agency's dossiers (no period): the
 * definitions of "in progress", "overdue" and "on time" are dossierStatistics' (DOSSIER_CONDITIONS),
 * so the dashboard and the reports never disagree.
 */
import type { PrismaClient } from '../../shared/storage/database';
import { Prisma } from '../../shared/storage/generated/client';
import { addDays, localDay, localTime } from '../../shared/calendar/local-time';
import { DossierStatus } from '../dossier/dossier-status';
import { DOSSIER_CONDITIONS, utc } from './dossier-statistics';
import { AgencyLiveStats, DossierStatusCount } from './live-stats.types';

/** Statuses in the order byStatus lists them (the enum's); a fixed list, so column names are safe. */
const STATUSES = Object.values(DossierStatus);
const statusColumn = (status: DossierStatus): `status_${string}` => `status_${status.toLowerCase()}`;

interface LiveStatsSqlRow {
  agency_code: string;
  received: number;
  received_today: number;
  processing: number;
  overdue: number;
  finished: number;
  finished_on_time: number;
  [statusColumn: `status_${string}`]: number;
}

/**
 * @param agencyCode the one agency to read, or null for every agency
 * @param asOf the instant "overdue" and "today" (Vietnamese calendar day) are judged at
 */
export function liveStatsSql(agencyCode: string | null, asOf: Date): Prisma.Sql {
  const today = localDay(asOf).day;
  const { inProgress, finished, finishedJudged, early, byDeadline } = DOSSIER_CONDITIONS;
  const byStatus = STATUSES.map(
    (status) => Prisma.sql`COUNT(*) FILTER (WHERE d.status = ${status})::int AS ${Prisma.raw(statusColumn(status))}`,
  );
  return Prisma.sql`
    SELECT d.agency_code,
      COUNT(*)::int AS received,
      COUNT(*) FILTER (WHERE d.received_at >= ${utc(localTime(today, 0))} AND d.received_at < ${utc(localTime(addDays(today, 1), 0))})::int AS received_today,
      COUNT(*) FILTER (WHERE ${inProgress})::int AS processing,
      COUNT(*) FILTER (WHERE ${DOSSIER_CONDITIONS.overdueInProgress(asOf)})::int AS overdue,
      COUNT(*) FILTER (WHERE ${finished})::int AS finished,
      COUNT(*) FILTER (WHERE ${finishedJudged} AND (${early} OR ${byDeadline}))::int AS finished_on_time,
      ${Prisma.join(byStatus)}
    FROM dossier d
    WHERE ${agencyCode === null ? Prisma.sql`TRUE` : Prisma.sql`d.agency_code = ${agencyCode}`}
    GROUP BY d.agency_code
    ORDER BY d.agency_code`;
}

function toAgencyStats(row: LiveStatsSqlRow): AgencyLiveStats {
  const finished = Number(row.finished);
  const finishedOnTime = Number(row.finished_on_time);
  return Object.assign(new AgencyLiveStats(), {
    agencyCode: row.agency_code,
    received: Number(row.received),
    receivedToday: Number(row.received_today),
    processing: Number(row.processing),
    overdue: Number(row.overdue),
    finished,
    finishedOnTime,
    onTimeRate: finished === 0 ? null : finishedOnTime / finished,
    byStatus: STATUSES.map((status) => Object.assign(new DossierStatusCount(), { status, count: Number(row[statusColumn(status)] ?? 0) })),
  });
}

/** Zero figures: an agency in scope without any dossier still shows on its dashboard. */
function emptyAgencyStats(agencyCode: string): AgencyLiveStats {
  const zero = { received: 0, received_today: 0, processing: 0, overdue: 0, finished: 0, finished_on_time: 0 };
  return toAgencyStats({ agency_code: agencyCode, ...zero });
}

/**
 * Figures per agency, ordered by agency code. With `agencyCode` the list holds exactly that agency
 * (zeros when it has no dossier yet); without it, every agency that has received a dossier.
 */
export async function liveDossierStats(prisma: PrismaClient, agencyCode: string | null, asOf: Date): Promise<AgencyLiveStats[]> {
  const rows = await prisma.$queryRaw<LiveStatsSqlRow[]>(liveStatsSql(agencyCode, asOf));
  if (agencyCode !== null && rows.length === 0) return [emptyAgencyStats(agencyCode)];
  return rows.map(toAgencyStats);
}

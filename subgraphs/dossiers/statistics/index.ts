/**
 * Dossier statistics (thống kê): received, in progress, early / on time / late, by agency, procedure,
 * channel, month; and the live figures per agency behind the dashboard (`dossierStatsLive`).
 */
import { LiveStatsResolver } from './live-stats.resolver';
import { StatisticsResolver } from './statistics.resolver';

export { dossierStatistics, FINISHED_STATUSES, IN_PROGRESS_STATUSES } from './dossier-statistics';
export { liveDossierStats } from './live-stats';
export { LIVE_STATS_INTERVAL_MS, LiveStatsStream, type LiveStatsTail } from './live-stats-stream';
export { LIVE_STATS_TOPICS } from './live-stats.resolver';
export { AgencyLiveStats, DossierStatusCount, LiveDossierStats } from './live-stats.types';
export { resolveStatisticsQuery, type StatisticsQuery } from './statistics-scope';
export { DossierStatisticsFilter, DossierStatisticsReport, DossierStatisticsRow, StatisticsDimension } from './statistics.types';

/** Resolvers of this part of the dossiers subgraph, registered by buildDossiersSchema. */
export const STATISTICS_RESOLVERS: Function[] = [StatisticsResolver, LiveStatsResolver];

/** Dossier statistics (thống kê): received, in progress, early / on time / late, by agency, procedure, channel, month. */
import { StatisticsResolver } from './statistics.resolver';

export { dossierStatistics, FINISHED_STATUSES, IN_PROGRESS_STATUSES } from './dossier-statistics';
export { resolveStatisticsQuery, type StatisticsQuery } from './statistics-scope';
export { DossierStatisticsFilter, DossierStatisticsReport, DossierStatisticsRow, StatisticsDimension } from './statistics.types';

/** Resolvers of this part of the dossiers subgraph, registered by buildDossiersSchema. */
export const STATISTICS_RESOLVERS: Function[] = [StatisticsResolver];

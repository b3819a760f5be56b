import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { DossiersContext } from '../context';
import { dossierStatistics } from './dossier-statistics';
import { resolveStatisticsQuery } from './statistics-scope';
import { DossierStatisticsFilter, DossierStatisticsReport, StatisticsDimension } from './statistics.types';

@Resolver()
export class StatisticsResolver {
  @Query(() => DossierStatisticsReport, {
    description:
      'Thống kê hồ sơ tiếp nhận trong kỳ: đang giải quyết, trước hạn, đúng hạn, quá hạn, không tiếp nhận, rút, mức độ hài lòng. ' +
      'Officials: their agency only; operators: any; citizens: FORBIDDEN',
  })
  async dossierStatistics(
    @Ctx() ctx: DossiersContext,
    @Arg('filter', () => DossierStatisticsFilter, { nullable: true }) filter?: DossierStatisticsFilter | null,
    @Arg('groupBy', () => [StatisticsDimension], { defaultValue: [] }) groupBy?: StatisticsDimension[],
  ): Promise<DossierStatisticsReport> {
    const query = resolveStatisticsQuery(ctx.principal, filter, groupBy ?? []);
    const asOf = new Date();
    return Object.assign(new DossierStatisticsReport(), { asOf, rows: await dossierStatistics(ctx.prisma, query, asOf) });
  }
}

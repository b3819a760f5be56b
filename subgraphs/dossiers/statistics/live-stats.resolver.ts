/**
 * `dossierStatsLive`: the dashboard's figures per agency, a snapshot at once and a fresh one as
 * dossier status and deadline events reach the outbox. Who sees what is dossierStatistics' rule:
 * officials their own agency, operators any or all, citizens nothing.
 */
import { Arg, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { OutboxRecord } from '../../shared/outbox/outbox-tail';
import type { DossiersContext } from '../context';
import { DOSSIER_DEADLINE_TOPIC } from '../deadlines/deadline-event';
import { DOSSIER_STATUS_TOPIC } from '../events/dossier-status-event';
import { liveDossierStats } from './live-stats';
import { LiveStatsStream } from './live-stats-stream';
import { LiveDossierStats } from './live-stats.types';
import { scopedAgency } from './statistics-scope';

/** Topics whose events change the figures: a status change, or a dossier falling overdue. */
export const LIVE_STATS_TOPICS = [DOSSIER_STATUS_TOPIC, DOSSIER_DEADLINE_TOPIC] as const;

interface LiveStatsArgs {
  agencyCode?: string | null;
}

function subscribeToLiveStats({ args, context }: SubscribeResolverData<unknown, LiveStatsArgs, DossiersContext>): LiveStatsStream<LiveDossierStats> {
  // Thrown here, before any stream exists, the refusal reaches the client as the subscription's error.
  const agencyCode = scopedAgency(context.principal, args.agencyCode);
  return new LiveStatsStream<LiveDossierStats>({
    tail: context.tail,
    topics: LIVE_STATS_TOPICS,
    // Both topics' payloads name the receiving agency; other agencies' events cannot change this view.
    filter: agencyCode === null ? undefined : (r: OutboxRecord<unknown>) => (r.payload as { agencyCode?: string }).agencyCode === agencyCode,
    // Every subscription of the same view woken by the same event shares one query.
    snapshot: (cursor) =>
      context.eventReads.get(`live-stats:${agencyCode ?? '*'}:${cursor ?? ''}`, async () => {
        const asOf = new Date();
        const agencies = await liveDossierStats(context.prisma, agencyCode, asOf);
        return Object.assign(new LiveDossierStats(), { cursor, asOf, agencies });
      }),
  });
}

@Resolver()
export class LiveStatsResolver {
  @Subscription(() => LiveDossierStats, {
    subscribe: subscribeToLiveStats as never,
    description:
      'Thống kê trực tiếp theo cơ quan: a snapshot at once, then a new one as events arrive (at most every 250 ms). ' +
      'Officials: their agency only; operators: the agency asked, or all; citizens: FORBIDDEN',
  })
  dossierStatsLive(
    @Root() stats: LiveDossierStats,
    @Arg('agencyCode', () => String, { nullable: true, description: 'Mã cơ quan tiếp nhận. Default: officials their own, operators all' })
    _agencyCode?: string | null,
  ): LiveDossierStats {
    return stats;
  }
}

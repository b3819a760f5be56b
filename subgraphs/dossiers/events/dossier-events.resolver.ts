/**
 * `dossierEvents`: status changes read from the outbox (OutboxTail), each filtered by what the
 * subscriber may see (an agency's dashboard sees its agency, a citizen their own dossiers, an operator
 * everything). With `after`, the events since that cursor are replayed first: a client that reconnects
 * with the last cursor it saw misses nothing and sees nothing twice.
 */
import { Arg, Ctx, FieldResolver, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { OutboxRecord } from '../../shared/outbox';
import type { DossiersContext } from '../context';
import { Dossier } from '../dossier/dossier';
import { canWatchDossier, requireAuthenticated } from '../dossier/dossier-access';
import type { DossierStatus } from '../dossier/dossier-status';
import { toDossier } from '../dossier/dossier.mapper';
import { DossierEvent } from './dossier-event';
import { DOSSIER_STATUS_TOPIC, type DossierStatusEvent } from './dossier-status-event';

interface DossierEventsArgs {
  dossierCode?: string | null;
  agencyCode?: string | null;
  after?: string | null;
}

function subscribeToDossierEvents({ args, context }: SubscribeResolverData<unknown, DossierEventsArgs, DossiersContext>) {
  requireAuthenticated(context.principal);
  return context.tail.subscribe<DossierStatusEvent>({
    topics: [DOSSIER_STATUS_TOPIC],
    after: args.after,
    filter: ({ payload: e }) =>
      canWatchDossier(context.principal, e) &&
      (!args.dossierCode || e.dossierCode === args.dossierCode) &&
      (!args.agencyCode || e.agencyCode === args.agencyCode),
  });
}

@Resolver(() => DossierEvent)
export class DossierEventsResolver {
  @Subscription(() => DossierEvent, {
    subscribe: subscribeToDossierEvents as never,
    description: 'Theo dõi trực tiếp các thay đổi trạng thái hồ sơ; `after`: resume after this cursor (replayed from the outbox)',
  })
  dossierEvents(
    @Root() record: OutboxRecord<DossierStatusEvent>,
    @Arg('dossierCode', () => String, { nullable: true }) _dossierCode?: string | null,
    @Arg('agencyCode', () => String, { nullable: true }) _agencyCode?: string | null,
    @Arg('after', () => ID, { nullable: true, description: 'Cursor of the last event received' }) _after?: string | null,
  ): DossierEvent {
    const event = record.payload;
    return Object.assign(new DossierEvent(), {
      ...event,
      cursor: record.cursor,
      fromStatus: event.fromStatus as DossierStatus | null,
      toStatus: event.toStatus as DossierStatus,
      at: new Date(event.at),
    });
  }

  @FieldResolver(() => Dossier, { description: 'Hồ sơ, như lúc đọc (not as at the event)' })
  async dossier(@Root() event: DossierEvent, @Ctx() ctx: DossiersContext): Promise<Dossier> {
    // Read afresh per event (a subscription's loaders live as long as it does), once for every
    // subscription the event reaches.
    const row = await ctx.eventReads.get(`dossier:${event.cursor}:${event.dossierCode}`, () =>
      ctx.prisma.dossier.findUnique({ where: { code: event.dossierCode } }),
    );
    if (!row) throw new Error(`dossier ${event.dossierCode} vanished`);
    return toDossier(row);
  }
}

/**
 * `dossierEvents`: live status changes, each filtered by what the subscriber may see (an agency's
 * dashboard sees its agency, a citizen their own dossiers, an operator everything).
 */
import { Arg, Ctx, FieldResolver, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { subscribeIterator } from '../../shared/events/bus';
import type { DossiersContext } from '../context';
import { Dossier } from '../dossier/dossier';
import { canSeeDossier, requireAuthenticated } from '../dossier/dossier-access';
import type { DossierStatus } from '../dossier/dossier-status';
import { toDossier } from '../dossier/dossier.mapper';
import { DossierEvent } from './dossier-event';
import { DOSSIER_STATUS_TOPIC, type DossierStatusEvent } from './dossier-status-event';

interface DossierEventsArgs {
  dossierCode?: string | null;
  agencyCode?: string | null;
}

function subscribeToDossierEvents({ args, context }: SubscribeResolverData<unknown, DossierEventsArgs, DossiersContext>) {
  requireAuthenticated(context.principal);
  return subscribeIterator<DossierStatusEvent>(
    context.bus,
    DOSSIER_STATUS_TOPIC,
    (e) =>
      canSeeDossier(context.principal, e) &&
      (!args.dossierCode || e.dossierCode === args.dossierCode) &&
      (!args.agencyCode || e.agencyCode === args.agencyCode),
  );
}

@Resolver(() => DossierEvent)
export class DossierEventsResolver {
  @Subscription(() => DossierEvent, {
    subscribe: subscribeToDossierEvents as never,
    description: 'Theo dõi trực tiếp các thay đổi trạng thái hồ sơ',
  })
  dossierEvents(
    @Root() event: DossierStatusEvent,
    @Arg('dossierCode', () => String, { nullable: true }) _dossierCode?: string | null,
    @Arg('agencyCode', () => String, { nullable: true }) _agencyCode?: string | null,
  ): DossierEvent {
    return Object.assign(new DossierEvent(), {
      ...event,
      fromStatus: event.fromStatus as DossierStatus | null,
      toStatus: event.toStatus as DossierStatus,
      at: new Date(event.at),
    });
  }

  @FieldResolver(() => Dossier, { description: 'Hồ sơ, như lúc đọc (not as at the event)' })
  async dossier(@Root() event: DossierEvent, @Ctx() ctx: DossiersContext): Promise<Dossier> {
    // A subscription's context (and its loaders) lives as long as the subscription: read afresh per event.
    const row = await ctx.loaders.dossierByCode.clear(event.dossierCode).load(event.dossierCode);
    if (!row) throw new Error(`dossier ${event.dossierCode} vanished`);
    return toDossier(row);
  }
}

import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { DossiersContext } from '../context';
import { canSeeDossier, dossierNotFound, requireAuthenticated } from '../dossier/dossier-access';
import type { NotificationStatus } from './notification-dispatcher';
import { DossierNotification, type NotificationChannelKind } from './notification.types';

@Resolver()
export class DossierNotificationResolver {
  @Query(() => [DossierNotification], {
    description: 'Các thông báo đã gửi cho người nộp về một hồ sơ (oldest first), for those who may see the dossier',
  })
  async dossierNotifications(@Arg('code') code: string, @Ctx() ctx: DossiersContext): Promise<DossierNotification[]> {
    requireAuthenticated(ctx.principal);
    const dossier = await ctx.loaders.dossierByCode.load(code);
    if (!dossier || !canSeeDossier(ctx.principal, dossier)) throw dossierNotFound(code);
    const rows = await ctx.prisma.dossierNotification.findMany({ where: { dossierCode: code }, orderBy: [{ createdAt: 'asc' }, { eventId: 'asc' }, { channel: 'asc' }] });
    return rows.map((row) =>
      Object.assign(new DossierNotification(), {
        ...row,
        eventId: row.eventId.toString(),
        channel: row.channel as NotificationChannelKind,
        status: row.status as NotificationStatus,
      }),
    );
  }
}

/** Operators' view of the national portal sync: a dossier's deliveries, the backlog, retrying a FAILED one. */
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Principal } from '../../shared/auth/principal';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { DossiersContext } from '../context';
import { canSeeDossier, dossierNotFound, requireAuthenticated } from '../dossier/dossier-access';
import { failedPortalDeliveries, portalDeliveriesOf, portalSyncBacklog, retryPortalDelivery } from './portal-sync-admin';
import { PortalSyncBacklog, PortalSyncDelivery, toPortalSyncDelivery } from './portal-sync.types';

const MAX_FAILED_LISTED = 200;

function requireOperator(principal: Principal): void {
  requireAuthenticated(principal);
  if (principal.role !== 'OPERATOR') {
    throw new LienthongError(ErrorCode.FORBIDDEN, {
      vi: 'Chỉ quản trị hệ thống theo dõi và gửi lại đồng bộ Cổng DVCQG.',
      en: 'Only operators supervise and retry the national portal sync.',
    });
  }
}

function parseEventId(value: string): bigint {
  if (!/^\d{1,18}$/.test(value)) {
    throw new LienthongError(ErrorCode.BAD_USER_INPUT, { vi: 'Mã sự kiện không hợp lệ.', en: 'Invalid event id.', details: { field: 'eventId' } });
  }
  return BigInt(value);
}

@Resolver()
export class PortalSyncResolver {
  @Query(() => [PortalSyncDelivery], {
    description: 'Tình trạng đồng bộ một hồ sơ lên Cổng DVCQG, theo thứ tự sự kiện; quản trị hệ thống và cán bộ cơ quan tiếp nhận/xử lý',
  })
  async portalSyncStatus(@Arg('dossierCode') dossierCode: string, @Ctx() ctx: DossiersContext): Promise<PortalSyncDelivery[]> {
    requireAuthenticated(ctx.principal);
    const dossier = await ctx.loaders.dossierByCode.load(dossierCode);
    // Citizens follow their dossier itself; the sync's internals are for the agency and operators.
    if (!dossier || ctx.principal.role === 'CITIZEN' || !canSeeDossier(ctx.principal, dossier)) throw dossierNotFound(dossierCode);
    return (await portalDeliveriesOf(ctx.prisma, dossierCode)).map(toPortalSyncDelivery);
  }

  @Query(() => PortalSyncBacklog, { description: 'Tồn đọng đồng bộ lên Cổng DVCQG và các lượt đã dừng thử lại; quản trị hệ thống' })
  async portalSyncBacklog(
    @Arg('firstFailed', () => Int, { defaultValue: 50, description: 'Số lượt FAILED liệt kê (tối đa 200)' }) firstFailed: number,
    @Ctx() ctx: DossiersContext,
  ): Promise<PortalSyncBacklog> {
    requireOperator(ctx.principal);
    const take = Math.max(0, Math.min(firstFailed, MAX_FAILED_LISTED));
    const [figures, failed] = await Promise.all([portalSyncBacklog(ctx.prisma), failedPortalDeliveries(ctx.prisma, take)]);
    return Object.assign(new PortalSyncBacklog(), { ...figures, failedDeliveries: failed.map(toPortalSyncDelivery) });
  }

  @Mutation(() => PortalSyncDelivery, {
    description: 'Gửi lại một lượt đồng bộ FAILED lên Cổng DVCQG (lại từ đầu số lần thử); quản trị hệ thống. Other states → CONFLICT',
  })
  async retryPortalSync(@Arg('eventId', () => ID) eventId: string, @Ctx() ctx: DossiersContext): Promise<PortalSyncDelivery> {
    requireOperator(ctx.principal);
    return toPortalSyncDelivery(await retryPortalDelivery(ctx.prisma, parseEventId(eventId)));
  }
}

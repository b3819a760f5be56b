import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { toLienthongError } from '../../../adapters/kit';
import { POSTAL_SYSTEM } from '../../../adapters/postal';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { DossiersContext } from '../context';
import { Dossier } from '../dossier/dossier';
import { toDossier } from '../dossier/dossier.mapper';
import { forgetDossier } from '../workflow/workflow-loaders';
import { PostalDelivery, PostalDeliveryEvent } from './postal.types';
import { returnResultByPost, type PostalServices } from './return-by-post';

type PostalContext = DossiersContext & PostalServices;

@Resolver(() => Dossier)
export class PostalReturnResolver {
  @Mutation(() => Dossier, {
    description:
      'Trả kết quả qua bưu chính (DONE → RETURNED): tạo đơn chuyển phát cho hồ sơ chọn nhận qua bưu chính; cán bộ có vai trò RESULT_RETURN của cơ quan xử lý',
  })
  async returnResultByPost(
    @Arg('code') code: string,
    @Arg('expectedVersion', () => Int, { description: 'Phiên bản hồ sơ đã đọc (optimistic concurrency): another → STALE_VERSION' })
    expectedVersion: number,
    @Ctx() ctx: PostalContext,
  ): Promise<Dossier> {
    const row = await returnResultByPost(ctx, ctx.principal, { code, expectedVersion });
    forgetDossier(ctx, row);
    return toDossier(row);
  }

  @FieldResolver(() => PostalDelivery, {
    nullable: true,
    description: 'Hành trình chuyển phát kết quả qua bưu chính, hỏi doanh nghiệp bưu chính lúc truy vấn; null khi không gửi qua bưu chính',
  })
  async postalDelivery(@Root() dossier: Dossier, @Ctx() ctx: PostalContext): Promise<PostalDelivery | null> {
    const result = await ctx.prisma.dossierResult.findUnique({ where: { dossierId: dossier.id }, select: { postalOrderId: true, postalTracking: true } });
    if (!result?.postalOrderId || !result.postalTracking) return null;
    if (!ctx.postal) {
      throw new LienthongError(ErrorCode.UPSTREAM_UNAVAILABLE, { details: { system: POSTAL_SYSTEM, reason: 'NOT_CONFIGURED', retryable: false } });
    }
    const tracking = await ctx.postal.tracking(result.postalTracking).catch((err: unknown) => {
      throw toLienthongError(err);
    });
    // The carrier gave us this code: not knowing it any more is the carrier's fault, not the caller's.
    if (!tracking) throw new LienthongError(ErrorCode.UPSTREAM_BAD_RESPONSE, { details: { system: POSTAL_SYSTEM, reason: 'NOT_FOUND', retryable: false } });
    return Object.assign(new PostalDelivery(), {
      orderId: result.postalOrderId,
      trackingCode: result.postalTracking,
      status: tracking.status,
      events: tracking.events.map((e) => Object.assign(new PostalDeliveryEvent(), e)),
    });
  }
}

import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { DossiersContext } from '../context';
import { Dossier } from '../dossier/dossier';
import { canSeeDossier, requireAuthenticated } from '../dossier/dossier-access';
import { toDossier } from '../dossier/dossier.mapper';
import type { PostalServices } from '../postal';
import { PostalIntakeStatus, readStoredSubmission } from './postal-intake-rules';
import { PostalIntake, PostalIntakeRefusal, PostalPickupInput } from './postal-intake.types';
import { requestPostalPickup, type PostalIntakeRow } from './request-pickup';

type PostalIntakeContext = DossiersContext & PostalServices;

export function toPostalIntake(row: PostalIntakeRow): PostalIntake {
  const { refusal } = readStoredSubmission(row.submission);
  return Object.assign(new PostalIntake(), {
    id: row.id,
    procedureCode: row.procedureCode,
    status: row.status as PostalIntakeStatus,
    pickupAddress: row.pickupAddress,
    carrierOrderId: row.carrierOrderId,
    trackingCode: row.trackingCode,
    dossierCode: row.dossierCode,
    refusal: refusal
      ? Object.assign(new PostalIntakeRefusal(), { code: refusal.code, messageVi: refusal.vi, messageEn: refusal.en, refusedAt: new Date(refusal.at) })
      : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    applicantPersonalId: row.applicantPersonalId,
  });
}

@Resolver(() => PostalIntake)
export class PostalIntakeResolver {
  @Mutation(() => PostalIntake, {
    description:
      'Nộp hồ sơ qua dịch vụ bưu chính: bưu chính thu gom hồ sơ giấy tại địa chỉ của công dân; hồ sơ được tiếp nhận (cấp mã, ngày hẹn) khi bưu chính phát đến cơ quan. Công dân, cho chính mình',
  })
  async requestPostalPickup(@Arg('input') input: PostalPickupInput, @Ctx() ctx: PostalIntakeContext): Promise<PostalIntake> {
    return toPostalIntake(await requestPostalPickup(ctx, ctx.principal, input));
  }

  @Query(() => [PostalIntake], { description: 'Hồ sơ gửi qua bưu chính của công dân đang đăng nhập, mới nhất trước' })
  async myPostalIntakes(
    @Ctx() ctx: PostalIntakeContext,
    @Arg('first', () => Int, { defaultValue: 50, description: '1–200' }) first: number,
  ): Promise<PostalIntake[]> {
    requireAuthenticated(ctx.principal);
    if (ctx.principal.role !== 'CITIZEN') {
      throw new LienthongError(ErrorCode.FORBIDDEN, { vi: 'Chỉ công dân có hồ sơ gửi qua bưu chính.', en: 'Only citizens have postal pickups of their own.' });
    }
    if (!Number.isInteger(first) || first < 1 || first > 200) {
      throw new LienthongError(ErrorCode.BAD_USER_INPUT, { vi: 'first phải từ 1 đến 200.', en: 'first must be 1–200.', details: { field: 'first' } });
    }
    const rows = await ctx.prisma.postalIntake.findMany({
      where: { applicantPersonalId: ctx.principal.personalId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: first,
    });
    return rows.map(toPostalIntake);
  }

  @Query(() => PostalIntake, {
    nullable: true,
    description: 'Một hồ sơ gửi qua bưu chính: cho người gửi, cán bộ của cơ quan giải quyết thủ tục hoặc quản trị; null for anyone else',
  })
  async postalIntake(@Arg('id', () => ID) id: string, @Ctx() ctx: PostalIntakeContext): Promise<PostalIntake | null> {
    requireAuthenticated(ctx.principal);
    const row = await ctx.prisma.postalIntake.findUnique({ where: { id } });
    if (!row) return null;
    // Officials: the agency of the procedure as in force (the one the papers are sent to).
    const agencyCode = ctx.principal.role === 'OFFICIAL' ? ((await ctx.catalogue.get(row.procedureCode))?.agencyCode ?? '') : '';
    return canSeeDossier(ctx.principal, { applicantPersonalId: row.applicantPersonalId, agencyCode }) ? toPostalIntake(row) : null;
  }

  @FieldResolver(() => Dossier, { nullable: true, description: 'Hồ sơ được tiếp nhận khi bưu chính phát đến cơ quan' })
  async dossier(@Root() intake: PostalIntake, @Ctx() ctx: PostalIntakeContext): Promise<Dossier | null> {
    if (!intake.dossierCode) return null;
    const row = await ctx.loaders.dossierByCode.load(intake.dossierCode);
    return row && canSeeDossier(ctx.principal, row) ? toDossier(row) : null;
  }
}

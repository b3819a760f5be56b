import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { DossiersContext } from '../context';
import { Dossier } from '../dossier/dossier';
import { canSeeDossier } from '../dossier/dossier-access';
import { answerFeedback, feedbackOfDossiers, submitFeedback } from './dossier-feedback';
import { rateDossier, toRating } from './dossier-rating';
import { feedbackQueue } from './feedback-queue';
import {
  DossierFeedback,
  DossierFeedbackPage,
  DossierRating,
  FeedbackKind,
  FeedbackStatus,
  RateDossierInput,
  SubmitDossierFeedbackInput,
} from './feedback.types';

interface FeedbackLoaders {
  feedback: DataLoader<string, DossierFeedback[]>;
  rating: DataLoader<string, DossierRating | null>;
}

/** One set of loaders per request (the context is per request), without touching the shared context. */
const loadersByRequest = new WeakMap<DossiersContext, FeedbackLoaders>();

function loadersOf(ctx: DossiersContext): FeedbackLoaders {
  let loaders = loadersByRequest.get(ctx);
  if (!loaders) {
    loaders = {
      feedback: new DataLoader((ids) => feedbackOfDossiers(ctx.prisma, ids)),
      rating: new DataLoader(async (ids) => {
        const rows = await ctx.prisma.dossierRating.findMany({
          where: { dossierId: { in: [...ids] } },
          include: { dossier: { select: { code: true } } },
        });
        return ids.map((id) => {
          const row = rows.find((r) => r.dossierId === id);
          return row ? toRating(row, row.dossier.code) : null;
        });
      }),
    };
    loadersByRequest.set(ctx, loaders);
  }
  return loaders;
}

@Resolver(() => Dossier)
export class FeedbackResolver {
  @Mutation(() => DossierFeedback, { description: 'Gửi phản ánh, kiến nghị về hồ sơ (chỉ người nộp hồ sơ)' })
  submitDossierFeedback(@Arg('input') input: SubmitDossierFeedbackInput, @Ctx() ctx: DossiersContext): Promise<DossierFeedback> {
    return submitFeedback(ctx, ctx.principal, input);
  }

  @Mutation(() => DossierFeedback, { description: 'Trả lời phản ánh, kiến nghị (cán bộ của cơ quan giải quyết hồ sơ), once' })
  answerDossierFeedback(
    @Arg('id', () => ID) id: string,
    @Arg('answer', { description: 'Nội dung trả lời, tối đa 4000 ký tự' }) answer: string,
    @Ctx() ctx: DossiersContext,
  ): Promise<DossierFeedback> {
    return answerFeedback(ctx, ctx.principal, id, answer);
  }

  @Query(() => DossierFeedbackPage, {
    description: 'Hàng đợi phản ánh, kiến nghị của cơ quan (officials: their agency; operators: any), oldest first',
  })
  dossierFeedbackQueue(
    @Ctx() ctx: DossiersContext,
    @Arg('agencyCode', () => String, { nullable: true, description: 'Mã cơ quan; officials: only their own (default)' })
    agencyCode?: string | null,
    @Arg('kind', () => FeedbackKind, { nullable: true }) kind?: FeedbackKind | null,
    @Arg('status', () => FeedbackStatus, { defaultValue: FeedbackStatus.OPEN }) status?: FeedbackStatus,
    @Arg('first', () => Int, { defaultValue: 50, description: '1–200' }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<DossierFeedbackPage> {
    return feedbackQueue(ctx.prisma, ctx.principal, { agencyCode, kind, status, first, after });
  }

  @Mutation(() => DossierRating, {
    description: 'Đánh giá mức độ hài lòng (1–5), một lần, khi hồ sơ đã có kết quả (DONE, RETURNED) hoặc không được tiếp nhận',
  })
  rateDossier(@Arg('input') input: RateDossierInput, @Ctx() ctx: DossiersContext): Promise<DossierRating> {
    return rateDossier(ctx, ctx.principal, input);
  }

  @FieldResolver(() => [DossierFeedback], { description: 'Phản ánh, kiến nghị về hồ sơ, oldest first' })
  async feedback(@Root() dossier: Dossier, @Ctx() ctx: DossiersContext): Promise<DossierFeedback[]> {
    if (!canSeeDossier(ctx.principal, dossier)) return [];
    return loadersOf(ctx).feedback.load(dossier.id);
  }

  @FieldResolver(() => DossierRating, { nullable: true, description: 'Đánh giá mức độ hài lòng của người nộp, nếu có' })
  async rating(@Root() dossier: Dossier, @Ctx() ctx: DossiersContext): Promise<DossierRating | null> {
    if (!canSeeDossier(ctx.principal, dossier)) return null;
    return loadersOf(ctx).rating.load(dossier.id);
  }
}

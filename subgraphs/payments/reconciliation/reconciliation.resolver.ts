/** Đối soát for operators: run one now, and read the latest runs. */
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { PaymentsContext } from '../context';
import { ReconciliationRun, toReconciliationRun } from './reconciliation-run';

/** Longest period one run may cover: a statement is fetched whole. @default 31 days */
const MAX_PERIOD_MS = 31 * 86_400_000;

function requireOperator(ctx: PaymentsContext): void {
  if (ctx.principal.role === 'ANONYMOUS') throw new LienthongError(ErrorCode.UNAUTHENTICATED);
  if (ctx.principal.role !== 'OPERATOR') {
    throw new LienthongError(ErrorCode.FORBIDDEN, { vi: 'Chỉ quản trị viên được đối soát.', en: 'Only operators may reconcile payments.' });
  }
}

@Resolver(() => ReconciliationRun)
export class ReconciliationResolver {
  @Mutation(() => ReconciliationRun, {
    description: "Compares the provider's statement over [from, to) with the hub's payments and stores the mismatches; changes no payment",
  })
  async runReconciliation(@Arg('from') from: Date, @Arg('to') to: Date, @Ctx() ctx: PaymentsContext): Promise<ReconciliationRun> {
    requireOperator(ctx);
    if (!(from < to) || to.getTime() - from.getTime() > MAX_PERIOD_MS) {
      throw new LienthongError(ErrorCode.BAD_USER_INPUT, {
        vi: 'Khoảng thời gian đối soát phải có "from" trước "to" và không quá 31 ngày.',
        en: 'The period must have from before to and span at most 31 days.',
        details: { field: 'to' },
      });
    }
    return toReconciliationRun(await ctx.reconciler.run({ from, to, triggeredBy: ctx.principal.id }));
  }

  @Query(() => [ReconciliationRun], { description: 'The latest reconciliation runs, newest first' })
  async reconciliationRuns(
    @Arg('first', () => Int, { defaultValue: 20, description: 'At most 100' }) first: number,
    @Ctx() ctx: PaymentsContext,
  ): Promise<ReconciliationRun[]> {
    requireOperator(ctx);
    if (!Number.isInteger(first) || first < 1 || first > 100) {
      throw new LienthongError(ErrorCode.BAD_USER_INPUT, { en: 'first must be between 1 and 100.', vi: '"first" phải từ 1 đến 100.', details: { field: 'first' } });
    }
    const rows = await ctx.prisma.reconciliationRun.findMany({ orderBy: [{ startedAt: 'desc' }, { id: 'desc' }], take: first });
    return rows.map(toReconciliationRun);
  }
}

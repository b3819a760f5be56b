/**
 * Processing mutations (every one takes the `expectedVersion` the caller read and returns the
 * dossier as it now is) and an official's work queue.
 */
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { DossiersContext } from '../context';
import { Dossier } from '../dossier/dossier';
import { toDossier, type DossierRow } from '../dossier/dossier.mapper';
import { acceptDossier, completeStep, rejectDossier, stopDossier } from './processing-actions';
import { issueResult, returnResult } from './result-actions';
import { requestSupplement, submitSupplement, withdrawDossier } from './supplement-actions';
import { transferDossier } from './transfer';
import { workQueue } from './work-queue';
import { forgetDossier } from './workflow-loaders';
import { IssueResultInput, toDossierStep, TransferStepInput, WorkItem, WorkQueueConnection } from './workflow.types';

const VERSION = { description: 'Phiên bản hồ sơ đã đọc (optimistic concurrency): another → STALE_VERSION' };

function answer(ctx: DossiersContext, row: DossierRow): Dossier {
  forgetDossier(ctx, row);
  return toDossier(row);
}

@Resolver()
export class WorkflowResolver {
  @Mutation(() => Dossier, { description: 'Tiếp nhận hồ sơ (NEW → ACCEPTED): bộ phận một cửa hoàn thành bước tiếp nhận' })
  async acceptDossier(
    @Arg('code') code: string,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion: number,
    @Arg('nextStep', () => String, { nullable: true, description: 'Bước tiếp theo khi quy trình có nhiều lựa chọn' }) nextStep: string | null,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: DossiersContext,
  ): Promise<Dossier> {
    return answer(ctx, await acceptDossier(ctx, ctx.principal, { code, expectedVersion, nextStep, note }));
  }

  @Mutation(() => Dossier, { description: 'Không tiếp nhận hồ sơ (NEW → NOT_ACCEPTED), nêu rõ lý do' })
  async rejectDossier(
    @Arg('code') code: string,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion: number,
    @Arg('reason') reason: string,
    @Ctx() ctx: DossiersContext,
  ): Promise<Dossier> {
    return answer(ctx, await rejectDossier(ctx, ctx.principal, { code, expectedVersion, reason }));
  }

  @Mutation(() => Dossier, { description: 'Hoàn thành bước đang mở, chuyển bước tiếp theo (→ PROCESSING, or DONE at the result stage)' })
  async completeStep(
    @Arg('code') code: string,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion: number,
    @Arg('nextStep', () => String, { nullable: true, description: 'Bước tiếp theo khi quy trình có nhiều lựa chọn' }) nextStep: string | null,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: DossiersContext,
  ): Promise<Dossier> {
    return answer(ctx, await completeStep(ctx, ctx.principal, { code, expectedVersion, nextStep, note }));
  }

  @Mutation(() => Dossier, { description: 'Yêu cầu bổ sung hồ sơ: tạm dừng tính thời gian (→ SUPPLEMENT_REQUESTED)' })
  async requestSupplement(
    @Arg('code') code: string,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion: number,
    @Arg('reason') reason: string,
    @Arg('items', () => [String], { description: 'Thành phần, nội dung cần bổ sung' }) items: string[],
    @Ctx() ctx: DossiersContext,
  ): Promise<Dossier> {
    return answer(ctx, await requestSupplement(ctx, ctx.principal, { code, expectedVersion, reason, items }));
  }

  @Mutation(() => Dossier, { description: 'Công dân bổ sung hồ sơ: trở lại trạng thái trước, ngày hẹn lùi theo thời gian tạm dừng' })
  async submitSupplement(
    @Arg('code') code: string,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion: number,
    @Arg('formData', () => GraphQLJSONObject, { nullable: true, description: 'Các trường tờ khai sửa đổi (merged over the form)' })
    formData: Record<string, unknown> | null,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: DossiersContext,
  ): Promise<Dossier> {
    return answer(ctx, await submitSupplement(ctx, ctx.principal, { code, expectedVersion, formData, note }));
  }

  @Mutation(() => Dossier, { description: 'Công dân rút hồ sơ (→ WITHDRAWN)' })
  async withdrawDossier(
    @Arg('code') code: string,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion: number,
    @Arg('reason') reason: string,
    @Ctx() ctx: DossiersContext,
  ): Promise<Dossier> {
    return answer(ctx, await withdrawDossier(ctx, ctx.principal, { code, expectedVersion, reason }));
  }

  @Mutation(() => Dossier, { description: 'Dừng xử lý hồ sơ (→ STOPPED), nêu rõ lý do' })
  async stopDossier(
    @Arg('code') code: string,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion: number,
    @Arg('reason') reason: string,
    @Ctx() ctx: DossiersContext,
  ): Promise<Dossier> {
    return answer(ctx, await stopDossier(ctx, ctx.principal, { code, expectedVersion, reason }));
  }

  @Mutation(() => Dossier, { description: 'Chuyển hồ sơ liên thông sang cơ quan phối hợp (một cửa liên thông)' })
  async transferDossier(
    @Arg('code') code: string,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion: number,
    @Arg('toAgencyCode', { description: 'Mã định danh cơ quan phối hợp' }) toAgencyCode: string,
    @Arg('steps', () => [TransferStepInput], { nullable: true, description: 'Các bước của cơ quan phối hợp; mặc định một bước 3 ngày làm việc' })
    steps: TransferStepInput[] | null,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: DossiersContext,
  ): Promise<Dossier> {
    return answer(ctx, await transferDossier(ctx, ctx.principal, { code, expectedVersion, toAgencyCode, steps, note }));
  }

  @Mutation(() => Dossier, { description: 'Ban hành kết quả giải quyết điện tử (lãnh đạo cơ quan hoặc văn thư), khi đang xử lý' })
  async issueResult(
    @Arg('code') code: string,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion: number,
    @Arg('input', () => IssueResultInput) input: IssueResultInput,
    @Ctx() ctx: DossiersContext,
  ): Promise<Dossier> {
    return answer(ctx, await issueResult(ctx, ctx.principal, { code, expectedVersion, ...input }));
  }

  @Mutation(() => Dossier, { description: 'Trả kết quả tại bộ phận một cửa hoặc trực tuyến (DONE → RETURNED)' })
  async returnResult(
    @Arg('code') code: string,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion: number,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: DossiersContext,
  ): Promise<Dossier> {
    return answer(ctx, await returnResult(ctx, ctx.principal, { code, expectedVersion, note }));
  }

  @Query(() => WorkQueueConnection, { description: 'Hàng đợi công việc của cán bộ: các bước đang mở thuộc vai trò của mình' })
  async myWorkQueue(
    @Arg('first', () => Int, { nullable: true, description: 'Số việc mỗi trang (1–100). @default 20' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Con trỏ của việc cuối trang trước' }) after: string | null,
    @Ctx() ctx: DossiersContext,
  ): Promise<WorkQueueConnection> {
    const page = await workQueue(ctx.prisma, ctx.principal, { first, after });
    return Object.assign(new WorkQueueConnection(), {
      edges: page.items.map(({ cursor, step, dossier }) => ({
        cursor,
        node: Object.assign(new WorkItem(), { step: toDossierStep(step), dossier: toDossier(dossier) }),
      })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      totalCount: page.totalCount,
    });
  }
}

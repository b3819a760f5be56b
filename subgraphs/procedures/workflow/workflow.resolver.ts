/** Queries and the mutation of procedure workflows (quy trình nội bộ). */
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { procedureNotFound } from '../catalogue/procedure-catalogue';
import type { ProcedureRecord } from '../catalogue/procedure-record';
import type { ProceduresContext } from '../context';
import { requireDefinitionEditor, requireEditorRole } from './definition-editing';
import { processingWorkingHours } from './processing-time';
import { fromWorkflowInput, toWorkflowDefinitionInfo, WorkflowDefinitionInfo, WorkflowInput } from './workflow';
import { requireWorkflowDefinition } from './workflow-definition';
import { latestWorkflowLoader } from './workflow-loader';
import { listWorkflowVersions, loadWorkflow, saveWorkflow } from './workflow-store';

async function requireProcedure(ctx: ProceduresContext, code: string): Promise<ProcedureRecord> {
  const record = await ctx.loaders.procedureByCode.load(code);
  if (!record) throw procedureNotFound(code);
  return record;
}

@Resolver(() => WorkflowDefinitionInfo)
export class WorkflowResolver {
  @Query(() => WorkflowDefinitionInfo, {
    nullable: true,
    description: 'Quy trình xử lý của thủ tục: phiên bản mới nhất khi không nêu version; null khi chưa có. Errors: PROCEDURE_NOT_FOUND',
  })
  async workflow(
    @Arg('procedureCode') procedureCode: string,
    @Arg('version', () => Int, { nullable: true }) version: number | null | undefined,
    @Ctx() ctx: ProceduresContext,
  ): Promise<WorkflowDefinitionInfo | null> {
    await requireProcedure(ctx, procedureCode);
    const stored =
      version == null ? await latestWorkflowLoader(ctx).load(procedureCode) : await loadWorkflow(ctx.prisma, procedureCode, version);
    return stored ? toWorkflowDefinitionInfo(stored) : null;
  }

  @Query(() => [WorkflowDefinitionInfo], {
    description: 'Mọi phiên bản quy trình của thủ tục, cũ trước. Errors: PROCEDURE_NOT_FOUND',
  })
  async workflowVersions(
    @Arg('procedureCode') procedureCode: string,
    @Ctx() ctx: ProceduresContext,
  ): Promise<WorkflowDefinitionInfo[]> {
    await requireProcedure(ctx, procedureCode);
    return (await listWorkflowVersions(ctx.prisma, procedureCode)).map(toWorkflowDefinitionInfo);
  }

  @Mutation(() => WorkflowDefinitionInfo, {
    description:
      'Định nghĩa quy trình mới cho thủ tục (phiên bản = cuối + 1). Quản trị hệ thống hoặc cán bộ cơ quan thực hiện. ' +
      'Errors: UNAUTHENTICATED, FORBIDDEN, PROCEDURE_NOT_FOUND, INVALID_WORKFLOW (details.problems), CONFLICT',
  })
  async defineWorkflow(
    @Arg('procedureCode') procedureCode: string,
    @Arg('input', () => WorkflowInput) input: WorkflowInput,
    @Ctx() ctx: ProceduresContext,
  ): Promise<WorkflowDefinitionInfo> {
    requireEditorRole(ctx.principal);
    const procedure = await requireProcedure(ctx, procedureCode);
    requireDefinitionEditor(ctx.principal, procedure);
    const definition = requireWorkflowDefinition(fromWorkflowInput(input), {
      maxWorkingHours: processingWorkingHours(procedure),
    });
    const stored = await saveWorkflow(ctx.prisma, procedureCode, definition, ctx.principal.id);
    latestWorkflowLoader(ctx).clear(procedureCode).prime(procedureCode, stored);
    return toWorkflowDefinitionInfo(stored);
  }
}

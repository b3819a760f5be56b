/** Queries and the mutation of versioned e-form definitions (biểu mẫu điện tử, seed 003). */
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { procedureNotFound } from '../catalogue/procedure-catalogue';
import type { ProcedureRecord } from '../catalogue/procedure-record';
import type { ProceduresContext } from '../context';
import { requireDefinitionEditor, requireEditorRole } from '../workflow/definition-editing';
import { requireEFormDefinition } from './e-form-definition';
import { fromEFormInput, toEFormDefinitionInfo, EFormDefinitionInfo, EFormInput } from './e-form-definition-info';
import { listEFormVersions, loadEFormDefinition, saveEFormDefinition } from './e-form-definition-store';

async function requireProcedure(ctx: ProceduresContext, code: string): Promise<ProcedureRecord> {
  const record = await ctx.loaders.procedureByCode.load(code);
  if (!record) throw procedureNotFound(code);
  return record;
}

@Resolver(() => EFormDefinitionInfo)
export class EFormDefinitionResolver {
  @Query(() => [EFormDefinitionInfo], {
    description: 'Mọi phiên bản biểu mẫu điện tử đã định nghĩa cho thủ tục, cũ trước. Errors: PROCEDURE_NOT_FOUND',
  })
  async eFormVersions(
    @Arg('procedureCode') procedureCode: string,
    @Ctx() ctx: ProceduresContext,
  ): Promise<EFormDefinitionInfo[]> {
    await requireProcedure(ctx, procedureCode);
    return (await listEFormVersions(ctx.prisma, procedureCode)).map(toEFormDefinitionInfo);
  }

  @Query(() => EFormDefinitionInfo, {
    nullable: true,
    description: 'Một phiên bản biểu mẫu điện tử; null khi không có. Errors: PROCEDURE_NOT_FOUND',
  })
  async eFormDefinition(
    @Arg('procedureCode') procedureCode: string,
    @Arg('version', () => Int) version: number,
    @Ctx() ctx: ProceduresContext,
  ): Promise<EFormDefinitionInfo | null> {
    await requireProcedure(ctx, procedureCode);
    const stored = await loadEFormDefinition(ctx.prisma, procedureCode, version);
    return stored ? toEFormDefinitionInfo(stored) : null;
  }

  @Mutation(() => EFormDefinitionInfo, {
    description:
      'Định nghĩa biểu mẫu điện tử mới (phiên bản = cuối + 1) và áp dụng ngay cho thủ tục (Procedure.eForm). ' +
      'Quản trị hệ thống hoặc cán bộ cơ quan thực hiện. ' +
      'Errors: UNAUTHENTICATED, FORBIDDEN, PROCEDURE_NOT_FOUND, INVALID_EFORM (details.problems), CONFLICT',
  })
  async defineEForm(
    @Arg('procedureCode') procedureCode: string,
    @Arg('input', () => EFormInput) input: EFormInput,
    @Ctx() ctx: ProceduresContext,
  ): Promise<EFormDefinitionInfo> {
    requireEditorRole(ctx.principal);
    const procedure = await requireProcedure(ctx, procedureCode);
    requireDefinitionEditor(ctx.principal, procedure);
    const form = requireEFormDefinition(fromEFormInput(input));
    const stored = await saveEFormDefinition(ctx.prisma, procedureCode, form, ctx.principal.id);
    // The cached record still holds the previous e-form; later reads in this request must not see it.
    ctx.loaders.procedureByCode.clear(procedureCode);
    return toEFormDefinitionInfo(stored);
  }
}

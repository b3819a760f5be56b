/** The e-form prefill query; the values themselves come from the citizens subgraph. */
import { Args, ArgsType, Ctx, Field, Query, Resolver } from 'type-graphql';
import { procedureNotFound } from '../catalogue/procedure-catalogue';
import type { ProceduresContext } from '../context';
import { FormPrefill } from './form-prefill';
import { toFormPrefill } from './form-prefill.mapper';

@ArgsType()
export class PrefillFormArgs {
  @Field({ description: 'Mã thủ tục' })
  procedureCode!: string;

  @Field({ description: 'Số định danh cá nhân (12 chữ số)' })
  personalId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Mã số doanh nghiệp (10 chữ số, hoặc 13 với mã chi nhánh) khi thủ tục dành cho tổ chức (for organization.* fields)',
  })
  taxCode?: string | null;
}

@Resolver(() => FormPrefill)
export class FormPrefillResolver {
  @Query(() => FormPrefill, {
    description: 'Tờ khai của thủ tục, điền sẵn dữ liệu của công dân; mã thủ tục không có → PROCEDURE_NOT_FOUND',
  })
  async prefillForm(
    @Args() { procedureCode, personalId, taxCode }: PrefillFormArgs,
    @Ctx() ctx: ProceduresContext,
  ): Promise<FormPrefill> {
    const record = await ctx.loaders.procedureByCode.load(procedureCode);
    if (!record) throw procedureNotFound(procedureCode);
    return toFormPrefill(record, personalId, taxCode ?? null);
  }
}

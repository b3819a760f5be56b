/** Queries of the procedure catalogue. */
import { Arg, Args, ArgsType, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import { procedureNotFound } from '../catalogue/procedure-catalogue';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../catalogue/procedure-search';
import { ProcedureSubject } from '../catalogue/procedure-record';
import type { ProceduresContext } from '../context';
import { Procedure } from './procedure';
import { ProcedureConnection } from './procedure-connection';
import { toProcedure, toProcedureConnection } from './procedure.mapper';

@ArgsType()
export class ProceduresArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Từ khóa, có hoặc không dấu; mọi từ phải khớp (words, with or without diacritics; all must match)',
  })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Mã định danh điện tử của cơ quan thực hiện' })
  agencyCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Mã lĩnh vực' })
  fieldCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'Mức độ dịch vụ công trực tuyến (1–4)' })
  onlineLevel?: number | null;

  @Field(() => ProcedureSubject, { nullable: true, description: 'Đối tượng thực hiện' })
  subject?: ProcedureSubject | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `Số thủ tục mỗi trang (page size, 1–${MAX_PAGE_SIZE})`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Con trỏ của phần tử cuối trang trước (cursor)' })
  after?: string | null;
}

@Resolver(() => Procedure)
export class ProcedureResolver {
  @Query(() => ProcedureConnection, {
    description: 'Tra cứu thủ tục hành chính: tìm không dấu, lọc theo cơ quan, lĩnh vực, mức độ, đối tượng',
  })
  async procedures(@Args() args: ProceduresArgs, @Ctx() ctx: ProceduresContext): Promise<ProcedureConnection> {
    const page = await ctx.catalogue.search(args);
    // Nested references to these procedures later in the request need no further query.
    for (const edge of page.edges) ctx.loaders.procedureByCode.prime(edge.node.code, edge.node);
    return toProcedureConnection(page);
  }

  @Query(() => Procedure, { description: 'Một thủ tục theo mã quốc gia; mã không có → PROCEDURE_NOT_FOUND' })
  async procedure(
    @Arg('code', { description: 'Mã thủ tục, e.g. 1.001193' }) code: string,
    @Ctx() ctx: ProceduresContext,
  ): Promise<Procedure> {
    const record = await ctx.loaders.procedureByCode.load(code);
    if (!record) throw procedureNotFound(code);
    return toProcedure(record);
  }
}

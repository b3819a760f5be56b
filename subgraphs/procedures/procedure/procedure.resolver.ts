/** Queries and mutations of the procedure catalogue. */
import { GraphQLDate } from 'graphql-scalars';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { dateToDay } from '../catalogue/local-date';
import { invalidProcedureCode, isProcedureCode, procedureNotFound } from '../catalogue/procedure-catalogue';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../catalogue/procedure-search';
import { ProcedureSubject } from '../catalogue/procedure-record';
import type { ProceduresContext } from '../context';
import { Procedure } from './procedure';
import { ProcedureAgencies, resolveAgencies } from './procedure-agencies';
import { ProcedureConnection } from './procedure-connection';
import { ProcedureInput } from './procedure-input.types';
import { publishProcedureInput } from './procedure-publication';
import { ProcedureVersionInfo } from './procedure-version-info';
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

@ArgsType()
export class ProcedureArgs {
  @Field({ description: 'Mã thủ tục, e.g. 1.001193' })
  code!: string;

  @Field(() => GraphQLDate, { nullable: true, description: 'Ngày cần tra phiên bản có hiệu lực (YYYY-MM-DD); mặc định hôm nay' })
  at?: Date | null;
}

@ArgsType()
export class PublishProcedureArgs {
  @Field(() => ProcedureInput)
  input!: ProcedureInput;

  @Field(() => GraphQLDate, { description: 'Ngày bắt đầu hiệu lực (giờ Việt Nam); đến ngày đó phiên bản mới có hiệu lực' })
  effectiveFrom!: Date;
}

function checkCode(code: string): void {
  if (!isProcedureCode(code)) throw invalidProcedureCode(code);
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

  @Query(() => Procedure, {
    description:
      'Một thủ tục theo mã quốc gia: phiên bản đang hiệu lực, hoặc phiên bản hiệu lực vào ngày `at`. ' +
      'Errors: INVALID_PROCEDURE_CODE, PROCEDURE_NOT_FOUND',
  })
  async procedure(@Args() { code, at }: ProcedureArgs, @Ctx() ctx: ProceduresContext): Promise<Procedure> {
    checkCode(code);
    const record = at ? await ctx.catalogue.getAt(code, dateToDay(at)) : await ctx.loaders.procedureByCode.load(code);
    if (!record) throw procedureNotFound(code, at ? { at: dateToDay(at) } : {});
    return toProcedure(record);
  }

  @Query(() => [ProcedureVersionInfo], { description: 'Các phiên bản đã công bố của thủ tục, cũ trước mới sau' })
  async procedureVersions(@Arg('code') code: string, @Ctx() ctx: ProceduresContext): Promise<ProcedureVersionInfo[]> {
    checkCode(code);
    return ctx.catalogue.versions(code);
  }

  @Mutation(() => Procedure, {
    description:
      'Công bố phiên bản mới của thủ tục, hiệu lực từ effectiveFrom (OPERATOR). ' +
      'Errors: UNAUTHENTICATED, FORBIDDEN, INVALID_PROCEDURE_CODE, BAD_USER_INPUT, AGENCY_NOT_FOUND, FIELD_NOT_FOUND',
  })
  async publishProcedure(@Args() { input, effectiveFrom }: PublishProcedureArgs, @Ctx() ctx: ProceduresContext): Promise<Procedure> {
    return toProcedure(await publishProcedureInput(input, effectiveFrom, ctx));
  }

  @FieldResolver(() => ProcedureAgencies, { description: 'Cơ quan thực hiện: quyết định, được ủy quyền, phối hợp' })
  agencies(@Root() procedure: Procedure, @Ctx() ctx: ProceduresContext): Promise<ProcedureAgencies> {
    return resolveAgencies(procedure, ctx);
  }
}

/** Queries of the administrative units; answered from the in-memory directory (no N+1 on `province`). */
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { ProceduresContext } from '../context';
import { AdministrativeUnit, AdministrativeUnitConnection } from './administrative-unit';
import { AdministrativeUnitDirectory } from './administrative-unit-directory';
import { DEFAULT_UNIT_PAGE_SIZE, MAX_UNIT_PAGE_SIZE, queryAdministrativeUnits, unitNotFound } from './administrative-unit-query';
import { toAdministrativeUnit, toAdministrativeUnitConnection } from './administrative-unit.mapper';
import { AdministrativeUnitKind } from './shipped-units';

@ArgsType()
class UnitPageArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_UNIT_PAGE_SIZE, description: `Số đơn vị mỗi trang (1–${MAX_UNIT_PAGE_SIZE})` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Con trỏ của phần tử cuối trang trước (cursor)' })
  after?: string | null;
}

@ArgsType()
class AdministrativeUnitsArgs extends UnitPageArgs {
  @Field(() => String, { nullable: true, description: 'Chỉ các xã, phường, đặc khu của tỉnh/thành phố này' })
  provinceCode?: string | null;

  @Field(() => AdministrativeUnitKind, { nullable: true, description: 'Chỉ một cấp' })
  kind?: AdministrativeUnitKind | null;

  @Field(() => String, { nullable: true, description: 'Từ khóa, có hoặc không dấu (e.g. "ba dinh")' })
  search?: string | null;
}

@Resolver(() => AdministrativeUnit)
export class AdministrativeUnitResolver {
  @Query(() => AdministrativeUnitConnection, {
    description: 'Danh mục đơn vị hành chính (34 tỉnh, thành phố; 3.321 xã, phường, đặc khu): lọc, tìm không dấu, phân trang',
  })
  async administrativeUnits(@Args() args: AdministrativeUnitsArgs, @Ctx() ctx: ProceduresContext): Promise<AdministrativeUnitConnection> {
    const index = await AdministrativeUnitDirectory.for(ctx.prisma).index();
    return toAdministrativeUnitConnection(queryAdministrativeUnits(index, args));
  }

  @Query(() => AdministrativeUnit, { description: 'Một đơn vị hành chính theo mã; mã không có → ADMINISTRATIVE_UNIT_NOT_FOUND' })
  async administrativeUnit(
    @Arg('code', { description: 'Mã đơn vị hành chính, e.g. 01 hoặc 00004' }) code: string,
    @Ctx() ctx: ProceduresContext,
  ): Promise<AdministrativeUnit> {
    const unit = await AdministrativeUnitDirectory.for(ctx.prisma).get(code);
    if (!unit) throw unitNotFound(code);
    return toAdministrativeUnit(unit);
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true, description: 'Tỉnh, thành phố của một xã; null cho cấp tỉnh' })
  async province(@Root() unit: AdministrativeUnit, @Ctx() ctx: ProceduresContext): Promise<AdministrativeUnit | null> {
    if (!unit.provinceCode) return null;
    const province = await AdministrativeUnitDirectory.for(ctx.prisma).get(unit.provinceCode);
    return province ? toAdministrativeUnit(province) : null;
  }

  @FieldResolver(() => AdministrativeUnitConnection, { description: 'Các xã, phường, đặc khu của một tỉnh; rỗng cho cấp xã' })
  async communes(@Root() unit: AdministrativeUnit, @Args() args: UnitPageArgs, @Ctx() ctx: ProceduresContext): Promise<AdministrativeUnitConnection> {
    if (unit.kind !== AdministrativeUnitKind.PROVINCE) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
    const index = await AdministrativeUnitDirectory.for(ctx.prisma).index();
    return toAdministrativeUnitConnection(queryAdministrativeUnits(index, { ...args, provinceCode: unit.code, kind: AdministrativeUnitKind.COMMUNE }));
  }
}

/** Queries and mutations of the agencies catalogue, and the list of fields (lĩnh vực). */
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ProceduresContext } from '../context';
import { AdministrativeUnit } from './administrative-unit';
import { AdministrativeUnitDirectory } from './administrative-unit-directory';
import { toAdministrativeUnit } from './administrative-unit.mapper';
import { Agency, AgencyInput, ProcedureFieldInfo } from './agency';
import { listAgencies, requireAgency, upsertAgency } from './agency-store';
import { toAgency } from './agency.mapper';
import { requireCatalogueOperator } from './catalogue-access';

async function unitOrNull(ctx: ProceduresContext, code: string | null): Promise<AdministrativeUnit | null> {
  if (!code) return null;
  const unit = await AdministrativeUnitDirectory.for(ctx.prisma).get(code);
  return unit ? toAdministrativeUnit(unit) : null;
}

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => [Agency], { description: 'Danh mục cơ quan thực hiện: lọc theo tỉnh, cấp, tìm theo tên (có hoặc không dấu)' })
  async agencies(
    @Arg('provinceCode', () => String, { nullable: true, description: 'Mã tỉnh, thành phố' }) provinceCode: string | null,
    @Arg('level', () => String, { nullable: true, description: 'CENTRAL, PROVINCE hoặc COMMUNE' }) level: string | null,
    @Arg('search', () => String, { nullable: true, description: 'Từ khóa trong tên hoặc mã' }) search: string | null,
    @Ctx() ctx: ProceduresContext,
  ): Promise<Agency[]> {
    return (await listAgencies(ctx.prisma, { provinceCode, level, search })).map(toAgency);
  }

  @Query(() => Agency, { description: 'Một cơ quan theo mã định danh; mã không có → AGENCY_NOT_FOUND' })
  async agency(@Arg('code', { description: 'Mã định danh điện tử, e.g. 000.00.12.H26' }) code: string, @Ctx() ctx: ProceduresContext): Promise<Agency> {
    return toAgency(await requireAgency(ctx.prisma, code));
  }

  @Query(() => [ProcedureFieldInfo], { description: 'Danh mục lĩnh vực thủ tục hành chính' })
  async procedureFields(@Ctx() ctx: ProceduresContext): Promise<ProcedureFieldInfo[]> {
    return ctx.prisma.procedureField.findMany({ orderBy: { code: 'asc' } });
  }

  @Mutation(() => Agency, { description: 'Thêm hoặc sửa một cơ quan (chỉ cán bộ vận hành)' })
  async upsertAgency(@Arg('input', () => AgencyInput) input: AgencyInput, @Ctx() ctx: ProceduresContext): Promise<Agency> {
    requireCatalogueOperator(ctx.principal, { vi: 'sửa danh mục cơ quan', en: 'edit the agencies catalogue' });
    return toAgency(await upsertAgency(ctx.prisma, input));
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true, description: 'Tỉnh, thành phố của cơ quan' })
  province(@Root() agency: Agency, @Ctx() ctx: ProceduresContext): Promise<AdministrativeUnit | null> {
    return unitOrNull(ctx, agency.provinceCode);
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true, description: 'Xã, phường của cơ quan cấp xã' })
  commune(@Root() agency: Agency, @Ctx() ctx: ProceduresContext): Promise<AdministrativeUnit | null> {
    return unitOrNull(ctx, agency.communeCode);
  }
}

/** What intake records beyond the Dossier type's own fields: case, subject, return, legacy origin. */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { DossiersContext } from '../context';
import { Dossier } from '../dossier/dossier';
import { dossierNotFound } from '../dossier/dossier-access';
import type { DossierRow } from '../dossier/dossier.mapper';
import { ReturnMethod } from './return-method';

/** The stored row behind a Dossier the caller already reached (and so may see). */
async function rowOf(dossier: Dossier, ctx: DossiersContext): Promise<DossierRow> {
  const row = await ctx.loaders.dossierByCode.load(dossier.code);
  if (!row) throw dossierNotFound(dossier.code);
  return row;
}

@Resolver(() => Dossier)
export class DossierIntakeFieldsResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Mã trường hợp giải quyết; null for the default case' })
  async caseCode(@Root() dossier: Dossier, @Ctx() ctx: DossiersContext): Promise<string | null> {
    return (await rowOf(dossier, ctx)).caseCode;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Mã số doanh nghiệp của tổ chức được nộp hồ sơ cho, nếu có' })
  async subjectTaxCode(@Root() dossier: Dossier, @Ctx() ctx: DossiersContext): Promise<string | null> {
    return (await rowOf(dossier, ctx)).subjectTaxCode;
  }

  @FieldResolver(() => ReturnMethod, { description: 'Hình thức nhận kết quả' })
  async returnMethod(@Root() dossier: Dossier, @Ctx() ctx: DossiersContext): Promise<ReturnMethod> {
    return (await rowOf(dossier, ctx)).returnMethod as ReturnMethod;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Địa chỉ bưu chính (nhận kết quả; người gửi of a postal dossier)' })
  async postalAddress(@Root() dossier: Dossier, @Ctx() ctx: DossiersContext): Promise<string | null> {
    return (await rowOf(dossier, ctx)).postalAddress;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Hệ thống đã cấp mã hồ sơ, for a legacy code kept as is; null for codes issued here' })
  async legacySystem(@Root() dossier: Dossier, @Ctx() ctx: DossiersContext): Promise<string | null> {
    return (await rowOf(dossier, ctx)).legacySystem;
  }
}

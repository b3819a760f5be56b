import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { DossiersContext } from '../context';
import { SubmitDossierInput } from '../intake/submit-dossier.input';
import { submitDossier } from '../intake/submit-dossier';
import { Dossier, DossierStatusChange } from './dossier';
import { canSeeDossier, dossierNotFound, requireAuthenticated } from './dossier-access';
import { toDossier, toStatusChange } from './dossier.mapper';
import { CitizenRef, ProcedureRef } from './stubs';

@Resolver(() => Dossier)
export class DossierResolver {
  @Query(() => Dossier, { description: 'Một hồ sơ, cho người nộp, cán bộ của cơ quan tiếp nhận hoặc quản trị' })
  async dossier(@Arg('code') code: string, @Ctx() ctx: DossiersContext): Promise<Dossier> {
    requireAuthenticated(ctx.principal);
    const row = await ctx.loaders.dossierByCode.load(code);
    if (!row || !canSeeDossier(ctx.principal, row)) throw dossierNotFound(code);
    return toDossier(row);
  }

  @Mutation(() => Dossier, { description: 'Nộp hồ sơ: cấp mã hồ sơ và ngày hẹn trả' })
  async submitDossier(@Arg('input') input: SubmitDossierInput, @Ctx() ctx: DossiersContext): Promise<Dossier> {
    return toDossier(await submitDossier(ctx, ctx.principal, input));
  }

  @FieldResolver(() => ProcedureRef, { description: 'Thủ tục của hồ sơ' })
  procedure(@Root() dossier: Dossier): ProcedureRef {
    return Object.assign(new ProcedureRef(), { code: dossier.procedureCode });
  }

  @FieldResolver(() => CitizenRef, { description: 'Người nộp hồ sơ' })
  applicant(@Root() dossier: Dossier): CitizenRef {
    return Object.assign(new CitizenRef(), { personalId: dossier.applicantPersonalId });
  }

  @FieldResolver(() => [DossierStatusChange], { description: 'Lịch sử trạng thái' })
  async history(@Root() dossier: Dossier, @Ctx() ctx: DossiersContext): Promise<DossierStatusChange[]> {
    return (await ctx.loaders.historyByDossierId.load(dossier.id)).map(toStatusChange);
  }
}

/**
 * Processing fields of `Dossier` (current step, step rows, handling agency, pause, result) and the
 * result's content, which only those who may see the dossier get.
 */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { DossiersContext } from '../context';
import { Dossier } from '../dossier/dossier';
import { canSeeDossier } from '../dossier/dossier-access';
import type { DossierRow } from '../dossier/dossier.mapper';
import { workflowLoaders } from './workflow-loaders';
import { handlingAgencyOf } from './workflow-access';
import { DossierResultInfo, DossierStepInfo, toDossierStep } from './workflow.types';

async function rowOf(dossier: Dossier, ctx: DossiersContext): Promise<DossierRow> {
  const row = await ctx.loaders.dossierByCode.load(dossier.code);
  if (!row) throw new Error(`dossier ${dossier.code} vanished`);
  return row;
}

@Resolver(() => Dossier)
export class DossierWorkflowFieldsResolver {
  @FieldResolver(() => DossierStepInfo, { nullable: true, description: 'Bước đang xử lý; null khi không có bước mở (finished, or between steps)' })
  async currentStep(@Root() dossier: Dossier, @Ctx() ctx: DossiersContext): Promise<DossierStepInfo | null> {
    const steps = await workflowLoaders(ctx).stepsByDossierId.load(dossier.id);
    // Open: neither closed nor merely planned (see step-rows.ts).
    const open = steps.filter((s) => s.completedAt === null && s.outcome === null).at(-1);
    return open ? toDossierStep(open) : null;
  }

  @FieldResolver(() => [DossierStepInfo], { description: 'Các bước xử lý, theo thứ tự (planned transfer steps included)' })
  async steps(@Root() dossier: Dossier, @Ctx() ctx: DossiersContext): Promise<DossierStepInfo[]> {
    return (await workflowLoaders(ctx).stepsByDossierId.load(dossier.id)).map(toDossierStep);
  }

  @FieldResolver(() => String, { description: 'Cơ quan đang xử lý (the receiving agency unless transferred, một cửa liên thông)' })
  async handlingAgencyCode(@Root() dossier: Dossier, @Ctx() ctx: DossiersContext): Promise<string> {
    return handlingAgencyOf(await rowOf(dossier, ctx));
  }

  @FieldResolver(() => Boolean, { description: 'Tạm dừng tính thời gian (chờ công dân bổ sung hồ sơ)' })
  async paused(@Root() dossier: Dossier, @Ctx() ctx: DossiersContext): Promise<boolean> {
    return (await rowOf(dossier, ctx)).pausedAt !== null;
  }

  @FieldResolver(() => DossierResultInfo, { nullable: true, description: 'Kết quả giải quyết điện tử; null until issued' })
  async result(@Root() dossier: Dossier, @Ctx() ctx: DossiersContext): Promise<DossierResultInfo | null> {
    const row = await workflowLoaders(ctx).resultByDossierId.load(dossier.id);
    return row ? Object.assign(new DossierResultInfo(), row) : null;
  }
}

@Resolver(() => DossierResultInfo)
export class DossierResultResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Nội dung tệp (base64): for the applicant and officials who may see the dossier' })
  async contentBase64(@Root() result: DossierResultInfo, @Ctx() ctx: DossiersContext): Promise<string | null> {
    const dossier = await ctx.prisma.dossier.findUnique({ where: { id: result.dossierId } });
    if (!dossier || !canSeeDossier(ctx.principal, dossier)) return null;
    const row = await ctx.prisma.dossierResult.findUnique({ where: { dossierId: result.dossierId }, select: { content: true } });
    return row ? Buffer.from(row.content).toString('base64') : null;
  }
}


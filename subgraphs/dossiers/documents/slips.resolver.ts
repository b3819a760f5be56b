/** `Dossier.receiptSlip` and `Dossier.appointmentSlip`: rendered on demand from stored facts. */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { DossiersContext } from '../context';
import { Dossier } from '../dossier/dossier';
import { canSeeDossier, dossierNotFound } from '../dossier/dossier-access';
import type { DossierRow } from '../dossier/dossier.mapper';
import { renderAppointmentSlip, renderReceiptSlip } from './dossier-slips';
import { PdfDocument, toPdfDocument } from '../../shared/documents/pdf-document';
import { slipFactsOf } from './slip-facts';

/** A file name safe everywhere: a legacy code may carry slashes. */
const fileNameOf = (prefix: string, code: string) => `${prefix}-${code.replace(/[^A-Za-z0-9.-]/g, '_')}.pdf`;

@Resolver(() => Dossier)
export class DossierSlipsResolver {
  @FieldResolver(() => PdfDocument, { description: 'Phiếu tiếp nhận hồ sơ (PDF): what was received, when, under which code' })
  async receiptSlip(@Root() dossier: Dossier, @Ctx() ctx: DossiersContext): Promise<PdfDocument> {
    const row = await visibleRow(dossier, ctx);
    return toPdfDocument(fileNameOf('phieu-tiep-nhan', row.code), await renderReceiptSlip(await slipFactsOf(ctx, row)));
  }

  @FieldResolver(() => PdfDocument, { description: 'Phiếu hẹn trả kết quả (PDF): appointment date and time, return method' })
  async appointmentSlip(@Root() dossier: Dossier, @Ctx() ctx: DossiersContext): Promise<PdfDocument> {
    const row = await visibleRow(dossier, ctx);
    return toPdfDocument(fileNameOf('phieu-hen-tra', row.code), await renderAppointmentSlip(await slipFactsOf(ctx, row)));
  }
}

/** Read fresh, not from the request's loader: a mutation in the same request may have moved the appointment. */
async function visibleRow(dossier: Dossier, ctx: DossiersContext): Promise<DossierRow> {
  const row = await ctx.prisma.dossier.findUnique({ where: { code: dossier.code } });
  if (!row || !canSeeDossier(ctx.principal, row)) throw dossierNotFound(dossier.code);
  return row;
}

/**
 * The stored facts a dossier's slips are drawn from: the dossier row, the procedure version it was
 * filed under (name, agency, components, reception place) and the files received at intake — those
 * uploaded with the first history entry, not later additions, so a slip never changes once issued.
 */
import type { ProcedureCatalogue } from '../../procedures';
import type { PrismaClient } from '../../shared/storage/database';
import type { SubmissionChannel } from '../dossier/dossier-status';
import type { DossierRow } from '../dossier/dossier.mapper';
import { AttachmentKind } from '../files/attachment';
import type { ReturnMethod } from '../intake/return-method';
import type { SlipFacts } from './dossier-slips';

export interface SlipSources {
  prisma: PrismaClient;
  catalogue: ProcedureCatalogue;
}

/** Who the slip names: the declared full name (hoTen), else the personal id. */
function applicantNameOf(row: DossierRow): string {
  const formData = row.formData as Record<string, unknown> | null;
  const name = formData?.hoTen;
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : row.applicantPersonalId;
}

export async function slipFactsOf(sources: SlipSources, row: DossierRow): Promise<SlipFacts> {
  const { prisma, catalogue } = sources;
  const [procedure, intake] = await Promise.all([
    catalogue.requireVersion(row.procedureCode, row.procedureVersion),
    prisma.dossierStatusChange.findFirst({ where: { dossierId: row.id }, orderBy: { id: 'asc' }, select: { at: true } }),
  ]);
  const files = await prisma.dossierAttachment.findMany({
    where: { dossierId: row.id, kind: AttachmentKind.APPLICATION, uploadedAt: { lte: intake?.at ?? row.receivedAt } },
    select: { id: true, componentName: true, fileName: true, sizeBytes: true },
  });
  // The procedure's order of components, then file names: the same order on every rendering.
  const order = new Map(procedure.details.components.map((c, i) => [c.name, i]));
  const rank = (name: string | null) => (name === null ? Number.MAX_SAFE_INTEGER : (order.get(name) ?? order.size));
  files.sort((a, b) => rank(a.componentName) - rank(b.componentName) || a.fileName.localeCompare(b.fileName, 'vi') || a.id.localeCompare(b.id));
  const place = procedure.details.receptionPlaces[0];
  return {
    code: row.code,
    legacySystem: row.legacySystem,
    agencyName: procedure.agencyName,
    procedureCode: procedure.code,
    procedureName: procedure.name,
    procedureVersion: procedure.version,
    applicantName: applicantNameOf(row),
    applicantPersonalId: row.applicantPersonalId,
    subjectTaxCode: row.subjectTaxCode,
    channel: row.channel as SubmissionChannel,
    returnMethod: row.returnMethod as ReturnMethod,
    postalAddress: row.postalAddress,
    receivedAt: row.receivedAt,
    appointmentAt: row.appointmentAt,
    components: files.map(({ componentName, fileName, sizeBytes }) => ({ componentName, fileName, sizeBytes })),
    ...(place ? { receptionPlace: { place: place.place, hours: place.hours, ...(place.address ? { address: place.address } : {}) } } : {}),
  };
}

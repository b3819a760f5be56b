/**
 * Files added after intake (`addDossierAttachments`): by the applicant or an official of the agency
 * receiving or handling the dossier (operators see but do not file), while the dossier is open.
 * APPLICATION files (more components) while it has not ended; SUPPLEMENT files only while a
 * supplement is requested. The status check and the total cap are repeated under the dossier's row
 * lock, so a concurrent withdrawal or a concurrent upload cannot slip past them; the dossier's
 * version is not bumped (files are not a status change, and a pending submitSupplement stays valid).
 */
import type { Principal } from '../../shared/auth/principal';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { DossiersServices } from '../context';
import { canSeeDossier, dossierNotFound, requireAuthenticated } from '../dossier/dossier-access';
import { DossierStatus } from '../dossier/dossier-status';
import type { DossierRow } from '../dossier/dossier.mapper';
import { AttachmentKind } from './attachment';
import { attachmentLimitsOf, checkUploads, dossierTotalTooLarge, storeAttachments, type AttachmentUpload } from './attachment-uploads';

/** Statuses in which files of each kind are accepted. */
export const OPEN_STATUSES_FOR: Readonly<Record<AttachmentKind, readonly DossierStatus[]>> = {
  [AttachmentKind.APPLICATION]: [
    DossierStatus.NEW,
    DossierStatus.PAYMENT_DUE,
    DossierStatus.ACCEPTED,
    DossierStatus.PROCESSING,
    DossierStatus.SUPPLEMENT_REQUESTED,
  ],
  [AttachmentKind.SUPPLEMENT]: [DossierStatus.SUPPLEMENT_REQUESTED],
  [AttachmentKind.RESULT]: [],
};

function notOpen(code: string, status: string, kind: AttachmentKind): LienthongError {
  const allowed = OPEN_STATUSES_FOR[kind];
  return new LienthongError(ErrorCode.INVALID_TRANSITION, {
    vi: `Hồ sơ ${code} đang ở trạng thái ${status}: không nhận thêm tệp loại ${kind}.`,
    en: `Dossier ${code} is ${status}: it takes no more ${kind} files.`,
    details: { dossierCode: code, status, kind, allowedStatuses: allowed },
  });
}

async function storedBytesOf(prisma: Pick<DossiersServices['prisma'], 'dossierAttachment'>, dossierId: string): Promise<number> {
  const sum = await prisma.dossierAttachment.aggregate({ where: { dossierId }, _sum: { sizeBytes: true } });
  return sum._sum.sizeBytes ?? 0;
}

export async function addDossierAttachments(
  services: DossiersServices,
  principal: Principal,
  request: { code: string; kind: AttachmentKind; files: readonly AttachmentUpload[] },
  now = new Date(),
): Promise<DossierRow> {
  requireAuthenticated(principal);
  const { prisma, catalogue } = services;
  const { code, kind } = request;
  if (kind === AttachmentKind.RESULT) {
    throw new LienthongError(ErrorCode.BAD_USER_INPUT, {
      vi: 'Kết quả giải quyết do cơ quan ban hành, không tải lên như tệp đính kèm.',
      en: 'Results are issued by the agency, not uploaded as attachments.',
      details: { field: 'kind' },
    });
  }
  if (request.files.length === 0) {
    throw new LienthongError(ErrorCode.BAD_USER_INPUT, { vi: 'Chưa có tệp nào.', en: 'No files given.', details: { field: 'files' } });
  }
  const dossier = await prisma.dossier.findUnique({ where: { code } });
  if (!dossier || !canSeeDossier(principal, dossier)) throw dossierNotFound(code);
  if (principal.role === 'OPERATOR') {
    throw new LienthongError(ErrorCode.FORBIDDEN, {
      vi: 'Chỉ người nộp hoặc cán bộ cơ quan giải quyết được thêm tệp.',
      en: "Only the applicant or the agency's officials add files.",
    });
  }
  const allowed = OPEN_STATUSES_FOR[kind];
  if (!allowed.includes(dossier.status as DossierStatus)) throw notOpen(code, dossier.status, kind);
  const procedure = await catalogue.requireVersion(dossier.procedureCode, dossier.procedureVersion);
  const limits = attachmentLimitsOf(services);
  const files = checkUploads(request.files, {
    field: 'files',
    components: procedure.details.components,
    limits,
    storedBytes: await storedBytesOf(prisma, dossier.id),
  });
  const batchBytes = files.reduce((sum, f) => sum + f.sizeBytes, 0);

  return prisma.$transaction(async (tx) => {
    // Takes the dossier's row lock: status changes and other uploads wait for this one.
    const locked = await tx.dossier.updateMany({
      where: { id: dossier.id, status: { in: [...allowed] } },
      data: { updatedAt: now },
    });
    if (locked.count === 0) {
      const current = await tx.dossier.findUniqueOrThrow({ where: { id: dossier.id }, select: { status: true } });
      throw notOpen(code, current.status, kind);
    }
    const storedBytes = await storedBytesOf(tx, dossier.id);
    if (storedBytes + batchBytes > limits.maxDossierBytes) throw dossierTotalTooLarge('files', limits, storedBytes);
    await storeAttachments(tx, dossier.id, kind, files, principal.id, now);
    return tx.dossier.findUniqueOrThrow({ where: { id: dossier.id } });
  });
}

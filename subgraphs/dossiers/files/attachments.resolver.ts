/** A dossier's files: metadata on `Dossier.attachments`, content by id, uploads after intake. */
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { DossierAttachment as AttachmentRow } from '../../shared/storage/generated/client';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { DossiersContext } from '../context';
import { Dossier } from '../dossier/dossier';
import { canSeeDossier, dossierNotFound, requireAuthenticated } from '../dossier/dossier-access';
import { toDossier } from '../dossier/dossier.mapper';
import { addDossierAttachments } from './add-attachments';
import { AttachmentKind, AttachmentUploadInput, DossierAttachment, DossierAttachmentFile } from './attachment';

/** Every column but the content: listings never read the bytes. */
const METADATA = {
  id: true,
  kind: true,
  componentName: true,
  fileName: true,
  contentType: true,
  sizeBytes: true,
  sha256: true,
  uploadedBy: true,
  uploadedAt: true,
} as const;

type MetadataRow = Omit<AttachmentRow, 'content' | 'dossierId'>;

const toAttachment = <T extends DossierAttachment>(target: T, row: MetadataRow): T =>
  Object.assign(target, {
    id: row.id,
    kind: row.kind as AttachmentKind,
    componentName: row.componentName,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    uploadedBy: row.uploadedBy,
    uploadedAt: row.uploadedAt,
  });

const attachmentNotFound = (id: string) => new LienthongError(ErrorCode.ATTACHMENT_NOT_FOUND, { details: { attachmentId: id } });

@Resolver(() => Dossier)
export class DossierAttachmentsResolver {
  @FieldResolver(() => [DossierAttachment], { description: 'Tệp đính kèm (metadata), oldest first' })
  async attachments(@Root() dossier: Dossier, @Ctx() ctx: DossiersContext): Promise<DossierAttachment[]> {
    const row = await ctx.loaders.dossierByCode.load(dossier.code);
    if (!row || !canSeeDossier(ctx.principal, row)) throw dossierNotFound(dossier.code);
    const rows = await ctx.prisma.dossierAttachment.findMany({
      where: { dossierId: row.id },
      select: METADATA,
      orderBy: [{ uploadedAt: 'asc' }, { fileName: 'asc' }, { id: 'asc' }],
    });
    return rows.map((r) => toAttachment(new DossierAttachment(), r));
  }

  @Query(() => DossierAttachmentFile, {
    description: 'Một tệp đính kèm với nội dung, cho người được xem hồ sơ; others get ATTACHMENT_NOT_FOUND',
  })
  async dossierAttachment(@Arg('id', () => ID) id: string, @Ctx() ctx: DossiersContext): Promise<DossierAttachmentFile> {
    requireAuthenticated(ctx.principal);
    const row = await ctx.prisma.dossierAttachment.findUnique({
      where: { id },
      include: { dossier: { select: { code: true, applicantPersonalId: true, agencyCode: true, handlingAgencyCode: true } } },
    });
    // One answer for "no such file" and "not yours": ids cannot be probed.
    if (!row || !canSeeDossier(ctx.principal, row.dossier)) throw attachmentNotFound(id);
    return toAttachment(Object.assign(new DossierAttachmentFile(), {
      dossierCode: row.dossier.code,
      contentBase64: Buffer.from(row.content).toString('base64'),
    }), row);
  }

  @Mutation(() => Dossier, {
    description: 'Thêm tệp vào hồ sơ đang giải quyết (APPLICATION) hoặc tài liệu bổ sung khi được yêu cầu (SUPPLEMENT)',
  })
  async addDossierAttachments(
    @Arg('code') code: string,
    @Arg('kind', () => AttachmentKind) kind: AttachmentKind,
    @Arg('files', () => [AttachmentUploadInput]) files: AttachmentUploadInput[],
    @Ctx() ctx: DossiersContext,
  ): Promise<Dossier> {
    return toDossier(await addDossierAttachments(ctx, ctx.principal, { code, kind, files }));
  }
}

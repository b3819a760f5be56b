/**
 * A batch of uploads for one dossier: each file through the one file policy (`checkFile`), each named
 * component one of the procedure's, and the dossier's files together under a total cap. Everything
 * is checked before anything is written; `storeAttachments` then writes them in the caller's
 * transaction, next to the dossier change they belong to.
 */
import type { ProcedureRecord } from '../../procedures';
import type { Principal } from '../../shared/auth/principal';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { DossierTx } from '../dossier/dossier-transition';
import type { AttachmentKind } from './attachment';
import { checkFile, MAX_FILE_BYTES, type CheckedFile, type FileUpload } from './file-policy';

/** Caps on what a dossier stores. */
export interface AttachmentLimits {
  /** Largest single file. @default MAX_FILE_BYTES (10 MiB) */
  maxFileBytes: number;
  /** All files of one dossier together (application, supplements). @default 50 MiB */
  maxDossierBytes: number;
  /** Files in one submission or one addDossierAttachments call. @default 20 */
  maxFilesPerCall: number;
}

export const DEFAULT_ATTACHMENT_LIMITS: Readonly<AttachmentLimits> = Object.freeze({
  maxFileBytes: MAX_FILE_BYTES,
  maxDossierBytes: 50 * 1024 * 1024,
  maxFilesPerCall: 20,
});

/** Services that may carry their own limits (tests lower them); the defaults otherwise. */
export const attachmentLimitsOf = (services: object): AttachmentLimits => ({
  ...DEFAULT_ATTACHMENT_LIMITS,
  ...(services as { attachmentLimits?: Partial<AttachmentLimits> }).attachmentLimits,
});

/** One paper of a procedure (thành phần hồ sơ). */
export type ProcedureComponent = ProcedureRecord['details']['components'][number];

export interface AttachmentUpload extends FileUpload {
  componentName?: string | null;
}

export interface CheckedAttachment extends CheckedFile {
  componentName: string | null;
}

const normalise = (name: string) => name.normalize('NFC').trim();

/** Decoded size a base64 text stands for, without decoding it. */
const decodedSize = (base64: string) => Math.floor((base64.replace(/\s+/g, '').length * 3) / 4);

/** The dossier's files would pass `limits.maxDossierBytes` together. */
export function dossierTotalTooLarge(field: string, limits: AttachmentLimits, storedBytes: number): LienthongError {
  return new LienthongError(ErrorCode.ATTACHMENT_TOO_LARGE, {
    vi: `Tổng dung lượng tệp của hồ sơ vượt quá ${limits.maxDossierBytes} byte.`,
    en: `The dossier's files would exceed ${limits.maxDossierBytes} bytes in total.`,
    details: { field, maxDossierBytes: limits.maxDossierBytes, storedBytes },
  });
}

/**
 * Checks every upload; `storedBytes` is what the dossier already holds. Throws the first problem
 * as a typed error naming the field (`attachments[2].contentType`, …).
 */
export function checkUploads(
  uploads: readonly AttachmentUpload[],
  options: { field: string; components: readonly ProcedureComponent[]; limits: AttachmentLimits; storedBytes?: number },
): CheckedAttachment[] {
  const { field, components, limits } = options;
  if (uploads.length > limits.maxFilesPerCall) {
    throw new LienthongError(ErrorCode.BAD_USER_INPUT, {
      vi: `Mỗi lần nộp tối đa ${limits.maxFilesPerCall} tệp.`,
      en: `At most ${limits.maxFilesPerCall} files per call.`,
      details: { field, maxFiles: limits.maxFilesPerCall },
    });
  }
  const room = limits.maxDossierBytes - (options.storedBytes ?? 0);
  const total = (sizes: number[]) => sizes.reduce((a, b) => a + b, 0);
  const overTotal = () => dossierTotalTooLarge(field, limits, options.storedBytes ?? 0);
  // Refuse an oversize batch before decoding any of it.
  if (total(uploads.map((u) => decodedSize(u.contentBase64))) - 2 * uploads.length > room) throw overTotal();
  const known = new Map(components.map((c) => [normalise(c.name), c.name]));
  const checked = uploads.map((upload, i) => {
    const at = `${field}[${i}]`;
    let componentName: string | null = null;
    if (upload.componentName !== undefined && upload.componentName !== null) {
      componentName = known.get(normalise(upload.componentName)) ?? null;
      if (!componentName) {
        throw new LienthongError(ErrorCode.BAD_USER_INPUT, {
          vi: `Thủ tục không có thành phần hồ sơ "${upload.componentName}".`,
          en: `The procedure has no dossier component "${upload.componentName}".`,
          details: { field: `${at}.componentName`, knownComponents: [...known.values()] },
        });
      }
    }
    return { ...checkFile(upload, at, limits.maxFileBytes), componentName };
  });
  if (total(checked.map((c) => c.sizeBytes)) > room) throw overTotal();
  return checked;
}

/** Writes checked files for a dossier inside the caller's transaction. */
export async function storeAttachments(
  tx: DossierTx,
  dossierId: string,
  kind: AttachmentKind,
  files: readonly CheckedAttachment[],
  uploadedBy: Principal['id'],
  at: Date,
): Promise<void> {
  if (files.length === 0) return;
  await tx.dossierAttachment.createMany({
    data: files.map((f) => ({
      dossierId,
      kind,
      componentName: f.componentName,
      fileName: f.fileName,
      contentType: f.contentType,
      sizeBytes: f.sizeBytes,
      sha256: f.sha256,
      // An exact-size copy: a small Buffer is a view into Node's shared pool.
      content: new Uint8Array(f.content),
      uploadedBy,
      uploadedAt: at,
    })),
  });
}

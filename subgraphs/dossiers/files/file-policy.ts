/**
 * What a dossier accepts as a file (seed 004 III.3: attachments kept with their metadata): one of a
 * few document types, checked by content (magic bytes) as well as by declared type, under a size cap,
 * with a safe name; stored with its SHA-256 so a copy handed back can be proven unchanged. Sizes are
 * checked on the base64 length before decoding, so an oversize upload costs no memory.
 */
import { sha256Hex } from '../../shared/documents/stored-file';
import { ErrorCode, LienthongError } from '../../shared/errors';

/** Largest file accepted. @default 10 MiB */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Accepted types and how their content starts. */
export const ACCEPTED_TYPES: Readonly<Record<string, { extensions: readonly string[]; magic: readonly number[] }>> = {
  'application/pdf': { extensions: ['pdf'], magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  'image/jpeg': { extensions: ['jpg', 'jpeg'], magic: [0xff, 0xd8, 0xff] },
  'image/png': { extensions: ['png'], magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // Word documents (.docx) are ZIP containers.
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { extensions: ['docx'], magic: [0x50, 0x4b, 0x03, 0x04] },
};

export interface FileUpload {
  fileName: string;
  contentType: string;
  /** The file's bytes, base64 (standard alphabet, padding optional). */
  contentBase64: string;
}

export interface CheckedFile {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  /** Hex SHA-256 of the content. */
  sha256: string;
  content: Buffer;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const MAX_NAME_LENGTH = 255;


function badFile(field: string, vi: string, en: string, extra: Record<string, unknown> = {}) {
  return new LienthongError(ErrorCode.BAD_USER_INPUT, { vi, en, details: { field, ...extra } });
}

/** Checks one upload; `field` names it in errors (e.g. `attachments[2]`). Throws typed errors. */
export function checkFile(upload: FileUpload, field: string, maxBytes = MAX_FILE_BYTES): CheckedFile {
  const fileName = upload.fileName.normalize('NFC').trim();
  if (fileName === '' || fileName.length > MAX_NAME_LENGTH || /[\\/\u0000-\u001f]/.test(fileName) || fileName.startsWith('.')) {
    throw badFile(`${field}.fileName`, 'Tên tệp không hợp lệ.', 'The file name is not valid.');
  }
  const contentType = upload.contentType.trim().toLowerCase();
  const accepted = ACCEPTED_TYPES[contentType];
  if (!accepted) {
    throw new LienthongError(ErrorCode.UNSUPPORTED_CONTENT_TYPE, {
      details: { field: `${field}.contentType`, contentType, accepted: Object.keys(ACCEPTED_TYPES) },
    });
  }
  // Issue 9C: the name must agree with the type, or a checked PDF is handed back later as `x.exe` or `x.html`.
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (!extension || !accepted.extensions.includes(extension)) {
    throw new LienthongError(ErrorCode.UNSUPPORTED_CONTENT_TYPE, {
      vi: `Tên tệp phải có phần mở rộng ${accepted.extensions.map((e) => `.${e}`).join(' hoặc ')}.`,
      en: `The file name must end with ${accepted.extensions.map((e) => `.${e}`).join(' or ')}.`,
      details: { field: `${field}.fileName`, contentType, extensions: accepted.extensions },
    });
  }
  const base64 = upload.contentBase64.replace(/\s+/g, '');
  // 4 base64 characters carry 3 bytes: refuse before decoding anything.
  if (Math.floor((base64.length * 3) / 4) - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0) > maxBytes) {
    throw new LienthongError(ErrorCode.ATTACHMENT_TOO_LARGE, { details: { field, maxBytes } });
  }
  if (!BASE64.test(base64) || base64.length % 4 === 1) {
    throw badFile(`${field}.contentBase64`, 'Nội dung tệp không phải base64 hợp lệ.', 'The file content is not valid base64.');
  }
  const content = Buffer.from(base64, 'base64');
  if (content.length === 0) throw badFile(`${field}.contentBase64`, 'Tệp rỗng.', 'The file is empty.');
  if (!accepted.magic.every((byte, i) => content[i] === byte)) {
    throw new LienthongError(ErrorCode.UNSUPPORTED_CONTENT_TYPE, {
      vi: `Nội dung tệp không phải ${contentType}.`,
      en: `The file's content is not ${contentType}.`,
      details: { field: `${field}.contentBase64`, contentType },
    });
  }
  return { fileName, contentType, sizeBytes: content.length, sha256: sha256Hex(content), content };
}

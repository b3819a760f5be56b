/** A generated PDF as the API hands it out: bytes with their name, size and checksum. */
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { StoredFile } from './stored-file';
import { sha256Hex } from './stored-file';

// Shareable: the dossiers (slips) and payments (e-receipts) subgraphs both hand PDFs out.
@Directive('@shareable')
@ObjectType({ description: 'Tài liệu PDF do hệ thống lập (phiếu tiếp nhận, phiếu hẹn trả, biên lai)' })
export class PdfDocument extends StoredFile {
  @Field({ description: 'Nội dung PDF, base64' })
  contentBase64!: string;
}

export function toPdfDocument(fileName: string, bytes: Buffer): PdfDocument {
  return Object.assign(new PdfDocument(), {
    fileName,
    contentType: 'application/pdf',
    sizeBytes: bytes.length,
    sha256: sha256Hex(bytes),
    contentBase64: bytes.toString('base64'),
  });
}

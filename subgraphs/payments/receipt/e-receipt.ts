import { Field, Int, ObjectType } from 'type-graphql';
import { PdfDocument } from '../../shared/documents/pdf-document';

@ObjectType({ description: 'Biên lai điện tử thu phí, lệ phí, issued when the payment is PAID' })
export class EReceipt {
  @Field({ description: 'Số biên lai, e.g. BL2026-000123' })
  number!: string;

  @Field({ description: 'Mẫu số biên lai (template symbol)' })
  templateSymbol!: string;

  @Field({ description: 'Ký hiệu biên lai (series), e.g. LT-26E' })
  series!: string;

  @Field({ description: 'Thời điểm lập biên lai: when the payment was made' })
  issuedAt!: Date;

  @Field({ description: 'Người nộp: the applicant of the dossier' })
  payerName!: string;

  @Field({ description: 'Số định danh cá nhân của người nộp' })
  payerPersonalId!: string;

  @Field({ description: 'Đơn vị thu: the agency that received the dossier' })
  agencyName!: string;

  @Field()
  agencyCode!: string;

  @Field()
  dossierCode!: string;

  @Field({ description: 'Tên loại phí, lệ phí' })
  feeName!: string;

  @Field(() => Int, { description: 'Số tiền (đồng)' })
  amountVnd!: number;

  @Field({ description: 'Số tiền bằng chữ, e.g. "Hai trăm nghìn đồng"' })
  amountInWords!: string;

  @Field({ description: 'Số tiền bằng số as printed, e.g. "200.000"' })
  amountDigits!: string;

  // Resolved by ReceiptResolver, only when asked for: rendering costs a PDF.
  @Field(() => PdfDocument, { description: 'Biên lai (PDF), the same bytes every time' })
  pdf?: PdfDocument;
}

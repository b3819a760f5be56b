/** GraphQL shapes of a dossier's files (tệp đính kèm; seed 004 III.3: kept with their metadata). */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { StoredFile } from '../../shared/documents/stored-file';

/** Why a file belongs to the dossier (column `dossier_attachment.kind`). */
export enum AttachmentKind {
  APPLICATION = 'APPLICATION',
  SUPPLEMENT = 'SUPPLEMENT',
  RESULT = 'RESULT',
}

registerEnumType(AttachmentKind, {
  name: 'AttachmentKind',
  description: 'Loại tệp của hồ sơ',
  valuesConfig: {
    APPLICATION: { description: 'Thành phần hồ sơ nộp kèm' },
    SUPPLEMENT: { description: 'Tài liệu bổ sung theo yêu cầu của cơ quan' },
    RESULT: { description: 'Kết quả giải quyết (do cơ quan ban hành; không tải lên qua addDossierAttachments)' },
  },
});

@InputType({ description: 'Một tệp tải lên: nội dung base64, kiểm tra loại tệp theo nội dung và dung lượng' })
export class AttachmentUploadInput {
  @Field(() => String, {
    nullable: true,
    description: "Tên thành phần hồ sơ của thủ tục mà tệp này là (exactly as in the procedure's components); null for other papers",
  })
  componentName?: string | null;

  @Field({ description: 'Tên tệp, e.g. "giay-bao-tu.pdf"' })
  fileName!: string;

  @Field({ description: 'application/pdf, image/jpeg, image/png or the .docx type; checked against the content' })
  contentType!: string;

  @Field({ description: 'Nội dung tệp, base64 (standard alphabet)' })
  contentBase64!: string;
}

@ObjectType({ description: 'Tệp đính kèm của hồ sơ: chỉ siêu dữ liệu (metadata)' })
export class DossierAttachment extends StoredFile {
  @Field(() => ID)
  id!: string;

  @Field(() => AttachmentKind)
  kind!: AttachmentKind;

  @Field(() => String, { nullable: true, description: 'Thành phần hồ sơ của thủ tục; null for other papers' })
  componentName!: string | null;

  @Field({ description: 'Account id of whoever uploaded it' })
  uploadedBy!: string;

  @Field()
  uploadedAt!: Date;
}

@ObjectType({ description: 'Tệp đính kèm kèm nội dung, cho người được xem hồ sơ' })
export class DossierAttachmentFile extends DossierAttachment {
  @Field({ description: 'Mã hồ sơ' })
  dossierCode!: string;

  @Field({ description: 'Nội dung tệp, base64' })
  contentBase64!: string;
}

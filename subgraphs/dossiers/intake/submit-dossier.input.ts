import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';
import { SubmissionChannel } from '../dossier/dossier-status';
import { AttachmentUploadInput } from '../files/attachment';
import { ReturnMethod } from './return-method';

@InputType({ description: 'Hồ sơ đến qua dịch vụ bưu chính: số hiệu bưu gửi và địa chỉ người gửi' })
export class PostalIntakeInput {
  @Field({ description: 'Số hiệu bưu gửi (consignment / tracking code), e.g. EL123456789VN' })
  trackingCode!: string;

  @Field({ description: 'Địa chỉ người gửi; also where a POSTAL result goes unless postalAddress says otherwise' })
  senderAddress!: string;
}

@InputType({ description: 'Nộp hồ sơ: thủ tục, tờ khai điện tử, kênh nộp, thành phần hồ sơ và hình thức nhận kết quả' })
export class SubmitDossierInput {
  @Field({ description: 'Mã thủ tục hành chính' })
  procedureCode!: string;

  @Field(() => GraphQLJSONObject, { description: 'Dữ liệu tờ khai, theo khóa của các trường e-form' })
  formData!: Record<string, unknown>;

  @Field(() => String, {
    nullable: true,
    description: "Mã trường hợp giải quyết, one of the procedure's cases (time and fee per case); null for the default case",
  })
  caseCode?: string | null;

  @Field(() => SubmissionChannel, {
    defaultValue: SubmissionChannel.ONLINE,
    description: "ONLINE: a citizen for themselves. COUNTER, POSTAL: an official of the procedure's agency for an applicant",
  })
  channel!: SubmissionChannel;

  @Field(() => String, {
    nullable: true,
    description: 'Số định danh của người nộp; officials entering a counter or postal dossier must give it',
  })
  applicantPersonalId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Mã số doanh nghiệp of the organisation the dossier is filed for; required when the procedure is for organisations only',
  })
  subjectTaxCode?: string | null;

  @Field(() => ReturnMethod, { defaultValue: ReturnMethod.COUNTER, description: 'Hình thức nhận kết quả' })
  returnMethod!: ReturnMethod;

  @Field(() => String, { nullable: true, description: 'Địa chỉ nhận kết quả qua bưu chính; required for returnMethod POSTAL' })
  postalAddress?: string | null;

  @Field(() => PostalIntakeInput, { nullable: true, description: 'Required for channel POSTAL, refused otherwise' })
  postalIntake?: PostalIntakeInput | null;

  @Field(() => [AttachmentUploadInput], {
    nullable: true,
    description: 'Thành phần hồ sơ (files); an ONLINE submission must attach the required components',
  })
  attachments?: AttachmentUploadInput[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Mã hồ sơ do hệ thống khác cấp: the dossier keeps it instead of a new receipt code (officials, operators)',
  })
  legacyCode?: string | null;

  @Field(() => String, { nullable: true, description: 'The system that issued legacyCode, e.g. VNPT_IGATE; required with it' })
  legacySystem?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the other system received a legacy dossier. @default now' })
  legacyReceivedAt?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Client-chosen key: retrying a submission with the same key returns the same dossier',
  })
  idempotencyKey?: string | null;
}

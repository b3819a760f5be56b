import { GraphQLJSONObject } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DossierStatus, SubmissionChannel } from './dossier-status';

@ObjectType({ description: 'Một lần chuyển trạng thái của hồ sơ (status history entry)' })
export class DossierStatusChange {
  @Field(() => ID, { description: 'Global, increasing event id: a cursor for replay' })
  id!: string;

  @Field(() => DossierStatus, { nullable: true })
  fromStatus!: DossierStatus | null;

  @Field(() => DossierStatus)
  toStatus!: DossierStatus;

  @Field({ description: 'Who made the change (account id or system)' })
  actor!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field()
  at!: Date;
}

@Directive('@key(fields: "code")')
@ObjectType({ description: 'Hồ sơ thủ tục hành chính (dossier)' })
export class Dossier {
  /** Internal row id; not exposed: the receipt code is the public identity. */
  id!: string;

  @Field({ description: 'Mã hồ sơ (receipt code, Circular 01/2018/TT-VPCP Art. 19)' })
  code!: string;

  @Field({ description: 'Mã thủ tục' })
  procedureCode!: string;

  @Field(() => Int, { description: 'Phiên bản thủ tục có hiệu lực khi tiếp nhận (the version the dossier is processed under)' })
  procedureVersion!: number;

  @Field({ description: 'Mã định danh điện tử của cơ quan tiếp nhận' })
  agencyCode!: string;

  @Field({ description: 'Số định danh cá nhân của người nộp' })
  applicantPersonalId!: string;

  @Field(() => SubmissionChannel)
  channel!: SubmissionChannel;

  @Field(() => DossierStatus)
  status!: DossierStatus;

  @Field(() => GraphQLJSONObject, { description: 'Dữ liệu tờ khai điện tử (e-form data)' })
  formData!: Record<string, unknown>;

  @Field(() => Int, { description: 'Phí, lệ phí (VND)' })
  feeVnd!: number;

  @Field({ description: 'Thời điểm tiếp nhận' })
  receivedAt!: Date;

  @Field({ description: 'Ngày hẹn trả kết quả (YYYY-MM-DD, giờ Việt Nam)' })
  appointmentDate!: string;

  @Field({ description: 'Hạn trả kết quả (17:00 of the appointment date)' })
  appointmentAt!: Date;

  @Field(() => Int, { description: 'Optimistic-concurrency version' })
  version!: number;
}

@ObjectType({ description: 'Tra cứu tình trạng hồ sơ công khai: chỉ dữ liệu tối thiểu' })
export class DossierPublicStatus {
  @Field()
  code!: string;

  @Field(() => DossierStatus)
  status!: DossierStatus;

  @Field()
  procedureCode!: string;

  @Field()
  receivedAt!: Date;

  @Field()
  appointmentDate!: string;
}

/** GraphQL types of feedback and complaints (phản ánh, kiến nghị) and satisfaction ratings. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum FeedbackKind {
  FEEDBACK = 'FEEDBACK',
  COMPLAINT = 'COMPLAINT',
}

registerEnumType(FeedbackKind, {
  name: 'FeedbackKind',
  description: 'Loại: phản ánh (FEEDBACK) hoặc kiến nghị, khiếu nại (COMPLAINT)',
});

export enum FeedbackStatus {
  OPEN = 'OPEN',
  ANSWERED = 'ANSWERED',
}

registerEnumType(FeedbackStatus, {
  name: 'FeedbackStatus',
  description: 'Tình trạng xử lý phản ánh, kiến nghị',
  valuesConfig: { OPEN: { description: 'Chưa trả lời' }, ANSWERED: { description: 'Đã trả lời' } },
});

@ObjectType({ description: 'Phản ánh, kiến nghị của người nộp về một hồ sơ, và câu trả lời của cơ quan' })
export class DossierFeedback {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Mã hồ sơ' })
  dossierCode!: string;

  @Field(() => FeedbackKind)
  kind!: FeedbackKind;

  @Field({ description: 'Nội dung phản ánh, kiến nghị' })
  content!: string;

  @Field({ description: 'Thời điểm gửi' })
  submittedAt!: Date;

  @Field(() => FeedbackStatus)
  status!: FeedbackStatus;

  @Field(() => String, { nullable: true, description: 'Nội dung trả lời của cơ quan' })
  answer!: string | null;

  @Field(() => String, { nullable: true, description: 'Account of the official who answered' })
  answeredBy!: string | null;

  @Field(() => Date, { nullable: true })
  answeredAt!: Date | null;
}

@ObjectType({ description: 'Đánh giá mức độ hài lòng của người nộp về việc giải quyết hồ sơ' })
export class DossierRating {
  @Field({ description: 'Mã hồ sơ' })
  dossierCode!: string;

  @Field(() => Int, { description: 'Mức độ hài lòng: 1 (rất không hài lòng) … 5 (rất hài lòng)' })
  score!: number;

  @Field(() => String, { nullable: true, description: 'Ý kiến kèm theo' })
  comment!: string | null;

  @Field()
  ratedAt!: Date;
}

@ObjectType({ description: 'Một trang hàng đợi phản ánh, kiến nghị (oldest first)' })
export class DossierFeedbackPage {
  @Field(() => [DossierFeedback])
  nodes!: DossierFeedback[];

  @Field(() => String, { nullable: true, description: 'Cursor to pass as `after` for the next page' })
  endCursor!: string | null;

  @Field()
  hasNextPage!: boolean;
}

@InputType({ description: 'Gửi phản ánh, kiến nghị về hồ sơ (người nộp hồ sơ)' })
export class SubmitDossierFeedbackInput {
  @Field({ description: 'Mã hồ sơ' })
  dossierCode!: string;

  @Field(() => FeedbackKind)
  kind!: FeedbackKind;

  @Field({ description: 'Nội dung, tối đa 2000 ký tự' })
  content!: string;
}

@InputType({ description: 'Đánh giá mức độ hài lòng (một lần cho mỗi hồ sơ, khi đã có kết quả)' })
export class RateDossierInput {
  @Field({ description: 'Mã hồ sơ' })
  dossierCode!: string;

  @Field(() => Int, { description: '1 (rất không hài lòng) … 5 (rất hài lòng)' })
  score!: number;

  @Field(() => String, { nullable: true, description: 'Ý kiến, tối đa 1000 ký tự' })
  comment?: string | null;
}

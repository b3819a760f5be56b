import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';
import { SubmissionChannel } from '../dossier/dossier-status';

@InputType({ description: 'Nộp hồ sơ: thủ tục, tờ khai điện tử và kênh nộp' })
export class SubmitDossierInput {
  @Field({ description: 'Mã thủ tục hành chính' })
  procedureCode!: string;

  @Field(() => GraphQLJSONObject, { description: 'Dữ liệu tờ khai, theo khóa của các trường e-form' })
  formData!: Record<string, unknown>;

  @Field(() => String, {
    nullable: true,
    description: 'Mã trường hợp giải quyết, when the procedure has several cases (time and fee per case)',
  })
  caseCode?: string | null;

  @Field(() => SubmissionChannel, { defaultValue: SubmissionChannel.ONLINE })
  channel!: SubmissionChannel;

  @Field(() => String, {
    nullable: true,
    description: 'Số định danh của người nộp; officials entering a counter or postal dossier must give it',
  })
  applicantPersonalId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Client-chosen key: retrying a submission with the same key returns the same dossier',
  })
  idempotencyKey?: string | null;
}

/** GraphQL types of dossiers sent by post (nộp hồ sơ qua dịch vụ bưu chính). */
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ReturnMethod } from '../intake/return-method';
import { PostalIntakeStatus } from './postal-intake-rules';

registerEnumType(PostalIntakeStatus, {
  name: 'PostalIntakeStatus',
  description: 'Tình trạng hồ sơ gửi qua bưu chính, từ lúc yêu cầu thu gom đến khi cơ quan tiếp nhận',
  valuesConfig: {
    REQUESTED: { description: 'Đã tạo đơn thu gom; bưu tá chưa nhận hồ sơ' },
    PICKED_UP: { description: 'Bưu tá đã nhận hồ sơ' },
    IN_TRANSIT: { description: 'Đang vận chuyển đến cơ quan' },
    RECEIVING: { description: 'Đã phát đến cơ quan; đang tiếp nhận' },
    RECEIVED: { description: 'Đã tiếp nhận: hồ sơ đã có mã (dossierCode)' },
    NOT_ACCEPTED: { description: 'Không tiếp nhận khi hồ sơ đến (xem refusal)' },
    RETURNED: { description: 'Bưu chính chuyển hoàn hồ sơ cho người gửi' },
  },
});

@InputType({ description: 'Yêu cầu bưu chính thu gom hồ sơ giấy tại địa chỉ của công dân và chuyển đến cơ quan giải quyết' })
export class PostalPickupInput {
  @Field({ description: 'Mã thủ tục hành chính; the procedure must accept postal dossiers (POSTAL method)' })
  procedureCode!: string;

  @Field(() => GraphQLJSONObject, { description: 'Dữ liệu tờ khai, theo khóa của các trường e-form' })
  formData!: Record<string, unknown>;

  @Field(() => String, { nullable: true, description: "Mã trường hợp giải quyết, one of the procedure's cases; null for the default case" })
  caseCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Mã số doanh nghiệp, when the dossier is filed for an organisation' })
  subjectTaxCode?: string | null;

  @Field(() => ReturnMethod, { defaultValue: ReturnMethod.COUNTER, description: 'Hình thức nhận kết quả' })
  returnMethod!: ReturnMethod;

  @Field(() => String, { nullable: true, description: 'Địa chỉ nhận kết quả qua bưu chính. @default pickupAddress' })
  postalAddress?: string | null;

  @Field({ description: 'Địa chỉ bưu tá đến nhận hồ sơ: số nhà/đường, phường/xã, tỉnh/thành phố' })
  pickupAddress!: string;

  @Field(() => String, { nullable: true, description: 'Số điện thoại để bưu tá liên hệ. @default formData.soDienThoai' })
  pickupPhone?: string | null;

  @Field(() => String, { nullable: true, description: 'Client-chosen key: retrying with the same key returns the same pickup, never a second one' })
  idempotencyKey?: string | null;
}

@ObjectType({ description: 'Lý do không tiếp nhận hồ sơ đến qua bưu chính' })
export class PostalIntakeRefusal {
  @Field({ description: 'Mã lỗi, e.g. BAD_USER_INPUT, FORM_VALIDATION_FAILED, PROCEDURE_NOT_FOUND' })
  code!: string;

  @Field({ description: 'Lý do bằng tiếng Việt' })
  messageVi!: string;

  @Field({ description: 'The reason in English' })
  messageEn!: string;

  @Field({ description: 'Thời điểm từ chối' })
  refusedAt!: Date;
}

@ObjectType({ description: 'Hồ sơ gửi qua bưu chính: đơn thu gom, hành trình và hồ sơ được tiếp nhận khi đến cơ quan' })
export class PostalIntake {
  @Field(() => ID, { description: 'Also our reference at the carrier' })
  id!: string;

  @Field({ description: 'Mã thủ tục hành chính' })
  procedureCode!: string;

  @Field(() => PostalIntakeStatus)
  status!: PostalIntakeStatus;

  @Field({ description: 'Địa chỉ thu gom hồ sơ' })
  pickupAddress!: string;

  @Field(() => String, { nullable: true, description: "The carrier's pickup order id" })
  carrierOrderId!: string | null;

  @Field(() => String, { nullable: true, description: 'Mã vận đơn (S10), e.g. EP100000015VN' })
  trackingCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Mã hồ sơ, once received (status RECEIVED)' })
  dossierCode!: string | null;

  @Field(() => PostalIntakeRefusal, { nullable: true, description: 'Why the papers were not accepted (status NOT_ACCEPTED)' })
  refusal!: PostalIntakeRefusal | null;

  @Field({ description: 'Thời điểm yêu cầu thu gom' })
  createdAt!: Date;

  @Field({ description: 'Thời điểm cập nhật tình trạng gần nhất' })
  updatedAt!: Date;

  /** Who may see it (not a GraphQL field). */
  applicantPersonalId!: string;
}

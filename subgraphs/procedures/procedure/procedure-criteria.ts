/** GraphQL types of the 12 level-2 criteria of a procedure (seed 000 part II). */
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ComponentKind, HandlingLevel, ProcedureMethod } from '../catalogue/procedure-record';

registerEnumType(ProcedureMethod, {
  name: 'ProcedureMethod',
  description: 'Cách thức thực hiện',
  valuesConfig: {
    IN_PERSON: { description: 'Trực tiếp' },
    ONLINE: { description: 'Trực tuyến' },
    POSTAL: { description: 'Qua dịch vụ bưu chính' },
  },
});

registerEnumType(ComponentKind, {
  name: 'ProcedureComponentKind',
  description: 'Loại giấy tờ trong thành phần hồ sơ',
  valuesConfig: {
    ORIGINAL: { description: 'Bản chính' },
    COPY: { description: 'Bản sao' },
    CERTIFIED_COPY: { description: 'Bản sao có chứng thực' },
  },
});

registerEnumType(HandlingLevel, {
  name: 'ProcedureHandlingLevel',
  description: 'Cấp giải quyết',
  valuesConfig: {
    CENTRAL: { description: 'Cấp trung ương (bộ, ngành)' },
    PROVINCE: { description: 'Cấp tỉnh' },
    COMMUNE: { description: 'Cấp xã' },
  },
});

@ObjectType({ description: 'Địa điểm, thời gian tiếp nhận và trả kết quả hồ sơ' })
export class ProcedureReceptionPlace {
  @Field({ description: 'Nơi tiếp nhận và trả kết quả' })
  place!: string;

  @Field(() => String, { nullable: true, description: 'Địa chỉ' })
  address!: string | null;

  @Field({ description: 'Thời gian tiếp nhận và trả kết quả' })
  hours!: string;
}

@ObjectType({ description: 'Một bước của trình tự thực hiện' })
export class ProcedureStep {
  @Field(() => Int, { description: 'Thứ tự, từ 1' })
  order!: number;

  @Field({ description: 'Nội dung bước' })
  description!: string;

  @Field(() => Int, { nullable: true, description: 'Thời gian của bước, ngày làm việc' })
  durationWorkingDays!: number | null;

  @Field(() => Int, { nullable: true, description: 'Thời gian của bước, giờ làm việc' })
  durationWorkingHours!: number | null;
}

@ObjectType({ description: 'Một giấy tờ của thành phần hồ sơ' })
export class ProcedureComponent {
  @Field({ description: 'Tên giấy tờ' })
  name!: string;

  @Field(() => ComponentKind, { description: 'Bản chính, bản sao, bản sao có chứng thực' })
  kind!: ComponentKind;

  @Field(() => Int, { description: 'Số lượng' })
  count!: number;

  @Field(() => String, { nullable: true, description: 'Liên kết tải mẫu' })
  templateUrl!: string | null;
}

@ObjectType({ description: 'Thời hạn giải quyết của một trường hợp (the first is the default case)' })
export class ProcedureProcessingTime {
  @Field({ description: 'Mã trường hợp' })
  caseCode!: string;

  @Field({ description: 'Tên trường hợp' })
  caseName!: string;

  @Field(() => Int, { nullable: true, description: 'Ngày làm việc' })
  workingDays!: number | null;

  @Field(() => Int, { nullable: true, description: 'Giờ làm việc' })
  workingHours!: number | null;
}

@ObjectType({ description: 'Phí, lệ phí của một trường hợp (the first is the default case)' })
export class ProcedureFee {
  @Field({ description: 'Mã trường hợp' })
  caseCode!: string;

  @Field({ description: 'Tên trường hợp' })
  caseName!: string;

  @Field(() => Int, { description: 'Mức thu, đồng (whole VND)' })
  amountVnd!: number;

  @Field(() => String, { nullable: true, description: 'Ghi chú' })
  note!: string | null;
}

@ObjectType({ description: 'Mẫu đơn, mẫu tờ khai' })
export class ProcedureFormTemplate {
  @Field({ description: 'Tên mẫu' })
  name!: string;

  @Field({ description: 'Liên kết tải mẫu' })
  templateUrl!: string;
}

@ObjectType({ description: 'Một văn bản căn cứ pháp lý' })
export class ProcedureLegalBasis {
  @Field({ description: 'Trích yếu' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Số ký hiệu' })
  number!: string | null;

  @Field(() => String, { nullable: true, description: 'Cơ quan ban hành' })
  issuedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'Ngày ban hành, YYYY-MM-DD' })
  issuedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Liên kết tới văn bản' })
  url!: string | null;
}

/** GraphQL type of a procedure (thủ tục hành chính), the entity other subgraphs reference by code. */
import { GraphQLDate } from 'graphql-scalars';
import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { HandlingLevel, ImplementationLevel, ProcedureMethod, ProcedureSubject, type ProcedureAgencies as AgencyCodes } from '../catalogue/procedure-record';
import { EForm } from '../e-form/e-form';
import {
  ProcedureComponent,
  ProcedureFee,
  ProcedureFormTemplate,
  ProcedureLegalBasis,
  ProcedureProcessingTime,
  ProcedureReceptionPlace,
  ProcedureStep,
} from './procedure-criteria';

registerEnumType(ProcedureSubject, {
  name: 'ProcedureSubject',
  description: 'Đối tượng thực hiện thủ tục (who may file it)',
  valuesConfig: {
    INDIVIDUAL: { description: 'Cá nhân' },
    ORGANIZATION: { description: 'Tổ chức' },
  },
});

registerEnumType(ImplementationLevel, {
  name: 'ImplementationLevel',
  description: 'Cấp thực hiện; since 1 July 2025 local government has two tiers, no district level',
  valuesConfig: {
    PROVINCE: { description: 'Cấp tỉnh (sở, ngành, UBND tỉnh/thành phố)' },
    COMMUNE: { description: 'Cấp xã (UBND xã, phường, đặc khu)' },
  },
});

@ObjectType({ description: 'Lĩnh vực thủ tục hành chính (field of administration, e.g. Hộ tịch)' })
export class ProcedureField {
  @Field({ description: 'Mã lĩnh vực' })
  code!: string;

  @Field({ description: 'Tên lĩnh vực' })
  name!: string;
}

@ObjectType({ description: 'Cơ quan có thẩm quyền quyết định (deciding agency)' })
export class ProcedureAgency {
  @Field({ description: 'Mã định danh điện tử của cơ quan (QCVN 102:2016), e.g. 000.00.12.H26' })
  code!: string;

  @Field({ description: 'Tên cơ quan' })
  name!: string;
}

@Directive('@key(fields: "code")')
@ObjectType({ description: 'Thủ tục hành chính (TTHC) as published in the national catalogue' })
export class Procedure {
  @Field({ description: 'Mã thủ tục trên Cổng Dịch vụ công quốc gia (national code), e.g. 1.001193' })
  code!: string;

  @Field({ description: 'Tên thủ tục' })
  name!: string;

  @Field({ description: 'Mô tả: trình tự, cách thức, thành phần hồ sơ tóm tắt' })
  description!: string;

  @Field(() => Int, { description: 'Mức độ dịch vụ công trực tuyến (online service level 1–4)' })
  onlineLevel!: number;

  @Field({ description: 'Dịch vụ công trực tuyến toàn trình (true) hay một phần (false)' })
  fullOnline!: boolean;

  @Field(() => ProcedureField, { description: 'Lĩnh vực' })
  field!: ProcedureField;

  @Field(() => ProcedureAgency, { description: 'Cơ quan thực hiện' })
  agency!: ProcedureAgency;

  @Field(() => ImplementationLevel, { description: 'Cấp thực hiện' })
  implementationLevel!: ImplementationLevel;

  @Field(() => [ProcedureSubject], { description: 'Đối tượng thực hiện' })
  subjects!: ProcedureSubject[];

  @Field(() => Int, { description: 'Thời hạn giải quyết, tính bằng ngày làm việc (working days)' })
  processingDays!: number;

  @Field(() => Int, { description: 'Phí, lệ phí (whole VND; 0 = miễn phí)' })
  feeVnd!: number;

  @Field({ description: 'Kết quả thực hiện thủ tục (result document)' })
  resultDocument!: string;

  @Field(() => [String], { description: 'Căn cứ pháp lý (legal basis)' })
  legalBasis!: string[];

  @Field(() => EForm, { description: 'Tờ khai điện tử (e-form)' })
  eForm!: EForm;

  @Field(() => Int, { description: 'Phiên bản đang hiệu lực (published version)' })
  version!: number;

  @Field(() => GraphQLDate, { description: 'Ngày bắt đầu hiệu lực của phiên bản' })
  effectiveFrom!: string;

  @Field(() => Int, { nullable: true, description: 'Giờ chốt tiếp nhận: sau giờ này hồ sơ tính từ ngày làm việc tiếp theo; null → của cơ quan' })
  cutoffHour!: number | null;

  @Field(() => [ProcedureProcessingTime], { description: 'Thời hạn giải quyết theo từng trường hợp' })
  processingTimes!: ProcedureProcessingTime[];

  @Field(() => [ProcedureFee], { description: 'Phí, lệ phí theo từng trường hợp' })
  fees!: ProcedureFee[];

  @Field(() => [ProcedureReceptionPlace], { description: 'Địa điểm, thời gian tiếp nhận và trả kết quả' })
  receptionPlaces!: ProcedureReceptionPlace[];

  @Field(() => [ProcedureStep], { description: 'Trình tự thực hiện' })
  steps!: ProcedureStep[];

  @Field(() => [ProcedureMethod], { description: 'Cách thức thực hiện' })
  methods!: ProcedureMethod[];

  @Field(() => [ProcedureComponent], { description: 'Thành phần, số lượng hồ sơ' })
  components!: ProcedureComponent[];

  @Field(() => [ProcedureFormTemplate], { description: 'Mẫu đơn, mẫu tờ khai' })
  forms!: ProcedureFormTemplate[];

  @Field(() => [String], { description: 'Yêu cầu, điều kiện thực hiện' })
  requirements!: string[];

  @Field(() => [ProcedureLegalBasis], { description: 'Căn cứ pháp lý, có liên kết' })
  legalBases!: ProcedureLegalBasis[];

  @Field(() => [HandlingLevel], { description: 'Cấp giải quyết' })
  handlingLevels!: HandlingLevel[];

  /** Agency codes behind `agencies`, whose names the field resolver reads from the agency table. */
  agencyCodes!: AgencyCodes;
}

/**
 * GraphQL input of `publishProcedure`: the procedure with its 12 criteria, mirroring ProcedureRecord
 * so that it can be typed in GraphiQL. Checked by `parseProcedureInput` (the one place of the rules);
 * the e-form is a JSON object checked by `parseEFormDefinition`.
 */
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, InputType, Int } from 'type-graphql';
import { ComponentKind, HandlingLevel, ImplementationLevel, ProcedureMethod, ProcedureSubject } from '../catalogue/procedure-record';

@InputType({ description: 'Thời hạn giải quyết của một trường hợp: đúng một trong workingDays, workingHours' })
export class ProcedureProcessingTimeInput {
  @Field() caseCode!: string;
  @Field() caseName!: string;
  @Field(() => Int, { nullable: true }) workingDays?: number | null;
  @Field(() => Int, { nullable: true }) workingHours?: number | null;
}

@InputType({ description: 'Phí, lệ phí của một trường hợp (đồng)' })
export class ProcedureFeeInput {
  @Field() caseCode!: string;
  @Field() caseName!: string;
  @Field(() => Int) amountVnd!: number;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType({ description: 'Địa điểm, thời gian tiếp nhận và trả kết quả' })
export class ProcedureReceptionPlaceInput {
  @Field() place!: string;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field() hours!: string;
}

@InputType({ description: 'Một bước của trình tự thực hiện (order 1..n, không bỏ số)' })
export class ProcedureStepInput {
  @Field(() => Int) order!: number;
  @Field() description!: string;
  @Field(() => Int, { nullable: true }) durationWorkingDays?: number | null;
  @Field(() => Int, { nullable: true }) durationWorkingHours?: number | null;
}

@InputType({ description: 'Một giấy tờ của thành phần hồ sơ' })
export class ProcedureComponentInput {
  @Field() name!: string;
  @Field(() => ComponentKind) kind!: ComponentKind;
  @Field(() => Int) count!: number;
  @Field(() => String, { nullable: true }) templateUrl?: string | null;
}

@InputType({ description: 'Mã định danh của các cơ quan thực hiện' })
export class ProcedureAgenciesInput {
  @Field({ description: 'Cơ quan có thẩm quyền quyết định' }) deciding!: string;
  @Field(() => String, { nullable: true, description: 'Cơ quan được ủy quyền, phân cấp' }) delegated?: string | null;
  @Field(() => [String], { description: 'Cơ quan phối hợp' }) coordinating!: string[];
}

@InputType({ description: 'Mẫu đơn, tờ khai' })
export class ProcedureFormTemplateInput {
  @Field() name!: string;
  @Field() templateUrl!: string;
}

@InputType({ description: 'Một văn bản căn cứ pháp lý' })
export class ProcedureLegalBasisInput {
  @Field() title!: string;
  @Field(() => String, { nullable: true }) number?: string | null;
  @Field(() => String, { nullable: true }) issuedBy?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) issuedOn?: string | null;
  @Field(() => String, { nullable: true }) url?: string | null;
}

@InputType({ description: 'Các tiêu chí của thủ tục ngoài các cột chính' })
export class ProcedureDetailsInput {
  @Field(() => [ProcedureReceptionPlaceInput]) receptionPlaces!: ProcedureReceptionPlaceInput[];
  @Field(() => [ProcedureStepInput]) steps!: ProcedureStepInput[];
  @Field(() => [ProcedureMethod]) methods!: ProcedureMethod[];
  @Field(() => [ProcedureComponentInput]) components!: ProcedureComponentInput[];
  @Field(() => ProcedureAgenciesInput) agencies!: ProcedureAgenciesInput;
  @Field(() => [ProcedureFormTemplateInput]) forms!: ProcedureFormTemplateInput[];
  @Field(() => [String]) requirements!: string[];
  @Field(() => [ProcedureLegalBasisInput]) legalBases!: ProcedureLegalBasisInput[];
  @Field(() => [HandlingLevel]) handlingLevels!: HandlingLevel[];
}

@InputType({ description: 'Thủ tục hành chính để công bố (a new version of the procedure)' })
export class ProcedureInput {
  @Field({ description: 'Mã thủ tục, e.g. 1.001193' }) code!: string;
  @Field() name!: string;
  @Field() description!: string;
  @Field(() => Int, { description: 'Mức độ 1–4' }) onlineLevel!: number;
  @Field(() => Boolean, { nullable: true, description: 'Toàn trình; mặc định true ở mức 4' }) fullOnline?: boolean | null;
  @Field() fieldCode!: string;
  @Field(() => String, { nullable: true, description: 'Mặc định: tên trong danh mục lĩnh vực' }) fieldName?: string | null;
  @Field() agencyCode!: string;
  @Field(() => String, { nullable: true, description: 'Mặc định: tên trong danh mục cơ quan' }) agencyName?: string | null;
  @Field(() => ImplementationLevel) implementationLevel!: ImplementationLevel;
  @Field(() => [ProcedureSubject]) subjects!: ProcedureSubject[];
  @Field(() => [ProcedureProcessingTimeInput], { description: 'Trường hợp đầu tiên là mặc định' }) processingTimes!: ProcedureProcessingTimeInput[];
  @Field(() => [ProcedureFeeInput], { description: 'Trường hợp đầu tiên là mặc định' }) fees!: ProcedureFeeInput[];
  @Field(() => Int, { nullable: true }) cutoffHour?: number | null;
  @Field() resultDocument!: string;
  @Field(() => ProcedureDetailsInput) details!: ProcedureDetailsInput;
  @Field(() => GraphQLJSONObject, { description: 'Tờ khai điện tử: { code, title, fields: [...] }' }) eForm!: Record<string, unknown>;
}

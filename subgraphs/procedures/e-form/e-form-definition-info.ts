/**
 * GraphQL types of a versioned e-form definition and of its input: every rule of every field, so an
 * operator's tool can show and edit exactly what `validateFormData` enforces.
 */
import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { EFormField, toEForm } from './e-form';
import { EFormFieldType } from './e-form-definition';
import type { StoredEFormDefinition } from './e-form-definition-store';

const DESCRIPTIONS = {
  key: 'Khóa của giá trị trong dữ liệu tờ khai: chữ cái đầu, rồi chữ, số, _ (e.g. hoTen)',
  label: 'Nhãn hiển thị (label)',
  required: 'Bắt buộc nhập (required)',
  binding: 'Nguồn dữ liệu điền sẵn, một source path như citizen.fullName; kiểu trường phải phù hợp',
  options: 'Các lựa chọn của trường SELECT',
  pattern: 'Biểu thức chính quy mà toàn bộ giá trị phải khớp (≤ 200 ký tự, không lặp nhóm chứa lặp)',
  minLength: 'Độ dài tối thiểu, ký tự (không dùng cho DATE, SELECT)',
  maxLength: 'Độ dài tối đa, ký tự (không dùng cho DATE, SELECT)',
  min: 'Giá trị nhỏ nhất của trường NUMBER',
  max: 'Giá trị lớn nhất của trường NUMBER',
  minDate: 'Ngày sớm nhất của trường DATE: YYYY-MM-DD hoặc "today"',
  maxDate: 'Ngày muộn nhất của trường DATE: YYYY-MM-DD hoặc "today" (e.g. ngày sinh)',
} as const;

@ObjectType({ description: 'Một phiên bản biểu mẫu điện tử của thủ tục (e-form definition version, seed 003)' })
export class EFormDefinitionInfo {
  @Field({ description: 'Mã thủ tục' })
  procedureCode!: string;

  @Field(() => Int, { description: 'Số phiên bản, tăng dần từ 1' })
  version!: number;

  @Field({ description: 'Mã mẫu tờ khai (form code)' })
  code!: string;

  @Field({ description: 'Tên tờ khai (title)' })
  title!: string;

  @Field(() => [EFormField], { description: 'Các trường, theo thứ tự hiển thị' })
  fields!: EFormField[];

  @Field({ description: 'Thời điểm tạo (created at)' })
  createdAt!: Date;

  @Field({ description: 'Người tạo (principal id)' })
  createdBy!: string;
}

@InputType({ description: 'Một trường của tờ khai; quy tắc nào không dùng thì bỏ trống' })
export class EFormFieldInput {
  @Field({ description: DESCRIPTIONS.key })
  key!: string;

  @Field({ description: DESCRIPTIONS.label })
  label!: string;

  @Field(() => EFormFieldType)
  type!: EFormFieldType;

  @Field({ description: DESCRIPTIONS.required })
  required!: boolean;

  @Field(() => String, { nullable: true, description: DESCRIPTIONS.binding })
  binding?: string | null;

  @Field(() => [String], { nullable: true, description: DESCRIPTIONS.options })
  options?: string[] | null;

  @Field(() => String, { nullable: true, description: DESCRIPTIONS.pattern })
  pattern?: string | null;

  @Field(() => Int, { nullable: true, description: DESCRIPTIONS.minLength })
  minLength?: number | null;

  @Field(() => Int, { nullable: true, description: DESCRIPTIONS.maxLength })
  maxLength?: number | null;

  @Field(() => Float, { nullable: true, description: DESCRIPTIONS.min })
  min?: number | null;

  @Field(() => Float, { nullable: true, description: DESCRIPTIONS.max })
  max?: number | null;

  @Field(() => String, { nullable: true, description: DESCRIPTIONS.minDate })
  minDate?: string | null;

  @Field(() => String, { nullable: true, description: DESCRIPTIONS.maxDate })
  maxDate?: string | null;
}

@InputType({ description: 'Biểu mẫu điện tử (tờ khai) của thủ tục' })
export class EFormInput {
  @Field({ description: 'Mã mẫu tờ khai, e.g. số mẫu trong thông tư' })
  code!: string;

  @Field({ description: 'Tên tờ khai' })
  title!: string;

  @Field(() => [EFormFieldInput], { description: 'Các trường, theo thứ tự hiển thị (ít nhất một)' })
  fields!: EFormFieldInput[];
}

/** GraphQL input → plain definition candidate (type-graphql gives class instances; the validator wants data). */
export function fromEFormInput(input: EFormInput): unknown {
  return { code: input.code, title: input.title, fields: input.fields.map((f) => ({ ...f })) };
}

export function toEFormDefinitionInfo(stored: StoredEFormDefinition): EFormDefinitionInfo {
  return {
    procedureCode: stored.procedureCode,
    version: stored.version,
    ...toEForm(stored.form),
    createdAt: stored.createdAt,
    createdBy: stored.createdBy,
  };
}

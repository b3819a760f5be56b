/**
 * GraphQL types of a versioned e-form definition and of its input: every rule of every field, so an
 * operator's tool can show and edit exactly what `validateFormData` enforces.
 */
import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
// Registers the EFormFieldType enum, which belongs to the e-form type that procedures serve.
import './e-form';
import { EFormFieldType, type EFormFieldDefinition } from './e-form-definition';
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

@ObjectType({ description: 'Định nghĩa một trường của tờ khai, với mọi quy tắc kiểm tra (e-form field definition)' })
export class EFormFieldDefinitionInfo {
  @Field({ description: DESCRIPTIONS.key })
  key!: string;

  @Field({ description: DESCRIPTIONS.label })
  label!: string;

  @Field(() => EFormFieldType)
  type!: EFormFieldType;

  @Field({ description: DESCRIPTIONS.required })
  required!: boolean;

  @Field(() => String, { nullable: true, description: DESCRIPTIONS.binding })
  binding!: string | null;

  @Field(() => [String], { nullable: true, description: DESCRIPTIONS.options })
  options!: string[] | null;

  @Field(() => String, { nullable: true, description: DESCRIPTIONS.pattern })
  pattern!: string | null;

  @Field(() => Int, { nullable: true, description: DESCRIPTIONS.minLength })
  minLength!: number | null;

  @Field(() => Int, { nullable: true, description: DESCRIPTIONS.maxLength })
  maxLength!: number | null;

  @Field(() => Float, { nullable: true, description: DESCRIPTIONS.min })
  min!: number | null;

  @Field(() => Float, { nullable: true, description: DESCRIPTIONS.max })
  max!: number | null;

  @Field(() => String, { nullable: true, description: DESCRIPTIONS.minDate })
  minDate!: string | null;

  @Field(() => String, { nullable: true, description: DESCRIPTIONS.maxDate })
  maxDate!: string | null;
}

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

  @Field(() => [EFormFieldDefinitionInfo], { description: 'Các trường, theo thứ tự hiển thị' })
  fields!: EFormFieldDefinitionInfo[];

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
  const field = (f: EFormFieldDefinition): EFormFieldDefinitionInfo => ({
    key: f.key,
    label: f.label,
    type: f.type,
    required: f.required,
    binding: f.binding ?? null,
    options: f.options ?? null,
    pattern: f.pattern ?? null,
    minLength: f.minLength ?? null,
    maxLength: f.maxLength ?? null,
    min: f.min ?? null,
    max: f.max ?? null,
    minDate: f.minDate ?? null,
    maxDate: f.maxDate ?? null,
  });
  return {
    procedureCode: stored.procedureCode,
    version: stored.version,
    code: stored.form.code,
    title: stored.form.title,
    fields: stored.form.fields.map(field),
    createdAt: stored.createdAt,
    createdBy: stored.createdBy,
  };
}

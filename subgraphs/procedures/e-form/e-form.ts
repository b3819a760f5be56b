/** GraphQL types of the e-form (tờ khai điện tử) that a portal renders and prefills. */
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EFormFieldType, type EFormDefinition } from './e-form-definition';

registerEnumType(EFormFieldType, {
  name: 'EFormFieldType',
  description: 'Kiểu dữ liệu của trường tờ khai (e-form field type); each type has its own validation',
  valuesConfig: {
    TEXT: { description: 'Văn bản tự do' },
    DATE: { description: 'Ngày, dạng YYYY-MM-DD' },
    NUMBER: { description: 'Số' },
    SELECT: { description: 'Một giá trị trong danh sách options' },
    PERSONAL_ID: { description: 'Số định danh cá nhân (12 chữ số)' },
    PHONE: { description: 'Số điện thoại di động (0 và 9 chữ số)' },
    EMAIL: { description: 'Địa chỉ thư điện tử' },
  },
});

@ObjectType({ description: 'Trường của tờ khai điện tử (e-form field)' })
export class EFormField {
  @Field({ description: 'Khóa của giá trị trong dữ liệu tờ khai (key in the submitted form data)' })
  key!: string;

  @Field({ description: 'Nhãn hiển thị (label)' })
  label!: string;

  @Field(() => EFormFieldType)
  type!: EFormFieldType;

  @Field({ description: 'Bắt buộc nhập (required)' })
  required!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Nguồn dữ liệu điền sẵn, ví dụ citizen.fullName (source path the value is prefilled from)',
  })
  binding!: string | null;

  @Field(() => [String], { nullable: true, description: 'Các lựa chọn của trường SELECT (options)' })
  options!: string[] | null;

  @Field(() => String, { nullable: true, description: 'Biểu thức chính quy mà toàn bộ giá trị phải khớp (anchored)' })
  pattern!: string | null;

  @Field(() => Int, { nullable: true, description: 'Độ dài tối đa, tính theo ký tự (max length)' })
  maxLength!: number | null;

  @Field(() => Int, { nullable: true, description: 'Độ dài tối thiểu, tính theo ký tự (min length)' })
  minLength!: number | null;

  @Field(() => Float, { nullable: true, description: 'Giá trị nhỏ nhất của trường NUMBER (inclusive)' })
  min!: number | null;

  @Field(() => Float, { nullable: true, description: 'Giá trị lớn nhất của trường NUMBER (inclusive)' })
  max!: number | null;

  @Field(() => String, { nullable: true, description: 'Ngày sớm nhất của trường DATE: YYYY-MM-DD hoặc "today"' })
  minDate!: string | null;

  @Field(() => String, { nullable: true, description: 'Ngày muộn nhất của trường DATE: YYYY-MM-DD hoặc "today"' })
  maxDate!: string | null;
}

@ObjectType({ description: 'Tờ khai điện tử của thủ tục (e-form, seed 003)' })
export class EForm {
  @Field({ description: 'Mã mẫu tờ khai (form code)' })
  code!: string;

  @Field({ description: 'Tên tờ khai (title)' })
  title!: string;

  @Field(() => [EFormField], { description: 'Các trường, theo thứ tự hiển thị (fields in display order)' })
  fields!: EFormField[];
}

/** Definition → GraphQL object: absent rules become explicit nulls. */
export function toEForm(form: EFormDefinition): EForm {
  return {
    code: form.code,
    title: form.title,
    fields: form.fields.map((f) => ({
      key: f.key,
      label: f.label,
      type: f.type,
      required: f.required,
      binding: f.binding ?? null,
      options: f.options ?? null,
      pattern: f.pattern ?? null,
      maxLength: f.maxLength ?? null,
      minLength: f.minLength ?? null,
      min: f.min ?? null,
      max: f.max ?? null,
      minDate: f.minDate ?? null,
      maxDate: f.maxDate ?? null,
    })),
  };
}

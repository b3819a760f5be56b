/**
 * The prefill of a procedure's e-form for one citizen. This subgraph knows the form and which fields
 * are bound to which source paths; the citizens subgraph extends the entity with the values, read
 * from the national population database (`fields @requires(fields: "bindings { fieldKey sourcePath }")`).
 */
import { Directive, Field, ObjectType } from 'type-graphql';
import { EForm } from '../e-form/e-form';

// Shareable: the citizens subgraph declares the same value type to read it in its @requires.
@Directive('@shareable')
@ObjectType({ description: 'Liên kết trường tờ khai với nguồn dữ liệu (field bound to a source path)' })
export class FieldBinding {
  @Field({ description: 'Khóa trường tờ khai (e-form field key)' })
  fieldKey!: string;

  @Field({ description: 'Nguồn dữ liệu, e.g. citizen.permanentAddress (source path)' })
  sourcePath!: string;
}

@Directive('@key(fields: "procedureCode personalId taxCode")')
@ObjectType({ description: 'Tờ khai điền sẵn cho một công dân (e-form prefill)' })
export class FormPrefill {
  @Field({ description: 'Mã thủ tục' })
  procedureCode!: string;

  @Field({ description: 'Số định danh cá nhân của công dân (validated by the citizens subgraph)' })
  personalId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Mã số doanh nghiệp khi tờ khai có trường organization.* (tax code, validated by the citizens subgraph)',
  })
  taxCode!: string | null;

  @Field(() => EForm, { description: 'Tờ khai điện tử' })
  form!: EForm;

  @Field(() => [FieldBinding], { description: 'Các trường được điền sẵn từ cơ sở dữ liệu, theo thứ tự tờ khai' })
  bindings!: FieldBinding[];
}

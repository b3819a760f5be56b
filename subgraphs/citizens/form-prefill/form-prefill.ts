/**
 * The citizens subgraph's part of `FormPrefill` (owned by procedures): given the form's bindings,
 * it adds `fields`, the values read from the national sources with the source(s) of each one.
 */
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';

export enum PrefillStatus {
  FILLED = 'FILLED',
  MISSING = 'MISSING',
  SOURCE_UNAVAILABLE = 'SOURCE_UNAVAILABLE',
  CONFLICTING = 'CONFLICTING',
}

registerEnumType(PrefillStatus, {
  name: 'PrefillStatus',
  description: 'Kết quả điền sẵn một trường (prefill outcome of one field)',
  valuesConfig: {
    FILLED: { description: 'Đã điền từ nguồn (filled from the source)' },
    MISSING: { description: 'Nguồn không có giá trị này (the source holds no value)' },
    SOURCE_UNAVAILABLE: { description: 'Mọi nguồn không trả lời được; công dân tự nhập (every source failed; type it in)' },
    CONFLICTING: {
      description: 'Các nguồn cho giá trị khác nhau; giá trị là của nguồn ưu tiên, xem candidates (sources disagree)',
    },
  },
});

// Shareable, with the same two fields as the procedures subgraph: read here through @requires.
@Directive('@shareable')
@ObjectType({ description: 'Liên kết trường tờ khai với nguồn dữ liệu (field bound to a source path)' })
export class FieldBinding {
  @Field({ description: 'Khóa trường tờ khai (e-form field key)' })
  fieldKey!: string;

  @Field({ description: 'Nguồn dữ liệu, e.g. citizen.permanentAddress (source path)' })
  sourcePath!: string;
}

@ObjectType({ description: 'Nguồn của một giá trị điền sẵn (where a prefilled value came from)' })
export class ValueSource {
  @Field({ description: 'Hệ thống nguồn, e.g. CSDLQG_DAN_CU (source system)' })
  system!: string;

  @Field({ description: 'Đường dẫn dữ liệu, e.g. citizen.fullName (source path)' })
  path!: string;

  @Field({ description: 'Thời điểm nguồn trả lời (when the source answered)' })
  fetchedAt!: Date;
}

@ObjectType({ description: 'Lỗi của một trường (why a field is not filled)' })
export class FieldError {
  @Field({ description: 'Mã lỗi trong danh mục lỗi, e.g. UPSTREAM_TIMEOUT (catalogue error code)' })
  code!: string;

  @Field({ description: 'Thông báo theo ngôn ngữ của người dùng (message in the caller\'s language)' })
  message!: string;

  @Field(() => String, { nullable: true, description: 'Hệ thống nguồn bị lỗi, nếu có (the failing source system)' })
  system!: string | null;
}

@ObjectType({ description: 'Một giá trị do một nguồn đưa ra (a value offered by one source)' })
export class PrefillCandidate {
  @Field({ description: 'Giá trị (the value)' })
  value!: string;

  @Field(() => ValueSource)
  source!: ValueSource;
}

@ObjectType({ description: 'Một trường tờ khai được điền sẵn (one prefilled e-form field)' })
export class PrefilledField {
  @Field({ description: 'Khóa trường tờ khai (e-form field key)' })
  fieldKey!: string;

  @Field(() => String, { nullable: true, description: 'Giá trị điền sẵn; null khi không có (the value)' })
  value!: string | null;

  @Field(() => PrefillStatus, { description: 'Kết quả điền sẵn (prefill outcome)' })
  status!: PrefillStatus;

  @Field(() => ValueSource, { nullable: true, description: 'Nguồn ưu tiên của giá trị (primary source when FILLED or CONFLICTING)' })
  source!: ValueSource | null;

  @Field(() => [ValueSource], { description: 'Mọi nguồn cho cùng giá trị (every source that gave this value)' })
  sources!: ValueSource[];

  @Field(() => [PrefillCandidate], { description: 'Các giá trị khác nhau khi CONFLICTING (every value when sources disagree)' })
  candidates!: PrefillCandidate[];

  @Field(() => [FieldError], { description: 'Nguồn lỗi trong khi nguồn khác trả lời (sources that failed while another answered)' })
  warnings!: FieldError[];

  @Field(() => FieldError, { nullable: true, description: 'Lý do không điền được (why not filled)' })
  error!: FieldError | null;
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
    description: 'Mã số doanh nghiệp cho các trường organization.* (tax code; INVALID_TAX_CODE when malformed)',
  })
  taxCode!: string | null;

  @Directive('@external')
  @Field(() => [FieldBinding], { description: 'Các trường được điền sẵn (owned by procedures)' })
  bindings!: FieldBinding[];

  @Directive('@requires(fields: "bindings { fieldKey sourcePath }")')
  @Field(() => [PrefilledField], {
    description:
      'Giá trị điền sẵn từ các CSDL quốc gia (dân cư, bảo hiểm, đăng ký doanh nghiệp), theo thứ tự bindings; nguồn lỗi → cảnh báo hoặc ' +
      'SOURCE_UNAVAILABLE, yêu cầu không lỗi. Cán bộ không điền sẵn (FORBIDDEN: officials prefill through a dossier). ' +
      'Errors: UNAUTHENTICATED, INVALID_PERSONAL_ID, INVALID_TAX_CODE, FORBIDDEN',
  })
  fields!: PrefilledField[];
}

/** What the gateway sends: the key plus the required bindings. */
export type FormPrefillRepresentation = Pick<FormPrefill, 'procedureCode' | 'personalId' | 'bindings'> & { taxCode?: string | null };

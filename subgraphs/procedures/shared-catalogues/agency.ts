/** GraphQL types of the agencies (cơ quan) and fields (lĩnh vực) catalogues. */
import { Field, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Cơ quan thực hiện thủ tục hành chính, mã định danh điện tử theo QCVN 102:2016 (agency)' })
export class Agency {
  @Field({ description: 'Mã định danh điện tử, e.g. 000.00.12.H26' })
  code!: string;

  @Field({ description: 'Tên cơ quan' })
  name!: string;

  @Field({ description: 'Cấp: CENTRAL (bộ, ngành), PROVINCE (sở, UBND tỉnh), COMMUNE (UBND xã, phường)' })
  level!: string;

  @Field(() => String, { nullable: true, description: 'Địa chỉ trụ sở' })
  address!: string | null;

  @Field(() => String, { nullable: true, description: 'Số điện thoại' })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'Thư điện tử' })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'Thời gian tiếp nhận hồ sơ, như cơ quan công bố' })
  receptionHours!: string | null;

  @Field(() => Int, { nullable: true, description: 'Giờ sau đó hồ sơ tính từ ngày làm việc kế tiếp; null → mặc định của hệ thống' })
  cutoffHour!: number | null;

  /** Read by the `province` / `commune` field resolvers. */
  provinceCode!: string | null;
  communeCode!: string | null;
}

@InputType({ description: 'Thêm hoặc sửa một cơ quan (agency); các trường tùy chọn bỏ trống thì xóa giá trị cũ' })
export class AgencyInput {
  @Field({ description: 'Mã định danh điện tử (QCVN 102:2016), e.g. 000.00.12.H26' })
  code!: string;

  @Field()
  name!: string;

  @Field({ description: 'CENTRAL, PROVINCE hoặc COMMUNE' })
  level!: string;

  @Field(() => String, { nullable: true, description: 'Mã tỉnh, thành phố (2 chữ số); bắt buộc với PROVINCE và COMMUNE' })
  provinceCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Mã xã, phường, đặc khu (5 chữ số); bắt buộc với COMMUNE, phải thuộc tỉnh' })
  communeCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Mã cơ quan cấp trên' })
  parentCode?: string | null;

  @Field(() => String, { nullable: true })
  address?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  receptionHours?: string | null;

  @Field(() => Int, { nullable: true, description: 'Giờ chốt nhận hồ sơ trong ngày (0–23)' })
  cutoffHour?: number | null;
}

@ObjectType({ description: 'Lĩnh vực thủ tục hành chính trong danh mục dùng chung (field of procedures)' })
export class ProcedureFieldInfo {
  @Field({ description: 'Mã lĩnh vực, e.g. HOTICH' })
  code!: string;

  @Field({ description: 'Tên lĩnh vực, e.g. Hộ tịch' })
  name!: string;
}

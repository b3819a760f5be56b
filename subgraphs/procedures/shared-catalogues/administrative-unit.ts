/** GraphQL types of the administrative units (đơn vị hành chính). */
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../procedure/procedure-connection';
import { AdministrativeUnitKind } from './shipped-units';

registerEnumType(AdministrativeUnitKind, {
  name: 'AdministrativeUnitKind',
  description: 'Cấp đơn vị hành chính: tỉnh/thành phố (PROVINCE) hoặc xã/phường/đặc khu (COMMUNE); không còn cấp huyện từ 1/7/2025',
});

@ObjectType({
  description: 'Đơn vị hành chính theo Quyết định 19/2025/QĐ-TTg (administrative unit: province or commune)',
})
export class AdministrativeUnit {
  @Field({ description: 'Mã đơn vị hành chính: 2 chữ số (tỉnh) hoặc 5 chữ số (xã)' })
  code!: string;

  @Field({ description: 'Tên đầy đủ, e.g. "Phường Ba Đình", "Tỉnh Cao Bằng"' })
  name!: string;

  @Field(() => AdministrativeUnitKind)
  kind!: AdministrativeUnitKind;

  @Field({ description: 'Loại: Thành phố Trung ương, Tỉnh, Phường, Xã, Đặc khu' })
  unitType!: string;

  /** Read by the `province` field resolver. */
  provinceCode!: string | null;
}

@ObjectType({ description: 'Một đơn vị hành chính trong trang kết quả, với con trỏ của nó (edge)' })
export class AdministrativeUnitEdge {
  @Field({ description: 'Con trỏ mờ (opaque cursor) to pass as `after`' })
  cursor!: string;

  @Field(() => AdministrativeUnit)
  node!: AdministrativeUnit;
}

@ObjectType({ description: 'Danh sách đơn vị hành chính, phân trang (administrative unit connection)' })
export class AdministrativeUnitConnection {
  @Field(() => [AdministrativeUnitEdge])
  edges!: AdministrativeUnitEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Tổng số đơn vị khớp điều kiện (all pages)' })
  totalCount!: number;
}

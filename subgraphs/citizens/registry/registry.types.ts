/** GraphQL types of the adapter registry (admin API) and of `adapterLookup`. */
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { Organization } from '../organization/organization';
import { ConnectivityCheck, ExternalPerson } from './unified-types';

@ObjectType('AdapterVersion', { description: 'Một phiên bản đã đăng ký của bộ chuyển đổi: mô tả dịch vụ và tệp ánh xạ (adapter version)' })
export class AdapterVersionView {
  @Field(() => Int)
  version!: number;

  @Field({ description: 'SOAP, REST_JSON hoặc REST_XML' })
  kind!: string;

  @Field({ description: 'Địa chỉ gọi dịch vụ (endpoint)' })
  endpoint!: string;

  @Field({ description: 'Kiểu dữ liệu thống nhất được phục vụ, e.g. Organization (target type)' })
  targetType!: string;

  @Field({ description: 'REGISTERED, APPROVED, ACTIVE, SUPERSEDED hoặc REJECTED' })
  status!: string;

  @Field({ description: 'Tệp ánh xạ như đã tải lên (mapping file)' })
  mapping!: string;

  @Field({ description: 'YAML hoặc JSON' })
  mappingFormat!: string;

  @Field({ description: 'SHA-256 của mô tả dịch vụ và tệp ánh xạ' })
  checksum!: string;

  @Field()
  registeredBy!: string;

  @Field()
  registeredAt!: Date;

  @Field(() => String, { nullable: true })
  approvedBy!: string | null;

  @Field(() => Date, { nullable: true })
  approvedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  activatedAt!: Date | null;
}

@ObjectType('AdapterAccessGrant', { description: 'Quyền sử dụng bộ chuyển đổi cấp cho một bên (access right)' })
export class AdapterAccessGrantView {
  @Field({ description: 'Mã tài khoản, `agency:<mã cơ quan>` hoặc `role:OPERATOR` (client id)' })
  clientId!: string;

  @Field()
  grantedBy!: string;

  @Field()
  grantedAt!: Date;
}

@ObjectType({ description: 'Một bước trong vòng đời bộ chuyển đổi (lifecycle history entry)' })
export class AdapterLifecycleEntry {
  @Field({ description: 'REGISTER, APPROVE, REJECT, ACTIVATE, ROLLBACK, DISABLE, ENABLE, GRANT hoặc REVOKE' })
  action!: string;

  @Field(() => Int, { nullable: true })
  version!: number | null;

  @Field(() => String, { nullable: true })
  fromStatus!: string | null;

  @Field(() => String, { nullable: true })
  toStatus!: string | null;

  @Field()
  actor!: string;

  @Field(() => String, { nullable: true, description: 'Ghi chú, hoặc bên được cấp/thu hồi quyền' })
  note!: string | null;

  @Field()
  at!: Date;
}

@ObjectType({ description: 'Tình trạng bộ chuyển đổi theo tiến trình này (health)' })
export class AdapterHealth {
  @Field({ description: 'CLOSED, OPEN, HALF_OPEN; NOT_LOADED khi chưa được gọi ở tiến trình này' })
  circuitState!: string;

  @Field(() => Int)
  calls!: number;

  @Field(() => Int)
  errors!: number;

  @Field(() => Float, { description: 'Tỷ lệ lỗi, 0–1 (error rate)' })
  errorRate!: number;

  @Field(() => Float, { description: 'Median latency of recent calls, ms' })
  latencyP50Ms!: number;

  @Field(() => Float, { description: '95th percentile latency of recent calls, ms' })
  latencyP95Ms!: number;
}

@ObjectType('RegisteredAdapter', { description: 'Bộ chuyển đổi đã đăng ký của cơ quan hoặc đơn vị tích hợp (registered adapter)' })
export class RegisteredAdapterView {
  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => String, { nullable: true, description: 'Mã cơ quan sở hữu (owner agency code)' })
  ownerAgencyCode!: string | null;

  @Field({ description: 'REGISTERED, APPROVED, ACTIVE hoặc DISABLED' })
  status!: string;

  @Field(() => Int, { nullable: true, description: 'Phiên bản đang phục vụ (active version)' })
  activeVersion!: number | null;

  @Field(() => Int, { description: 'Phiên bản của bản ghi, cho expectedRowVersion (optimistic concurrency)' })
  rowVersion!: number;

  @Field()
  createdBy!: string;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

@ObjectType({ description: 'Kết quả tra cứu qua bộ chuyển đổi; trường theo kiểu đích được điền (adapter lookup)' })
export class AdapterLookup {
  @Field()
  adapter!: string;

  @Field(() => Int)
  version!: number;

  @Field()
  targetType!: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Bản ghi đã ánh xạ; null khi nguồn không có' })
  record!: Record<string, unknown> | null;

  @Field(() => Organization, { nullable: true })
  organization!: Organization | null;

  @Field(() => ExternalPerson, { nullable: true })
  person!: ExternalPerson | null;

  @Field(() => ConnectivityCheck, { nullable: true })
  connectivity!: ConnectivityCheck | null;
}

@ObjectType({ description: 'Kết quả chạy thử với dịch vụ thật, không lưu gì (dry run)' })
export class AdapterDryRun {
  @Field(() => GraphQLJSONObject, { nullable: true })
  record!: Record<string, unknown> | null;

  @Field({ description: 'Câu trả lời thô, tối đa 64 KiB' })
  rawResponse!: string;

  @Field(() => Float)
  durationMs!: number;

  @Field()
  targetType!: string;
}

@InputType('AdapterSourceInput', { description: 'Mô tả dịch vụ và tệp ánh xạ của bộ chuyển đổi (adapter source)' })
export class AdapterSourceInputGql {
  @Field({ description: 'SOAP, REST_JSON hoặc REST_XML' })
  kind!: string;

  @Field({ description: 'Nội dung WSDL, hoặc mô tả điểm cuối REST (JSON)' })
  serviceDescription!: string;

  @Field(() => String, { nullable: true, description: 'Địa chỉ gọi, thay cho địa chỉ trong WSDL. @default the description’s address' })
  endpoint?: string;

  @Field({ description: 'Tệp ánh xạ (YAML hoặc JSON)' })
  mapping!: string;

  @Field({ description: 'YAML hoặc JSON' })
  mappingFormat!: string;
}

@InputType('RegisterAdapterInput', { description: 'Đăng ký bộ chuyển đổi mới, hoặc phiên bản mới của bộ chuyển đổi đã có' })
export class RegisterAdapterInputGql extends AdapterSourceInputGql {
  @Field({ description: 'Tên: chữ thường, chữ số, dấu gạch ngang, e.g. eu-vies' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Mô tả; bắt buộc với bộ chuyển đổi mới. @default the adapter’s description' })
  description?: string;

  @Field(() => String, { nullable: true, description: 'Mã cơ quan sở hữu. @default the official’s agency; none for operators' })
  ownerAgencyCode?: string;
}

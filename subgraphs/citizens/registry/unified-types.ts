/**
 * Unified types that registered adapters may serve (besides Organization): a person held by a foreign
 * or sectoral register, and the answer of a connectivity test service (X-Road's `getRandom` style).
 */
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Người (cá nhân hoặc pháp nhân) theo một hệ thống nguồn bên ngoài, qua bộ chuyển đổi đã đăng ký (external person)' })
export class ExternalPerson {
  @Field({ description: 'Mã định danh trong hệ thống nguồn, e.g. mã số thuế VAT (identifier)' })
  identifier!: string;

  @Field({ description: 'Họ và tên hoặc tên đơn vị (full name)' })
  fullName!: string;

  @Field(() => String, { nullable: true, description: 'Địa chỉ như nguồn ghi (address as the source writes it)' })
  address!: string | null;

  @Field({ description: 'Hệ thống nguồn, e.g. tên bộ chuyển đổi (source system)' })
  source!: string;
}

@ObjectType({ description: 'Kết quả kiểm tra kết nối tới một hệ thống nguồn (connectivity check)' })
export class ConnectivityCheck {
  @Field({ description: 'Hệ thống nguồn trả lời đúng (the source answered)' })
  ok!: boolean;

  @Field(() => Int, { description: 'Số byte của câu trả lời (response size)' })
  responseBytes!: number;

  @Field(() => String, { nullable: true, description: 'Một phần câu trả lời, để đối chiếu (sample of the answer)' })
  sample!: string | null;
}

/** Unified types an adapter's `target` may name, and the field of AdapterLookup each one fills. */
export const LOOKUP_FIELD_OF_TARGET: Readonly<Record<string, 'organization' | 'person' | 'connectivity'>> = {
  Organization: 'organization',
  ExternalPerson: 'person',
  ConnectivityCheck: 'connectivity',
};

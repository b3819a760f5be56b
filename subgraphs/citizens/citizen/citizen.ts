/** The citizen (công dân) entity, keyed by the personal identification number, as CSDLQG về dân cư holds it. */
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import type { Address as AddressRecord, PersonRecord } from '../../../adapters/population-db';

export enum Sex {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}

registerEnumType(Sex, { name: 'Sex', description: 'Giới tính (sex)' });

@ObjectType({ description: 'Địa chỉ theo đơn vị hành chính hiện hành: tỉnh/thành phố và xã/phường (address)' })
export class Address {
  @Field(() => String, { nullable: true, description: 'Số nhà, đường phố, thôn/ấp (house number and street)' })
  street!: string | null;

  @Field({ description: 'Xã, phường, đặc khu (commune or ward)' })
  commune!: string;

  @Field({ description: 'Tỉnh, thành phố trực thuộc trung ương (province)' })
  province!: string;

  @Field({ description: 'Địa chỉ đầy đủ trên một dòng (full address)' })
  full!: string;
}

@Directive('@key(fields: "personalId")')
@ObjectType({ description: 'Công dân, theo Cơ sở dữ liệu quốc gia về dân cư (citizen)' })
export class Citizen {
  @Field({ description: 'Số định danh cá nhân: 12 chữ số (personal identification number)' })
  personalId!: string;

  @Field({ description: 'Họ, chữ đệm và tên (full name)' })
  fullName!: string;

  @Field({ description: 'Ngày, tháng, năm sinh, đúng như nguồn gửi, thường là YYYY-MM-DD (date of birth)' })
  dateOfBirth!: string;

  @Field(() => Sex, { description: 'Giới tính (sex)' })
  sex!: Sex;

  @Field(() => String, { nullable: true, description: 'Dân tộc (ethnicity)' })
  ethnicity!: string | null;

  @Field(() => String, { nullable: true, description: 'Quốc tịch (nationality)' })
  nationality!: string | null;

  @Field(() => String, { nullable: true, description: 'Quê quán (place of origin)' })
  hometown!: string | null;

  @Field(() => Address, { nullable: true, description: 'Nơi thường trú (permanent residence)' })
  permanentAddress!: Address | null;

  @Field(() => Address, { nullable: true, description: 'Nơi ở hiện tại (current residence)' })
  currentAddress!: Address | null;
}

const toAddress = (address: AddressRecord | null): Address | null => (address ? { ...address } : null);

export const toCitizen = (record: PersonRecord): Citizen => ({
  ...record,
  sex: record.sex === 'MALE' ? Sex.MALE : Sex.FEMALE,
  permanentAddress: toAddress(record.permanentAddress),
  currentAddress: toAddress(record.currentAddress),
});

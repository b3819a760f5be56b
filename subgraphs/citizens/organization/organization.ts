/** The organisation (doanh nghiệp) entity, keyed by tax code, as the national business registry holds it. */
import { Directive, Field, ObjectType } from 'type-graphql';
import type { OrganizationRecord } from '../../../adapters/business-registry';
import { Address } from '../citizen/citizen';

@ObjectType({ description: 'Người đại diện theo pháp luật, hoặc người đứng đầu đơn vị phụ thuộc (legal representative)' })
export class LegalRepresentative {
  @Field({ description: 'Họ và tên (full name)' })
  fullName!: string;

  @Field(() => String, { nullable: true, description: 'Số định danh cá nhân (personal identification number)' })
  personalId!: string | null;

  @Field(() => String, { nullable: true, description: 'Chức danh, e.g. Giám đốc (title)' })
  title!: string | null;
}

@Directive('@key(fields: "taxCode")')
@ObjectType({ description: 'Doanh nghiệp hoặc đơn vị phụ thuộc, theo CSDL quốc gia về đăng ký doanh nghiệp (organization)' })
export class Organization {
  @Field({ description: 'Mã số doanh nghiệp: 10 chữ số, hoặc NNNNNNNNNN-NNN cho đơn vị phụ thuộc (tax code)' })
  taxCode!: string;

  @Field({ description: 'Tên doanh nghiệp bằng tiếng Việt (name)' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Tên doanh nghiệp bằng tiếng nước ngoài (English name)' })
  englishName!: string | null;

  @Field({ description: 'Loại hình doanh nghiệp, e.g. Công ty cổ phần (legal form)' })
  legalForm!: string;

  @Field(() => Address, { description: 'Địa chỉ trụ sở chính (head office address)' })
  headOfficeAddress!: Address;

  @Field(() => LegalRepresentative, { nullable: true, description: 'Người đại diện theo pháp luật (legal representative)' })
  legalRepresentative!: LegalRepresentative | null;

  @Field({ description: 'Ngày cấp giấy chứng nhận lần đầu, đúng như nguồn gửi, thường là YYYY-MM-DD (first registration date)' })
  registrationDate!: string;

  @Field({ description: 'Tình trạng hoạt động như nguồn ghi, e.g. Đang hoạt động (status as the registry writes it)' })
  status!: string;
}

export const toOrganization = (record: OrganizationRecord): Organization => ({
  ...record,
  headOfficeAddress: { ...record.headOfficeAddress },
  legalRepresentative: record.legalRepresentative ? { ...record.legalRepresentative } : null,
});

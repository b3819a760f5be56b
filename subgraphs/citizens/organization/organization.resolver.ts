/** Looking an organisation up by tax code. */
import { Args, ArgsType, Ctx, Field, Query, Resolver } from 'type-graphql';
import { toLienthongError } from '../../../adapters/soap';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { CitizensContext } from '../context';
import { Organization, toOrganization } from './organization';

@ArgsType()
export class OrganizationArgs {
  @Field({ description: 'Mã số doanh nghiệp: 10 chữ số, hoặc 13 chữ số cho đơn vị phụ thuộc (có hoặc không có dấu "-")' })
  taxCode!: string;

  @Field({ description: 'Mục đích tra cứu, ghi vào nhật ký truy cập (purpose, logged; required of officials)' })
  purpose!: string;
}

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, {
    nullable: true,
    description:
      'Tra cứu doanh nghiệp trong CSDL quốc gia về đăng ký doanh nghiệp (thông tin công khai; mọi lần tra cứu được ghi nhật ký). ' +
      'Errors: UNAUTHENTICATED, INVALID_TAX_CODE, BAD_USER_INPUT, ORGANIZATION_NOT_FOUND, UPSTREAM_*',
  })
  async organization(@Args() { taxCode, purpose }: OrganizationArgs, @Ctx() ctx: CitizensContext): Promise<Organization> {
    let result;
    try {
      result = await ctx.organizations.load(taxCode, purpose);
    } catch (err) {
      throw toLienthongError(err);
    }
    if (!result.record) throw new LienthongError(ErrorCode.ORGANIZATION_NOT_FOUND, { details: { taxCode: taxCode.trim() } });
    return toOrganization(result.record);
  }
}

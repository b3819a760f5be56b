/** Looking a citizen up by personal identification number. */
import { Args, ArgsType, Ctx, Field, Query, Resolver } from 'type-graphql';
import { ErrorCode, LienthongError } from '../../shared/errors';
import { toLienthongError } from '../../../adapters/soap';
import type { CitizensContext } from '../context';
import { Citizen, toCitizen } from './citizen';

@ArgsType()
export class CitizenArgs {
  @Field({ description: 'Số định danh cá nhân (12 chữ số)' })
  personalId!: string;

  @Field({ description: 'Mục đích tra cứu, ghi vào nhật ký truy cập; cán bộ: "dossier:<mã hồ sơ>" của cơ quan mình (purpose, logged)' })
  purpose!: string;
}

@Resolver(() => Citizen)
export class CitizenResolver {
  @Query(() => Citizen, {
    nullable: true,
    description:
      'Tra cứu công dân trong CSDLQG về dân cư. Công dân chỉ xem được chính mình; cán bộ chỉ cho hồ sơ của cơ quan mình. ' +
      'Errors: UNAUTHENTICATED, INVALID_PERSONAL_ID, FORBIDDEN, BAD_USER_INPUT, CITIZEN_NOT_FOUND, UPSTREAM_*',
  })
  async citizen(
    @Args() { personalId, purpose }: CitizenArgs,
    @Ctx() ctx: CitizensContext,
  ): Promise<Citizen> {
    let result;
    try {
      result = await ctx.citizens.load(personalId, purpose);
    } catch (err) {
      throw toLienthongError(err);
    }
    if (!result.record) {
      throw new LienthongError(ErrorCode.CITIZEN_NOT_FOUND, { details: { personalId } });
    }
    return toCitizen(result.record);
  }
}

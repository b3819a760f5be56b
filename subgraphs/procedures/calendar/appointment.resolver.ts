/** `appointmentDate`: when the result of a dossier received now (or at a given time) is due. */
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { ProceduresContext } from '../context';
import { AppointmentInfo } from './appointment';
import { computeAppointment } from './appointment-date';
import { calendarStoreFor } from './calendar-store-registry';

@Resolver(() => AppointmentInfo)
export class AppointmentResolver {
  @Query(() => AppointmentInfo, {
    description:
      'Ngày hẹn trả kết quả của thủ tục (theo trường hợp) cho hồ sơ tiếp nhận lúc receivedAt (mặc định: bây giờ). ' +
      'Errors: PROCEDURE_NOT_FOUND, BAD_USER_INPUT (caseCode)',
  })
  async appointmentDate(
    @Arg('procedureCode', () => String) procedureCode: string,
    @Arg('caseCode', () => String, { nullable: true, description: 'Mã trường hợp; mặc định trường hợp đầu tiên' }) caseCode: string | null,
    @Arg('receivedAt', () => Date, { nullable: true, description: 'Thời điểm tiếp nhận; mặc định bây giờ' }) receivedAt: Date | null,
    @Ctx() ctx: ProceduresContext,
  ): Promise<AppointmentInfo> {
    const calendar = await calendarStoreFor(ctx.prisma).calendar();
    return computeAppointment({ catalogue: ctx.catalogue, prisma: ctx.prisma, calendar }, { procedureCode, caseCode, receivedAt });
  }
}

/** Queries and operator mutations of the working-day calendar. */
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { ProceduresContext } from '../context';
import { requireOperator } from './calendar-access';
import { CalendarDayInfo, CalendarDayInput } from './calendar-day';
import { deleteCalendarDay, listCalendarDays, requireIsoDate, validCalendarEntry, writeCalendarDay } from './calendar-days';
import { calendarStoreFor } from './calendar-store-registry';

@Resolver(() => CalendarDayInfo)
export class CalendarResolver {
  @Query(() => [CalendarDayInfo], {
    description:
      'Các ngày lễ, nghỉ bù, nghỉ thêm, làm bù của một năm: các ngày trong bảng lịch, và nếu bảng chưa có lịch nghỉ lễ ' +
      'của năm đó thì các ngày tính tự động theo Bộ luật Lao động (computed: true). Errors: BAD_USER_INPUT (year)',
  })
  async calendarDays(@Arg('year', () => Int) year: number, @Ctx() ctx: ProceduresContext): Promise<CalendarDayInfo[]> {
    if (!Number.isInteger(year) || year < 1970 || year > 2199) {
      throw new LienthongError(ErrorCode.BAD_USER_INPUT, {
        vi: 'Năm phải trong khoảng 1970–2199.',
        en: 'year must be within 1970–2199.',
        details: { field: 'year' },
      });
    }
    const calendar = await calendarStoreFor(ctx.prisma).calendar();
    return listCalendarDays(ctx.prisma, calendar, year);
  }

  @Query(() => Boolean, { description: 'Ngày (YYYY-MM-DD) có phải ngày làm việc không. Errors: BAD_USER_INPUT (day)' })
  async isWorkingDay(@Arg('day', () => String) day: string, @Ctx() ctx: ProceduresContext): Promise<boolean> {
    requireIsoDate(day, 'day');
    return (await calendarStoreFor(ctx.prisma).calendar()).isWorkingDay(day);
  }

  @Mutation(() => CalendarDayInfo, {
    description:
      'Thêm hoặc sửa một ngày trong lịch (OPERATOR). Errors: UNAUTHENTICATED, FORBIDDEN, INVALID_CALENDAR_ENTRY ' +
      '(field: day | kind | name | legalBasis)',
  })
  async setCalendarDay(
    @Arg('input', () => CalendarDayInput) input: CalendarDayInput,
    @Ctx() ctx: ProceduresContext,
  ): Promise<CalendarDayInfo> {
    requireOperator(ctx.principal);
    const entry = validCalendarEntry(input);
    const info = await writeCalendarDay(ctx.prisma, entry, ctx.principal.id);
    await calendarStoreFor(ctx.prisma).reload();
    return info;
  }

  @Mutation(() => Boolean, {
    description:
      'Xóa một ngày khỏi lịch (OPERATOR); false nếu ngày đó không có trong bảng. ' +
      'Errors: UNAUTHENTICATED, FORBIDDEN, INVALID_CALENDAR_ENTRY (field: day)',
  })
  async removeCalendarDay(@Arg('day', () => String) day: string, @Ctx() ctx: ProceduresContext): Promise<boolean> {
    requireOperator(ctx.principal);
    requireIsoDate(day, 'day', ErrorCode.INVALID_CALENDAR_ENTRY);
    const removed = await deleteCalendarDay(ctx.prisma, day);
    await calendarStoreFor(ctx.prisma).reload();
    return removed;
  }
}

/** GraphQL types of the working-day calendar (lịch làm việc, ngày nghỉ lễ, nghỉ bù, làm bù). */
import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { CalendarDayKind } from '../../shared/calendar';

registerEnumType(CalendarDayKind, {
  name: 'CalendarDayKind',
  description: 'Loại ngày trong lịch làm việc của cơ quan nhà nước',
  valuesConfig: {
    PUBLIC_HOLIDAY: { description: 'Ngày nghỉ lễ, tết (Bộ luật Lao động 2019, Điều 112)' },
    COMPENSATORY_DAY_OFF: { description: 'Ngày nghỉ bù khi ngày lễ trùng ngày nghỉ hằng tuần (Điều 111, khoản 3)' },
    EXTRA_DAY_OFF: { description: 'Ngày nghỉ thêm theo lịch của Thủ tướng Chính phủ (chỉ ngày thường)' },
    SWAPPED_WORKING_DAY: { description: 'Ngày làm bù (thứ Bảy/Chủ nhật đi làm, đổi cho ngày nghỉ thêm)' },
  },
});

@ObjectType('CalendarDayInfo', {
  description: 'Một ngày khác lệ thường (thứ Hai–thứ Sáu làm, thứ Bảy–Chủ nhật nghỉ) trong lịch làm việc',
})
export class CalendarDayInfo {
  @Field(() => String, { description: 'Ngày, YYYY-MM-DD (giờ Việt Nam)' })
  day!: string;

  @Field(() => CalendarDayKind)
  kind!: CalendarDayKind;

  @Field(() => String, { description: 'Tên ngày, e.g. "Quốc khánh (2/9)"' })
  name!: string;

  @Field(() => String, { description: 'Căn cứ pháp lý (điều luật, quyết định, thông báo)' })
  legalBasis!: string;

  @Field(() => Boolean, { description: 'Ngày làm việc (true chỉ với ngày làm bù)' })
  working!: boolean;

  @Field(() => Boolean, {
    description: 'Tính tự động theo Bộ luật Lao động (date-holidays), không có trong bảng lịch: năm chưa có lịch nghỉ lễ',
  })
  computed!: boolean;

  @Field(() => Boolean, { description: 'Cần cán bộ vận hành xác nhận (dữ liệu kèm theo chưa đối chiếu văn bản, hoặc tính tự động)' })
  needsVerification!: boolean;

  @Field(() => String, { nullable: true, description: 'Ghi chú về điều cần xác nhận' })
  verificationNote?: string | null;

  @Field(() => Date, { nullable: true, description: 'Lần sửa cuối (null với ngày tính tự động)' })
  updatedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Người sửa cuối ("seed" = dữ liệu kèm theo hệ thống)' })
  updatedBy?: string | null;
}

@InputType('CalendarDayInput', { description: 'Một ngày trong lịch làm việc do cán bộ vận hành nhập hoặc sửa' })
export class CalendarDayInput {
  @Field(() => String, { description: 'Ngày, YYYY-MM-DD' })
  day!: string;

  @Field(() => CalendarDayKind, { description: 'SWAPPED_WORKING_DAY chỉ vào thứ Bảy/Chủ nhật; EXTRA_DAY_OFF, COMPENSATORY_DAY_OFF chỉ vào ngày thường' })
  kind!: CalendarDayKind;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'Căn cứ pháp lý, bắt buộc' })
  legalBasis!: string;
}

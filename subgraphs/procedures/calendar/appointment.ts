/** GraphQL type of an appointment (ngày hẹn trả kết quả) computed for a procedure. */
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

export const CutoffSource = { PROCEDURE: 'PROCEDURE', AGENCY: 'AGENCY', DEFAULT: 'DEFAULT' } as const;
export type CutoffSource = (typeof CutoffSource)[keyof typeof CutoffSource];

registerEnumType(CutoffSource, {
  name: 'CutoffSource',
  description: 'Nơi quy định giờ chốt tiếp nhận (cut-off hour)',
  valuesConfig: {
    PROCEDURE: { description: 'Thủ tục quy định riêng' },
    AGENCY: { description: 'Cơ quan tiếp nhận quy định' },
    DEFAULT: { description: 'Mặc định của hệ thống' },
  },
});

@ObjectType('AppointmentInfo', {
  description: 'Ngày hẹn trả kết quả của một thủ tục (và trường hợp) cho thời điểm tiếp nhận hồ sơ, theo lịch làm việc',
})
export class AppointmentInfo {
  @Field(() => String)
  procedureCode!: string;

  @Field(() => String, { nullable: true, description: 'Mã trường hợp giải quyết (null: thủ tục chưa chia trường hợp)' })
  caseCode?: string | null;

  @Field(() => String, { description: 'Tên trường hợp giải quyết' })
  caseName!: string;

  @Field(() => Int, { nullable: true, description: 'Thời hạn giải quyết, ngày làm việc' })
  workingDays?: number | null;

  @Field(() => Float, { nullable: true, description: 'Thời hạn giải quyết, giờ làm việc' })
  workingHours?: number | null;

  @Field(() => Date, { description: 'Thời điểm tiếp nhận' })
  receivedAt!: Date;

  @Field(() => Date, { description: 'Thời điểm bắt đầu tính thời hạn (sau giờ chốt hoặc ngày nghỉ: giờ mở cửa ngày làm việc kế tiếp)' })
  countingStartsAt!: Date;

  @Field(() => Int, { description: 'Giờ chốt tiếp nhận áp dụng (giờ Việt Nam)' })
  cutoffHour!: number;

  @Field(() => CutoffSource)
  cutoffSource!: CutoffSource;

  @Field(() => Date, { description: 'Hạn trả kết quả' })
  dueAt!: Date;

  @Field(() => String, { description: 'Ngày hẹn trả, YYYY-MM-DD (giờ Việt Nam)' })
  dueDate!: string;
}

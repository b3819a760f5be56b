/** GraphQL types of dossier statistics (thống kê kết quả giải quyết hồ sơ). */
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SubmissionChannel } from '../dossier/dossier-status';

export enum StatisticsDimension {
  AGENCY = 'AGENCY',
  PROCEDURE = 'PROCEDURE',
  CHANNEL = 'CHANNEL',
  MONTH = 'MONTH',
}

registerEnumType(StatisticsDimension, {
  name: 'StatisticsDimension',
  description: 'Chiều thống kê: theo cơ quan tiếp nhận, thủ tục, kênh nộp, tháng tiếp nhận (giờ Việt Nam)',
});

@InputType({ description: 'Phạm vi thống kê: hồ sơ tiếp nhận trong kỳ [from, to] (ngày theo giờ Việt Nam)' })
export class DossierStatisticsFilter {
  @Field(() => String, { nullable: true, description: 'Mã cơ quan tiếp nhận; officials: only their own (default)' })
  agencyCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Mã thủ tục' })
  procedureCode?: string | null;

  @Field(() => SubmissionChannel, { nullable: true, description: 'Kênh nộp' })
  channel?: SubmissionChannel | null;

  @Field(() => String, { nullable: true, description: 'Từ ngày tiếp nhận (YYYY-MM-DD, inclusive). Default: no lower bound' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Đến ngày tiếp nhận (YYYY-MM-DD, inclusive). Default: no upper bound' })
  to?: string | null;
}

@ObjectType({
  description:
    'Số liệu của một nhóm hồ sơ tiếp nhận trong kỳ. Finished = DONE or RETURNED, judged by completedAt against the appointment: ' +
    'early (trước hạn) = completed on a calendar day (Vietnam) before the appointment day; on time (đúng hạn) = on the appointment day ' +
    'by its deadline (17:00); late (quá hạn) = after the deadline',
})
export class DossierStatisticsRow {
  @Field(() => String, { nullable: true, description: 'Cơ quan tiếp nhận (when grouped by AGENCY)' })
  agencyCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Thủ tục (when grouped by PROCEDURE)' })
  procedureCode!: string | null;

  @Field(() => SubmissionChannel, { nullable: true, description: 'Kênh nộp (when grouped by CHANNEL)' })
  channel!: SubmissionChannel | null;

  @Field(() => String, { nullable: true, description: 'Tháng tiếp nhận YYYY-MM, giờ Việt Nam (when grouped by MONTH)' })
  month!: string | null;

  @Field(() => Int, { description: 'Số hồ sơ tiếp nhận' })
  received!: number;

  @Field(() => Int, { description: 'Đang giải quyết: NEW, PAYMENT_DUE, ACCEPTED, PROCESSING, SUPPLEMENT_REQUESTED' })
  inProgress!: number;

  @Field(() => Int, {
    description: 'Đang giải quyết, quá hạn: the appointment deadline passed (before the clock was paused, for a supplement request)',
  })
  overdueInProgress!: number;

  @Field(() => Int, { description: 'Đã giải quyết: DONE or RETURNED' })
  finished!: number;

  @Field(() => Int, { description: 'Giải quyết trước hạn' })
  finishedEarly!: number;

  @Field(() => Int, { description: 'Giải quyết đúng hạn' })
  finishedOnTime!: number;

  @Field(() => Int, { description: 'Giải quyết quá hạn' })
  finishedLate!: number;

  @Field(() => Int, { description: 'Không tiếp nhận (NOT_ACCEPTED)' })
  notAccepted!: number;

  @Field(() => Int, { description: 'Công dân rút hồ sơ (WITHDRAWN)' })
  withdrawn!: number;

  @Field(() => Int, { description: 'Dừng xử lý (STOPPED)' })
  stopped!: number;

  @Field(() => Int, { description: 'Số lượt đánh giá mức độ hài lòng' })
  ratingCount!: number;

  @Field(() => Float, { nullable: true, description: 'Mức độ hài lòng trung bình (1–5); null without ratings' })
  averageSatisfaction!: number | null;
}

@ObjectType({ description: 'Báo cáo thống kê hồ sơ' })
export class DossierStatisticsReport {
  @Field({ description: 'The instant "in progress" and "overdue" were judged at' })
  asOf!: Date;

  @Field(() => [DossierStatisticsRow], { description: 'One row per group, ordered by the groups; one row in all without groupBy' })
  rows!: DossierStatisticsRow[];
}

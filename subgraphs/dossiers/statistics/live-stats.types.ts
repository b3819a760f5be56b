/** GraphQL types of the live dossier statistics (thống kê trực tiếp) behind the dashboard. */
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DossierStatus } from '../dossier/dossier-status';

@ObjectType({ description: 'Số hồ sơ đang ở một trạng thái' })
export class DossierStatusCount {
  @Field(() => DossierStatus)
  status!: DossierStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType({
  description:
    'Số liệu trực tiếp của một cơ quan tiếp nhận, over all its dossiers (no period). Overdue and on time as dossierStatistics counts them',
})
export class AgencyLiveStats {
  @Field({ description: 'Mã cơ quan tiếp nhận' })
  agencyCode!: string;

  @Field(() => Int, { description: 'Tổng số hồ sơ đã tiếp nhận' })
  received!: number;

  @Field(() => Int, { description: "Tiếp nhận trong ngày: received on today's Vietnamese calendar day (UTC+7)" })
  receivedToday!: number;

  @Field(() => Int, { description: 'Đang giải quyết: NEW, PAYMENT_DUE, ACCEPTED, PROCESSING, SUPPLEMENT_REQUESTED' })
  processing!: number;

  @Field(() => Int, {
    description: 'Đang giải quyết, quá hạn: the appointment deadline passed (before the clock was paused, for a supplement request)',
  })
  overdue!: number;

  @Field(() => Int, { description: 'Đã giải quyết: DONE or RETURNED' })
  finished!: number;

  @Field(() => Int, { description: 'Giải quyết trước hạn hoặc đúng hạn (by the appointment deadline, 17:00 of the appointment day)' })
  finishedOnTime!: number;

  @Field(() => Float, { nullable: true, description: 'Tỷ lệ đúng hạn: finishedOnTime / finished (0..1); null when nothing is finished' })
  onTimeRate!: number | null;

  @Field(() => [DossierStatusCount], { description: 'Số hồ sơ theo trạng thái: every status, in the order of DossierStatus, zeros included' })
  byStatus!: DossierStatusCount[];
}

@ObjectType({ description: 'Thống kê trực tiếp theo cơ quan: a snapshot at once, then a new one as events arrive' })
export class LiveDossierStats {
  @Field(() => ID, {
    nullable: true,
    description: 'Cursor of the last outbox event reflected; pass it as dossierEvents(after:) to get every later event. Null before any event',
  })
  cursor!: string | null;

  @Field({ description: 'The instant the figures were read at ("overdue" and "today" are judged then)' })
  asOf!: Date;

  @Field(() => [AgencyLiveStats], { description: 'One entry per agency the subscriber may see, ordered by agency code' })
  agencies!: AgencyLiveStats[];
}

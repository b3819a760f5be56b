/** GraphQL types of the national portal sync (đồng bộ hồ sơ lên Cổng Dịch vụ công quốc gia). */
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { PortalSyncDeliveryRow } from './portal-sync-admin';

@ObjectType({ description: 'Một lượt đồng bộ lên Cổng DVCQG: bản ghi hồ sơ (RECORD) hoặc cập nhật tiến độ (PROGRESS) của một sự kiện' })
export class PortalSyncDelivery {
  @Field(() => ID, { description: 'Mã sự kiện (outbox id) the delivery comes from; argument of retryPortalSync' })
  eventId!: string;

  @Field({ description: 'Mã hồ sơ' })
  dossierCode!: string;

  @Field({ description: 'RECORD (đồng bộ hồ sơ lần đầu) or PROGRESS (cập nhật tiến độ)' })
  kind!: string;

  @Field({ description: 'PENDING (chờ gửi), ACKNOWLEDGED (Cổng đã nhận) or FAILED (đã dừng thử lại)' })
  state!: string;

  @Field(() => Int, { description: 'Số lần đã gửi' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'Lỗi của lần gửi gần nhất' })
  lastError!: string | null;

  @Field({ description: 'Lần gửi tiếp theo (PENDING)' })
  nextAttemptAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Thời điểm Cổng DVCQG xác nhận' })
  acknowledgedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Mã hồ sơ trên Cổng DVCQG, once acknowledged' })
  portalRef!: string | null;

  @Field({ description: 'Thời điểm lập' })
  createdAt!: Date;
}

@ObjectType({ description: 'Tồn đọng đồng bộ lên Cổng DVCQG' })
export class PortalSyncBacklog {
  @Field(() => Int, { description: 'Số lượt chờ gửi' })
  pending!: number;

  @Field(() => Int, { description: 'Số lượt đã dừng thử lại, chờ quản trị gửi lại' })
  failed!: number;

  @Field(() => Date, { nullable: true, description: 'Lượt chờ gửi lâu nhất được lập lúc' })
  oldestPendingAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Vị trí (outbox sequence) đã đọc đến' })
  cursor!: string | null;

  @Field(() => [PortalSyncDelivery], { description: 'Các lượt FAILED, cũ nhất trước' })
  failedDeliveries!: PortalSyncDelivery[];
}

export function toPortalSyncDelivery(row: PortalSyncDeliveryRow): PortalSyncDelivery {
  return Object.assign(new PortalSyncDelivery(), {
    eventId: row.eventId.toString(),
    dossierCode: row.dossierCode,
    kind: row.kind,
    state: row.state,
    attempts: row.attempts,
    lastError: row.lastError,
    nextAttemptAt: row.nextAttemptAt,
    acknowledgedAt: row.acknowledgedAt,
    portalRef: row.portalRef,
    createdAt: row.createdAt,
  });
}

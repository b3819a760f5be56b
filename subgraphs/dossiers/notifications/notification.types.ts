import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { NotificationStatus } from './notification-dispatcher';

export enum NotificationChannelKind {
  SMS = 'SMS',
  EMAIL = 'EMAIL',
}

registerEnumType(NotificationChannelKind, {
  name: 'NotificationChannel',
  description: 'Kênh thông báo cho người nộp hồ sơ',
  valuesConfig: { SMS: { description: 'Tin nhắn SMS thương hiệu (brandname)' }, EMAIL: { description: 'Thư điện tử' } },
});

registerEnumType(NotificationStatus, {
  name: 'NotificationStatus',
  description: 'Tình trạng gửi thông báo',
  valuesConfig: {
    SENDING: { description: 'Đang gửi' },
    SENT: { description: 'Nhà cung cấp đã nhận' },
    FAILED: { description: 'Gửi không thành công (xem lỗi)' },
  },
});

@ObjectType({ description: 'Một thông báo (SMS, thư điện tử) đã gửi cho người nộp về hồ sơ' })
export class DossierNotification {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'Id of the dossier event that caused it (the outbox id)' })
  eventId!: string;

  @Field(() => NotificationChannelKind)
  channel!: NotificationChannelKind;

  @Field({ description: 'Số điện thoại (84…) hoặc địa chỉ thư điện tử' })
  recipient!: string;

  @Field({ description: 'Mẫu thông báo, e.g. RECEIVED, SUPPLEMENT_REQUESTED, RESULT_READY, OVERDUE_APOLOGY' })
  template!: string;

  @Field(() => NotificationStatus)
  status!: NotificationStatus;

  @Field(() => String, { nullable: true, description: "The provider's message id" })
  providerRef!: string | null;

  @Field(() => String, { nullable: true, description: 'Why sending failed' })
  error!: string | null;

  @Field()
  createdAt!: Date;
}

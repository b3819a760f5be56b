import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { PostalTrackingStatus } from '../../../adapters/postal';

registerEnumType(PostalTrackingStatus, {
  name: 'PostalTrackingStatus',
  description: 'Hành trình bưu gửi theo doanh nghiệp bưu chính',
  valuesConfig: {
    CREATED: { description: 'Đã tạo đơn' },
    PICKED_UP: { description: 'Bưu tá đã nhận hàng' },
    IN_TRANSIT: { description: 'Đang vận chuyển' },
    DELIVERED: { description: 'Phát thành công' },
    RETURNED: { description: 'Chuyển hoàn cho người gửi' },
  },
});

@ObjectType({ description: 'Một mốc hành trình bưu gửi' })
export class PostalDeliveryEvent {
  @Field(() => PostalTrackingStatus)
  status!: PostalTrackingStatus;

  @Field()
  at!: Date;

  @Field({ description: 'Bưu cục hoặc nơi xảy ra' })
  location!: string;

  @Field()
  description!: string;
}

@ObjectType({ description: 'Chuyển phát kết quả qua bưu chính: đơn hàng và hành trình, as the carrier reports it now' })
export class PostalDelivery {
  @Field({ description: "The carrier's order id" })
  orderId!: string;

  @Field({ description: 'Mã vận đơn (S10), e.g. EL123456785VN' })
  trackingCode!: string;

  @Field(() => PostalTrackingStatus)
  status!: PostalTrackingStatus;

  @Field(() => [PostalDeliveryEvent], { description: 'Oldest first' })
  events!: PostalDeliveryEvent[];
}

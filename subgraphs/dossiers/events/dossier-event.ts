import { Field, ID, ObjectType } from 'type-graphql';
import { DossierStatus } from '../dossier/dossier-status';

@ObjectType({ description: 'Sự kiện hồ sơ: một lần chuyển trạng thái, phát trực tiếp cho dashboard' })
export class DossierEvent {
  @Field(() => ID, { description: 'Event id (the status-history row id)' })
  id!: string;

  @Field(() => ID, {
    description: 'Con trỏ: the event\'s place in the hub\'s event log; pass it as `dossierEvents(after:)` to resume after it',
  })
  cursor!: string;

  @Field()
  dossierCode!: string;

  @Field()
  agencyCode!: string;

  @Field()
  procedureCode!: string;

  @Field(() => DossierStatus, { nullable: true })
  fromStatus!: DossierStatus | null;

  @Field(() => DossierStatus)
  toStatus!: DossierStatus;

  @Field()
  actor!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field()
  at!: Date;
}

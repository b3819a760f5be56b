/** "Who accessed my data": the citizen's view of the access log rows about them. */
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Người đã truy cập dữ liệu (who accessed the data)' })
export class DataAccessActor {
  @Field({ description: 'Mã tài khoản (account id), e.g. official:…' })
  id!: string;

  @Field({ description: 'Vai trò: CITIZEN, OFFICIAL, OPERATOR (role)' })
  role!: string;

  @Field(() => String, { nullable: true, description: 'Mã cơ quan của cán bộ, theo hồ sơ (agency code of an official, from the dossier)' })
  agencyCode!: string | null;
}

@ObjectType({ description: 'Một lần truy cập dữ liệu công dân (one access to the citizen\'s national data)' })
export class DataAccessEntry {
  @Field({ description: 'Thời điểm (when)' })
  at!: Date;

  @Field(() => DataAccessActor)
  actor!: DataAccessActor;

  @Field({ description: 'Mục đích (purpose)' })
  purpose!: string;

  @Field({ description: 'Hệ thống nguồn, e.g. CSDLQG_DAN_CU (source system)' })
  source!: string;

  @Field({ description: 'Kết quả: FOUND, NOT_FOUND, ERROR (outcome)' })
  outcome!: string;

  @Field(() => String, { nullable: true, description: 'Mã hồ sơ làm căn cứ truy cập (dossier that justified it)' })
  dossierCode!: string | null;
}

@ObjectType()
export class DataAccessEdge {
  @Field()
  cursor!: string;

  @Field(() => DataAccessEntry)
  node!: DataAccessEntry;
}

@ObjectType()
export class DataAccessPageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType({ description: 'Nhật ký truy cập dữ liệu của công dân, mới nhất trước (newest first)' })
export class DataAccessConnection {
  @Field(() => [DataAccessEdge])
  edges!: DataAccessEdge[];

  @Field(() => DataAccessPageInfo)
  pageInfo!: DataAccessPageInfo;

  @Field(() => Int, { description: 'Số mục trên trang (entries on this page)' })
  count!: number;
}

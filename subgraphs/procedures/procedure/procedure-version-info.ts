/** GraphQL type of one published version of a procedure. */
import { GraphQLDate } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Một phiên bản đã công bố của thủ tục (published version)' })
export class ProcedureVersionInfo {
  @Field(() => Int, { description: 'Số phiên bản, từ 1' })
  version!: number;

  @Field(() => GraphQLDate, { description: 'Ngày bắt đầu hiệu lực' })
  effectiveFrom!: string;

  @Field({ description: 'Thời điểm công bố' })
  createdAt!: Date;

  @Field({ description: 'Người công bố (tài khoản, seed, import)' })
  createdBy!: string;
}

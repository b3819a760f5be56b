/** Relay-style page of the procedure catalogue. */
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Procedure } from './procedure';

@ObjectType({ description: 'Một thủ tục trong trang kết quả, với con trỏ của nó (edge)' })
export class ProcedureEdge {
  @Field({ description: 'Con trỏ mờ (opaque cursor) to pass as `after`' })
  cursor!: string;

  @Field(() => Procedure)
  node!: Procedure;
}

// Shareable: other subgraphs may page their lists with the same Relay PageInfo.
@Directive('@shareable')
@ObjectType({ description: 'Thông tin phân trang (Relay page info)' })
export class PageInfo {
  @Field({ description: 'Còn trang sau' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Con trỏ của phần tử cuối trang; null khi trang rỗng' })
  endCursor!: string | null;
}

@ObjectType({ description: 'Danh sách thủ tục hành chính, phân trang (procedure connection)' })
export class ProcedureConnection {
  @Field(() => [ProcedureEdge])
  edges!: ProcedureEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Tổng số thủ tục khớp điều kiện (all pages)' })
  totalCount!: number;
}

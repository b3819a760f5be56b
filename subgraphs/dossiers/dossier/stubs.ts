/** References to entities owned by other subgraphs: only their keys live here. */
import { Directive, Field, ObjectType } from 'type-graphql';

@Directive('@key(fields: "code", resolvable: false)')
@ObjectType('Procedure', { description: 'Thủ tục hành chính (owned by the procedures subgraph)' })
export class ProcedureRef {
  @Field()
  code!: string;
}

@Directive('@key(fields: "personalId", resolvable: false)')
@ObjectType('Citizen', { description: 'Công dân (owned by the citizens subgraph)' })
export class CitizenRef {
  @Field()
  personalId!: string;
}

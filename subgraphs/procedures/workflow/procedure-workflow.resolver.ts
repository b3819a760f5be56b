/** `Procedure.workflow`: the latest workflow of a procedure, next to its catalogue entry. */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ProceduresContext } from '../context';
import { Procedure } from '../procedure/procedure';
import { toWorkflowDefinitionInfo, WorkflowDefinitionInfo } from './workflow';
import { latestWorkflowLoader } from './workflow-loader';

@Resolver(() => Procedure)
export class ProcedureWorkflowResolver {
  @FieldResolver(() => WorkflowDefinitionInfo, {
    nullable: true,
    description: 'Quy trình xử lý hiện hành (latest workflow version); null khi chưa định nghĩa',
  })
  async workflow(@Root() procedure: Procedure, @Ctx() ctx: ProceduresContext): Promise<WorkflowDefinitionInfo | null> {
    const stored = await latestWorkflowLoader(ctx).load(procedure.code);
    return stored ? toWorkflowDefinitionInfo(stored) : null;
  }
}

/**
 * Workflow and e-form definitions, created and versioned through the API (seed 002 quy trình,
 * seed 003 e-Form). `DEFINITION_RESOLVERS` joins them to the procedures schema; the rest is for the
 * dossiers subgraph and the hub's start-up.
 */
import { EFormDefinitionResolver } from '../e-form/e-form-definition.resolver';
import { ProcedureWorkflowResolver } from './procedure-workflow.resolver';
import { WorkflowResolver } from './workflow.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const DEFINITION_RESOLVERS: Function[] = [WorkflowResolver, ProcedureWorkflowResolver, EFormDefinitionResolver];

export {
  HOURS_PER_WORKING_DAY,
  WorkflowRole,
  WorkflowStepKind,
  checkWorkflowDefinition,
  defaultWorkflowFor,
  invalidWorkflow,
  parseWorkflowDefinition,
  requireWorkflowDefinition,
  type WorkflowCheck,
  type WorkflowCheckOptions,
  type WorkflowDefinition,
  type WorkflowProblem,
  type WorkflowStep,
} from './workflow-definition';
export { longestPathHours } from './workflow-graph';
export { processingWorkingHours } from './processing-time';
export { listWorkflowVersions, loadLatestWorkflows, loadWorkflow, saveWorkflow, type StoredWorkflow } from './workflow-store';
export { listEFormVersions, loadEFormDefinition, saveEFormDefinition, type StoredEFormDefinition } from '../e-form/e-form-definition-store';

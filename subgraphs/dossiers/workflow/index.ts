/**
 * Dossier processing (seed 002 quy trình): the state machine, the steps of the procedure's workflow
 * and of transfers between agencies, supplements, withdrawal, the result and its return.
 * `WORKFLOW_RESOLVERS` joins it to the dossiers schema; the functions below serve the other parts.
 */
import { DossierResultResolver, DossierWorkflowFieldsResolver } from './dossier-workflow-fields.resolver';
import { WorkflowResolver } from './workflow.resolver';

/** Resolvers of this part of the dossiers subgraph, registered by buildDossiersSchema. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const WORKFLOW_RESOLVERS: Function[] = [WorkflowResolver, DossierWorkflowFieldsResolver, DossierResultResolver];

export { DossierAction, FINAL_STATUSES, TRANSITIONS, allowedActions, invalidTransition, isAllowed, targetStatus } from './dossier-state-machine';
export { OPEN_STEP, StepOutcome, findOpenStep, type DossierStepRow } from './step-rows';
export { completeReturnStep, issueResult, returnResult, type ReturnStepRequest } from './result-actions';
export { acceptDossier, completeStep, rejectDossier, stopDossier } from './processing-actions';
export { requestSupplement, submitSupplement, withdrawDossier } from './supplement-actions';
export { transferDossier } from './transfer';
export { workQueue } from './work-queue';
export type { WorkflowServices, DossierActionRequest } from './acting';
export { addWorkingMinutes, workingMinutesBetween } from './working-time';

/**
 * The per-request loader of procedures' latest workflows. `Procedure.workflow` is asked once per
 * procedure in a list (or per `_entities` representation); the loader makes that one query.
 */
import DataLoader from 'dataloader';
import type { ProceduresContext } from '../context';
import { loadLatestWorkflows, type StoredWorkflow } from './workflow-store';

// Keyed by the request's context object, so a loader lives exactly as long as its request.
const loaders = new WeakMap<object, DataLoader<string, StoredWorkflow | null>>();

export function latestWorkflowLoader(ctx: ProceduresContext): DataLoader<string, StoredWorkflow | null> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader((codes) => loadLatestWorkflows(ctx.prisma, codes));
    loaders.set(ctx, loader);
  }
  return loader;
}

/**
 * Graph rules of a workflow whose steps are each well-formed: the steps and their `next` edges must
 * form a DAG rooted at `start` in which every step is reachable and every path ends at a final step.
 */
import type { WorkflowDefinition, WorkflowProblem } from './workflow-definition';

/** Every graph problem, each naming the step or edge at fault (`steps[2].next[0]`). */
export function graphProblems(workflow: WorkflowDefinition): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  const index = new Map(workflow.steps.map((s, i) => [s.key, i]));

  workflow.steps.forEach((step, i) =>
    step.next.forEach((target, j) => {
      if (!index.has(target)) problems.push({ field: `steps[${i}].next[${j}]`, message: `names no step (${target})` });
    }),
  );
  // Only edges to known steps from here on; unknown targets are reported above.
  const edges = workflow.steps.map((s) => s.next.map((t, j) => ({ to: index.get(t), j })).filter((e) => e.to !== undefined)) as Array<
    Array<{ to: number; j: number }>
  >;

  problems.push(...cycleProblems(workflow, edges));

  const reached = reachableFrom([index.get(workflow.start)!], edges);
  workflow.steps.forEach((step, i) => {
    if (!reached.has(i)) problems.push({ field: `steps[${i}]`, message: `step ${step.key} is not reachable from start` });
  });

  const finals = workflow.steps.flatMap((s, i) => (s.next.length === 0 ? [i] : []));
  if (finals.length === 0) {
    problems.push({ field: 'steps', message: 'no final step (a step whose next is empty)' });
  } else {
    // A reachable step from which no final step can be reached would hold a dossier forever.
    const reverse = workflow.steps.map(() => [] as Array<{ to: number; j: number }>);
    edges.forEach((out, from) => out.forEach((e) => reverse[e.to].push({ to: from, j: e.j })));
    const canFinish = reachableFrom(finals, reverse);
    workflow.steps.forEach((step, i) => {
      if (reached.has(i) && !canFinish.has(i)) {
        problems.push({ field: `steps[${i}]`, message: `no path from step ${step.key} reaches a final step` });
      }
    });
  }
  return problems;
}

function reachableFrom(roots: number[], edges: Array<Array<{ to: number }>>): Set<number> {
  const seen = new Set<number>(roots);
  const queue = [...roots];
  while (queue.length > 0) {
    for (const e of edges[queue.pop()!]) {
      if (!seen.has(e.to)) {
        seen.add(e.to);
        queue.push(e.to);
      }
    }
  }
  return seen;
}

/** One problem per edge that closes a cycle (depth-first search, back edges), naming the cycle. */
function cycleProblems(workflow: WorkflowDefinition, edges: Array<Array<{ to: number; j: number }>>): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  const state = workflow.steps.map(() => 'new' as 'new' | 'open' | 'done');
  const path: number[] = [];
  const visit = (from: number) => {
    state[from] = 'open';
    path.push(from);
    for (const { to, j } of edges[from]) {
      if (state[to] === 'open') {
        const cycle = [...path.slice(path.indexOf(to)), to].map((i) => workflow.steps[i].key);
        problems.push({
          field: `steps[${from}].next[${j}]`,
          message: `closes a cycle (${cycle.join(' → ')}); returning a dossier for supplements is a status, not a step`,
        });
      } else if (state[to] === 'new') visit(to);
    }
    path.pop();
    state[from] = 'done';
  };
  workflow.steps.forEach((_, i) => {
    if (state[i] === 'new') visit(i);
  });
  return problems;
}

/**
 * The longest path from `start` in working hours, and its step keys: the time a dossier needs when
 * every step takes its full allowance. Only for a workflow without graph problems (a DAG).
 */
export function longestPathHours(workflow: WorkflowDefinition): { hours: number; path: string[] } {
  const byKey = new Map(workflow.steps.map((s) => [s.key, s]));
  const memo = new Map<string, { hours: number; path: string[] }>();
  const longest = (key: string): { hours: number; path: string[] } => {
    const known = memo.get(key);
    if (known) return known;
    const step = byKey.get(key)!;
    let best = { hours: 0, path: [] as string[] };
    for (const next of step.next) {
      const candidate = longest(next);
      if (candidate.hours > best.hours) best = candidate;
    }
    const result = { hours: step.durationWorkingHours + best.hours, path: [key, ...best.path] };
    memo.set(key, result);
    return result;
  };
  const { hours, path } = longest(workflow.start);
  return { hours: Math.round(hours * 1000) / 1000, path };
}

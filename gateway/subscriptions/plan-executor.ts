/**
 * Runs the entity-fetch part of a federated query plan on data already in hand — the `rest` of a
 * subscription plan, applied to each event that the owning subgraph streams. It covers the node
 * kinds the planner emits for entity fetches (Sequence, Parallel, Flatten, Fetch); @defer and
 * @context rewrites are refused with a clear error rather than answered wrongly.
 */
import type { GraphQLFormattedError } from 'graphql';
import type { FetchNode, PlanNode, QueryPlanSelectionNode, ResponsePath } from '@apollo/query-planner';

type JsonObject = Record<string, unknown>;

/** Sends one subgraph operation; the gateway binds it to the caller's identity. */
export type SubgraphFetcher = (
  serviceName: string,
  operation: string,
  variables: JsonObject,
) => Promise<{ data?: JsonObject | null; errors?: readonly GraphQLFormattedError[] }>;

export class UnsupportedPlanError extends Error {}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An object of the response and where it sits (list indices included), for error paths. */
interface Located {
  value: JsonObject;
  path: ResponsePath;
}

/** Objects found at `path` below `roots`; `@` walks into every element of a list. */
function objectsAt(roots: Located[], path: ResponsePath): Located[] {
  let current: Array<{ value: unknown; path: ResponsePath }> = roots;
  for (const step of path) {
    const next: Array<{ value: unknown; path: ResponsePath }> = [];
    for (const { value, path: at } of current) {
      if (step === '@') {
        if (Array.isArray(value)) value.forEach((v, i) => next.push({ value: v, path: [...at, i] }));
      } else if (isObject(value)) {
        next.push({ value: value[step as string], path: [...at, step] });
      }
    }
    current = next;
  }
  // A list left at the end of the path (no trailing '@') is walked too.
  const out: Located[] = [];
  const collect = (value: unknown, at: ResponsePath) => {
    if (Array.isArray(value)) value.forEach((v, i) => collect(v, [...at, i]));
    else if (isObject(value)) out.push({ value, path: at });
  };
  for (const { value, path: at } of current) collect(value, at);
  return out;
}

/** The representation of an entity: the fields its `requires` selects, for its own type. */
function selectRequired(value: unknown, selections: readonly QueryPlanSelectionNode[]): unknown {
  if (Array.isArray(value)) return value.map((v) => selectRequired(v, selections));
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const s of selections) {
    if (s.kind === 'InlineFragment') {
      if (!s.typeCondition || s.typeCondition === value.__typename) Object.assign(out, selectRequired(value, s.selections));
      continue;
    }
    const key = s.alias ?? s.name;
    if (!(key in value)) continue;
    out[s.name] = s.selections ? selectRequired(value[key], s.selections) : value[key];
  }
  return out;
}

function deepMerge(target: JsonObject, source: JsonObject): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isObject(existing) && isObject(value)) deepMerge(existing, value);
    else if (Array.isArray(existing) && Array.isArray(value) && existing.length === value.length) {
      value.forEach((v, i) => (isObject(existing[i]) && isObject(v) ? deepMerge(existing[i] as JsonObject, v) : (existing[i] = v)));
    } else target[key] = value;
  }
}

export class PlanExecutor {
  readonly errors: GraphQLFormattedError[] = [];

  constructor(
    private readonly fetcher: SubgraphFetcher,
    private readonly variables: JsonObject,
  ) {}

  async execute(node: PlanNode, data: JsonObject): Promise<void> {
    await this.run(node, [{ value: data, path: [] }], []);
  }

  private async run(node: PlanNode, targets: Located[], path: ResponsePath): Promise<void> {
    switch (node.kind) {
      case 'Sequence':
        for (const child of node.nodes) await this.run(child, targets, path);
        return;
      case 'Parallel':
        await Promise.all(node.nodes.map((child) => this.run(child, targets, path)));
        return;
      case 'Flatten':
        return this.run(node.node, objectsAt(targets, node.path), [...path, ...node.path]);
      case 'Fetch':
        return this.fetch(node, targets, path);
      default:
        throw new UnsupportedPlanError(`Query plan node ${node.kind} is not supported in subscriptions`);
    }
  }

  private async fetch(node: FetchNode, targets: Located[], path: ResponsePath): Promise<void> {
    if (node.inputRewrites?.length || node.outputRewrites?.length || node.contextRewrites?.length) {
      throw new UnsupportedPlanError('Query plan rewrites are not supported in subscriptions');
    }
    const variables: JsonObject = {};
    for (const name of node.variableUsages ?? []) if (name in this.variables) variables[name] = this.variables[name];

    if (!node.requires) {
      // A root fetch: its result merges into every target (normally the one root object).
      const result = await this.call(node, variables, path, []);
      if (result) for (const target of targets) deepMerge(target.value, result);
      return;
    }
    // Only entities of a type this fetch can resolve take part (an abstract field may hold others).
    const entities = targets.filter((t) => Object.keys(selectRequired(t.value, node.requires!) as JsonObject).length > 0);
    if (entities.length === 0) return;
    variables.representations = entities.map((e) => selectRequired(e.value, node.requires!));
    const result = await this.call(node, variables, path, entities);
    const resolved = (result?._entities as unknown[] | undefined) ?? [];
    entities.forEach((entity, i) => {
      if (isObject(resolved[i])) deepMerge(entity.value, resolved[i] as JsonObject);
    });
  }

  /** A subgraph's error path (`_entities`, i, …) rewritten to where entity i sits in the response. */
  private clientPath(errorPath: readonly (string | number)[] | undefined, entities: Located[], fallback: ResponsePath): (string | number)[] {
    if (errorPath?.[0] === '_entities' && typeof errorPath[1] === 'number' && entities[errorPath[1]]) {
      return [...entities[errorPath[1]].path, ...errorPath.slice(2)];
    }
    return errorPath ? [...errorPath] : fallback.filter((p) => p !== '@');
  }

  private async call(node: FetchNode, variables: JsonObject, path: ResponsePath, entities: Located[]): Promise<JsonObject | null> {
    try {
      const response = await this.fetcher(node.serviceName, node.operation, variables);
      for (const error of response.errors ?? []) this.errors.push({ ...error, path: this.clientPath(error.path, entities, path) });
      return response.data ?? null;
    } catch (err) {
      this.errors.push({
        message: `Could not reach the ${node.serviceName} subgraph: ${(err as Error).message}`,
        path: path.filter((p) => p !== '@'),
        extensions: { code: 'UPSTREAM_UNAVAILABLE', serviceName: node.serviceName },
      });
      return null;
    }
  }
}

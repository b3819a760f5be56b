/**
 * Static limits on a parsed, validated operation, decided before anything runs: how deep it nests,
 * how many aliases it uses, and what it would cost. The cost is deliberately simple and pessimistic:
 * 1 per field, and a list field multiplies what is under it by the page it asks for (`first`,
 * `last` or `limit`) or, without one, by an assumed page size. A connection's `edges`/`nodes`
 * under a paged field are the page itself, so they are not multiplied a second time.
 * Introspection (`__schema`, `__type`) never reaches a subgraph: it costs 1 and has its own depth limit.
 */
import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { ErrorCode, LienthongError } from '../../subgraphs/shared/errors';

export interface OperationLimits {
  /** Deepest field nesting (`{ a { b } }` is 2); an introspection field counts 1 here. @default 12 */
  maxDepth?: number;
  /**
   * Deepest nesting under `__schema`/`__type`: tools' standard introspection query nests type
   * references about 14 deep, over `maxDepth`, and is cheap (it never reaches a subgraph). @default 20
   */
  maxIntrospectionDepth?: number;
  /** Static cost budget (see the module comment). @default 5000 */
  maxCost?: number;
  /** Aliased fields, counted once per place a fragment is spread. @default 30 */
  maxAliases?: number;
  /** Items assumed for a list field without a paging argument. @default 20 */
  assumedPageSize?: number;
}

export const DEFAULT_OPERATION_LIMITS: Required<OperationLimits> = Object.freeze({ maxDepth: 12, maxIntrospectionDepth: 20, maxCost: 5000, maxAliases: 30, assumedPageSize: 20 });

export interface OperationMeasure {
  depth: number;
  /** Deepest nesting under an introspection root field, counting it (0 without one). */
  introspectionDepth: number;
  cost: number;
  aliases: number;
}

const PAGING_ARGUMENTS = new Set(['first', 'last', 'limit']);
const PAGE_CONTENTS = new Set(['edges', 'nodes']);
/** Fragments spread inside fragments beyond this are not followed (validation forbids cycles anyway). */
const MAX_FRAGMENT_NESTING = 64;

/** The operation `operationName` designates, or the only one. */
export function selectOperation(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName) return operations.find((o) => o.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

/**
 * Depth, cost and aliases of one operation. Fields unknown to `schema` (there are none after
 * validation) count 1 and are not multiplied.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName?: string | null,
  variables: Record<string, unknown> = {},
  assumedPageSize = DEFAULT_OPERATION_LIMITS.assumedPageSize,
): OperationMeasure {
  const operation = selectOperation(document, operationName);
  if (!operation) return { depth: 0, introspectionDepth: 0, cost: 0, aliases: 0 };
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const rootType =
    operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();

  const pageOf = (value: ValueNode): number | undefined => {
    const raw = value.kind === Kind.VARIABLE ? variables[value.name.value] : value.kind === Kind.INT ? Number(value.value) : undefined;
    return typeof raw === 'number' && Number.isFinite(raw) ? Math.max(0, raw) : undefined;
  };

  let aliases = 0;
  let introspectionDepth = 0;
  /** Returns [cost, depth] of a selection set, `nesting` counting fragment spreads followed. */
  const walk = (set: SelectionSetNode, parent: GraphQLNamedType | undefined, insidePage: boolean, nesting: number): [number, number] => {
    let cost = 0;
    let depth = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) aliases++;
        const field = parent ? fieldOf(parent, selection.name.value) : undefined;
        const childType = field ? getNamedType(field.type) : undefined;
        const isList = field ? isListType(getNullableType(field.type)) : false;
        const pagingArgument = selection.arguments?.find((a) => PAGING_ARGUMENTS.has(a.name.value));
        const requested = pagingArgument ? pageOf(pagingArgument.value) : undefined;
        // A paged field (list or connection) costs its page; a list inside a connection's page is that page.
        const unpagedList = isList ? (insidePage && PAGE_CONTENTS.has(selection.name.value) ? 1 : assumedPageSize) : 1;
        const multiplier = requested ?? unpagedList;
        const [childCost, childDepth] = selection.selectionSet
          ? walk(selection.selectionSet, childType, requested !== undefined && !isList, nesting)
          : [0, 0];
        const introspectionRoot = selection.name.value === '__schema' || selection.name.value === '__type';
        // Introspection is answered by the gateway from its schema, bounded by the schema's size: 1.
        cost += introspectionRoot ? 1 : 1 + multiplier * childCost;
        if (introspectionRoot) introspectionDepth = Math.max(introspectionDepth, 1 + childDepth);
        depth = Math.max(depth, introspectionRoot ? 1 : 1 + childDepth);
      } else {
        if (nesting >= MAX_FRAGMENT_NESTING) continue;
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
        if (!fragment) continue;
        const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
        const [fragmentCost, fragmentDepth] = walk(fragment.selectionSet, condition ?? parent, insidePage, nesting + 1);
        cost += fragmentCost;
        depth = Math.max(depth, fragmentDepth);
      }
    }
    return [cost, depth];
  };
  const [cost, depth] = walk(operation.selectionSet, rootType ?? undefined, false, 0);
  return { depth, introspectionDepth, cost, aliases };
}

/** The field `name` of an object or interface type; scalars, enums and unions have none. */
function fieldOf(type: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}

/** The first limit `operation` goes over, as the typed error to answer with; undefined when within all. */
export function checkOperationLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
  limits: OperationLimits = {},
): LienthongError | undefined {
  const resolved = { ...DEFAULT_OPERATION_LIMITS, ...limits };
  const measure = measureOperation(schema, document, operationName, variables ?? {}, resolved.assumedPageSize);
  if (measure.depth > resolved.maxDepth) {
    return new LienthongError(ErrorCode.QUERY_TOO_DEEP, { details: { depth: measure.depth, maxDepth: resolved.maxDepth } });
  }
  if (measure.introspectionDepth > resolved.maxIntrospectionDepth) {
    const details = { depth: measure.introspectionDepth, maxDepth: resolved.maxIntrospectionDepth, introspection: true };
    return new LienthongError(ErrorCode.QUERY_TOO_DEEP, { details });
  }
  if (measure.aliases > resolved.maxAliases) {
    return new LienthongError(ErrorCode.TOO_MANY_ALIASES, { details: { aliases: measure.aliases, maxAliases: resolved.maxAliases } });
  }
  if (measure.cost > resolved.maxCost) {
    return new LienthongError(ErrorCode.QUERY_TOO_COMPLEX, { details: { cost: measure.cost, maxCost: resolved.maxCost } });
  }
  return undefined;
}

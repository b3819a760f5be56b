/**
 * The subscription plan executor runs the `rest` of a federated plan on each event: entity fetches
 * (Flatten + Fetch) whose results are merged back into the event's data. Plans are built by hand
 * here, plus one real plan from the committed supergraph.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OperationTypeNode, parse, type GraphQLFormattedError } from 'graphql';
import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import { QueryPlanner, type FetchNode, type FlattenNode, type PlanNode, type QueryPlanSelectionNode } from '@apollo/query-planner';
import { PlanExecutor, UnsupportedPlanError, type SubgraphFetcher } from '../../gateway/subscriptions/plan-executor';

type Json = Record<string, unknown>;
interface Call { serviceName: string; operation: string; variables: Json }
type Answer = (call: Call) => Promise<{ data?: Json | null; errors?: GraphQLFormattedError[] }> | { data?: Json | null; errors?: GraphQLFormattedError[] };

/** A fetcher that records every call and answers with `answer`. */
function fakeFetcher(answer: Answer): SubgraphFetcher & { calls: Call[] } {
  const calls: Call[] = [];
  const fetcher = async (serviceName: string, operation: string, variables: Json) => {
    const call = { serviceName, operation, variables: structuredClone(variables) };
    calls.push(call);
    return answer(call);
  };
  return Object.assign(fetcher, { calls });
}

const keyOf = (type: string, ...fields: string[]): QueryPlanSelectionNode[] => [
  { kind: 'InlineFragment', typeCondition: type, selections: [{ kind: 'Field', name: '__typename' }, ...fields.map((name) => ({ kind: 'Field' as const, name }))] },
];
const fetchNode = (serviceName: string, extra: Partial<FetchNode> = {}): FetchNode => ({
  kind: 'Fetch', serviceName, operation: `query{${serviceName}}`, operationName: undefined, operationKind: OperationTypeNode.QUERY, ...extra,
});
const flatten = (path: (string | number)[], node: PlanNode): FlattenNode => ({ kind: 'Flatten', path, node });
/** Answers `_entities` by mapping each representation. */
const entities = (map: (rep: Json) => Json | null) => (c: Call) => ({ data: { _entities: (c.variables.representations as Json[]).map(map) } });

describe('PlanExecutor', () => {
  it('builds representations from the entities at an `@` path, skipping other types, and merges results in order', async () => {
    const data: Json = {
      events: [
        { id: 'e1', subject: { __typename: 'Procedure', code: 'P1', extra: 'x', detail: { a: 1 } } },
        { id: 'e2', subject: { __typename: 'Citizen', code: 'C1' } },
        { id: 'e3', subject: null },
        { id: 'e4', subject: { __typename: 'Procedure', code: 'P2', detail: { a: 2 } } },
      ],
    };
    const fetcher = fakeFetcher(entities((rep) => ({ name: `name of ${rep.code}`, detail: { b: `${rep.code}!` } })));
    const executor = new PlanExecutor(fetcher, {});
    await executor.execute(flatten(['events', '@', 'subject'], fetchNode('procedures', { requires: keyOf('Procedure', 'code') })), data);

    expect(fetcher.calls).toHaveLength(1);
    expect(fetcher.calls[0].serviceName).toBe('procedures');
    expect(fetcher.calls[0].variables.representations).toEqual([
      { __typename: 'Procedure', code: 'P1' },
      { __typename: 'Procedure', code: 'P2' },
    ]);
    const events = data.events as Json[];
    expect(events[0].subject).toEqual({ __typename: 'Procedure', code: 'P1', extra: 'x', name: 'name of P1', detail: { a: 1, b: 'P1!' } });
    expect(events[1].subject).toEqual({ __typename: 'Citizen', code: 'C1' });
    expect(events[2].subject).toBeNull();
    expect(events[3].subject).toEqual({ __typename: 'Procedure', code: 'P2', name: 'name of P2', detail: { a: 2, b: 'P2!' } });
    expect(executor.errors).toEqual([]);
  });

  it('selects nested and aliased required fields by their response name', async () => {
    const data: Json = { d: { __typename: 'Dossier', id: 'D1', owner: { pid: '001', other: true }, myCode: 'X' } };
    const requires: QueryPlanSelectionNode[] = [
      { kind: 'InlineFragment', typeCondition: 'Dossier', selections: [
        { kind: 'Field', name: '__typename' },
        { kind: 'Field', name: 'id' },
        { kind: 'Field', name: 'owner', selections: [{ kind: 'Field', name: 'pid' }] },
        { kind: 'Field', name: 'code', alias: 'myCode' },
      ] },
    ];
    const fetcher = fakeFetcher(entities(() => ({ fee: 50000 })));
    await new PlanExecutor(fetcher, {}).execute(flatten(['d'], fetchNode('payments', { requires })), data);
    expect(fetcher.calls[0].variables.representations).toEqual([{ __typename: 'Dossier', id: 'D1', owner: { pid: '001' }, code: 'X' }]);
    expect((data.d as Json).fee).toBe(50000);
  });

  it('makes no call when no entity at the path has the required type', async () => {
    const fetcher = fakeFetcher(entities(() => ({})));
    const data: Json = { list: [{ __typename: 'Citizen', code: 'C' }] };
    await new PlanExecutor(fetcher, {}).execute(flatten(['list', '@'], fetchNode('procedures', { requires: keyOf('Procedure', 'code') })), data);
    expect(fetcher.calls).toEqual([]);
  });

  it('runs a Sequence in order, so a later fetch sees what an earlier one merged', async () => {
    const fetcher = fakeFetcher((c) =>
      c.serviceName === 'dossiers'
        ? entities(() => ({ procedure: { __typename: 'Procedure', code: 'P9' } }))(c)
        : entities((rep) => ({ name: `N-${rep.code}` }))(c),
    );
    const data: Json = { event: { __typename: 'Dossier', id: 'D1' } };
    const plan: PlanNode = { kind: 'Sequence', nodes: [
      flatten(['event'], fetchNode('dossiers', { requires: keyOf('Dossier', 'id') })),
      flatten(['event', 'procedure'], fetchNode('procedures', { requires: keyOf('Procedure', 'code') })),
    ] };
    await new PlanExecutor(fetcher, {}).execute(plan, data);
    expect(fetcher.calls.map((c) => c.serviceName)).toEqual(['dossiers', 'procedures']);
    expect(data).toEqual({ event: { __typename: 'Dossier', id: 'D1', procedure: { __typename: 'Procedure', code: 'P9', name: 'N-P9' } } });
  });

  it('runs every branch of a Parallel concurrently', async () => {
    const log: string[] = [];
    const fetcher = fakeFetcher(async (c) => {
      log.push(`start ${c.serviceName}`);
      await new Promise((r) => setImmediate(r));
      log.push(`end ${c.serviceName}`);
      return { data: { [c.serviceName]: true } };
    });
    const data: Json = {};
    await new PlanExecutor(fetcher, {}).execute({ kind: 'Parallel', nodes: [fetchNode('a'), fetchNode('b'), fetchNode('c')] }, data);
    expect(data).toEqual({ a: true, b: true, c: true });
    expect(log.slice(0, 3)).toEqual(['start a', 'start b', 'start c']);
  });

  it('forwards only the variables the fetch uses', async () => {
    const fetcher = fakeFetcher(() => ({ data: {} }));
    await new PlanExecutor(fetcher, { agency: 'G01', locale: 'vi', secret: 's' }).execute(fetchNode('procedures', { variableUsages: ['agency', 'missing'] }), {});
    expect(fetcher.calls[0].variables).toEqual({ agency: 'G01' });
  });

  it('reports a throwing fetcher as UPSTREAM_UNAVAILABLE at the path and leaves the data as it was', async () => {
    const fetcher = fakeFetcher(() => { throw new Error('ECONNREFUSED'); });
    const data: Json = { events: [{ procedure: { __typename: 'Procedure', code: 'P1' } }] };
    const before = structuredClone(data);
    const executor = new PlanExecutor(fetcher, {});
    await executor.execute(flatten(['events', '@', 'procedure'], fetchNode('procedures', { requires: keyOf('Procedure', 'code') })), data);
    expect(data).toEqual(before);
    expect(executor.errors).toHaveLength(1);
    expect(executor.errors[0].path).toEqual(['events', 'procedure']);
    expect(executor.errors[0].extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'procedures' });
    expect(executor.errors[0].message).toContain('procedures');
    expect(executor.errors[0].message).toContain('ECONNREFUSED');
  });

  it('collects subgraph errors; one without a path gets the plan path', async () => {
    const fetcher = fakeFetcher((c) => ({
      data: { _entities: [null] },
      errors: [{ message: 'denied', path: ['_entities', 0], extensions: { code: 'FORBIDDEN' } }, { message: 'no path' }],
    }));
    const data: Json = { d: { __typename: 'Dossier', id: 'D1' } };
    const executor = new PlanExecutor(fetcher, {});
    await executor.execute(flatten(['d'], fetchNode('dossiers', { requires: keyOf('Dossier', 'id') })), data);
    expect(executor.errors.map((e) => e.message)).toEqual(['denied', 'no path']);
    expect(executor.errors[0].extensions).toEqual({ code: 'FORBIDDEN' });
    expect(executor.errors[1].path).toEqual(['d']);
    expect(data).toEqual({ d: { __typename: 'Dossier', id: 'D1' } });
  });

  it('rewrites an `_entities` error path to where that entity sits in the response', async () => {
    const fetcher = fakeFetcher(() => ({
      data: { _entities: [{ name: 'A' }, null] },
      errors: [{ message: 'gone', path: ['_entities', 1, 'name'], extensions: { code: 'PROCEDURE_NOT_FOUND' } }],
    }));
    const data: Json = { list: [{ p: { __typename: 'Procedure', code: 'A' } }, { p: { __typename: 'Procedure', code: 'B' } }] };
    const executor = new PlanExecutor(fetcher, {});
    await executor.execute(flatten(['list', '@', 'p'], fetchNode('procedures', { requires: keyOf('Procedure', 'code') })), data);
    expect(executor.errors[0].path).toEqual(['list', 1, 'p', 'name']);
  });

  it('refuses Defer and Condition nodes with UnsupportedPlanError', async () => {
    const fetcher = fakeFetcher(() => ({ data: {} }));
    const defer: PlanNode = { kind: 'Defer', primary: { node: fetchNode('a') }, deferred: [] };
    const condition: PlanNode = { kind: 'Condition', condition: 'flag', ifClause: fetchNode('a') };
    await expect(new PlanExecutor(fetcher, {}).execute(defer, {})).rejects.toBeInstanceOf(UnsupportedPlanError);
    await expect(new PlanExecutor(fetcher, {}).execute(condition, {})).rejects.toThrow(/Condition/);
    expect(fetcher.calls).toEqual([]);
  });

  it.each([
    ['inputRewrites', { inputRewrites: [{ kind: 'ValueSetter' as const, path: ['x'], setValueTo: 'y' }] }],
    ['outputRewrites', { outputRewrites: [{ kind: 'KeyRenamer' as const, path: ['x'], renameKeyTo: 'y' }] }],
    ['contextRewrites', { contextRewrites: [{ kind: 'KeyRenamer' as const, path: ['x'], renameKeyTo: 'y' }] }],
  ])('refuses a fetch with %s', async (_name, extra) => {
    const fetcher = fakeFetcher(() => ({ data: {} }));
    await expect(new PlanExecutor(fetcher, {}).execute(fetchNode('a', extra), {})).rejects.toBeInstanceOf(UnsupportedPlanError);
    expect(fetcher.calls).toEqual([]);
  });

  it('runs the rest of a real subscription plan: procedure names come from the procedures subgraph', async () => {
    const supergraph = Supergraph.build(readFileSync(join(__dirname, '../../schema/supergraph.graphql'), 'utf8'));
    const document = parse('subscription { dossierEvents { id dossier { code procedure { name } } } }');
    const plan = new QueryPlanner(supergraph).buildQueryPlan(operationFromDocument(supergraph.schema, document)).node;
    if (plan?.kind !== 'Subscription' || !plan.rest) throw new Error(`unexpected plan ${plan?.kind}`);
    expect(plan.primary.serviceName).toBe('dossiers');

    const fetcher = fakeFetcher(entities((rep) => ({ name: `Thủ tục ${rep.code}` })));
    const data: Json = { dossierEvents: { id: 'ev1', dossier: { code: 'H01', procedure: { __typename: 'Procedure', code: '1.001193' } } } };
    const executor = new PlanExecutor(fetcher, {});
    await executor.execute(plan.rest, data);
    expect(fetcher.calls.map((c) => c.serviceName)).toEqual(['procedures']);
    expect(fetcher.calls[0].operation).toContain('_entities');
    expect(fetcher.calls[0].variables.representations).toEqual([{ __typename: 'Procedure', code: '1.001193' }]);
    expect(data).toEqual({ dossierEvents: { id: 'ev1', dossier: { code: 'H01', procedure: { __typename: 'Procedure', code: '1.001193', name: 'Thủ tục 1.001193' } } } });
    expect(executor.errors).toEqual([]);
  });
});

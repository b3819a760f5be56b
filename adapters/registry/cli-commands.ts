/** The commands of `lienthong-adapters`: each turns flags into one GraphQL operation and prints the result. */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { callGateway, UsageError, type GatewayTarget, type ParsedArgs } from './cli-args';

const ADAPTER_FIELDS = 'name description ownerAgencyCode status activeVersion rowVersion';
const FULL_FIELDS = `${ADAPTER_FIELDS}
  versions { version kind endpoint targetType status registeredBy approvedBy }
  grants { clientId grantedBy }
  history { action version fromStatus toStatus actor note at }
  health { circuitState calls errors errorRate latencyP50Ms latencyP95Ms }`;

interface Adapter {
  name: string;
  description: string;
  ownerAgencyCode: string | null;
  status: string;
  activeVersion: number | null;
  rowVersion: number;
  versions?: Array<{ version: number; kind: string; endpoint: string; targetType: string; status: string; registeredBy: string; approvedBy: string | null }>;
  grants?: Array<{ clientId: string; grantedBy: string }>;
  history?: Array<{ action: string; version: number | null; fromStatus: string | null; toStatus: string | null; actor: string; note: string | null; at: string }>;
  health?: { circuitState: string; calls: number; errors: number; errorRate: number; latencyP50Ms: number; latencyP95Ms: number };
}

export type Print = (line: string) => void;
type Command = (args: ParsedArgs, target: GatewayTarget, print: Print) => Promise<void>;

function need(args: ParsedArgs, flag: string, positionalIndex?: number): string {
  const value = args.flags[flag] ?? (positionalIndex === undefined ? undefined : args.positional[positionalIndex]);
  if (!value || value === 'true') throw new UsageError(`--${flag} is required`);
  return value;
}

function intFlag(args: ParsedArgs, flag: string, required: boolean): number | undefined {
  const raw = args.flags[flag];
  if (raw === undefined) {
    if (required) throw new UsageError(`--${flag} is required`);
    return undefined;
  }
  if (!/^\d+$/.test(raw)) throw new UsageError(`--${flag} must be a whole number`);
  return Number(raw);
}

/** The source named by --wsdl or --rest (+ --mapping); undefined when neither is given. */
function sourceFrom(args: ParsedArgs): Record<string, unknown> | undefined {
  const wsdl = args.flags.wsdl;
  const rest = args.flags.rest;
  if (!wsdl && !rest) return undefined;
  if (wsdl && rest) throw new UsageError('give --wsdl or --rest, not both');
  const mappingFile = need(args, 'mapping');
  const descriptionFile = (wsdl ?? rest)!;
  const kind = wsdl ? 'SOAP' : (args.flags.kind ?? (extname(descriptionFile).toLowerCase() === '.xml' ? 'REST_XML' : 'REST_JSON'));
  return {
    kind,
    serviceDescription: readFileSync(descriptionFile, 'utf8'),
    mapping: readFileSync(mappingFile, 'utf8'),
    mappingFormat: extname(mappingFile).toLowerCase() === '.json' ? 'JSON' : 'YAML',
    ...(args.flags.endpoint ? { endpoint: args.flags.endpoint } : {}),
  };
}

function printAdapter(print: Print, a: Adapter): void {
  print(`${a.name}  ${a.status}  active version: ${a.activeVersion ?? '-'}  owner: ${a.ownerAgencyCode ?? '-'}  row version: ${a.rowVersion}`);
  if (a.description) print(`  ${a.description}`);
  for (const v of a.versions ?? []) print(`  v${v.version}  ${v.status}  ${v.kind} → ${v.targetType}  ${v.endpoint}`);
  if (a.grants) print(`  access: ${a.grants.map((g) => g.clientId).join(', ') || '(nobody)'}`);
  if (a.health) {
    const h = a.health;
    print(`  health: circuit ${h.circuitState}, ${h.calls} calls, error rate ${(h.errorRate * 100).toFixed(1)}%, p50 ${h.latencyP50Ms} ms, p95 ${h.latencyP95Ms} ms`);
  }
  for (const e of a.history ?? []) print(`  ${e.at}  ${e.action}${e.version ? ` v${e.version}` : ''}  ${e.fromStatus ?? ''}→${e.toStatus ?? ''}  by ${e.actor}${e.note ? `  (${e.note})` : ''}`);
}

/** A lifecycle mutation taking the adapter's name and maybe a version. */
function lifecycle(field: string, withVersion: boolean, extra: Record<string, [string, string]> = {}): Command {
  return async (args, target, print) => {
    const variables: Record<string, unknown> = { name: need(args, 'name', 0) };
    const params = ['$name: String!'];
    const passed = ['name: $name'];
    if (withVersion) {
      variables.version = intFlag(args, 'version', true);
      params.push('$version: Int!');
      passed.push('version: $version');
    }
    for (const [flag, [argName, type]] of Object.entries(extra)) {
      if (args.flags[flag] === undefined) continue;
      variables[argName] = type.startsWith('Int') ? intFlag(args, flag, false) : args.flags[flag];
      params.push(`$${argName}: ${type}`);
      passed.push(`${argName}: $${argName}`);
    }
    const data = await callGateway<Record<string, Adapter>>(target, `mutation(${params.join(', ')}) { ${field}(${passed.join(', ')}) { ${ADAPTER_FIELDS} } }`, variables);
    printAdapter(print, data[field]);
  };
}

const rowVersion: Record<string, [string, string]> = { 'expected-row-version': ['expectedRowVersion', 'Int'] };

export const COMMANDS: Record<string, Command> = {
  async register(args, target, print) {
    const source = sourceFrom(args);
    if (!source) throw new UsageError('register needs --wsdl <file> or --rest <file>, and --mapping <file>');
    const input = { ...source, name: need(args, 'name', 0), ...(args.flags.description ? { description: args.flags.description } : {}), ...(args.flags.owner ? { ownerAgencyCode: args.flags.owner } : {}) };
    if (!input.description) input.description = `Adapter ${input.name}`;
    const data = await callGateway<{ registerAdapter: Adapter }>(target, `mutation($input: RegisterAdapterInput!) { registerAdapter(input: $input) { ${FULL_FIELDS} } }`, { input });
    const latest = data.registerAdapter.versions?.at(-1);
    print(`registered ${data.registerAdapter.name} version ${latest?.version ?? '?'} (${latest?.targetType ?? '?'}), awaiting an operator's approval`);
    printAdapter(print, data.registerAdapter);
  },
  approve: lifecycle('approveAdapterVersion', true, rowVersion),
  reject: lifecycle('rejectAdapterVersion', true, { note: ['note', 'String'] }),
  activate: lifecycle('activateAdapterVersion', true, rowVersion),
  rollback: lifecycle('rollbackAdapter', false, rowVersion),
  disable: lifecycle('disableAdapter', false, rowVersion),
  enable: lifecycle('enableAdapter', false, rowVersion),
  async grant(args, target, print) {
    const data = await callGateway<{ grantAdapterAccess: Adapter }>(target, `mutation($name: String!, $client: String!) { grantAdapterAccess(name: $name, clientId: $client) { ${ADAPTER_FIELDS} grants { clientId grantedBy } } }`, { name: need(args, 'name', 0), client: need(args, 'client', 1) });
    printAdapter(print, data.grantAdapterAccess);
  },
  async revoke(args, target, print) {
    const data = await callGateway<{ revokeAdapterAccess: Adapter }>(target, `mutation($name: String!, $client: String!) { revokeAdapterAccess(name: $name, clientId: $client) { ${ADAPTER_FIELDS} grants { clientId grantedBy } } }`, { name: need(args, 'name', 0), client: need(args, 'client', 1) });
    printAdapter(print, data.revokeAdapterAccess);
  },
  async 'dry-run'(args, target, print) {
    let input: unknown;
    try {
      input = JSON.parse(need(args, 'input'));
    } catch (err) {
      if (err instanceof UsageError) throw err;
      throw new UsageError('--input must be a JSON object');
    }
    if (!input || typeof input !== 'object' || Array.isArray(input)) throw new UsageError('--input must be a JSON object');
    const data = await callGateway<{ dryRunAdapter: { record: unknown; rawResponse: string; durationMs: number; targetType: string } }>(
      target,
      'mutation($name: String!, $input: JSONObject!, $version: Int, $source: AdapterSourceInput) { dryRunAdapter(name: $name, input: $input, version: $version, source: $source) { record rawResponse durationMs targetType } }',
      { name: need(args, 'name', 0), input, version: intFlag(args, 'version', false) ?? null, source: sourceFrom(args) ?? null },
    );
    const r = data.dryRunAdapter;
    print(`${r.targetType} in ${Math.round(r.durationMs)} ms:`);
    print(JSON.stringify(r.record, null, 2));
    if (args.flags.raw) print(r.rawResponse);
  },
  async list(_args, target, print) {
    const data = await callGateway<{ adapters: Adapter[] }>(target, `{ adapters { ${ADAPTER_FIELDS} } }`, {});
    if (!data.adapters.length) print('(no adapters)');
    for (const a of data.adapters) print(`${a.name}  ${a.status}  active version: ${a.activeVersion ?? '-'}  owner: ${a.ownerAgencyCode ?? '-'}`);
  },
  async show(args, target, print) {
    const data = await callGateway<{ adapter: Adapter }>(target, `query($name: String!) { adapter(name: $name) { ${FULL_FIELDS} } }`, { name: need(args, 'name', 0) });
    printAdapter(print, data.adapter);
  },
};

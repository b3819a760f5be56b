/** Argument parsing and GraphQL calls of the `lienthong-adapters` CLI. */

export interface CliIo {
  /** Where results are printed. @default process.stdout */
  out: (line: string) => void;
  /** Where errors are printed. @default process.stderr */
  err: (line: string) => void;
  /** HTTP client. @default globalThis.fetch */
  fetch: typeof fetch;
}

export interface ParsedArgs {
  command: string | undefined;
  /** Positional arguments after the command. */
  positional: string[];
  flags: Record<string, string>;
}

/** Flags that take no value. */
const SWITCHES = new Set(['help', 'json']);

/** `cmd a b --x 1 --y=2 --json` → { command: 'cmd', positional: ['a','b'], flags: { x: '1', y: '2', json: 'true' } }. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const key = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (eq > 0) flags[key] = arg.slice(eq + 1);
    else if (SWITCHES.has(key) || i + 1 >= argv.length || argv[i + 1].startsWith('--')) flags[key] = 'true';
    else flags[key] = argv[++i];
  }
  return { command: positional.shift(), positional, flags };
}

/** A usage mistake: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/** A GraphQL error as the gateway returns it. */
export interface GraphqlErrorBody {
  message: string;
  path?: Array<string | number>;
  extensions?: { code?: string; issues?: Array<{ path: string; message: string }>; [key: string]: unknown };
}

/** The gateway answered with errors: each is printed with its code and the mapping fields it names. */
export class GatewayErrors extends Error {
  constructor(readonly errors: GraphqlErrorBody[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

export interface GatewayTarget {
  url: string;
  token?: string;
  fetch: typeof fetch;
}

/** Posts one operation; throws GatewayErrors when the answer carries errors. */
export async function callGateway<T>(target: GatewayTarget, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await target.fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(target.token ? { authorization: `Bearer ${target.token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: { data?: T; errors?: GraphqlErrorBody[] };
  try {
    body = JSON.parse(text);
  } catch {
    throw new GatewayErrors([{ message: `The gateway answered HTTP ${response.status} with no GraphQL body: ${text.slice(0, 200)}`, extensions: { code: 'BAD_GATEWAY_RESPONSE' } }]);
  }
  if (body.errors?.length) throw new GatewayErrors(body.errors);
  if (!body.data) throw new GatewayErrors([{ message: `The gateway answered HTTP ${response.status} without data`, extensions: { code: 'BAD_GATEWAY_RESPONSE' } }]);
  return body.data;
}

/** The error lines printed for a failed command. */
export function describeErrors(errors: readonly GraphqlErrorBody[]): string[] {
  const lines: string[] = [];
  for (const e of errors) {
    lines.push(`error ${e.extensions?.code ?? 'UNKNOWN'}: ${e.message}`);
    for (const issue of e.extensions?.issues ?? []) lines.push(`  - ${issue.path}: ${issue.message}`);
  }
  return lines;
}

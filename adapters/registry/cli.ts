#!/usr/bin/env node
/**
 * `lienthong-adapters <command> --gateway <url> --token <token> …`: registers and manages adapters
 * through the gateway's admin GraphQL API (npm script `adapters`). Exit code 0 on success, 1 when the
 * gateway refused (the typed error and each mapping issue's path are printed), 2 on a usage mistake.
 */
import { callGateway, describeErrors, GatewayErrors, parseArgs, UsageError, type CliIo } from './cli-args';
import { COMMANDS } from './cli-commands';

export { callGateway };

/** Where the CLI talks to when --gateway is not given. */
export const DEFAULT_GATEWAY_URL = 'http://localhost:4000/graphql';

export const USAGE = `usage: lienthong-adapters <command> [--gateway <url>] --token <token> [options]

  register  --name <name> (--wsdl <file> | --rest <file> [--kind REST_JSON|REST_XML]) --mapping <file.yaml|file.json>
            [--endpoint <url>] [--owner <agency code>] [--description <text>]
  approve   <name> --version <n> [--expected-row-version <n>]
  reject    <name> --version <n> [--note <text>]
  activate  <name> --version <n> [--expected-row-version <n>]
  rollback | disable | enable  <name> [--expected-row-version <n>]
  grant | revoke  <name> --client <account id | agency:<code> | role:OPERATOR>
  dry-run   <name> --input '<json>' [--version <n>] [--wsdl|--rest <file> --mapping <file>] [--raw]
  list
  show      <name>

--gateway defaults to ${DEFAULT_GATEWAY_URL}.`;

/** Runs one command; returns the exit code. Tests call it in-process with their own `io`. */
export async function runCli(argv: string[], io: Partial<CliIo> = {}): Promise<number> {
  const out = io.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const err = io.err ?? ((line: string) => process.stderr.write(`${line}\n`));
  const args = parseArgs(argv);
  if (!args.command || args.flags.help || !(args.command in COMMANDS)) {
    (args.command && !args.flags.help ? err : out)(args.command && !(args.command in COMMANDS) ? `unknown command: ${args.command}\n${USAGE}` : USAGE);
    return args.command && !args.flags.help ? 2 : 0;
  }
  const target = { url: args.flags.gateway ?? DEFAULT_GATEWAY_URL, token: args.flags.token, fetch: io.fetch ?? fetch };
  try {
    await COMMANDS[args.command](args, target, out);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      err(`${args.command}: ${e.message}`);
      return 2;
    }
    if (e instanceof GatewayErrors) {
      for (const line of describeErrors(e.errors)) err(line);
      return 1;
    }
    err(`error: ${(e as Error).message}`); // unreadable file, gateway unreachable
    return 1;
  }
}

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

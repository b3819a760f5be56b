/**
 * The hub's one logger (pino, JSON lines). Every line written while a request is handled carries
 * that request's id and, once an operation names one, the dossier code (mã hồ sơ): the context
 * lives in AsyncLocalStorage, so resolvers, jobs and adapters log without passing it around, and the
 * adapters' HTTP exchanges forward the same id upstream.
 *
 * Callers ask for `logger('component')` when they log, not at import: the process configures the
 * root (level, destination) once at start, after modules are loaded.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import pino, { type DestinationStream, type Logger } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** What every line logged inside a request carries. */
export interface LogContext {
  /** Correlation id: the caller's `x-request-id` when well-formed, else generated at the gateway. */
  requestId?: string;
  /** The dossier the operation is about (mã hồ sơ), when it names one. */
  dossierCode?: string;
}

export interface LoggingOptions {
  /** Lowest level written. @default "warn" (until the process configures it from LOG_LEVEL) */
  level?: LogLevel;
  /** One readable line per entry instead of JSON; for development consoles only. @default false */
  pretty?: boolean;
  /** Where lines go (tests pass a memory stream). @default standard error, synchronously */
  destination?: DestinationStream;
}

/** Header carrying the request id between gateway, subgraphs and upstream systems. */
export const REQUEST_ID_HEADER = 'x-request-id';

// Letters, digits and . _ : - only: the id is echoed into logs and upstream headers, so no spaces,
// newlines or quotes a caller could use to forge log lines.
const WELL_FORMED_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

const contextStorage = new AsyncLocalStorage<LogContext>();

let root: Logger = buildRoot({});
let children = new Map<string, Logger>();

function buildRoot(options: LoggingOptions): Logger {
  const destination = options.destination ?? (options.pretty ? prettyDestination() : pino.destination({ dest: 2, sync: true }));
  return pino(
    {
      level: options.level ?? 'warn',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Read at each line, so a child made before the request still logs the request's context.
      mixin: () => ({ ...contextStorage.getStore() }),
    },
    destination,
  );
}

/** Sets the process's level and destination; loggers obtained afterwards use them. Returns the root. */
export function configureLogging(options: LoggingOptions): Logger {
  root = buildRoot(options);
  children = new Map();
  return root;
}

/** The logger of one component (`gateway`, `outbox`, `dossiers`, …); cheap to call at each log. */
export function logger(component: string): Logger {
  let child = children.get(component);
  if (!child) {
    child = root.child({ component });
    children.set(component, child);
  }
  return child;
}

/** Keeps a caller's request id when well-formed, else makes one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && WELL_FORMED_REQUEST_ID.test(value) ? value : randomUUID();
}

/** Runs `fn` with `context` attached to every line it (and what it awaits) logs. */
export function withLogContext<T>(context: LogContext, fn: () => T): T {
  return contextStorage.run({ ...context }, fn);
}

/** The context of the request being handled, if any (read by adapters to forward the request id). */
export function currentLogContext(): Readonly<LogContext> | undefined {
  return contextStorage.getStore();
}

/** Adds to the current request's context (e.g. the dossier code once the operation is parsed). */
export function annotateLogContext(extra: LogContext): void {
  const store = contextStorage.getStore();
  if (store) Object.assign(store, extra);
}

/** A destination that keeps every entry, parsed, in memory (tests; nothing else should hold logs). */
export interface MemoryLogDestination extends DestinationStream {
  readonly entries: Array<Record<string, unknown>>;
}

export function memoryLogDestination(): MemoryLogDestination {
  const entries: Array<Record<string, unknown>> = [];
  return {
    entries,
    write(line: string) {
      entries.push(JSON.parse(line) as Record<string, unknown>);
    },
  };
}

/** Minimal human-readable lines (no pino-pretty dependency): `12:00:01 INFO [outbox] msg key=value`. */
function prettyDestination(): DestinationStream {
  const skip = new Set(['level', 'time', 'pid', 'component', 'msg']);
  return {
    write(line: string) {
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        const fields = Object.entries(entry)
          .filter(([k]) => !skip.has(k))
          .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
        const time = String(entry.time ?? '').slice(11, 19);
        const component = entry.component ? ` [${entry.component}]` : '';
        process.stderr.write(`${time} ${String(entry.level).toUpperCase()}${component} ${entry.msg ?? ''} ${fields.join(' ')}\n`);
      } catch {
        process.stderr.write(line);
      }
    },
  };
}

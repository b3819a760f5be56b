/**
 * Request-scoped logging for the HTTP servers (gateway and subgraphs): an express middleware that
 * opens the log context with the request id, and an Apollo plugin that adds the dossier code when the
 * operation names one and logs one line per operation with its type, outcome code and duration.
 */
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import type { RequestHandler } from 'express';
import { Kind, type OperationDefinitionNode, type ValueNode } from 'graphql';
import { annotateLogContext, logger, REQUEST_ID_HEADER, requestIdFrom, withLogContext } from './logging';

/** Argument and variable names that hold a dossier code across the graph. */
const DOSSIER_CODE_NAMES = new Set(['code', 'dossierCode']);

/**
 * Opens the log context for the request: the caller's `x-request-id` when well-formed, else a new
 * one, echoed in the response so a citizen's support ticket can quote it.
 */
export function requestContextMiddleware(): RequestHandler {
  return (req, res, next) => {
    const requestId = requestIdFrom(req.header(REQUEST_ID_HEADER));
    // Downstream readers of the header (Apollo's context builders) see the validated id.
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    withLogContext({ requestId }, () => next());
  };
}

/** The dossier code an operation names: a variable or a top-level field argument `code`/`dossierCode`. */
export function dossierCodeOf(operation: OperationDefinitionNode | undefined, variables: Record<string, unknown> | undefined): string | undefined {
  const fromValue = (value: ValueNode): string | undefined => {
    if (value.kind === Kind.STRING) return value.value;
    if (value.kind === Kind.VARIABLE) {
      const v = variables?.[value.name.value];
      return typeof v === 'string' ? v : undefined;
    }
    if (value.kind === Kind.OBJECT) {
      for (const field of value.fields) if (DOSSIER_CODE_NAMES.has(field.name.value)) return fromValue(field.value);
    }
    return undefined;
  };
  for (const selection of operation?.selectionSet.selections ?? []) {
    if (selection.kind !== Kind.FIELD) continue;
    for (const arg of selection.arguments ?? []) {
      const code = DOSSIER_CODE_NAMES.has(arg.name.value) ? fromValue(arg.value) : undefined;
      if (code) return code;
    }
  }
  for (const [name, value] of Object.entries(variables ?? {})) {
    if (DOSSIER_CODE_NAMES.has(name) && typeof value === 'string') return value;
  }
  return undefined;
}

/** The first error's `extensions.code`, or `ok`: the outcome label of logs and metrics. */
export function outcomeOf(requestContext: Pick<GraphQLRequestContext<object>, 'errors' | 'response'>): string {
  const body = requestContext.response?.body;
  return outcomeOfErrors(requestContext.errors ?? (body?.kind === 'single' ? body.singleResult.errors : undefined));
}

/** `ok` without errors, else the first one's `extensions.code` (INTERNAL when it has none). */
export function outcomeOfErrors(errors: ReadonlyArray<{ extensions?: Record<string, unknown> }> | undefined): string {
  if (!errors?.length) return 'ok';
  const code = errors[0].extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL';
}

/** What the log line of one finished operation says. */
export interface OperationLogLine {
  operationType: string;
  operationName?: string;
  /** `ok`, or the first error's code (see outcomeOf). */
  outcome: string;
  durationMs: number;
}

/** Writes the line of one finished operation, in the request's log context; INTERNAL outcomes as errors. */
export function logOperation(service: string, line: OperationLogLine): void {
  const log = logger(service);
  if (line.outcome === 'INTERNAL') log.error(line, 'operation failed');
  else log.info(line, 'operation');
}

/** Logs each GraphQL operation once, at its end, with the request's context. */
export function operationLoggingPlugin(service: string): ApolloServerPlugin<object> {
  return {
    async requestDidStart() {
      const startedAt = performance.now();
      let operationType = 'unknown';
      return {
        async didResolveOperation({ operation, request }) {
          operationType = operation?.operation ?? 'unknown';
          const dossierCode = dossierCodeOf(operation, request.variables);
          if (dossierCode) annotateLogContext({ dossierCode });
        },
        async willSendResponse(requestContext) {
          logOperation(service, {
            operationType,
            operationName: requestContext.operationName ?? undefined,
            outcome: outcomeOf(requestContext),
            durationMs: Math.round(performance.now() - startedAt),
          });
        },
      };
    },
  };
}

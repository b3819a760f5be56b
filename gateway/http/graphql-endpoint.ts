/**
 * `POST /graphql` with a JSON body, served on Node's HTTP server without Express: the request id and
 * log context, HTTP metrics, the body limits and batch refusal, then either the direct path for a
 * prepared query (direct-queries.ts) or Apollo Server's own HTTP handling for everything else. Other
 * methods, paths and body types stay with Express, which answers them as before.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import Negotiator from 'negotiator';
import { annotateLogContext, REQUEST_ID_HEADER, requestIdFrom, withLogContext } from '../../subgraphs/shared/logging';
import { dossierCodeOf, logOperation, outcomeOfErrors } from '../../subgraphs/shared/logging-request';
import type { ServerMetrics } from '../../subgraphs/shared/federation/metrics';
import type { LienthongError } from '../../subgraphs/shared/errors';
import type { GatewayContext } from '../context';
import { batchRefusal, isRefusedBatch } from '../plugins/abuse-limits';
import { localizeResultErrors } from '../plugins/localize-errors-plugin';
import type { OperationGuard } from '../plugins/request-guard';
import { formatErrors, type DirectQueries, type DirectResult, type PreparedQuery } from './direct-queries';
import { isPlainJsonRequest, readJsonBody } from './request-body';

const JSON_TYPE = 'application/json; charset=utf-8';
const JSON_CALLBACK_TYPE = 'application/json; callbackSpec=1.0; charset=utf-8';
/** In Apollo Server's order of preference (its MEDIA_TYPES). */
const SINGLE_RESULT_TYPES = [JSON_TYPE, 'application/graphql-response+json; charset=utf-8', JSON_CALLBACK_TYPE];

export interface GraphqlEndpointOptions {
  /** The path served. @default "/graphql" */
  path?: string;
  apollo: ApolloServer<GatewayContext>;
  /** Prepared queries. */
  direct: DirectQueries;
  guard: OperationGuard;
  /** The caller's context; rejects (UNAUTHENTICATED) on a bad token. */
  contextFor(req: IncomingMessage, requestId: string): Promise<GatewayContext>;
  /** Largest body accepted. */
  maxBodyBytes: number;
  /** Where HTTP requests and operations are counted; undefined counts nothing. @default undefined */
  metrics?: ServerMetrics;
  /** While true, nothing takes the direct path (Apollo answers a stopping server's requests). */
  stopping(): boolean;
}

/** The handler: true when it took the request, false when Express should have it. */
export function graphqlEndpoint(options: GraphqlEndpointOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const path = options.path ?? '/graphql';
  return (req, res) => {
    if (req.method !== 'POST' || !isPlainJsonRequest(req)) return false;
    const query = req.url?.indexOf('?') ?? -1;
    if ((query < 0 ? req.url : req.url!.slice(0, query)) !== path) return false;
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    // Apollo's context builder reads the validated id from the headers, as behind Express's middleware.
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const started = process.hrtime.bigint();
    if (options.metrics) {
      const metrics = options.metrics;
      res.on('finish', () => metrics.recordHttp('POST', req.url ?? path, res.statusCode, Number(process.hrtime.bigint() - started) / 1e9));
    }
    withLogContext({ requestId }, () => {
      serve(options, req, res, requestId).catch((err: Error) => {
        if (!res.headersSent) send(res, 500, JSON.stringify({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
        else res.destroy(err);
      });
    });
    return true;
  };
}

async function serve(options: GraphqlEndpointOptions, req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
  const read = await readJsonBody(req, options.maxBodyBytes);
  if ('refusal' in read) return send(res, read.refusal.status, JSON.stringify(read.refusal.body));
  const body = read.body;
  const maxBatch = options.guard.maxBatchedOperations;
  if (Array.isArray(body) && isRefusedBatch(body.length, maxBatch)) {
    return send(res, 400, JSON.stringify(batchRefusal(body.length, maxBatch, req.headers['accept-language'])));
  }
  const candidate = options.stopping() ? undefined : await directCandidate(options, req, body, requestId);
  if (candidate) return runDirect(options, res, candidate);
  return runThroughApollo(options, req, res, body, requestId);
}

interface DirectCandidate {
  prepared: PreparedQuery;
  /** The answer's media type, as Apollo negotiates it from Accept. */
  contentType: string;
  operation: { query: string; variables: Record<string, unknown>; extensions?: Record<string, unknown> };
  context: GatewayContext;
}

/**
 * The request, when the direct path can answer it exactly as Apollo would: one operation, prepared,
 * with fitting variables, from an authenticated caller. Everything undecided here (and every
 * refusal it would lead to) is Apollo's, so no rate token is taken before this returns.
 */
async function directCandidate(options: GraphqlEndpointOptions, req: IncomingMessage, body: unknown, requestId: string): Promise<DirectCandidate | undefined> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { query, operationName, variables, extensions } = body as Record<string, unknown>;
  if (typeof query !== 'string' || (operationName !== undefined && operationName !== null && typeof operationName !== 'string')) return undefined;
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return undefined;
  if (extensions !== undefined && extensions !== null && (typeof extensions !== 'object' || 'persistedQuery' in extensions)) return undefined;
  // A caller accepting neither JSON type (406), subscription callbacks and query-plan debugging stay Apollo's.
  const contentType = singleResultContentType(req.headers.accept);
  if (!contentType || contentType === JSON_CALLBACK_TYPE) return undefined;
  if (req.headers['apollo-query-plan-experimental']) return undefined;
  if (Buffer.byteLength(query, 'utf8') > options.guard.maxOperationBytes) return undefined;
  const prepared = options.direct.prepare(query, operationName ?? undefined);
  const vars = (variables ?? {}) as Record<string, unknown>;
  if (!prepared || !options.direct.variablesFit(prepared, vars)) return undefined;
  let context: GatewayContext;
  try {
    context = await options.contextFor(req, requestId);
  } catch {
    return undefined;
  }
  return { prepared, operation: { query, variables: vars, extensions: (extensions ?? undefined) as Record<string, unknown> | undefined }, context, contentType };
}

/** Admission (rate, sizes), the abuse limits, then the plan; answered and logged as Apollo's plugins would. */
async function runDirect(options: GraphqlEndpointOptions, res: ServerResponse, candidate: DirectCandidate): Promise<void> {
  const startedAt = performance.now();
  const { prepared, operation, context } = candidate;
  const dossierCode = dossierCodeOf(prepared.operation, operation.variables);
  if (dossierCode) annotateLogContext({ dossierCode });
  let result: DirectResult;
  const admission = await options.guard.admit(operation, context);
  const refusal = 'error' in admission ? admission.error : limitVerdict(options.guard, prepared, operation.variables);
  if (refusal) result = formatErrors([refusal]);
  else {
    await options.guard.remember(admission);
    try {
      result = await options.direct.execute(prepared, operation.variables, context);
    } catch (err) {
      // Upstream failures are errors inside the result; a throw here is a defect, answered as Apollo would (500, masked).
      result = { ...formatErrors([err as Error]), httpStatus: 500 };
    }
  }
  const outcome = outcomeOfErrors(result.errors);
  let status = result.httpStatus ?? 200;
  // Apollo's cache-control plugin says no-store: the gateway's answers carry no cache hints.
  const headers: Record<string, string> = { 'cache-control': 'no-store' };
  if (result.errors) {
    const localized = localizeResultErrors(result, context.locale, context.requestId);
    result.errors = localized.errors;
    if (localized.status) status = localized.status;
    if (status === 429 && localized.retryAfterHeader) headers['retry-after'] = localized.retryAfterHeader;
  }
  // Apollo's field order: errors, data, extensions.
  send(res, status, JSON.stringify({ errors: result.errors, data: result.data, extensions: result.extensions }) + '\n', headers, candidate.contentType);
  const durationMs = performance.now() - startedAt;
  options.metrics?.recordOperation('query', outcome, durationMs / 1000);
  logOperation('gateway', { operationType: 'query', operationName: prepared.operationName, outcome, durationMs: Math.round(durationMs) });
}

/** Depth, aliases and cost; an operation without variables is measured once. */
function limitVerdict(guard: OperationGuard, prepared: PreparedQuery, variables: Record<string, unknown>): LienthongError | undefined {
  if (prepared.limitVerdict !== undefined) return prepared.limitVerdict ?? undefined;
  const verdict = guard.checkDocument(prepared.operationContext.schema, prepared.document, prepared.operationName, variables);
  if (!prepared.operation.variableDefinitions?.length) prepared.limitVerdict = verdict ?? null;
  return verdict;
}

/** Apollo Server's own HTTP handling of an already parsed body (what its Express integration does). */
async function runThroughApollo(options: GraphqlEndpointOptions, req: IncomingMessage, res: ServerResponse, body: unknown, requestId: string): Promise<void> {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const at = req.url?.indexOf('?') ?? -1;
  const answer = await options.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: 'POST', headers, search: at < 0 ? '' : req.url!.slice(at + 1), body },
    context: () => options.contextFor(req, requestId),
  });
  for (const [name, value] of answer.headers) res.setHeader(name, value);
  res.statusCode = answer.status ?? 200;
  if (answer.body.kind === 'complete') {
    res.end(answer.body.string);
    return;
  }
  for await (const chunk of answer.body.asyncIterator) res.write(chunk);
  res.end();
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}, contentType = JSON_TYPE): void {
  res.writeHead(status, { ...headers, 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Apollo Server's choice of media type for a single result; null when the caller accepts none (406). */
function singleResultContentType(accept: string | undefined): string | null {
  if (!accept) return JSON_TYPE;
  return new Negotiator({ headers: { accept } }).mediaType(SINGLE_RESULT_TYPES) ?? null;
}

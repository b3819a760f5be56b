/**
 * compileAdapter: validates an uploaded source (service description + mapping) against itself and the
 * unified schema, reporting every issue at once, and returns an adapter ready to serve traffic.
 */
import { AdapterMetrics, Upstream, isAdapterError, toLienthongError } from '../kit';
import { checkMapping } from './mapping-check';
import { parseMappingText, readMapping } from './mapping-file';
import { buildRequest, mapAnswer } from './record-mapper';
import { RegistryTransport, type RegistryCallMeta } from './registry-transport';
import { describeRest, describeWsdl, isHttpUrl, type ServiceDescription } from './service-description';
import type { AdapterCallOptions, AdapterCallResult, AdapterSource, CompileAdapterOptions, CompiledAdapter } from './types';
import { requiredObjectPaths, type UnifiedSchema } from './unified-schema';
import { IssueList } from './validation-error';

const KINDS = ['SOAP', 'REST_JSON', 'REST_XML'];

/** Validates the description and the mapping against it and against the unified schema; throws AdapterValidationError. */
export async function compileAdapter(source: AdapterSource, unified: UnifiedSchema, options: CompileAdapterOptions = {}): Promise<CompiledAdapter> {
  const issues = new IssueList();
  if (!KINDS.includes(source.kind)) issues.add('kind', `kind must be one of ${KINDS.join(', ')}`);
  if (source.mappingFormat !== 'YAML' && source.mappingFormat !== 'JSON') issues.add('mappingFormat', 'mappingFormat must be YAML or JSON');
  const spec = readMapping(parseMappingText(source.mapping ?? '', source.mappingFormat === 'JSON' ? 'JSON' : 'YAML', issues), issues);
  let description: ServiceDescription | undefined;
  if (typeof source.serviceDescription !== 'string' || source.serviceDescription.trim() === '') {
    issues.add('serviceDescription', 'the service description (WSDL text or REST description) is required');
  } else if (source.kind === 'SOAP') {
    description = await describeWsdl(source.serviceDescription, issues);
  } else if (KINDS.includes(source.kind)) {
    description = describeRest(source.kind, source.serviceDescription, issues);
  }
  const endpoint = source.endpoint?.trim() || description?.address || '';
  if (description && !isHttpUrl(endpoint)) {
    issues.add(source.endpoint ? 'endpoint' : 'serviceDescription', `the endpoint ${JSON.stringify(endpoint)} is not an http(s) URL`);
  }
  const checked = spec && description ? checkMapping(spec, description, unified, issues) : undefined;
  issues.throwIfAny();
  // Every path above that leaves these unset added an issue, so this is unreachable when they are unset.
  if (!spec || !description || !checked) throw new Error('compileAdapter: validation passed without a mapping');

  const system = options.system ?? `ADAPTER:${spec.operation}`;
  const metrics = options.metrics ?? new AdapterMetrics();
  const transport = new RegistryTransport({
    system,
    kind: source.kind,
    endpoint,
    operation: checked.operation,
    wsdlText: description.wsdlText,
    maxResponseBytes: options.maxResponseBytes ?? 1024 * 1024,
  });
  const upstream = new Upstream<RegistryCallMeta, unknown>({ timeoutMs: 5000, ...options.policy, metrics, transport });
  const requiredObjects = requiredObjectPaths(unified, spec.target);
  const keys = spec.input.filter((r) => r.from !== undefined);
  const inputKeys = [...new Set(keys.map((r) => r.from!))];
  const optionalInputKeys = inputKeys.filter((k) => keys.filter((r) => r.from === k).every((r) => r.optional));

  return {
    kind: source.kind,
    targetType: spec.target,
    operation: spec.operation,
    endpoint,
    inputKeys,
    optionalInputKeys,
    system,
    metrics,
    get circuitState() {
      return upstream.circuitState;
    },
    async call(input: Record<string, unknown>, callOptions: AdapterCallOptions = {}): Promise<AdapterCallResult> {
      const request = buildRequest(spec, checked, input ?? {});
      const sink = { raw: '' };
      const started = performance.now();
      const elapsed = () => Math.round((performance.now() - started) * 1000) / 1000;
      let answer: unknown;
      try {
        answer = await upstream.callUpstream(spec.operation, request, {
          idempotent: true,
          meta: { audit: callOptions.audit, sink },
          deadlineMs: callOptions.timeoutMs,
        });
      } catch (err) {
        // A `…NotFound` fault or HTTP 404 is the upstream's way of saying "no such record".
        if (isAdapterError(err) && err.code === 'NOT_FOUND') return { record: null, durationMs: elapsed(), rawResponse: sink.raw };
        throw toLienthongError(err);
      }
      const record = mapAnswer(spec, checked, answer, system, requiredObjects);
      return { record, durationMs: elapsed(), rawResponse: sink.raw };
    },
    close() {
      upstream.close();
    },
  };
}

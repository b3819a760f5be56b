/**
 * One lookup through a registered adapter: the caller's access right (X-Road style grant), the active
 * version, the call with its audit, the Prometheus figures, and, when the adapter serves people, a row
 * in the citizens access log like any other read of personal data.
 */
import { toLienthongError } from '../../../adapters/soap';
import type { Principal } from '../../shared/auth/principal';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { AccessLog } from '../access/access-log-port';
import type { AdapterPrometheus } from './adapter-prometheus';
import type { AdapterRuntime } from './adapter-runtime';
import { assertMayUse } from './registry-access';

/** Purpose logged when the caller gives none. */
export const DEFAULT_LOOKUP_PURPOSE = 'adapter-lookup';

/** Unified types whose records are about a person: every lookup is logged. */
const PERSONAL_TARGETS = new Set(['ExternalPerson', 'Citizen']);

export interface AdapterLookupResult {
  adapter: string;
  version: number;
  targetType: string;
  record: Record<string, unknown> | null;
}

export interface AdapterLookupDeps {
  runtime: AdapterRuntime;
  accessLog: AccessLog;
  prometheus?: AdapterPrometheus;
}

export async function lookUpThroughAdapter(
  deps: AdapterLookupDeps,
  request: { principal: Principal; requestId: string; adapter: string; input: Record<string, unknown>; purpose?: string },
): Promise<AdapterLookupResult> {
  const { principal, adapter } = request;
  if (principal.role === 'ANONYMOUS') throw new LienthongError(ErrorCode.UNAUTHENTICATED);
  const state = await deps.runtime.get(adapter);
  if (!state) throw new LienthongError(ErrorCode.ADAPTER_NOT_FOUND, { details: { adapter } });
  // Access rights before status: an ungranted caller learns nothing of the adapter's state.
  assertMayUse(principal, adapter, state.grants);
  const { compiled } = await deps.runtime.active(state, adapter);
  const missing = compiled.inputKeys.filter((k) => !compiled.optionalInputKeys.includes(k) && (request.input[k] === undefined || request.input[k] === null));
  if (missing.length) {
    throw new LienthongError(ErrorCode.BAD_USER_INPUT, {
      en: `The input lacks ${missing.join(', ')}.`,
      vi: `Thiếu dữ liệu đầu vào: ${missing.join(', ')}.`,
      details: { field: 'input', missing },
    });
  }
  const purpose = request.purpose?.trim() || DEFAULT_LOOKUP_PURPOSE;
  const started = Date.now();
  let record: Record<string, unknown> | null = null;
  let failure: unknown;
  try {
    ({ record } = await compiled.call(request.input, { audit: { requestId: request.requestId, actor: principal.id, purpose } }));
  } catch (err) {
    failure = err;
  }
  const outcome = failure ? ((failure as { code?: string }).code ?? 'INTERNAL') : 'ok';
  deps.prometheus?.observe(adapter, outcome, Date.now() - started);
  if (PERSONAL_TARGETS.has(compiled.targetType)) {
    const subject = String(record?.identifier ?? compiled.inputKeys.map((k) => request.input[k]).filter((v) => v !== undefined).join('/'));
    await deps.accessLog.record(principal, `ADAPTER:${adapter}`, new Date(), [
      { personalId: subject, purpose, outcome: failure ? 'ERROR' : record ? 'FOUND' : 'NOT_FOUND' },
    ]);
  }
  if (failure) throw toLienthongError(failure);
  return { adapter, version: state.version!, targetType: compiled.targetType, record };
}

/**
 * Client of the national public service portal's dossier sync API on the adapter kit (timeout, typed
 * AdapterErrors, circuit breaker, metrics). Nothing is retried here: the hub's portal sync keeps each
 * message in the database and retries it with backoff until the portal acknowledges it, and the
 * portal's `maSuKien` makes a resend harmless.
 */
import { AdapterError, type AdapterMetrics, type CircuitBreakerOptions } from '../kit';
import { createRestUpstream, type JsonValue, type RestUpstream } from '../rest';
import { NATIONAL_PORTAL_SYSTEM, type PortalAnswer, type PortalDossierRecord, type PortalProgressUpdate } from './portal-wire';

export interface NationalPortalClient {
  readonly system: string;
  /** Sends a dossier record; resolves with the portal's id for it (mã hồ sơ DVCQG). */
  sendRecord(record: PortalDossierRecord): Promise<string>;
  /** Sends a progress update; resolves with the portal's id for the dossier. */
  sendProgress(update: PortalProgressUpdate): Promise<string>;
  /** Stops the circuit breaker's timers. */
  close(): void;
}

export interface NationalPortalClientOptions {
  /** Base URL of the portal's API, e.g. `http://localhost:4109`. */
  baseUrl: string;
  /** Bearer token the portal issued to the hub. */
  token: string;
  /** Time allowed for one call, in ms. @default 5000 */
  timeoutMs?: number;
  /** Circuit breaker, or false for none. @default the kit's */
  circuit?: CircuitBreakerOptions | false;
  /** Where calls are counted and timed. @default a registry of this client's own */
  metrics?: AdapterMetrics;
}

class RestNationalPortalClient implements NationalPortalClient {
  readonly system = NATIONAL_PORTAL_SYSTEM;
  private readonly upstream: RestUpstream<JsonValue>;

  constructor(options: NationalPortalClientOptions) {
    this.upstream = createRestUpstream({
      format: 'json',
      timeoutMs: options.timeoutMs ?? 5000,
      retry: { attempts: 1 },
      circuit: options.circuit,
      metrics: options.metrics,
      rest: {
        system: this.system,
        baseUrl: options.baseUrl,
        headers: { authorization: `Bearer ${options.token}` },
        operations: {
          dongBoHoSo: { method: 'POST', path: '/api/hoso/dongbo' },
          capNhatTienDo: { method: 'POST', path: '/api/hoso/tiendo' },
        },
      },
    });
  }

  sendRecord(record: PortalDossierRecord): Promise<string> {
    return this.send('dongBoHoSo', record);
  }

  sendProgress(update: PortalProgressUpdate): Promise<string> {
    return this.send('capNhatTienDo', update);
  }

  private async send(operation: string, message: PortalDossierRecord | PortalProgressUpdate): Promise<string> {
    const { body } = await this.upstream.callUpstream(operation, message, { idempotent: false });
    const answer = (body ?? {}) as Partial<PortalAnswer>;
    if (answer.maLoi !== '0') {
      const code = typeof answer.maLoi === 'string' ? answer.maLoi : 'missing';
      throw new AdapterError('FAULT', this.system, `maLoi ${code}: ${String(answer.moTa ?? '').slice(0, 200)}`);
    }
    if (typeof answer.maHoSoDVCQG !== 'string' || !answer.maHoSoDVCQG) {
      throw new AdapterError('BAD_RESPONSE', this.system, 'acknowledgement without maHoSoDVCQG');
    }
    return answer.maHoSoDVCQG;
  }

  close(): void {
    this.upstream.close();
  }
}

export function createNationalPortalClient(options: NationalPortalClientOptions): NationalPortalClient {
  return new RestNationalPortalClient(options);
}

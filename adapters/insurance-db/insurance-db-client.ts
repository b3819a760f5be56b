/**
 * Client of CSDL quốc gia về bảo hiểm's participant lookup (REST/JSON), on the adapter kit: timeout,
 * retries of these idempotent reads within the call's deadline, circuit breaker, typed AdapterErrors.
 * Every call says who asks, why and under which request id (headers, URI-encoded).
 */
import type { LookupAudit } from '../population-db';
import { AdapterError, type AdapterMetrics, type CircuitBreakerOptions, type RetryOptions } from '../kit';
import { createRestUpstream, type RestUpstream, type JsonValue } from '../rest';
import { fromNguoiThamGia, INSURANCE_DB_MAX_BATCH, INSURANCE_DB_SYSTEM, type InsuredPerson } from './insured-person';

export interface InsuranceDbClient {
  readonly system: string;
  /** One participant, or null when not insured. Throws AdapterError on failure. */
  lookup(personalId: string, audit: LookupAudit): Promise<InsuredPerson | null>;
  /** Several participants; ids not insured are absent from the map. Throws AdapterError on failure. */
  lookupMany(personalIds: readonly string[], audit: LookupAudit): Promise<Map<string, InsuredPerson>>;
  /** Stops the circuit breaker's timers. */
  close(): void;
}

export interface InsuranceDbClientOptions {
  /** Base URL of the service, e.g. `http://localhost:4104`. */
  baseUrl: string;
  /** Time allowed for one call, retries included, in ms. @default 3000 */
  timeoutMs?: number;
  /** Unit code sent when the audit names none. @default "LIENTHONG" */
  unitCode?: string;
  /** Retries of lookups. @default the kit's (3 attempts within the timeout) */
  retry?: RetryOptions;
  /** Circuit breaker, or false for none. @default the kit's */
  circuit?: CircuitBreakerOptions | false;
  /** Where calls are counted and timed. @default a registry of this client's own */
  metrics?: AdapterMetrics;
  /** Most ids per batch call; longer lists are sent in several calls. @default 100 */
  maxBatchSize?: number;
  /** Name of this source in errors and logs (a second instance may be another source). @default "CSDLQG_BAO_HIEM" */
  system?: string;
}

class RestInsuranceDbClient implements InsuranceDbClient {
  readonly system: string;
  private readonly upstream: RestUpstream<JsonValue>;
  private readonly unitCode: string;
  private readonly maxBatchSize: number;

  constructor(options: InsuranceDbClientOptions) {
    this.system = options.system ?? INSURANCE_DB_SYSTEM;
    this.unitCode = options.unitCode ?? 'LIENTHONG';
    this.maxBatchSize = Math.min(options.maxBatchSize ?? INSURANCE_DB_MAX_BATCH, INSURANCE_DB_MAX_BATCH);
    this.upstream = createRestUpstream({
      format: 'json',
      timeoutMs: options.timeoutMs ?? 3000,
      retry: options.retry,
      circuit: options.circuit,
      metrics: options.metrics,
      rest: {
        system: this.system,
        baseUrl: options.baseUrl,
        operations: {
          traCuu: { method: 'GET', path: '/api/v1/nguoi-tham-gia/{soDinhDanh}' },
          traCuuNhieu: { method: 'POST', path: '/api/v1/nguoi-tham-gia/tra-cuu' },
        },
      },
    });
  }

  private meta(audit: LookupAudit) {
    return {
      headers: {
        'x-ma-yeu-cau': encodeURIComponent(audit.requestId),
        'x-ma-don-vi': encodeURIComponent(audit.unitCode ?? this.unitCode),
        'x-nguoi-tra-cuu': encodeURIComponent(audit.actor),
        'x-muc-dich': encodeURIComponent(audit.purpose),
      },
    };
  }

  private read(value: unknown, expectedId: string): InsuredPerson {
    const person = fromNguoiThamGia(value);
    if (!person) throw new AdapterError('BAD_RESPONSE', this.system, 'participant record not understood');
    // Never hand out someone else's record, whatever the source sent.
    if (person.personalId !== expectedId) throw new AdapterError('BAD_RESPONSE', this.system, `asked for ${expectedId}, got another person`);
    return person;
  }

  async lookup(personalId: string, audit: LookupAudit): Promise<InsuredPerson | null> {
    try {
      const { body } = await this.upstream.callUpstream('traCuu', { soDinhDanh: personalId }, { idempotent: true, meta: this.meta(audit) });
      return this.read((body as { nguoiThamGia?: unknown } | null)?.nguoiThamGia, personalId);
    } catch (err) {
      if (err instanceof AdapterError && err.code === 'NOT_FOUND') return null;
      throw err;
    }
  }

  async lookupMany(personalIds: readonly string[], audit: LookupAudit): Promise<Map<string, InsuredPerson>> {
    const wanted = [...new Set(personalIds)];
    const found = new Map<string, InsuredPerson>();
    for (let start = 0; start < wanted.length; start += this.maxBatchSize) {
      const batch = wanted.slice(start, start + this.maxBatchSize);
      const { body } = await this.upstream.callUpstream(
        'traCuuNhieu',
        { danhSachSoDinhDanh: batch },
        { idempotent: true, meta: this.meta(audit) },
      );
      const list = (body as { ketQua?: unknown } | null)?.ketQua;
      if (!Array.isArray(list)) throw new AdapterError('BAD_RESPONSE', this.system, 'no ketQua list');
      const asked = new Set(batch);
      for (const item of list) {
        const id = (item as { soDinhDanh?: unknown } | null)?.soDinhDanh;
        if (typeof id === 'string' && asked.has(id)) found.set(id, this.read(item, id));
      }
    }
    return found;
  }

  close(): void {
    this.upstream.close();
  }
}

/** The client of CSDL quốc gia về bảo hiểm. */
export function createInsuranceDbClient(options: InsuranceDbClientOptions): InsuranceDbClient {
  return new RestInsuranceDbClient(options);
}

/**
 * Client of the population database's lookup service, on the SOAP kit. Every call names who asks,
 * why and under which request id (the `ThongTinYeuCau` header): the source keeps its own access log.
 */
import { createSoapUpstream, type SoapUpstream } from '../kit';
import { AdapterError, asList, asXmlObject, type FaultClassifier } from '../soap';
import { lookupFaultClassifier, lookupHeader, type LookupAudit, type LookupClientOptions } from '../soap/lookup-convention';
import type { PersonRecord } from './person-record';
import { fromCongDan } from './wire-format';
import { POPULATION_DB_MAX_BATCH, POPULATION_DB_SYSTEM } from './wsdl';

export type { LookupAudit } from '../soap/lookup-convention';

export interface PopulationDbClient {
  /** One person, or null when the source has no such person. Throws AdapterError on failure. */
  lookup(personalId: string, audit: LookupAudit): Promise<PersonRecord | null>;
  /** Several persons; ids the source does not know are absent from the map. Throws AdapterError on failure. */
  lookupMany(personalIds: readonly string[], audit: LookupAudit): Promise<Map<string, PersonRecord>>;
}

/** Options of the lookup convention; the WSDL is e.g. `http://localhost:4101/csdl-dan-cu?wsdl`. */
export type PopulationDbClientOptions = LookupClientOptions;

/** The population database refuses with the shared lookup faults. */
export const classifyPopulationFault: FaultClassifier = lookupFaultClassifier;

class SoapPopulationDbClient implements PopulationDbClient {
  private readonly upstream: SoapUpstream;
  private readonly unitCode: string;
  private readonly maxBatchSize: number;

  constructor(options: PopulationDbClientOptions) {
    this.upstream = createSoapUpstream({
      soap: {
        system: POPULATION_DB_SYSTEM,
        wsdl: options.wsdlUrl,
        endpoint: options.endpoint,
        maxResponseBytes: options.maxResponseBytes,
        classifyFault: classifyPopulationFault,
      },
      timeoutMs: options.timeoutMs,
      ...options.policy,
    });
    this.unitCode = options.unitCode ?? 'LIENTHONG';
    this.maxBatchSize = Math.min(options.maxBatchSize ?? POPULATION_DB_MAX_BATCH, POPULATION_DB_MAX_BATCH);
  }

  private header(audit: LookupAudit) {
    return lookupHeader(audit, this.unitCode);
  }

  async lookup(personalId: string, audit: LookupAudit): Promise<PersonRecord | null> {
    let output;
    try {
      ({ output } = await this.upstream.callUpstream('TraCuuCongDan', { SoDinhDanh: personalId }, { idempotent: true, meta: { headers: this.header(audit) } }));
    } catch (err) {
      if (err instanceof AdapterError && err.code === 'NOT_FOUND') return null;
      throw err;
    }
    const person = fromCongDan(asXmlObject(output)?.CongDan);
    // Never hand out someone else's record, whatever the source sent.
    if (person.personalId !== personalId) {
      throw new AdapterError('BAD_RESPONSE', POPULATION_DB_SYSTEM, `asked for ${personalId}, got another person`);
    }
    return person;
  }

  async lookupMany(personalIds: readonly string[], audit: LookupAudit): Promise<Map<string, PersonRecord>> {
    const wanted = [...new Set(personalIds)];
    const found = new Map<string, PersonRecord>();
    for (let start = 0; start < wanted.length; start += this.maxBatchSize) {
      const batch = wanted.slice(start, start + this.maxBatchSize);
      const { output } = await this.upstream.callUpstream('TraCuuNhieuCongDan', { SoDinhDanh: batch }, { idempotent: true, meta: { headers: this.header(audit) } });
      const asked = new Set(batch);
      for (const element of asList(asXmlObject(output)?.CongDan)) {
        const person = fromCongDan(element);
        if (asked.has(person.personalId)) found.set(person.personalId, person);
      }
    }
    return found;
  }
}

/** The client of CSDLQG về dân cư; the WSDL is read on first use (and again after a failed read). */
export function createPopulationDbClient(options: PopulationDbClientOptions): PopulationDbClient {
  return new SoapPopulationDbClient(options);
}

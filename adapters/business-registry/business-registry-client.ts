/**
 * Client of the business registry's lookup service, on the SOAP kit. Every call names who asks, why
 * and under which request id (the `ThongTinYeuCau` header), as with the population database.
 */
import type { LookupAudit } from '../population-db';
import { createSoapUpstream, type SoapUpstream } from '../kit';
import { AdapterError, asList, asXmlObject, type FaultClassifier } from '../soap';
import { lookupFaultClassifier, lookupHeader, type LookupClientOptions } from '../soap/lookup-convention';
import type { OrganizationRecord } from './organization-record';
import { assertValidTaxCode } from './tax-code-error';
import { fromDoanhNghiep } from './wire-format';
import { BUSINESS_REGISTRY_MAX_BATCH, BUSINESS_REGISTRY_SYSTEM } from './wsdl';

/** Who looks an organisation up and why; sent with every call (same header as the population database). */
export type RegistryLookupAudit = LookupAudit;

export interface BusinessRegistryClient {
  /**
   * One organisation by tax code (10 digits, or 13 for a dependent unit, hyphen optional), or null
   * when the registry has none. Throws INVALID_TAX_CODE (a LienthongError) before any call for a bad
   * code, and AdapterError when the registry fails.
   */
  lookup(taxCode: string, audit: RegistryLookupAudit): Promise<OrganizationRecord | null>;
  /**
   * Several organisations, keyed by normalised tax code (`NNNNNNNNNN` or `NNNNNNNNNN-NNN`); codes the
   * registry does not know are absent. Same errors as {@link lookup}; nothing is sent if any code is bad.
   */
  lookupMany(taxCodes: readonly string[], audit: RegistryLookupAudit): Promise<Map<string, OrganizationRecord>>;
}

/** Options of the lookup convention; the WSDL is e.g. `http://localhost:4103/csdl-dkdn?wsdl`. */
export type BusinessRegistryClientOptions = LookupClientOptions;

/** The business registry refuses with the shared lookup faults. */
export const classifyBusinessRegistryFault: FaultClassifier = lookupFaultClassifier;

class SoapBusinessRegistryClient implements BusinessRegistryClient {
  private readonly upstream: SoapUpstream;
  private readonly unitCode: string;
  private readonly maxBatchSize: number;

  constructor(options: BusinessRegistryClientOptions) {
    this.upstream = createSoapUpstream({
      soap: {
        system: BUSINESS_REGISTRY_SYSTEM,
        wsdl: options.wsdlUrl,
        endpoint: options.endpoint,
        maxResponseBytes: options.maxResponseBytes,
        classifyFault: classifyBusinessRegistryFault,
      },
      timeoutMs: options.timeoutMs,
      ...options.policy,
    });
    this.unitCode = options.unitCode ?? 'LIENTHONG';
    this.maxBatchSize = Math.max(1, Math.min(options.maxBatchSize ?? BUSINESS_REGISTRY_MAX_BATCH, BUSINESS_REGISTRY_MAX_BATCH));
  }

  private header(audit: RegistryLookupAudit) {
    return lookupHeader(audit, this.unitCode);
  }

  async lookup(taxCode: string, audit: RegistryLookupAudit): Promise<OrganizationRecord | null> {
    const { normalized } = assertValidTaxCode(taxCode);
    let output;
    try {
      ({ output } = await this.upstream.callUpstream('TraCuuDoanhNghiep', { MaSoDoanhNghiep: normalized }, { idempotent: true, meta: { headers: this.header(audit) } }));
    } catch (err) {
      if (err instanceof AdapterError && err.code === 'NOT_FOUND') return null;
      throw err;
    }
    const organization = fromDoanhNghiep(asXmlObject(output)?.DoanhNghiep);
    // Never hand out another organisation's record, whatever the source sent.
    if (organization.taxCode !== normalized) {
      throw new AdapterError('BAD_RESPONSE', BUSINESS_REGISTRY_SYSTEM, `asked for ${normalized}, got another organisation`);
    }
    return organization;
  }

  async lookupMany(taxCodes: readonly string[], audit: RegistryLookupAudit): Promise<Map<string, OrganizationRecord>> {
    const wanted = [...new Set(taxCodes.map((code) => assertValidTaxCode(code).normalized))];
    const found = new Map<string, OrganizationRecord>();
    for (let start = 0; start < wanted.length; start += this.maxBatchSize) {
      const batch = wanted.slice(start, start + this.maxBatchSize);
      const { output } = await this.upstream.callUpstream('TraCuuNhieuDoanhNghiep', { MaSoDoanhNghiep: batch }, { idempotent: true, meta: { headers: this.header(audit) } });
      const asked = new Set(batch);
      for (const element of asList(asXmlObject(output)?.DoanhNghiep)) {
        const organization = fromDoanhNghiep(element);
        if (asked.has(organization.taxCode)) found.set(organization.taxCode, organization);
      }
    }
    return found;
  }
}

/** The client of the business registry; the WSDL is read on first use (and again after a failed read). */
export function createBusinessRegistryClient(options: BusinessRegistryClientOptions): BusinessRegistryClient {
  return new SoapBusinessRegistryClient(options);
}

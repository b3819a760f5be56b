/**
 * Client of the business registry's lookup service, on the SOAP kit. Every call names who asks, why
 * and under which request id (the `ThongTinYeuCau` header), as with the population database.
 */
import type { LookupAudit } from '../population-db';
import { AdapterError, asList, asXmlObject, defaultFaultClassifier, SoapClient, type FaultClassifier, type XmlValue } from '../soap';
import type { OrganizationRecord } from './organization-record';
import { assertValidTaxCode } from './tax-code-error';
import { fromDoanhNghiep } from './wire-format';
import { BUSINESS_REGISTRY_MAX_BATCH, BUSINESS_REGISTRY_SYSTEM, type BusinessRegistryFaultCode } from './wsdl';

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

export interface BusinessRegistryClientOptions {
  /** URL of the service's WSDL, e.g. `http://localhost:4103/csdl-dkdn?wsdl`. */
  wsdlUrl: string;
  /** Endpoint to call instead of the WSDL's address. @default the WSDL's address */
  endpoint?: string;
  /** Time allowed for one call, in milliseconds. @default 3000 */
  timeoutMs?: number;
  /** Largest response read. @default 1048576 (1 MiB) */
  maxResponseBytes?: number;
  /** Unit code sent as MaDonVi when the audit names none. @default "LIENTHONG" */
  unitCode?: string;
  /** Most codes per batch call; longer lists are sent in several calls. @default 50 */
  maxBatchSize?: number;
}

/** Reads the `MaLoi` of a `LoiTraCuu` fault detail first, then falls back to the kit's rules. */
export const classifyBusinessRegistryFault: FaultClassifier = (fault, httpStatus) => {
  const detail = asXmlObject((fault.detail ?? null) as XmlValue);
  const code = asXmlObject(detail?.LoiTraCuu ?? null)?.MaLoi as BusinessRegistryFaultCode | undefined;
  if (code === 'KHONG_TIM_THAY') return 'NOT_FOUND';
  if (code === 'TAM_NGUNG_DICH_VU') return 'UNAVAILABLE';
  if (/(^|\.)KhongTimThay$/.test(fault.localCode)) return 'NOT_FOUND';
  return defaultFaultClassifier(fault, httpStatus);
};

class SoapBusinessRegistryClient implements BusinessRegistryClient {
  private readonly soap: SoapClient;
  private readonly unitCode: string;
  private readonly maxBatchSize: number;

  constructor(options: BusinessRegistryClientOptions) {
    this.soap = new SoapClient({
      system: BUSINESS_REGISTRY_SYSTEM,
      wsdl: options.wsdlUrl,
      endpoint: options.endpoint,
      timeoutMs: options.timeoutMs,
      maxResponseBytes: options.maxResponseBytes,
      classifyFault: classifyBusinessRegistryFault,
    });
    this.unitCode = options.unitCode ?? 'LIENTHONG';
    this.maxBatchSize = Math.max(1, Math.min(options.maxBatchSize ?? BUSINESS_REGISTRY_MAX_BATCH, BUSINESS_REGISTRY_MAX_BATCH));
  }

  private header(audit: RegistryLookupAudit) {
    return [
      {
        name: 'ThongTinYeuCau',
        value: { MaYeuCau: audit.requestId, MaDonVi: audit.unitCode ?? this.unitCode, NguoiTraCuu: audit.actor, MucDich: audit.purpose },
      },
    ];
  }

  async lookup(taxCode: string, audit: RegistryLookupAudit): Promise<OrganizationRecord | null> {
    const { normalized } = assertValidTaxCode(taxCode);
    let output;
    try {
      ({ output } = await this.soap.call('TraCuuDoanhNghiep', { MaSoDoanhNghiep: normalized }, { headers: this.header(audit) }));
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
      const { output } = await this.soap.call('TraCuuNhieuDoanhNghiep', { MaSoDoanhNghiep: batch }, { headers: this.header(audit) });
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

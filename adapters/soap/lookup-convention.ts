/**
 * The lookup convention the national databases' services share here (tra cứu): every request
 * carries a `ThongTinYeuCau` header saying who asks and why, and a refusal is a SOAP fault whose
 * `LoiTraCuu/MaLoi` detail says whether the record is absent or the service is paused. One place,
 * so that the population database, the business registry and any later source agree.
 */
import { defaultFaultClassifier, type FaultClassifier } from './soap-client';
import { asXmlObject, type XmlValue } from './envelope-parser';
import type { SoapHeaderBlock } from './soap-client';
import type { UpstreamPolicyOptions } from '../kit/upstream';

/** Who asks and why; required by every national database. */
export interface LookupAudit {
  /** Correlation id of the hub request (MaYeuCau). */
  requestId: string;
  /** Account that asks (NguoiTraCuu). */
  actor: string;
  /** Why (MucDich), e.g. `prefill:2.001417` or `dossier:<code>`. */
  purpose: string;
  /** Electronic code of the asking unit (MaDonVi). @default the client's unit code */
  unitCode?: string;
}

export function lookupHeader(audit: LookupAudit, defaultUnitCode: string): SoapHeaderBlock[] {
  return [
    {
      name: 'ThongTinYeuCau',
      value: { MaYeuCau: audit.requestId, MaDonVi: audit.unitCode ?? defaultUnitCode, NguoiTraCuu: audit.actor, MucDich: audit.purpose },
    },
  ];
}

/** `KHONG_TIM_THAY` → NOT_FOUND, `TAM_NGUNG_DICH_VU` → UNAVAILABLE, else the kit's default rules. */
export const lookupFaultClassifier: FaultClassifier = (fault, httpStatus) => {
  const detail = asXmlObject((fault.detail ?? null) as XmlValue);
  const code = asXmlObject(detail?.LoiTraCuu ?? null)?.MaLoi;
  if (code === 'KHONG_TIM_THAY') return 'NOT_FOUND';
  if (code === 'TAM_NGUNG_DICH_VU') return 'UNAVAILABLE';
  if (/(^|\.)KhongTimThay$/.test(fault.localCode)) return 'NOT_FOUND';
  return defaultFaultClassifier(fault, httpStatus);
};

/** What every lookup-service client is configured with. */
export interface LookupClientOptions {
  /** URL of the service's WSDL. */
  wsdlUrl: string;
  /** Endpoint to call instead of the WSDL's address. @default the WSDL's address */
  endpoint?: string;
  /** Time allowed for one call, retries included, in milliseconds. @default 3000 */
  timeoutMs?: number;
  /** Largest response read. @default 1048576 (1 MiB) */
  maxResponseBytes?: number;
  /** Unit code sent as MaDonVi when the audit names none. @default "LIENTHONG" */
  unitCode?: string;
  /** Most keys per batch call; longer lists are sent in several calls. @default the service's maximum */
  maxBatchSize?: number;
  /**
   * Retries (idempotent reads only), circuit breaker and metrics around every call. No cache: each
   * read of national data must reach the source and its access log.
   * @default the adapter kit's defaults
   */
  policy?: Omit<UpstreamPolicyOptions, 'timeoutMs' | 'cache'>;
}

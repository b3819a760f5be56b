/**
 * Per-request reads of the business registry. Every lookup of the request (Query.organization,
 * Organization references, prefills) goes through one DataLoader, so a request makes one
 * `TraCuuNhieuDoanhNghiep` call however many organisations it names, and each is logged.
 *
 * Who may read: registration data is public in Vietnam (Luật Doanh nghiệp 2020, Art. 34 and the
 * national business registration portal), so any signed-in caller may; officials and operators must
 * give a purpose. Anonymous callers are refused, and every read is written to the access log (source
 * CSDL_DKDN, the tax code in the personalId column) like a read of the population database.
 */
import DataLoader from 'dataloader';
import {
  assertValidTaxCode,
  BUSINESS_REGISTRY_SYSTEM,
  type BusinessRegistryClient,
  type OrganizationRecord,
} from '../../../adapters/business-registry';
import { AdapterError } from '../../../adapters/soap';
import type { Principal } from '../../shared/auth/principal';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { AccessLog } from '../access/access-log-port';

/** Longest purpose accepted; it is written to the access log and sent upstream (as for citizens). */
export const MAX_ORGANIZATION_PURPOSE_LENGTH = 200;

/** Purpose logged when a citizen gives none: registration data is public information. */
export const PUBLIC_INFORMATION_PURPOSE = 'public-information';

/** Purpose of organisations read because another subgraph's field points at them. */
export const ORGANIZATION_REFERENCE_PURPOSE = 'federation:Organization';

export interface OrganizationLookupResult {
  /** The organisation, or null when the registry has none. */
  record: OrganizationRecord | null;
  /** When the registry answered. */
  fetchedAt: Date;
}

interface LookupKey {
  taxCode: string;
  purpose: string;
}

export interface OrganizationLookupDeps {
  principal: Principal;
  requestId: string;
  /** Client of the registry; when absent every read fails as UNAVAILABLE (logged). @default none */
  registry?: BusinessRegistryClient;
  accessLog: AccessLog;
}

/**
 * The checks that need nothing but the request: UNAUTHENTICATED, INVALID_TAX_CODE, BAD_USER_INPUT
 * (purpose too long, or missing for officials and operators). Returns the normalised code and purpose.
 */
export function checkOrganizationRequest(principal: Principal, taxCode: string, purpose: string): LookupKey {
  if (principal.role === 'ANONYMOUS') {
    throw new LienthongError(ErrorCode.UNAUTHENTICATED, {
      vi: 'Cần đăng nhập để tra cứu thông tin doanh nghiệp.',
      en: 'Sign in to read business registry data.',
    });
  }
  const { normalized } = assertValidTaxCode(taxCode);
  const trimmed = purpose.trim();
  const needsPurpose = principal.role === 'OFFICIAL' || principal.role === 'OPERATOR';
  if (trimmed.length > MAX_ORGANIZATION_PURPOSE_LENGTH || (needsPurpose && trimmed === '')) {
    throw new LienthongError(ErrorCode.BAD_USER_INPUT, {
      vi: `Cần nêu mục đích tra cứu (tối đa ${MAX_ORGANIZATION_PURPOSE_LENGTH} ký tự).`,
      en: `Give a purpose of at most ${MAX_ORGANIZATION_PURPOSE_LENGTH} characters.`,
      details: { field: 'purpose' },
    });
  }
  if (principal.role !== 'CITIZEN' && !needsPurpose) throw new LienthongError(ErrorCode.FORBIDDEN);
  return { taxCode: normalized, purpose: trimmed || PUBLIC_INFORMATION_PURPOSE };
}

export class OrganizationLookup {
  private readonly loader: DataLoader<LookupKey, OrganizationLookupResult, string>;

  constructor(private readonly deps: OrganizationLookupDeps) {
    this.loader = new DataLoader((keys) => this.fetch(keys), {
      cacheKeyFn: (key) => `${key.purpose}\u0000${key.taxCode}`,
    });
  }

  /**
   * Checks the request (typed errors, before any upstream call), then reads one organisation.
   * Rejects with the adapter's AdapterError when the registry fails.
   */
  async load(taxCode: string, purpose: string): Promise<OrganizationLookupResult> {
    return this.loader.load(checkOrganizationRequest(this.deps.principal, taxCode, purpose));
  }

  private async fetch(keys: readonly LookupKey[]): Promise<Array<OrganizationLookupResult | Error>> {
    const { principal, requestId, registry, accessLog } = this.deps;
    const purposes = new Map<string, Set<string>>();
    for (const { taxCode, purpose } of keys) {
      if (!purposes.has(taxCode)) purposes.set(taxCode, new Set());
      purposes.get(taxCode)!.add(purpose);
    }
    const codes = [...purposes.keys()];
    const purposeOf = (code: string) => [...purposes.get(code)!].sort().join('; ');
    const allPurposes = [...new Set(keys.map((k) => k.purpose))].sort().join('; ');
    let found: Map<string, OrganizationRecord> | undefined;
    let failure: Error | undefined;
    try {
      if (!registry) throw new AdapterError('UNAVAILABLE', BUSINESS_REGISTRY_SYSTEM, 'no business registry is configured');
      found = await registry.lookupMany(codes, { requestId, actor: principal.id, purpose: allPurposes, unitCode: principal.agencyCode });
    } catch (err) {
      failure = err instanceof Error ? err : new Error(String(err));
    }
    const fetchedAt = new Date();
    await accessLog.record(
      principal,
      BUSINESS_REGISTRY_SYSTEM,
      fetchedAt,
      codes.map((code) => ({ personalId: code, purpose: purposeOf(code), outcome: failure ? 'ERROR' : found!.has(code) ? 'FOUND' : 'NOT_FOUND' })),
    );
    return keys.map((key) => failure ?? { record: found!.get(key.taxCode) ?? null, fetchedAt });
  }
}

/**
 * Per-request reads of the population database. Every lookup of the request (Query.citizen, Citizen
 * references, prefills) goes through one DataLoader, so a request makes one `TraCuuNhieuCongDan`
 * call however many people, representations or forms it names, and the call is logged per person.
 */
import DataLoader from 'dataloader';
import { POPULATION_DB_SYSTEM, type PersonRecord, type PopulationDbClient } from '../../../adapters/population-db';
import type { Principal } from '../../shared/auth/principal';
import type { CitizenAccessLog } from './access-log';
import { authorizeCitizenAccess } from './citizen-access-policy';

export interface LookupResult {
  /** The person, or null when the source has no such person. */
  record: PersonRecord | null;
  /** When the source answered. */
  fetchedAt: Date;
}

interface LookupKey {
  personalId: string;
  purpose: string;
}

export interface CitizenLookupDeps {
  principal: Principal;
  requestId: string;
  population: PopulationDbClient;
  accessLog: CitizenAccessLog;
}

export class CitizenLookup {
  private readonly loader: DataLoader<LookupKey, LookupResult, string>;

  constructor(private readonly deps: CitizenLookupDeps) {
    this.loader = new DataLoader((keys) => this.fetch(keys), {
      cacheKeyFn: (key) => `${key.purpose}\u0000${key.personalId}`,
    });
  }

  /**
   * Authorises, then reads one person. Throws the typed errors of {@link authorizeCitizenAccess}
   * before any upstream call, and the adapter's AdapterError when the source fails.
   */
  load(personalId: string, purpose: string): Promise<LookupResult> {
    const checkedPurpose = authorizeCitizenAccess(this.deps.principal, personalId, purpose);
    return this.loader.load({ personalId, purpose: checkedPurpose });
  }

  private async fetch(keys: readonly LookupKey[]): Promise<Array<LookupResult | Error>> {
    const { principal, requestId, population, accessLog } = this.deps;
    const purposes = new Map<string, Set<string>>();
    for (const { personalId, purpose } of keys) {
      if (!purposes.has(personalId)) purposes.set(personalId, new Set());
      purposes.get(personalId)!.add(purpose);
    }
    const ids = [...purposes.keys()];
    const purposeOf = (id: string) => [...purposes.get(id)!].sort().join('; ');
    const allPurposes = [...new Set(keys.map((k) => k.purpose))].sort().join('; ');
    let found: Map<string, PersonRecord> | undefined;
    let failure: Error | undefined;
    try {
      found = await population.lookupMany(ids, { requestId, actor: principal.id, purpose: allPurposes, unitCode: principal.agencyCode });
    } catch (err) {
      failure = err instanceof Error ? err : new Error(String(err));
    }
    const fetchedAt = new Date();
    await accessLog.record(
      principal,
      POPULATION_DB_SYSTEM,
      fetchedAt,
      ids.map((id) => ({ personalId: id, purpose: purposeOf(id), outcome: failure ? 'ERROR' : found!.has(id) ? 'FOUND' : 'NOT_FOUND' })),
    );
    return keys.map((key) => failure ?? { record: found!.get(key.personalId) ?? null, fetchedAt });
  }
}

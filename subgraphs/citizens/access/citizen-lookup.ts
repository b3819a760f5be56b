/**
 * Per-request, authorised, batched and logged reads of the national sources. Each source has one
 * DataLoader per request, so a request makes one batch call per source however many people,
 * representations or forms it names; each call is logged per person (with the dossier that justified
 * an official's access). Authorisation runs first and once per person and purpose.
 */
import DataLoader from 'dataloader';
import type { LookupAudit, PersonRecord } from '../../../adapters/population-db';
import type { Principal } from '../../shared/auth/principal';
import type { AccessLog } from './access-log-port';
import { authorizeCitizenAccess, type AccessGrant, type DossierDirectory } from './citizen-access-policy';

/** A national source of citizen data, read in batches. */
export interface CitizenSource<R = unknown> {
  /** System name, e.g. `CSDLQG_DAN_CU`; logged with every access. */
  readonly system: string;
  /** The people found; ids the source does not know are absent. Throws AdapterError on failure. */
  fetchMany(personalIds: readonly string[], audit: LookupAudit): Promise<Map<string, R>>;
}

export interface SourceResult<R> {
  /** The person's record, or null when the source has no such person. */
  record: R | null;
  /** When the source answered. */
  fetchedAt: Date;
}

/** The population database's answer (Query.citizen and Citizen references read it). */
export type LookupResult = SourceResult<PersonRecord>;

interface LookupKey extends AccessGrant {
  personalId: string;
}

export interface CitizenLookupDeps {
  principal: Principal;
  requestId: string;
  /** Every configured source; `populationSystem` names the one `load` reads. */
  sources: readonly CitizenSource[];
  populationSystem: string;
  accessLog: AccessLog;
  dossiers: DossierDirectory;
}

export class CitizenLookup {
  private readonly loaders = new Map<string, DataLoader<LookupKey, SourceResult<unknown>, string>>();
  private readonly grants = new Map<string, Promise<AccessGrant>>();

  constructor(private readonly deps: CitizenLookupDeps) {
    for (const source of deps.sources) {
      this.loaders.set(
        source.system,
        new DataLoader((keys) => this.fetch(source, keys), {
          cacheKeyFn: (key) => `${key.purpose}\u0000${key.dossierCode ?? ''}\u0000${key.personalId}`,
        }),
      );
    }
  }

  /** The systems configured, in order. */
  get systems(): string[] {
    return this.deps.sources.map((s) => s.system);
  }

  /**
   * Checks that the caller may read `personalId` for `purpose` (typed errors of
   * {@link authorizeCitizenAccess}); memoised for the request.
   */
  authorize(personalId: string, purpose: string): Promise<AccessGrant> {
    const key = `${purpose}\u0000${personalId}`;
    let grant = this.grants.get(key);
    if (!grant) {
      grant = authorizeCitizenAccess(this.deps.principal, personalId, purpose, this.deps.dossiers);
      this.grants.set(key, grant);
    }
    return grant;
  }

  /** Authorises, then reads one person from the population database. */
  load(personalId: string, purpose: string): Promise<LookupResult> {
    return this.loadFrom<PersonRecord>(this.deps.populationSystem, personalId, purpose);
  }

  /**
   * Authorises, then reads one person from `system`. Refusals are thrown before any upstream call;
   * a source failure rejects with the adapter's AdapterError.
   */
  async loadFrom<R>(system: string, personalId: string, purpose: string): Promise<SourceResult<R>> {
    const loader = this.loaders.get(system);
    if (!loader) throw new Error(`no citizen source ${system}`);
    const grant = await this.authorize(personalId, purpose);
    return (await loader.load({ personalId, ...grant })) as SourceResult<R>;
  }

  private async fetch(source: CitizenSource, keys: readonly LookupKey[]): Promise<Array<SourceResult<unknown> | Error>> {
    const { principal, requestId, accessLog } = this.deps;
    const byPerson = new Map<string, { purposes: Set<string>; dossiers: Set<string> }>();
    for (const { personalId, purpose, dossierCode } of keys) {
      if (!byPerson.has(personalId)) byPerson.set(personalId, { purposes: new Set(), dossiers: new Set() });
      byPerson.get(personalId)!.purposes.add(purpose);
      if (dossierCode) byPerson.get(personalId)!.dossiers.add(dossierCode);
    }
    const ids = [...byPerson.keys()];
    const allPurposes = [...new Set(keys.map((k) => k.purpose))].sort().join('; ');
    let found: Map<string, unknown> | undefined;
    let failure: Error | undefined;
    try {
      found = await source.fetchMany(ids, { requestId, actor: principal.id, purpose: allPurposes, unitCode: principal.agencyCode });
    } catch (err) {
      failure = err instanceof Error ? err : new Error(String(err));
    }
    const fetchedAt = new Date();
    await accessLog.record(
      principal,
      source.system,
      fetchedAt,
      ids.map((id) => {
        const { purposes, dossiers } = byPerson.get(id)!;
        return {
          personalId: id,
          purpose: [...purposes].sort().join('; '),
          // One column: the first dossier by code when several justified the same call.
          dossierCode: [...dossiers].sort()[0] ?? null,
          outcome: failure ? 'ERROR' : found!.has(id) ? 'FOUND' : 'NOT_FOUND',
        };
      }),
    );
    return keys.map((key) => failure ?? { record: found!.get(key.personalId) ?? null, fetchedAt });
  }
}

/**
 * What every submission reads but rarely changes: the procedure as in force, its agency's cut-off
 * hour and its latest workflow. Intake keeps them for a few seconds (concurrent submissions share one
 * read), so a burst of submissions costs the database only its writes. A procedure version coming into
 * force, an agency's new cut-off or a saved workflow reaches intake within `ttlMs`.
 */
import type { ProcedureCatalogue, ProcedureRecord } from '../../procedures';
import type { PrismaClient } from '../../shared/storage/database';
import { latestWorkflowFor, type DossierWorkflow } from '../workflow/dossier-workflow';

export interface IntakeReferencesOptions {
  /** How long a read stays fresh, in milliseconds; 0 reads every time. @default 5000 */
  ttlMs?: number;
  /** Clock. @default Date.now */
  now?: () => number;
}

class FreshFor<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.value;
    const value = load();
    this.entries.set(key, { at: this.now(), value });
    // A failed read is not kept: the next submission tries again.
    value.catch(() => this.entries.get(key)?.value === value && this.entries.delete(key));
    return value;
  }
}

export class IntakeReferences {
  private readonly procedures: FreshFor<ProcedureRecord>;
  private readonly cutoffs: FreshFor<number | null>;
  private readonly workflows: FreshFor<DossierWorkflow>;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly catalogue: ProcedureCatalogue,
    options: IntakeReferencesOptions = {},
  ) {
    const ttl = options.ttlMs ?? 5000;
    const now = options.now ?? Date.now;
    this.procedures = new FreshFor(ttl, now);
    this.cutoffs = new FreshFor(ttl, now);
    this.workflows = new FreshFor(ttl, now);
  }

  /** The procedure in force (PROCEDURE_NOT_FOUND when unknown). */
  procedure(code: string): Promise<ProcedureRecord> {
    return this.procedures.get(code, () => this.catalogue.require(code));
  }

  /** The agency's own cut-off hour for same-day reception, or null. */
  agencyCutoffHour = (agencyCode: string): Promise<number | null> =>
    this.cutoffs.get(agencyCode, async () => {
      const agency = await this.prisma.agency.findUnique({ where: { code: agencyCode }, select: { cutoffHour: true } });
      return agency?.cutoffHour ?? null;
    });

  /** The procedure's latest workflow (its default one when none is stored). */
  workflow(procedure: Pick<ProcedureRecord, 'code' | 'processingDays'>): Promise<DossierWorkflow> {
    return this.workflows.get(procedure.code, () => latestWorkflowFor(this.prisma, procedure));
  }
}

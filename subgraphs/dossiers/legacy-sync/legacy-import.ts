/**
 * The pull from a legacy one-stop system: pages of dossiers changed since the stored cursor. A new
 * dossier is filed through intake under its legacy code (no receipt number used); a known one whose
 * legacy status no longer agrees with the hub's moves through the workflow's transition path
 * (history row and outbox event). A page and the cursor after it commit in ONE transaction, so a crash
 * mid-page re-reads the page, which then changes nothing: dossiers exist, statuses agree.
 *
 * A record the hub cannot take (a status code the table does not know, a procedure it does not have,
 * a form intake refuses) stops the pull there: what came before it commits with the cursor just
 * before it, and the error is returned. Nothing is guessed and nothing behind it is skipped.
 */
import type { LegacyDossier, LegacyOneStopClient, LegacyStatus, LegacyStatusTable } from '../../../adapters/legacy-one-stop';
import type { Principal } from '../../shared/auth/principal';
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { DossiersServices } from '../context';
import { DossierStatus, type SubmissionChannel } from '../dossier/dossier-status';
import { transitionDossier, type DossierTx } from '../dossier/dossier-transition';
import type { DossierRow } from '../dossier/dossier.mapper';
import { ReturnMethod } from '../intake/return-method';
import { submitDossier } from '../intake/submit-dossier';
import type { SubmitDossierInput } from '../intake/submit-dossier.input';
import { FINAL_STATUSES } from '../workflow/dossier-state-machine';
import { cancelPlannedSteps, closeStep, findOpenStep, StepOutcome } from '../workflow/step-rows';
import { DeferredKick, readPageReferences, servicesWithin, type PageReferences } from './legacy-page-scope';

export interface LegacyPullOptions {
  /** Dossiers asked per page. @default 100 */
  pageSize?: number;
  /** Longest a page's transaction may take, in ms. @default 60000 */
  transactionTimeoutMs?: number;
}

export interface LegacyPullResult {
  pages: number;
  imported: number;
  /** Known dossiers whose status moved. */
  updated: number;
  /** Records that changed nothing (already imported and in agreement). */
  unchanged: number;
  /** The stored cursor after the pass. */
  cursor: string;
  /** Why the pull stopped before the end, with the legacy code of the record at fault. */
  stoppedAt?: { legacyCode: string; error: LienthongError };
}

type Outcome = 'IMPORTED' | 'UPDATED' | 'UNCHANGED';

/** Outcome of a step the legacy system took, for the hub's open workflow step. */
const STEP_OUTCOME: Partial<Record<DossierStatus, 'COMPLETED' | 'REJECTED' | 'CANCELLED'>> = {
  DONE: StepOutcome.COMPLETED,
  RETURNED: StepOutcome.COMPLETED,
  NOT_ACCEPTED: StepOutcome.REJECTED,
  STOPPED: StepOutcome.REJECTED,
  WITHDRAWN: StepOutcome.CANCELLED,
};

export class LegacyImporter {
  private readonly pageSize: number;
  private readonly transactionTimeoutMs: number;

  constructor(
    private readonly services: DossiersServices,
    private readonly client: LegacyOneStopClient,
    private readonly table: LegacyStatusTable,
    private readonly principal: Principal,
    options: LegacyPullOptions = {},
  ) {
    this.pageSize = options.pageSize ?? 100;
    this.transactionTimeoutMs = options.transactionTimeoutMs ?? 60_000;
  }

  get system(): string {
    return this.client.system;
  }

  /** Pulls every page since the stored cursor. Upstream failures throw (AdapterError); nothing is stored then. */
  async pullOnce(now = new Date()): Promise<LegacyPullResult> {
    const { prisma } = this.services;
    const result: LegacyPullResult = { pages: 0, imported: 0, updated: 0, unchanged: 0, cursor: '' };
    result.cursor = (await prisma.legacySyncCursor.findUnique({ where: { system: this.system } }))?.cursor ?? '';
    for (;;) {
      const page = await this.client.changesSince(result.cursor, this.pageSize);
      result.pages += 1;
      const references = await readPageReferences(this.services, page.dossiers.map((d) => d.procedureCode));
      const kick = new DeferredKick(this.services.outbox);
      const applied = await prisma.$transaction(
        async (tx) => {
          // Pulls of several hub processes take turns: a page a later one re-reads then changes nothing.
          await tx.$queryRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1)) IS NULL AS locked', `legacy-sync:${this.system}`);
          const scoped = servicesWithin(this.services, tx, references, kick);
          const counts: Record<Outcome, number> = { IMPORTED: 0, UPDATED: 0, UNCHANGED: 0 };
          let cursor = result.cursor;
          let stoppedAt: LegacyPullResult['stoppedAt'];
          for (const dossier of page.dossiers) {
            try {
              counts[await this.applyOne(scoped, tx, references, dossier, now)] += 1;
            } catch (err) {
              // A refusal is thrown before the record wrote anything: what came before it commits.
              if (!(err instanceof LienthongError)) throw err;
              stoppedAt = { legacyCode: dossier.code, error: err };
              break;
            }
            cursor = dossier.cursor;
          }
          if (!stoppedAt) cursor = page.nextCursor;
          if (cursor !== result.cursor) {
            await tx.legacySyncCursor.upsert({ where: { system: this.system }, create: { system: this.system, cursor }, update: { cursor } });
          }
          return { cursor, counts, stoppedAt };
        },
        { timeout: this.transactionTimeoutMs, maxWait: this.transactionTimeoutMs },
      );
      kick.flush();
      result.imported += applied.counts.IMPORTED;
      result.updated += applied.counts.UPDATED;
      result.unchanged += applied.counts.UNCHANGED;
      result.cursor = applied.cursor;
      if (applied.stoppedAt) {
        result.stoppedAt = applied.stoppedAt;
        return result;
      }
      if (!page.hasMore || page.dossiers.length === 0) return result;
    }
  }

  /** Files or updates one record inside the page's transaction. */
  private async applyOne(scoped: DossiersServices, tx: DossierTx, page: PageReferences, dossier: LegacyDossier, now: Date): Promise<Outcome> {
    // Mapped first: an unknown code must stop the pull before anything of this record is written.
    const target = this.table.toHub(dossier.legacyStatus, dossier.code);
    const existing = await tx.dossier.findUnique({ where: { code: dossier.code } });
    if (existing) {
      if (existing.legacySystem !== this.system) throw this.codeTaken(dossier.code, existing.legacySystem);
      if (this.table.agrees(dossier.legacyStatus, existing.status)) return 'UNCHANGED';
      await this.move(scoped, existing, target, dossier, now);
      return 'UPDATED';
    }
    const failure = page.failures.get(dossier.procedureCode);
    if (failure) throw failure;
    const filed = await submitDossier(scoped, this.principal, this.intakeInput(dossier), now);
    // Intake files NEW or PAYMENT_DUE; the legacy desk may be further along already.
    if (filed.status !== target.status) await this.move(scoped, filed, target, dossier, now);
    return 'IMPORTED';
  }

  private intakeInput(dossier: LegacyDossier): SubmitDossierInput {
    return {
      procedureCode: dossier.procedureCode,
      formData: dossier.formData,
      channel: dossier.channel as SubmissionChannel,
      applicantPersonalId: dossier.applicant.personalId,
      returnMethod: ReturnMethod.COUNTER,
      legacyCode: dossier.code,
      legacySystem: this.system,
      legacyReceivedAt: dossier.receivedAt,
      caseCode: null,
      subjectTaxCode: null,
      postalAddress: null,
      postalIntake: null,
      attachments: null,
      idempotencyKey: null,
    };
  }

  /** The legacy system moved the dossier: the hub follows through the one transition path. */
  private async move(scoped: DossiersServices, current: DossierRow, target: LegacyStatus, dossier: LegacyDossier, now: Date): Promise<void> {
    const to = target.status as DossierStatus;
    // The legacy system's clock may run ahead of ours: never date a change in the future.
    const at = new Date(Math.min(dossier.updatedAt.getTime(), now.getTime()));
    const ends = FINAL_STATUSES.includes(to) || to === DossierStatus.DONE;
    const set: Record<string, unknown> = {};
    if (to === DossierStatus.SUPPLEMENT_REQUESTED) set.pausedAt = current.pausedAt ?? at;
    else set.pausedAt = null;
    if (ends) Object.assign(set, { completedAt: current.completedAt ?? at });
    if (FINAL_STATUSES.includes(to)) set.currentStep = null;
    const outcome = await transitionDossier(scoped, {
      code: current.code,
      from: [current.status as DossierStatus],
      to,
      expectedVersion: current.version,
      actor: this.principal.id,
      note: `Cập nhật từ hệ thống ${this.system}: ${target.label} (mã ${target.code})`,
      stepKey: current.currentStep,
      at,
      set,
      within: async (tx, updated) => {
        const stepOutcome = STEP_OUTCOME[to];
        if (!stepOutcome) return;
        const open = await findOpenStep(tx, updated.id);
        const closing = { actor: this.principal.id, note: `Xử lý trên hệ thống ${this.system}`, at };
        if (open) await closeStep(tx, open.id, { ...closing, outcome: stepOutcome });
        await cancelPlannedSteps(tx, updated.id, this.principal.id, at);
      },
    });
    // Within the page's transaction nobody else moves it; a miss means the rows changed under us.
    if (!outcome.applied) throw new Error(`legacy sync: ${current.code} could not move to ${to} (${outcome.reason})`);
  }

  private codeTaken(code: string, owner: string | null): LienthongError {
    return new LienthongError(ErrorCode.CONFLICT, {
      vi: `Mã hồ sơ ${code} của hệ thống ${this.system} đã được dùng cho hồ sơ ${owner ? `của hệ thống ${owner}` : 'do hub cấp'}.`,
      en: `The ${this.system} dossier code ${code} is already used by a dossier ${owner ? `of ${owner}` : 'issued by the hub'}.`,
      details: { field: 'maHoSo', legacyCode: code, legacySystem: this.system },
    });
  }
}

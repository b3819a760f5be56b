/**
 * Read access to the procedure catalogue for this subgraph's resolvers and for the subgraphs that
 * need a procedure's rules in-process (dossiers: e-form, agency, processing time, version; payments:
 * fee; calendar: processing times, cut-off). Every read serves the version in force today: a version
 * published for a later date is made current on the first read once its date has come.
 */
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { PrismaClient } from '../../shared/storage/database';
import { localToday, type IsoDay } from './local-date';
import { toProcedureRecord, type ProcedureRecord } from './procedure-record';
import { PROCEDURE_CODE } from './procedure-schema';
import { searchProcedures, type ProcedurePage, type ProcedureQuery } from './procedure-search';
import {
  findVersion,
  findVersionInForce,
  hasVersions,
  listVersions,
  promoteDueVersions,
  type ProcedureVersionSummary,
} from './procedure-versions';

export function procedureNotFound(code: string, extra: Record<string, unknown> = {}): LienthongError {
  return new LienthongError(ErrorCode.PROCEDURE_NOT_FOUND, {
    vi: `Không tìm thấy thủ tục hành chính có mã ${code}.`,
    en: `No procedure has the code ${code}.`,
    details: { procedureCode: code, ...extra },
  });
}

/** True for a national procedure code such as 1.001193 (or its localised form …000.00.00.H26). */
export const isProcedureCode = (code: string): boolean => PROCEDURE_CODE.test(code);

export function invalidProcedureCode(code: string, argument = 'code'): LienthongError {
  return new LienthongError(ErrorCode.INVALID_PROCEDURE_CODE, { details: { argument, procedureCode: code } });
}

export interface ProcedureCatalogueOptions {
  /** Clock of "today" (Asia/Ho_Chi_Minh). @default () => new Date() */
  now?: () => Date;
  /**
   * How long a check for versions that have come into force stays fresh, in milliseconds; the
   * check also runs whenever the day changes. @default 60000
   */
  promotionCheckIntervalMs?: number;
}

export class ProcedureCatalogue {
  private readonly now: () => Date;
  private readonly interval: number;
  private lastCheck: { day: IsoDay; at: number; running?: Promise<void> } | undefined;

  constructor(
    private readonly prisma: PrismaClient,
    options: ProcedureCatalogueOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.interval = options.promotionCheckIntervalMs ?? 60_000;
  }

  /** Today's local day by this catalogue's clock. */
  today(): IsoDay {
    return localToday(this.now());
  }

  /** Brings the `procedure` rows up to the versions in force today (at most once per interval). */
  async refresh(force = false): Promise<void> {
    const now = this.now();
    const day = localToday(now);
    const last = this.lastCheck;
    if (!force && last && last.day === day && now.getTime() - last.at < this.interval) return last.running;
    const running = promoteDueVersions(this.prisma, day).then(() => undefined);
    this.lastCheck = { day, at: now.getTime(), running };
    try {
      await running;
    } catch (err) {
      this.lastCheck = undefined; // retry on the next read rather than serve stale versions silently
      throw err;
    }
  }

  /** The version in force of the procedure with this national code, or null. */
  async get(code: string): Promise<ProcedureRecord | null> {
    const [record] = await this.getMany([code]);
    return record;
  }

  /** The version in force; an unknown code throws PROCEDURE_NOT_FOUND. */
  async require(code: string): Promise<ProcedureRecord> {
    const record = await this.get(code);
    if (!record) throw procedureNotFound(code);
    return record;
  }

  /** One published version (dossiers keep the version they were filed under); unknown → PROCEDURE_NOT_FOUND. */
  async requireVersion(code: string, version: number): Promise<ProcedureRecord> {
    const record = await findVersion(this.prisma, code, version);
    if (record) return record;
    // Rows written before versioning have no `procedure_version` entry; their row is version 1.
    const current = await this.get(code);
    if (current && current.version === version && !(await hasVersions(this.prisma, code))) return current;
    throw procedureNotFound(code, { version });
  }

  /** The version in force on `day` (`YYYY-MM-DD`), or null when none was in force then. */
  async getAt(code: string, day: IsoDay): Promise<ProcedureRecord | null> {
    const record = await findVersionInForce(this.prisma, code, day);
    if (record) return record;
    const current = await this.get(code);
    return current && current.effectiveFrom <= day && !(await hasVersions(this.prisma, code)) ? current : null;
  }

  /** Every published version of a procedure, oldest first; unknown → PROCEDURE_NOT_FOUND. */
  async versions(code: string): Promise<ProcedureVersionSummary[]> {
    const versions = await listVersions(this.prisma, code);
    if (versions.length > 0) return versions;
    const current = await this.get(code);
    if (!current) throw procedureNotFound(code);
    return [];
  }

  /** Several procedures in one query, answered in the order asked (null where unknown): a DataLoader batch. */
  async getMany(codes: readonly string[]): Promise<Array<ProcedureRecord | null>> {
    await this.refresh();
    const rows = await this.prisma.procedure.findMany({ where: { code: { in: [...new Set(codes)] } } });
    const byCode = new Map(rows.map((row) => [row.code, toProcedureRecord(row)]));
    return codes.map((code) => byCode.get(code) ?? null);
  }

  /** One page of the catalogue; see {@link searchProcedures}. */
  async search(query: ProcedureQuery): Promise<ProcedurePage> {
    await this.refresh();
    return searchProcedures(this.prisma, query);
  }
}

/**
 * Read access to the procedure catalogue for this subgraph's resolvers and for the subgraphs that
 * need a procedure's rules in-process (dossiers: e-form, agency, processing time; payments: fee).
 */
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { PrismaClient } from '../../shared/storage/database';
import { toProcedureRecord, type ProcedureRecord } from './procedure-record';
import { searchProcedures, type ProcedurePage, type ProcedureQuery } from './procedure-search';

export function procedureNotFound(code: string): LienthongError {
  return new LienthongError(ErrorCode.PROCEDURE_NOT_FOUND, {
    vi: `Không tìm thấy thủ tục hành chính có mã ${code}.`,
    en: `No procedure has the code ${code}.`,
    details: { procedureCode: code },
  });
}

export class ProcedureCatalogue {
  constructor(private readonly prisma: PrismaClient) {}

  /** The procedure with this national code, or null. */
  async get(code: string): Promise<ProcedureRecord | null> {
    const row = await this.prisma.procedure.findUnique({ where: { code } });
    return row ? toProcedureRecord(row) : null;
  }

  /** The procedure with this national code; an unknown code throws PROCEDURE_NOT_FOUND. */
  async require(code: string): Promise<ProcedureRecord> {
    const record = await this.get(code);
    if (!record) throw procedureNotFound(code);
    return record;
  }

  /** Several procedures in one query, answered in the order asked (null where unknown): a DataLoader batch. */
  async getMany(codes: readonly string[]): Promise<Array<ProcedureRecord | null>> {
    const rows = await this.prisma.procedure.findMany({ where: { code: { in: [...new Set(codes)] } } });
    const byCode = new Map(rows.map((row) => [row.code, toProcedureRecord(row)]));
    return codes.map((code) => byCode.get(code) ?? null);
  }

  /** One page of the catalogue; see {@link searchProcedures}. */
  search(query: ProcedureQuery): Promise<ProcedurePage> {
    return searchProcedures(this.prisma, query);
  }
}

/**
 * Publishing procedures: a new numbered version in `procedure_version`, and — when its effective date
 * has come (Asia/Ho_Chi_Minh) — the `procedure` row that the read path serves. Used by the
 * `publishProcedure` mutation, the catalogue import (`publishMany`, all rows or none) and the seed.
 */
import { ErrorCode, LienthongError } from '../../shared/errors';
import type { PrismaClient } from '../../shared/storage/database';
import { dayToDate, isIsoDay, localToday, dateToDay, type IsoDay } from './local-date';
import { parseProcedureInput } from './procedure-input';
import { asJson, toProcedureColumns, type ProcedureDraft, type ProcedureRecord } from './procedure-record';

export interface PublishOptions {
  /** Who publishes (principal id, `seed`, `import:<file>`...); stored as `created_by`. */
  actor: string;
  /** First day (Vietnam) the version is in force: `YYYY-MM-DD` or a date at UTC midnight. */
  effectiveFrom: IsoDay | Date;
}

export interface ProcedurePublisherOptions {
  /** Clock deciding whether a version is already in force. @default () => new Date() */
  now?: () => Date;
  /**
   * Check that the agencies and field a procedure names exist in the `agency` / `procedure_field`
   * tables (and take their names from there when the draft has none). Only the seed, whose
   * references are checked by its unit test against SEED_AGENCIES / SEED_FIELDS, turns it off.
   * @default true
   */
  checkReferences?: boolean;
}

const notFound = (code: ErrorCode.AGENCY_NOT_FOUND | ErrorCode.FIELD_NOT_FOUND, procedureCode: string, field: string, value: string) =>
  new LienthongError(code, {
    vi: `${code === ErrorCode.AGENCY_NOT_FOUND ? 'Không có cơ quan' : 'Không có lĩnh vực'} mã ${value} (${field}, thủ tục ${procedureCode}).`,
    en: `${code === ErrorCode.AGENCY_NOT_FOUND ? 'No agency' : 'No field'} has the code ${value} (${field} of procedure ${procedureCode}).`,
    details: { field, procedureCode, [code === ErrorCode.AGENCY_NOT_FOUND ? 'agencyCode' : 'fieldCode']: value },
  });

/** The agency codes a draft names, with the field each comes from. */
function agencyReferences(d: ProcedureDraft): Array<{ field: string; code: string }> {
  const a = d.details.agencies;
  return [
    { field: 'agencyCode', code: d.agencyCode },
    { field: 'details.agencies.deciding', code: a.deciding },
    ...(a.delegated ? [{ field: 'details.agencies.delegated', code: a.delegated }] : []),
    ...a.coordinating.map((code, i) => ({ field: `details.agencies.coordinating[${i}]`, code })),
  ];
}

export class ProcedurePublisher {
  private readonly now: () => Date;
  private readonly checkReferences: boolean;

  constructor(
    private readonly prisma: PrismaClient,
    options: ProcedurePublisherOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.checkReferences = options.checkReferences ?? true;
  }

  /** Publishes one procedure as its next version; returns the version published. */
  async publish(record: ProcedureDraft, options: PublishOptions): Promise<ProcedureRecord> {
    const [published] = await this.publishAll([record], options);
    return published;
  }

  /** Publishes every procedure in one transaction (all or nothing); returns how many. */
  async publishMany(records: readonly ProcedureDraft[], options: PublishOptions): Promise<number> {
    return (await this.publishAll(records, options)).length;
  }

  private async publishAll(drafts: readonly ProcedureDraft[], options: PublishOptions): Promise<ProcedureRecord[]> {
    const effectiveFrom = checkEffectiveFrom(options.effectiveFrom);
    const checked = drafts.map((d, index) => recheck(d, index));
    const seen = new Set<string>();
    checked.forEach((d, index) => {
      if (seen.has(d.code)) {
        throw new LienthongError(ErrorCode.BAD_USER_INPUT, {
          vi: `Thủ tục ${d.code} xuất hiện hai lần trong cùng một lần công bố.`,
          en: `Procedure ${d.code} appears twice in one publication.`,
          details: { field: 'code', procedureCode: d.code, index },
        });
      }
      seen.add(d.code);
    });
    const named = this.checkReferences ? await this.resolveReferences(checked) : checked;
    const inForceNow = effectiveFrom <= localToday(this.now());
    try {
      return await this.prisma.$transaction(async (tx) => {
        const last = await tx.procedureVersion.groupBy({
          by: ['procedureCode'],
          where: { procedureCode: { in: named.map((d) => d.code) } },
          _max: { version: true },
        });
        const lastByCode = new Map(last.map((l) => [l.procedureCode, l._max.version ?? 0]));
        const records: ProcedureRecord[] = named.map((d) => ({ ...d, version: (lastByCode.get(d.code) ?? 0) + 1, effectiveFrom }));
        await tx.procedureVersion.createMany({
          data: records.map((r) => ({
            procedureCode: r.code,
            version: r.version,
            effectiveFrom: dayToDate(effectiveFrom),
            record: asJson(r),
            createdBy: options.actor,
          })),
        });
        if (inForceNow) {
          const existing = new Set(
            (await tx.procedure.findMany({ where: { code: { in: records.map((r) => r.code) } }, select: { code: true } })).map((r) => r.code),
          );
          const columns = records.map(toProcedureColumns);
          const fresh = columns.filter((c) => !existing.has(c.code));
          if (fresh.length > 0) await tx.procedure.createMany({ data: fresh });
          for (const c of columns.filter((c) => existing.has(c.code))) {
            const { code, ...rest } = c;
            await tx.procedure.update({ where: { code }, data: rest });
          }
        }
        return records;
      });
    } catch (err) {
      // Two publications of the same procedure racing for one version number.
      if ((err as { code?: unknown } | null)?.code === 'P2002') {
        throw new LienthongError(ErrorCode.CONFLICT, { details: { field: 'version' }, cause: err });
      }
      throw err;
    }
  }

  /** Agencies and field must exist; names missing from a draft come from the tables. */
  private async resolveReferences(drafts: ProcedureDraft[]): Promise<ProcedureDraft[]> {
    const agencyCodes = [...new Set(drafts.flatMap((d) => agencyReferences(d).map((r) => r.code)))];
    const fieldCodes = [...new Set(drafts.map((d) => d.fieldCode))];
    const [agencies, fields] = await Promise.all([
      this.prisma.agency.findMany({ where: { code: { in: agencyCodes } }, select: { code: true, name: true } }),
      this.prisma.procedureField.findMany({ where: { code: { in: fieldCodes } }, select: { code: true, name: true } }),
    ]);
    const agencyName = new Map(agencies.map((a) => [a.code, a.name]));
    const fieldName = new Map(fields.map((f) => [f.code, f.name]));
    return drafts.map((d) => {
      for (const ref of agencyReferences(d)) {
        if (!agencyName.has(ref.code)) throw notFound(ErrorCode.AGENCY_NOT_FOUND, d.code, ref.field, ref.code);
      }
      if (!fieldName.has(d.fieldCode)) throw notFound(ErrorCode.FIELD_NOT_FOUND, d.code, 'fieldCode', d.fieldCode);
      return {
        ...d,
        agencyName: d.agencyName || agencyName.get(d.agencyCode)!,
        fieldName: d.fieldName || fieldName.get(d.fieldCode)!,
      };
    });
  }
}

function checkEffectiveFrom(value: IsoDay | Date): IsoDay {
  const day = value instanceof Date ? (Number.isNaN(value.getTime()) ? '' : dateToDay(value)) : value;
  if (!isIsoDay(day)) {
    throw new LienthongError(ErrorCode.BAD_USER_INPUT, {
      vi: 'Ngày hiệu lực phải là một ngày dạng YYYY-MM-DD.',
      en: 'effectiveFrom must be a date YYYY-MM-DD.',
      details: { field: 'effectiveFrom' },
    });
  }
  return day;
}

/** Drafts may come from anywhere in-process: publish only what `parseProcedureInput` accepts. */
function recheck(draft: ProcedureDraft, index: number): ProcedureDraft {
  // Blank names mean "take them from the tables" (resolveReferences), not an empty name.
  const result = parseProcedureInput({ ...draft, agencyName: draft.agencyName || undefined, fieldName: draft.fieldName || undefined });
  if (result.ok) {
    // Names may be blank in a draft; the tables fill them in.
    return { ...result.record, agencyName: draft.agencyName ?? '', fieldName: draft.fieldName ?? '' };
  }
  const codeProblem = result.problems.find((p) => p.field === 'code');
  throw new LienthongError(codeProblem ? ErrorCode.INVALID_PROCEDURE_CODE : ErrorCode.BAD_USER_INPUT, {
    vi: `Thủ tục không hợp lệ: ${result.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
    en: `Invalid procedure: ${result.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
    details: { field: result.problems[0].field, index, procedureCode: (draft as { code?: unknown }).code, problems: result.problems },
  });
}

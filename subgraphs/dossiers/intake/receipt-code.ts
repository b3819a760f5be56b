/**
 * Receipt codes (mã hồ sơ) in the format of Circular 01/2018/TT-VPCP Art. 19:
 * `<agency electronic code>-<yyMMdd>-<4-digit sequence>`, e.g. `000.00.12.H26-261123-0001`.
 * The sequence is per agency per local day and gap-free: it is taken inside the dossier's own
 * transaction, so a rolled-back submission gives its number back.
 */
import type { IsoDate } from '../../shared/calendar/working-days';

type SqlRunner = {
  $queryRaw<T = unknown>(query: TemplateStringsArray, ...values: unknown[]): Promise<T>;
};

export async function nextReceiptNumber(tx: SqlRunner, agencyCode: string, day: IsoDate): Promise<number> {
  // One statement: concurrent submissions serialise on the row lock of (agency, day).
  const rows = await tx.$queryRaw<Array<{ last_number: number }>>`
    INSERT INTO "receipt_sequence" ("agency_code", "day", "last_number") VALUES (${agencyCode}, ${day}, 1)
    ON CONFLICT ("agency_code", "day") DO UPDATE SET "last_number" = "receipt_sequence"."last_number" + 1
    RETURNING "last_number"`;
  return rows[0].last_number;
}

export function formatReceiptCode(agencyCode: string, day: IsoDate, sequence: number): string {
  const yymmdd = day.slice(2).replaceAll('-', '');
  return `${agencyCode}-${yymmdd}-${String(sequence).padStart(4, '0')}`;
}

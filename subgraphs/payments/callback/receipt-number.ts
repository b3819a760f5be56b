/**
 * E-receipt numbers (số biên lai điện tử): `BL<year>-<sequence>`, e.g. `BL2026-000123`, sequential per
 * year in Vietnam's time. Allocated inside the transaction that marks the payment PAID, under a
 * transaction-scoped advisory lock, so concurrent payments never draw the same number and a
 * rolled-back payment leaves no gap; the unique index on receipt_number backs this up.
 */
import type { PrismaClient } from '../../shared/storage/database';
import { vietnamDate } from '../checkout/provider-ref';

type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

// Any constant will do, as long as nothing else in the database locks the same key.
const RECEIPT_LOCK_KEY = 4_004_001;

export function receiptPrefix(paidAt: Date): string {
  return `BL${vietnamDate(paidAt).slice(0, 4)}-`;
}

export function formatReceiptNumber(prefix: string, sequence: number): string {
  return `${prefix}${String(sequence).padStart(6, '0')}`;
}

/** The next receipt number of the year of `paidAt`; call inside the transaction that uses it. */
export async function allocateReceiptNumber(tx: Transaction, paidAt: Date): Promise<string> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${RECEIPT_LOCK_KEY}::bigint)`;
  const prefix = receiptPrefix(paidAt);
  const rows = await tx.$queryRaw<Array<{ last: number | null }>>`
    SELECT max(split_part(receipt_number, '-', 2)::int) AS last
    FROM payment
    WHERE receipt_number LIKE ${prefix + '%'}`;
  return formatReceiptNumber(prefix, (rows[0]?.last ?? 0) + 1);
}

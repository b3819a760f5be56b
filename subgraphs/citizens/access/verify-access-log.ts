/**
 * Walks the whole access log in id order, in batches, and checks the hash chain. Detects an altered
 * row (its hash no longer matches its content), a removed, inserted or moved row (the next row's
 * prevHash no longer names the row before it). Id gaps prove nothing (sequences skip on rollback):
 * only the chain counts. Removing rows at the end leaves a valid shorter chain: anchor `lastHash`
 * elsewhere (e.g. print it daily) to detect that too.
 */
import type { PrismaClient } from '../../shared/storage/database';
import { checkRow, GENESIS_HASH, type ChainProblem } from './access-log-chain';

export interface AccessLogVerification {
  /** True when every row checked is intact and chained. */
  ok: boolean;
  /** Rows checked (up to and including the first broken one). */
  checked: number;
  /** Rows written before the chain existed (no hash), at the start of the table; not checked. */
  legacyRows: number;
  /** Hash of the last row checked, to anchor elsewhere. */
  lastHash: string;
  /** Id of the first row that fails the check. */
  firstBrokenId?: string;
  problem?: ChainProblem;
}

export interface VerifyAccessLogOptions {
  /** Rows read per query. @default 1000 */
  batchSize?: number;
}

export async function verifyAccessLog(prisma: PrismaClient, options: VerifyAccessLogOptions = {}): Promise<AccessLogVerification> {
  const batchSize = options.batchSize ?? 1000;
  let expected = GENESIS_HASH;
  let checked = 0;
  let legacyRows = 0;
  let chainStarted = false;
  let afterId: bigint | undefined;
  for (;;) {
    const rows = await prisma.citizenAccessLog.findMany({
      where: afterId === undefined ? {} : { id: { gt: afterId } },
      orderBy: { id: 'asc' },
      take: batchSize,
    });
    if (rows.length === 0) return { ok: true, checked, legacyRows, lastHash: expected };
    for (const row of rows) {
      // Rows from before the chain (migration 20261123200000) have no hash; they can only precede it.
      if (!chainStarted && row.hash === null && row.prevHash === null) {
        legacyRows += 1;
        continue;
      }
      chainStarted = true;
      checked += 1;
      const problem = checkRow(row, expected);
      if (problem) return { ok: false, checked, legacyRows, lastHash: expected, firstBrokenId: row.id.toString(), problem };
      expected = row.hash!;
    }
    afterId = rows[rows.length - 1].id;
  }
}

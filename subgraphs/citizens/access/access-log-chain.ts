/**
 * The hash chain of the citizen access log: each row's `hash` covers its content and the previous
 * row's hash, so altering, removing, inserting or reordering a row breaks the chain from there on.
 * Pure functions, shared by the writer and the verifier.
 */
import { createHash } from 'node:crypto';

/** `prevHash` of the first row of the chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** The hashed content of one row: everything but the id (assigned by the database) and the hashes. */
export interface AccessLogContent {
  /** ISO 8601 with milliseconds, exactly as written (the column keeps TIMESTAMP(3)). */
  at: string;
  actorId: string;
  actorRole: string;
  purpose: string;
  personalId: string;
  source: string;
  outcome: string;
  dossierCode: string | null;
}

const CONTENT_KEYS = ['actorId', 'actorRole', 'at', 'dossierCode', 'outcome', 'personalId', 'purpose', 'source'] as const;

/**
 * Canonical JSON of a row's content: fixed (sorted) key order, strings NFC-normalised so that the
 * same text stored in another normalisation form cannot change the hash, absent → null.
 */
export function canonicalContent(content: AccessLogContent): string {
  const entries = CONTENT_KEYS.map((key) => {
    const value = content[key];
    return [key, typeof value === 'string' ? value.normalize('NFC') : null] as const;
  });
  return JSON.stringify(Object.fromEntries(entries));
}

/** sha256(canonical content + prevHash), hex. prevHash has a fixed length, so the join is unambiguous. */
export function chainHash(content: AccessLogContent, prevHash: string): string {
  return createHash('sha256').update(canonicalContent(content)).update(prevHash).digest('hex');
}

/** A row as stored, enough to check it. */
export interface StoredAccessLogRow {
  id: bigint;
  at: Date;
  actorId: string;
  actorRole: string;
  purpose: string;
  personalId: string;
  source: string;
  outcome: string;
  dossierCode: string | null;
  prevHash: string | null;
  hash: string | null;
}

export const contentOf = (row: StoredAccessLogRow): AccessLogContent => ({
  at: row.at.toISOString(),
  actorId: row.actorId,
  actorRole: row.actorRole,
  purpose: row.purpose,
  personalId: row.personalId,
  source: row.source,
  outcome: row.outcome,
  dossierCode: row.dossierCode,
});

export type ChainProblem = 'HASH_MISMATCH' | 'CHAIN_BROKEN' | 'UNCHAINED_ROW';

/**
 * Checks one row against the hash of the row before it (GENESIS_HASH for the first): a `prevHash`
 * other than that hash means a row was removed, inserted or moved before this one; a `hash` other than
 * the recomputed one means this row was altered. Returns the problem, or null.
 */
export function checkRow(row: StoredAccessLogRow, expectedPrevHash: string): ChainProblem | null {
  if (row.hash === null || row.prevHash === null) return 'UNCHAINED_ROW';
  if (row.prevHash !== expectedPrevHash) return 'CHAIN_BROKEN';
  if (chainHash(contentOf(row), row.prevHash) !== row.hash) return 'HASH_MISMATCH';
  return null;
}

/** The access log's hash chain: canonical content, chaining, and what the per-row check catches. */
import {
  canonicalContent,
  chainHash,
  checkRow,
  GENESIS_HASH,
  type AccessLogContent,
  type StoredAccessLogRow,
} from '../../subgraphs/citizens/access/access-log-chain';

const content = (i: number, overrides: Partial<AccessLogContent> = {}): AccessLogContent => ({
  at: new Date(Date.UTC(2026, 10, 23, 8, 0, 0, i)).toISOString(),
  actorId: 'official:000.00.12.H26',
  actorRole: 'OFFICIAL',
  purpose: `dossier:000.00.12.H26-261123-000${i}`,
  personalId: '001090012345',
  source: 'CSDLQG_DAN_CU',
  outcome: 'FOUND',
  dossierCode: `000.00.12.H26-261123-000${i}`,
  ...overrides,
});

/** A chain of `n` rows as the writer stores them. */
function chain(n: number): StoredAccessLogRow[] {
  let prev = GENESIS_HASH;
  return Array.from({ length: n }, (_, i) => {
    const c = content(i);
    const hash = chainHash(c, prev);
    const row = { id: BigInt(i + 1), ...c, at: new Date(c.at), prevHash: prev, hash };
    prev = hash;
    return row;
  });
}

/** Checks rows in order as the verifier does; returns the index of the first bad row and why. */
function walk(rows: StoredAccessLogRow[]) {
  let expected = GENESIS_HASH;
  for (const [i, row] of rows.entries()) {
    const problem = checkRow(row, expected);
    if (problem) return { index: i, problem };
    expected = row.hash!;
  }
  return null;
}

describe('canonical content', () => {
  it('does not depend on key order and names every field', () => {
    const c = content(1);
    const shuffled = Object.fromEntries(Object.entries(c).reverse()) as unknown as AccessLogContent;
    expect(canonicalContent(shuffled)).toBe(canonicalContent(c));
    expect(Object.keys(JSON.parse(canonicalContent(c)))).toEqual([
      'actorId', 'actorRole', 'at', 'dossierCode', 'outcome', 'personalId', 'purpose', 'source',
    ]);
  });

  it('treats precomposed and decomposed Vietnamese as the same text', () => {
    const a = content(1, { purpose: 'tra cứu hồ sơ' });
    const b = content(1, { purpose: 'tra cứu hồ sơ'.normalize('NFD') });
    expect(chainHash(a, GENESIS_HASH)).toBe(chainHash(b, GENESIS_HASH));
  });

  it('changes the hash when any field, the millisecond or the previous hash changes', () => {
    const base = chainHash(content(1), GENESIS_HASH);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(content(1, { outcome: 'NOT_FOUND' }), GENESIS_HASH)).not.toBe(base);
    expect(chainHash(content(1, { dossierCode: null }), GENESIS_HASH)).not.toBe(base);
    expect(chainHash(content(2), GENESIS_HASH)).not.toBe(base); // 1 ms later
    expect(chainHash(content(1), 'f'.repeat(64))).not.toBe(base);
  });
});

describe('chain check', () => {
  it('accepts an intact chain starting at the genesis hash', () => {
    expect(walk(chain(5))).toBeNull();
  });

  it('catches an altered row where it was altered', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2], purpose: 'something else' };
    expect(walk(rows)).toEqual({ index: 2, problem: 'HASH_MISMATCH' });
  });

  it('catches a removed row at the row after it', () => {
    const rows = chain(5);
    rows.splice(2, 1);
    expect(walk(rows)).toEqual({ index: 2, problem: 'CHAIN_BROKEN' });
  });

  it('catches the removal of the first row', () => {
    expect(walk(chain(3).slice(1))).toEqual({ index: 0, problem: 'CHAIN_BROKEN' });
  });

  it('catches an inserted row, even one with a self-consistent hash', () => {
    const rows = chain(4);
    const forged = content(9, { actorId: 'intruder' });
    const hash = chainHash(forged, rows[1].hash!);
    rows.splice(2, 0, { id: 99n, ...forged, at: new Date(forged.at), prevHash: rows[1].hash, hash });
    expect(walk(rows)).toEqual({ index: 3, problem: 'CHAIN_BROKEN' });
  });

  it('catches two rows swapped', () => {
    const rows = chain(4);
    [rows[1], rows[2]] = [rows[2], rows[1]];
    expect(walk(rows)).toEqual({ index: 1, problem: 'CHAIN_BROKEN' });
  });

  it('flags a row without hashes', () => {
    const rows = chain(3);
    rows[1] = { ...rows[1], hash: null };
    expect(walk(rows)).toEqual({ index: 1, problem: 'UNCHAINED_ROW' });
  });
});

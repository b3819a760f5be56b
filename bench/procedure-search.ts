/**
 * Benchmark: p50/p95/p99 of procedure search on a 5,000-procedure catalogue, and the ratio to the
 * same query mix on a 40-procedure catalogue measured in the same run (same process, same database,
 * before the other 4,960 are published) — plus a lookup by code as a second baseline.
 *
 *     npm run bench:search          # = npm run build && node dist/bench/procedure-search.js
 *     node dist/bench/procedure-search.js --queries 1000 --use-config-database
 *
 * Storage: an embedded in-memory PGlite database by default. `--use-config-database` uses
 * DATABASE_URL from the configuration instead: it publishes 5,000 procedures with codes 1.2xxxxx
 * there, so point it at a scratch database. Not run by `npm test`.
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { ProcedureCatalogue, ProcedurePublisher, createProceduresSubgraph } from '../subgraphs/procedures';
import type { ProcedureQuery } from '../subgraphs/procedures';
import { seedSharedCatalogues } from '../subgraphs/procedures/shared-catalogues';
import { INTERNAL_TOKEN_HEADER } from '../subgraphs/shared/auth/tokens';
import { internalTokenSource } from './internal-token-source';
import { configFromProcessEnvironment } from '../subgraphs/shared/config';
import { openDatabase } from '../subgraphs/shared/storage/database';
import { generateProcedures } from './procedure-catalogue-generator';

const TOTAL = 5000;
const BASELINE_SIZE = 40;

/** The fixed query mix: with and without diacritics, filters, pages further down. */
function queryMix(agencyCode: string): ProcedureQuery[] {
  return [
    { search: 'dang ky' },
    { search: 'đăng ký' },
    { search: 'giay phep xay dung' },
    { search: 'Cấp lại giấy phép' },
    { search: 'khai sinh', first: 10 },
    { search: 'ho kinh doanh', onlineLevel: 4 },
    { search: 'cap', first: 50 },
    { search: 'karaoke' },
    { search: 'thuong tru', subject: 'INDIVIDUAL' },
    { search: 'chung chi hanh nghe', agencyCode },
    { fieldCode: 'HDXD' },
    { agencyCode, onlineLevel: 3 },
    { first: 100 },
    {},
  ];
}

interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), mean: sorted.reduce((s, x) => s + x, 0) / sorted.length };
}

const fmt = (s: Stats) => `n=${s.n}  p50 ${s.p50.toFixed(2)} ms  p95 ${s.p95.toFixed(2)} ms  p99 ${s.p99.toFixed(2)} ms  mean ${s.mean.toFixed(2)} ms`;

/** Runs `run` over the mix round-robin: `warmUp` unmeasured, then `n` measured; every 5th search follows one page on. */
async function measure<T>(n: number, warmUp: number, mix: readonly T[], run: (q: T, i: number) => Promise<void>): Promise<Stats> {
  for (let i = 0; i < warmUp; i++) await run(mix[i % mix.length], i);
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await run(mix[i % mix.length], i);
    samples.push(performance.now() - started);
  }
  return stats(samples);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const queries = Number(args[args.indexOf('--queries') + 1]) || 600;
  const useConfig = args.includes('--use-config-database');
  const config = configFromProcessEnvironment();
  const db = await openDatabase(useConfig && config.DATABASE_URL ? { url: config.DATABASE_URL } : { embeddedDataDir: 'memory' });
  console.log(`Storage: ${db.embedded ? 'embedded PGlite (memory)' : 'PostgreSQL (DATABASE_URL)'}; ${queries} measured queries per run.`);
  const server = createProceduresSubgraph({ db, internalSecret: config.INTERNAL_SECRET });
  try {
    await seedSharedCatalogues(db.prisma);
    const drafts = generateProcedures(TOTAL);
    const publisher = new ProcedurePublisher(db.prisma);
    const catalogue = new ProcedureCatalogue(db.prisma);
    const mix = queryMix(drafts[0].agencyCode);
    const runMix = async (q: ProcedureQuery, i: number) => {
      const page = await catalogue.search(q);
      if (i % 5 === 0 && page.hasNextPage) await catalogue.search({ ...q, after: page.endCursor });
    };

    await publisher.publishMany(drafts.slice(0, BASELINE_SIZE), { actor: 'bench', effectiveFrom: '2025-07-01' });
    const baseline = await measure(queries, 50, mix, runMix);
    console.log(`Baseline, ${BASELINE_SIZE} procedures:  ${fmt(baseline)}`);

    const loadStarted = performance.now();
    for (let i = BASELINE_SIZE; i < TOTAL; i += 500) {
      await publisher.publishMany(drafts.slice(i, Math.min(TOTAL, i + 500)), { actor: 'bench', effectiveFrom: '2025-07-01' });
    }
    console.log(`Published ${TOTAL - BASELINE_SIZE} more in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s.`);

    const full = await measure(queries, 50, mix, runMix);
    const codes = drafts.map((d) => d.code);
    const byCode = await measure(queries, 50, codes, async (code) => void (await catalogue.get(code)));
    console.log(`Search, ${TOTAL} procedures:     ${fmt(full)}`);
    console.log(`Lookup by code, ${TOTAL}:         ${fmt(byCode)}`);
    console.log(`p95 ratio 5,000 / 40 procedures: ${(full.p95 / baseline.p95).toFixed(2)}×;  search / lookup by code: ${(full.p95 / byCode.p95).toFixed(2)}×`);

    // The same mix through the subgraph over HTTP (GraphQL parsing, validation, serialisation, token check).
    const { url } = await server.start();
    const token = internalTokenSource({ id: 'bench', role: 'ANONYMOUS' }, config.INTERNAL_SECRET);
    const QUERY = `query($search: String, $agencyCode: String, $fieldCode: String, $onlineLevel: Int, $subject: ProcedureSubject, $first: Int, $after: String) {
      procedures(search: $search, agencyCode: $agencyCode, fieldCode: $fieldCode, onlineLevel: $onlineLevel, subject: $subject, first: $first, after: $after) {
        totalCount edges { node { code name agency { code name } feeVnd } } pageInfo { endCursor }
      }
    }`;
    const http = await measure(Math.min(queries, 300), 30, mix, async (q) => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: await token() }, body: JSON.stringify({ query: QUERY, variables: q }) });
      const body = (await res.json()) as { errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    });
    console.log(`HTTP (subgraph), ${TOTAL}:         ${fmt(http)}`);
  } finally {
    await server.stop().catch(() => undefined);
    await db.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);

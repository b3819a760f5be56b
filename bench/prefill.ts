/**
 * Benchmark: multi-source e-form prefill through the citizens subgraph over HTTP (as the gateway calls it).
 *   (a) 100 citizens' forms in one query (`_entities` with 100 FormPrefill representations): upstream
 *       calls per source (target: 1 each).
 *   (b) one citizen from three sources with latency injected (population 150 ms, social insurance
 *       100 ms, a second social-insurance instance as the third source 50 ms): total time vs the slowest
 *       source measured alone through its client (target: within 10 ms).
 *
 *     npm run bench:prefill            # = npm run build && node dist/bench/prefill.js
 *     node dist/bench/prefill.js --rounds 30 --use-config-database
 *
 * Storage: an embedded in-memory PGlite database by default (the access log is written on every call);
 * `--use-config-database` uses DATABASE_URL instead (it appends access-log rows there). Not run by `npm test`.
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { createInsuranceDbClient, createInsuranceDbSimulator } from '../adapters/insurance-db';
import {
  ABSENT_PERSONAL_ID,
  DEMO_CITIZEN_ID,
  FIXED_SOURCE_PEOPLE,
  createPopulationDbClient,
  createPopulationDbSimulator,
  generatePopulation,
} from '../adapters/population-db';
import { createCitizensSubgraph } from '../subgraphs/citizens';
import { INTERNAL_TOKEN_HEADER } from '../subgraphs/shared/auth/tokens';
import { internalTokenSource } from './internal-token-source';
import type { Principal } from '../subgraphs/shared/auth/principal';
import { configFromProcessEnvironment } from '../subgraphs/shared/config';
import { openDatabase } from '../subgraphs/shared/storage/database';

const SECRET = 'bench-internal-secret-of-at-least-32-characters';
const operator: Principal = { id: 'operator:bench', role: 'OPERATOR' };
const BINDINGS = [
  { fieldKey: 'soDinhDanh', sourcePath: 'citizen.personalId' },
  { fieldKey: 'hoTen', sourcePath: 'citizen.fullName' },
  { fieldKey: 'ngaySinh', sourcePath: 'citizen.dateOfBirth' },
  { fieldKey: 'gioiTinh', sourcePath: 'citizen.sex' },
  { fieldKey: 'noiThuongTru', sourcePath: 'citizen.permanentAddress' },
  { fieldKey: 'noiOHienTai', sourcePath: 'citizen.currentAddress' },
];
const QUERY = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on FormPrefill { personalId fields { fieldKey status sources { system } } } } }`;

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const rounds = arg('rounds', 20);
  const config = configFromProcessEnvironment();
  const db = await openDatabase(process.argv.includes('--use-config-database') ? { url: config.DATABASE_URL } : { embeddedDataDir: 'memory' });
  const population = createPopulationDbSimulator();
  const insurance = createInsuranceDbSimulator();
  const third = createInsuranceDbSimulator();
  const [{ wsdlUrl }, bh, bh2] = await Promise.all([population.start(), insurance.start(), third.start()]);
  const clients = {
    population: createPopulationDbClient({ wsdlUrl, timeoutMs: 3000 }),
    insurance: createInsuranceDbClient({ baseUrl: bh.baseUrl, timeoutMs: 3000 }),
    third: createInsuranceDbClient({ baseUrl: bh2.baseUrl, timeoutMs: 3000, system: 'CSDLQG_BAO_HIEM_DU_PHONG' }),
  };
  const subgraph = createCitizensSubgraph({
    db,
    internalSecret: SECRET,
    population: clients.population,
    insurance: [clients.insurance, clients.third],
  });
  const { url } = await subgraph.start();
  const internalToken = internalTokenSource(operator, SECRET);
  const prefill = async (ids: string[]) => {
    const representations = ids.map((personalId) => ({ __typename: 'FormPrefill', procedureCode: '1.001193', personalId, bindings: BINDINGS }));
    const headers = { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: await internalToken() };
    const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query: QUERY, variables: { r: representations } }) });
    const body = (await res.json()) as { errors?: unknown[]; data?: { _entities: Array<{ fields: Array<{ status: string }> }> } };
    if (body.errors) throw new Error(`prefill failed: ${JSON.stringify(body.errors[0])}`);
    return body.data!._entities;
  };
  const calls = () => [population.calls.total, insurance.calls.total, third.calls.total];

  try {
    // (a) 100 citizens in one query.
    const reserved = new Set([ABSENT_PERSONAL_ID, ...FIXED_SOURCE_PEOPLE.map((p) => p.personalId)]);
    const ids = [...FIXED_SOURCE_PEOPLE.map((p) => p.personalId), ...generatePopulation(20250701, 95, reserved).map((p) => p.personalId)];
    await prefill([DEMO_CITIZEN_ID]); // warm-up: WSDL read, connections
    const before = calls();
    const started = performance.now();
    const forms = await prefill(ids);
    const elapsed = performance.now() - started;
    const [dPop, dBh, dThird] = calls().map((c, i) => c - before[i]);
    const filled = forms.flatMap((f) => f.fields).filter((f) => f.status === 'FILLED' || f.status === 'CONFLICTING').length;
    console.log(`(a) prefill of ${forms.length} citizens' forms in one query: ${elapsed.toFixed(0)} ms, ${filled} fields filled`);
    console.log(`    upstream calls per source: CSDLQG_DAN_CU ${dPop}, CSDLQG_BAO_HIEM ${dBh}, CSDLQG_BAO_HIEM_DU_PHONG ${dThird} (target 1 each)`);

    // (b) one citizen, three sources with latency.
    population.setLatency(150);
    insurance.setLatency(100);
    third.setLatency(50);
    const audit = { requestId: 'bench', actor: operator.id, purpose: 'bench' };
    const slowest: number[] = [];
    const total: number[] = [];
    for (let i = 0; i < rounds; i += 1) {
      let t = performance.now();
      await clients.population.lookupMany([DEMO_CITIZEN_ID], audit);
      slowest.push(performance.now() - t);
      t = performance.now();
      await prefill([DEMO_CITIZEN_ID]);
      total.push(performance.now() - t);
    }
    const overhead = median(total) - median(slowest);
    console.log(`(b) one citizen from three sources (150/100/50 ms injected), ${rounds} rounds, medians:`);
    console.log(`    slowest source alone (population, through its client): ${median(slowest).toFixed(1)} ms`);
    console.log(`    prefill through the subgraph over HTTP:                ${median(total).toFixed(1)} ms`);
    console.log(`    difference: ${overhead.toFixed(1)} ms (target ≤ 10 ms) → ${overhead <= 10 ? 'OK' : 'ABOVE TARGET'}`);
  } finally {
    await subgraph.stop();
    clients.insurance.close();
    clients.third.close();
    await Promise.all([population.stop(), insurance.stop(), third.stop()]);
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

/**
 * Benchmark: response mapping throughput of the adapter kit — our parse of a population-db batch
 * answer for 100 persons (byte-exact text values, xsi:nil, namespaces stripped, envelope and fault
 * checks) plus the mapping to PersonRecord — against raw fast-xml-parser (default options) on the
 * same XML, measured in the same run, interleaved in rounds so that both see the same machine load.
 * Target: ours ≥ 80% of raw.
 *
 *     npm run bench:adapters        # = npm run build && node dist/bench/adapter-mapping.js
 *     node dist/bench/adapter-mapping.js --persons 100 --rounds 5 --round-ms 1000
 *
 * The XML is a real answer of the population simulator (soap.listen on port 0), fetched once.
 */
import { performance } from 'node:perf_hooks';
import { XMLParser } from 'fast-xml-parser';
import { FIXED_SOURCE_PEOPLE, POPULATION_DB_SYSTEM, createPopulationDbSimulator, generatePopulation } from '../adapters/population-db';
import { fromCongDan } from '../adapters/population-db/wire-format';
import { SoapClient, asList, asXmlObject, parseSoapEnvelope } from '../adapters/soap';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

/** Fetches the simulator's raw answer to a batch lookup of `count` generated people. */
async function batchResponseXml(count: number): Promise<string> {
  const simulator = createPopulationDbSimulator({ people: Math.max(200, count) });
  const { wsdlUrl } = await simulator.start();
  try {
    const reserved = new Set(FIXED_SOURCE_PEOPLE.map((p) => p.personalId));
    const ids = generatePopulation(20250701, Math.max(200, count), reserved)
      .slice(0, count)
      .map((p) => p.personalId);
    const client = new SoapClient({ system: POPULATION_DB_SYSTEM, wsdl: wsdlUrl });
    const header = { name: 'ThongTinYeuCau', value: { MaYeuCau: 'bench', MaDonVi: 'LIENTHONG', NguoiTraCuu: 'bench', MucDich: 'bench' } };
    const request = await client.prepare('TraCuuNhieuCongDan', { SoDinhDanh: ids }, [header]);
    const response = await fetch(request.url, { method: 'POST', headers: request.httpHeaders, body: request.xml });
    if (response.status !== 200) throw new Error(`simulator answered HTTP ${response.status}`);
    return await response.text();
  } finally {
    await simulator.stop();
  }
}

function ours(xml: string) {
  const { content } = parseSoapEnvelope(xml, POPULATION_DB_SYSTEM, 200);
  return asList(asXmlObject(content)?.CongDan).map(fromCongDan);
}

const rawParser = new XMLParser();
const raw = (xml: string) => rawParser.parse(xml) as unknown;

/** Runs `fn` repeatedly for about `ms` and returns operations per second. */
function measure(fn: () => unknown, ms: number): number {
  let ops = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 10; i += 1) fn();
    ops += 10;
    elapsed = performance.now() - started;
  }
  return (ops * 1000) / elapsed;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const persons = option('persons', 100);
  const rounds = option('rounds', 5);
  const roundMs = option('round-ms', 1000);
  const xml = await batchResponseXml(persons);
  const mapped = ours(xml);
  if (mapped.length !== persons) throw new Error(`expected ${persons} persons in the answer, mapped ${mapped.length}`);

  // Warm-up, so that both paths run optimised code before measuring.
  measure(() => raw(xml), 300);
  measure(() => ours(xml), 300);
  const rawOps: number[] = [];
  const ourOps: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    rawOps.push(measure(() => raw(xml), roundMs));
    ourOps.push(measure(() => ours(xml), roundMs));
  }
  const rawMedian = median(rawOps);
  const ourMedian = median(ourOps);
  const ratio = ourMedian / rawMedian;
  console.log(`Response mapping: population-db batch answer, ${persons} persons, ${(Buffer.byteLength(xml) / 1024).toFixed(1)} KiB`);
  console.log(`  raw fast-xml-parser (default options): ${rawMedian.toFixed(0)} ops/s (rounds: ${rawOps.map((v) => v.toFixed(0)).join(', ')})`);
  console.log(`  kit parse + mapping to PersonRecord:   ${ourMedian.toFixed(0)} ops/s (rounds: ${ourOps.map((v) => v.toFixed(0)).join(', ')})`);
  console.log(`  ratio: ${(ratio * 100).toFixed(1)}% of raw (target ≥ 80%) → ${ratio >= 0.8 ? 'MET' : 'NOT MET'}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});

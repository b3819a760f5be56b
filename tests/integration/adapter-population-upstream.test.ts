/**
 * The adapter kit around the population database simulator (real SOAP over HTTP, port 0): a batch
 * lookup through `callUpstream` with audit headers, cached per TTL, retried while the source is down
 * within the deadline, then the circuit opens, fails fast, and closes again once the source is back.
 */
import { createSoapUpstream, type SoapUpstream } from '../../adapters/kit';
import {
  DEMO_CITIZEN_ID,
  POPULATION_DB_SYSTEM,
  classifyPopulationFault,
  createPopulationDbSimulator,
  type PopulationDbSimulator,
} from '../../adapters/population-db';
import { fromCongDan } from '../../adapters/population-db/wire-format';
import { AdapterError, asList, asXmlObject, toLienthongError } from '../../adapters/soap';
import { ErrorCode } from '../../subgraphs/shared/errors';

const audit = {
  headers: [{ name: 'ThongTinYeuCau', value: { MaYeuCau: 'req-1', MaDonVi: 'LIENTHONG', NguoiTraCuu: 'test', MucDich: 'prefill:1.001193' } }],
};

let simulator: PopulationDbSimulator;
let wsdlUrl: string;
let upstream: SoapUpstream;

beforeAll(async () => {
  simulator = createPopulationDbSimulator({ people: 20 });
  ({ wsdlUrl } = await simulator.start());
  upstream = createSoapUpstream({
    soap: { system: POPULATION_DB_SYSTEM, wsdl: wsdlUrl, classifyFault: classifyPopulationFault },
    // Generous: three refused attempts must not add up to a timeout on a loaded CI machine.
    timeoutMs: 3000,
    deadlineMs: 8000,
    retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 50 },
    circuit: { failureThreshold: 4, resetTimeoutMs: 200 },
    cache: { ttlMs: { TraCuuNhieuCongDan: 60_000 } },
  });
});

afterAll(async () => {
  upstream.close();
  await simulator.stop();
});

const lookupMany = async (ids: string[]) => {
  const { output } = await upstream.callUpstream('TraCuuNhieuCongDan', { SoDinhDanh: ids }, { idempotent: true, meta: audit });
  return asList(asXmlObject(output)?.CongDan).map(fromCongDan);
};

it('looks people up through the kit and serves a repeated read from the cache', async () => {
  const before = simulator.calls.total;
  const people = await lookupMany([DEMO_CITIZEN_ID]);
  expect(people.map((p) => p.personalId)).toEqual([DEMO_CITIZEN_ID]);
  await lookupMany([DEMO_CITIZEN_ID]);
  expect(simulator.calls.total - before).toBe(1);
  expect(upstream.metrics.snapshot()[POPULATION_DB_SYSTEM].cache).toEqual({ hits: 1, misses: 1 });
});

it('retries a down source, then opens the circuit, fails fast, and closes after a good probe', async () => {
  simulator.setAvailable(false);
  const before = simulator.calls.total;
  const first = await lookupMany(['001090000001']).then(() => { throw new Error('expected a failure'); }, (err: unknown) => err as AdapterError);
  expect(first).toMatchObject({ code: 'UNAVAILABLE', retryable: true });
  expect(simulator.calls.total - before).toBe(3); // three attempts
  const second = await lookupMany(['001090000002']).then(() => { throw new Error('expected a failure'); }, (err: unknown) => err as AdapterError);
  // The fourth failure opened the circuit; the call's remaining attempt was refused without a request.
  expect(second.code).toBe('CIRCUIT_OPEN');
  expect(simulator.calls.total - before).toBe(4);
  expect(upstream.circuitState).toBe('OPEN');
  expect(toLienthongError(second).extensions.code).toBe(ErrorCode.UPSTREAM_UNAVAILABLE);

  simulator.setAvailable(true);
  await new Promise((resolve) => setTimeout(resolve, 250));
  expect(upstream.circuitState).toBe('HALF_OPEN');
  const people = await lookupMany([DEMO_CITIZEN_ID, '001090000003']);
  expect(people.map((p) => p.personalId)).toContain(DEMO_CITIZEN_ID);
  expect(upstream.circuitState).toBe('CLOSED');
  const stats = upstream.metrics.snapshot()[POPULATION_DB_SYSTEM];
  expect(stats.errors).toEqual({ UNAVAILABLE: 1, CIRCUIT_OPEN: 1 });
  expect(stats.circuit).toEqual({ state: 'CLOSED', timesOpened: 1 });
});

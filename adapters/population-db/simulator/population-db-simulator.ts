/**
 * A stand-in for CSDLQG về dân cư in development and tests: a real SOAP service (`soap.listen`,
 * WSDL at `?wsdl`) over deterministic people, with the faults the real one sends, adjustable
 * latency, an off switch and call counters (the lookup sandbox's skeleton).
 */
import { createLookupSandbox, type LookupSandbox, type LookupSandboxCalls } from '../../soap/lookup-sandbox';
import { ABSENT_PERSONAL_ID, FIXED_SOURCE_PEOPLE } from '../fixtures';
import { toCongDan, type CongDan } from '../wire-format';
import { POPULATION_DB_FAULTS, POPULATION_DB_MAX_BATCH, POPULATION_DB_NAMESPACE, populationDbWsdl } from '../wsdl';
import { generatePopulation } from './population-generator';

export interface PopulationDbSimulatorOptions {
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to bind. @default "127.0.0.1" */
  host?: string;
  /** Delay before each answer, in milliseconds. @default 0 */
  latencyMs?: number;
  /** Generated people, besides the fixed ones of fixtures.ts. @default 200 */
  people?: number;
  /** Seed of the generated people. @default 20250701 */
  seed?: number;
  /** HTTP path of the service. @default "/csdl-dan-cu" */
  path?: string;
}

export type PopulationDbSimulatorCalls = LookupSandboxCalls;
export type PopulationDbSimulator = LookupSandbox;

const isId = (value: unknown): value is string => typeof value === 'string' && /^[0-9]{12}$/.test(value);

export function createPopulationDbSimulator(options: PopulationDbSimulatorOptions = {}): PopulationDbSimulator {
  const reserved = new Set([ABSENT_PERSONAL_ID, ...FIXED_SOURCE_PEOPLE.map((p) => p.personalId)]);
  const people = [...FIXED_SOURCE_PEOPLE, ...generatePopulation(options.seed ?? 20250701, options.people ?? 200, reserved)];
  const byId = new Map<string, CongDan>(people.map((p) => [p.personalId, toCongDan(p)]));
  return createLookupSandbox({
    port: options.port,
    host: options.host,
    path: options.path ?? '/csdl-dan-cu',
    latencyMs: options.latencyMs,
    namespace: POPULATION_DB_NAMESPACE,
    faults: POPULATION_DB_FAULTS,
    wsdl: populationDbWsdl,
    serviceName: 'DichVuTraCuuDanCu',
    portName: 'TraCuuDanCuPort',
    operations: ({ admit, fault, delay }) => ({
      TraCuuCongDan: async (args: { SoDinhDanh?: unknown }, _callback: unknown, header: unknown) => {
        admit('TraCuuCongDan', header);
        if (!isId(args?.SoDinhDanh)) throw fault('SO_DINH_DANH_KHONG_HOP_LE');
        await delay();
        const person = byId.get(args.SoDinhDanh);
        if (!person) throw fault('KHONG_TIM_THAY');
        return { CongDan: person };
      },
      TraCuuNhieuCongDan: async (args: { SoDinhDanh?: unknown }, _callback: unknown, header: unknown) => {
        admit('TraCuuNhieuCongDan', header);
        const ids = args?.SoDinhDanh === undefined ? [] : [args.SoDinhDanh].flat();
        if (ids.length === 0 || ids.length > POPULATION_DB_MAX_BATCH) {
          throw fault('YEU_CAU_KHONG_HOP_LE', 500, `Cần từ 1 đến ${POPULATION_DB_MAX_BATCH} số định danh.`);
        }
        const badId = ids.find((id) => !isId(id));
        if (badId !== undefined) throw fault('SO_DINH_DANH_KHONG_HOP_LE');
        await delay();
        const found = [...new Set(ids as string[])].flatMap((id) => byId.get(id) ?? []);
        return { CongDan: found };
      },
    }),
  });
}

/**
 * A stand-in for the national business registry in development and tests: a real SOAP service
 * (`soap.listen`, WSDL at `?wsdl`) over deterministic organisations, with the faults the real one
 * sends, adjustable latency, an off switch and call counters (the lookup sandbox's skeleton).
 */
import { createLookupSandbox, type LookupSandbox, type LookupSandboxCalls } from '../../soap/lookup-sandbox';
import { ABSENT_TAX_CODE, FIXED_ORGANIZATIONS } from '../fixtures';
import type { OrganizationRecord } from '../organization-record';
import { checkTaxCode } from '../tax-code';
import { toDoanhNghiep, type DoanhNghiep } from '../wire-format';
import { BUSINESS_REGISTRY_FAULTS, BUSINESS_REGISTRY_MAX_BATCH, BUSINESS_REGISTRY_NAMESPACE, businessRegistryWsdl } from '../wsdl';
import { generateOrganizations } from './organization-generator';

export interface BusinessRegistrySimulatorOptions {
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to bind. @default "127.0.0.1" */
  host?: string;
  /** Delay before each answer, in milliseconds. @default 0 */
  latencyMs?: number;
  /** Generated enterprises (their branches come on top), besides the fixed ones of fixtures.ts. @default 150 */
  organizations?: number;
  /** Seed of the generated organisations. @default 20200515 */
  seed?: number;
  /** HTTP path of the service. @default "/csdl-dkdn" */
  path?: string;
}

export type BusinessRegistrySimulatorCalls = LookupSandboxCalls;

export interface BusinessRegistrySimulator extends LookupSandbox {
  /** Every organisation held (fixed ones first), as the hub's client reads them. */
  readonly organizations: readonly OrganizationRecord[];
}

/** The registry answers by the code as written in the schema (hyphenated for a dependent unit). */
const normalized = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined;
  const check = checkTaxCode(value);
  return check.valid && check.parts.normalized === value ? value : undefined;
};

export function createBusinessRegistrySimulator(options: BusinessRegistrySimulatorOptions = {}): BusinessRegistrySimulator {
  const reserved = new Set([ABSENT_TAX_CODE, ...FIXED_ORGANIZATIONS.map((o) => o.taxCode)]);
  const organizations = Object.freeze([
    ...FIXED_ORGANIZATIONS,
    ...generateOrganizations(options.seed ?? 20200515, options.organizations ?? 150, reserved),
  ]);
  const byCode = new Map<string, DoanhNghiep>(organizations.map((o) => [o.taxCode, toDoanhNghiep(o)]));
  const sandbox = createLookupSandbox({
    port: options.port,
    host: options.host,
    path: options.path ?? '/csdl-dkdn',
    latencyMs: options.latencyMs,
    namespace: BUSINESS_REGISTRY_NAMESPACE,
    faults: BUSINESS_REGISTRY_FAULTS,
    wsdl: businessRegistryWsdl,
    serviceName: 'DichVuTraCuuDoanhNghiep',
    portName: 'TraCuuDoanhNghiepPort',
    operations: ({ admit, fault, delay }) => ({
      TraCuuDoanhNghiep: async (args: { MaSoDoanhNghiep?: unknown }, _callback: unknown, header: unknown) => {
        admit('TraCuuDoanhNghiep', header);
        const code = normalized(args?.MaSoDoanhNghiep);
        if (!code) throw fault('MA_SO_KHONG_HOP_LE');
        await delay();
        const organization = byCode.get(code);
        if (!organization) throw fault('KHONG_TIM_THAY');
        return { DoanhNghiep: organization };
      },
      TraCuuNhieuDoanhNghiep: async (args: { MaSoDoanhNghiep?: unknown }, _callback: unknown, header: unknown) => {
        admit('TraCuuNhieuDoanhNghiep', header);
        const sent = args?.MaSoDoanhNghiep === undefined ? [] : [args.MaSoDoanhNghiep].flat();
        if (sent.length === 0 || sent.length > BUSINESS_REGISTRY_MAX_BATCH) {
          throw fault('YEU_CAU_KHONG_HOP_LE', 500, `Cần từ 1 đến ${BUSINESS_REGISTRY_MAX_BATCH} mã số doanh nghiệp.`);
        }
        const codes = sent.map(normalized);
        if (codes.some((c) => c === undefined)) throw fault('MA_SO_KHONG_HOP_LE');
        await delay();
        const found = [...new Set(codes as string[])].flatMap((c) => byCode.get(c) ?? []);
        return { DoanhNghiep: found };
      },
    }),
  });
  return Object.assign(sandbox, { organizations });
}

/**
 * Issue 8's acceptance: third-party WSDLs (EU VIES, the X-Road test service, the X-Road example
 * adapter) registered through the CLI with a mapping, approved by an operator, activated and granted,
 * then queried through the gateway as typed unified objects. A wrong mapping is refused naming the
 * field; a new version is served by the running hub without a restart; rollback, disable and an
 * ungranted client give their typed answers; /metrics of the citizens subgraph counts the calls.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import * as soap from 'soap';
import { runCli } from '../../adapters/registry/cli';
import { gql } from '../support/gateway-client';
import { E2E_BACKENDS, startTestHub, type TestHub } from '../support/test-hub';

const WSDLS = join(__dirname, '..', 'fixtures', 'third-party-wsdl');
const MAPPINGS = join(__dirname, '..', 'fixtures', 'adapter-registry-e2e');

interface SoapSim {
  name: string;
  wsdl: string;
  service: string;
  port: string;
  operations: Record<string, (args: Record<string, unknown>) => Record<string, unknown>>;
}

/** Realistic answers: a valid German VAT number (and any other is invalid), a person, a sized body. */
const SIMULATORS: SoapSim[] = [
  {
    name: 'eu-vies',
    wsdl: join(WSDLS, 'eu-vies', 'checkVatService.wsdl'),
    service: 'checkVatService',
    port: 'checkVatPort',
    operations: {
      checkVat: (args) =>
        args.vatNumber === '811569869'
          ? { countryCode: args.countryCode, vatNumber: args.vatNumber, requestDate: '2025-04-30+02:00', valid: true, name: 'Muster  GmbH', address: 'Musterstraße 1\n10115 Berlin' }
          : { countryCode: args.countryCode, vatNumber: args.vatNumber, requestDate: '2025-04-30+02:00', valid: false, name: '---', address: '---' },
    },
  },
  {
    name: 'xrd4j-person-details',
    wsdl: join(WSDLS, 'xrd4j-example-adapter', 'example-adapter.local.wsdl'),
    service: 'testService',
    port: 'testServicePort',
    operations: {
      personDetails: (args) => ({
        person: { ssn: args.ssn, firstName: 'Ánh', lastName: 'Nguyễn Thị', dateOfBirth: '1990-02-28+07:00', contactAddress: 'Số 1   Tràng Tiền,\n Hoàn Kiếm, Hà Nội' },
      }),
    },
  },
  {
    name: 'xroad-test-service',
    wsdl: join(WSDLS, 'xroad-test-service', 'test-service.wsdl'),
    service: 'testService',
    port: 'testServicePort',
    operations: { testService: (args) => ({ data: 'x'.repeat(Number(args.responseBodySize)), processingTime: '0007' }) },
  },
];

async function startSimulator(sim: SoapSim): Promise<{ server: Server; endpoint: string }> {
  const server = createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/service`;
  await new Promise<void>((resolve, reject) => {
    soap.listen(server, {
      path: '/service',
      xml: readFileSync(sim.wsdl, 'utf8'),
      uri: sim.wsdl,
      services: { [sim.service]: { [sim.port]: sim.operations } } as unknown as soap.IServices,
      suppressStack: true,
      callback: (err: unknown) => (err ? reject(err) : resolve()),
    });
  });
  return { server, endpoint };
}

const LOOKUP = `query($adapter: String!, $input: JSONObject!) {
  adapterLookup(adapter: $adapter, input: $input) {
    adapter version targetType record
    organization { taxCode name legalForm status registrationDate headOfficeAddress { full province } }
    person { identifier fullName address source }
    connectivity { ok responseBytes sample }
  }
}`;

describe.each(E2E_BACKENDS)('adapter registry through the CLI and the gateway (%s)', (_backend, onPostgres) => {
  let hub: TestHub;
  let operator: string;
  let official: string;
  let outsider: string;
  const endpoints: Record<string, string> = {};
  const servers: Server[] = [];

  /** Runs the CLI in-process against the hub; returns its exit code and what it printed. */
  const cli = async (token: string, ...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli([...argv, '--gateway', hub.url, '--token', token], { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const expectOk = async (token: string, ...argv: string[]) => {
    const result = await cli(token, ...argv);
    expect({ argv: argv.slice(0, 2), code: result.code, err: result.err }).toEqual({ argv: argv.slice(0, 2), code: 0, err: '' });
    return result.out;
  };
  const register = (name: string, mappingCase: string, wsdlOf = name) =>
    cli(operator, 'register', '--name', name, '--wsdl', SIMULATORS.find((s) => s.name === wsdlOf)!.wsdl, '--mapping', join(MAPPINGS, mappingCase, 'mapping.yaml'), '--endpoint', endpoints[wsdlOf], '--owner', 'G01.E2E', '--description', `E2E ${name}`);
  const lookup = (token: string, adapter: string, input: Record<string, unknown>) => gql(hub.url, LOOKUP, { adapter, input }, token);

  beforeAll(async () => {
    hub = await startTestHub(onPostgres);
    operator = await hub.token({ id: 'operator:e2e', role: 'OPERATOR' });
    official = await hub.token({ id: 'official:e2e-1', role: 'OFFICIAL', agencyCode: 'G01.E2E' });
    outsider = await hub.token({ id: 'official:other-1', role: 'OFFICIAL', agencyCode: 'G01.OTHER' });
    for (const sim of SIMULATORS) {
      const started = await startSimulator(sim);
      servers.push(started.server);
      endpoints[sim.name] = started.endpoint;
    }
  }, 120_000);

  afterAll(async () => {
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    await hub?.stop();
  });

  it('registers, approves, activates and grants each third-party service, then serves typed lookups', async () => {
    for (const sim of SIMULATORS) {
      const registered = await register(sim.name, sim.name);
      expect({ name: sim.name, code: registered.code, err: registered.err }).toEqual({ name: sim.name, code: 0, err: '' });
      expect(registered.out).toContain(`registered ${sim.name} version 1`);
      await expectOk(operator, 'approve', sim.name, '--version', '1');
      expect(await expectOk(operator, 'activate', sim.name, '--version', '1')).toContain('ACTIVE');
      await expectOk(official, 'grant', sim.name, '--client', 'agency:G01.E2E');
    }

    const vies = await lookup(official, 'eu-vies', { countryCode: ' de ', taxCode: 'DE 811 569 869' });
    expect(vies.errors).toBeUndefined();
    expect(vies.data.adapterLookup).toMatchObject({
      adapter: 'eu-vies',
      version: 1,
      targetType: 'Organization',
      organization: { taxCode: '811569869', name: 'Muster GmbH', legalForm: 'Doanh nghiệp đăng ký VAT tại Liên minh châu Âu', status: 'Đang hoạt động', registrationDate: '2025-04-30', headOfficeAddress: { full: 'Musterstraße 1 10115 Berlin', province: 'DE' } },
      person: null,
      connectivity: null,
    });
    const invalidVat = await lookup(official, 'eu-vies', { countryCode: 'FR', taxCode: '00000000000' });
    expect(invalidVat.data.adapterLookup).toMatchObject({ record: null, organization: null });

    const person = await lookup(official, 'xrd4j-person-details', { personalId: ' 001090012345 ' });
    expect(person.errors).toBeUndefined();
    expect(person.data.adapterLookup.person).toEqual({ identifier: '001090012345', fullName: 'Nguyễn Thị Ánh', address: 'Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội', source: 'X-Road example adapter (xrd4j)' });
    // A read of personal data: in the citizens access log like any other.
    const logged = await hub.hub.db!.prisma.citizenAccessLog.findMany({ where: { source: 'ADAPTER:xrd4j-person-details' } });
    expect(logged.map((r) => ({ actorId: r.actorId, personalId: r.personalId, outcome: r.outcome }))).toEqual([{ actorId: 'official:e2e-1', personalId: '001090012345', outcome: 'FOUND' }]);

    const check = await lookup(official, 'xroad-test-service', { bytes: 12 });
    expect(check.errors).toBeUndefined();
    expect(check.data.adapterLookup.connectivity).toEqual({ ok: true, responseBytes: 12, sample: 'xxxxxxxxxxxx' });

    const shown = await expectOk(operator, 'show', 'eu-vies');
    expect(shown).toMatch(/health: circuit CLOSED, 2 calls/);
    const metrics = await (await fetch(hub.hub.urls.citizens!.replace(/\/graphql$/, '/metrics'))).text();
    expect(metrics).toMatch(/lienthong_adapter_calls_total\{adapter="eu-vies",outcome="ok"\} 2/);
    expect(metrics).toMatch(/lienthong_adapter_circuit_open\{adapter="eu-vies"\} 0/);
  });

  it('refuses a wrong mapping with a message naming the field, and stores nothing', async () => {
    const refused = await register('eu-vies-typo', 'eu-vies-wrong', 'eu-vies');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('error ADAPTER_MAPPING_INVALID');
    expect(refused.err).toMatch(/- output\.fields\.nmae: /);
    const shown = await cli(operator, 'show', 'eu-vies-typo');
    expect(shown).toMatchObject({ code: 1, err: expect.stringContaining('ADAPTER_NOT_FOUND') });
  });

  it('serves a newly activated version without restart, rolls back, and refuses when disabled or ungranted', async () => {
    const v2 = await register('eu-vies', 'eu-vies-v2');
    expect(v2).toMatchObject({ code: 0, out: expect.stringContaining('registered eu-vies version 2') });
    const input = { countryCode: 'DE', taxCode: '811569869' };
    // Registered but not approved: version 1 still serves.
    expect((await lookup(official, 'eu-vies', input)).data.adapterLookup.version).toBe(1);
    const early = await cli(operator, 'activate', 'eu-vies', '--version', '2');
    expect(early).toMatchObject({ code: 1, err: expect.stringContaining('INVALID_ADAPTER_TRANSITION') });
    await expectOk(operator, 'approve', 'eu-vies', '--version', '2');
    await expectOk(operator, 'activate', 'eu-vies', '--version', '2');
    const served = (await lookup(official, 'eu-vies', input)).data.adapterLookup;
    expect(served).toMatchObject({ version: 2, organization: { legalForm: 'Doanh nghiệp nước ngoài (EU VIES, v2)' } });

    expect(await expectOk(operator, 'rollback', 'eu-vies')).toContain('active version: 1');
    expect((await lookup(official, 'eu-vies', input)).data.adapterLookup).toMatchObject({ version: 1, organization: { legalForm: 'Doanh nghiệp đăng ký VAT tại Liên minh châu Âu' } });

    const denied = await lookup(outsider, 'eu-vies', input);
    expect(denied.errors?.[0].extensions?.code).toBe('ADAPTER_ACCESS_DENIED');
    const notOperator = await cli(official, 'disable', 'eu-vies');
    expect(notOperator).toMatchObject({ code: 1, err: expect.stringContaining('FORBIDDEN') });

    await expectOk(operator, 'disable', 'eu-vies');
    const disabled = await lookup(official, 'eu-vies', input);
    expect(disabled.errors?.[0].extensions?.code).toBe('ADAPTER_NOT_ACTIVE');
    await expectOk(operator, 'enable', 'eu-vies');
    expect((await lookup(official, 'eu-vies', input)).data.adapterLookup.version).toBe(1);

    const dry = await expectOk(official, 'dry-run', 'eu-vies', '--version', '2', '--input', JSON.stringify(input));
    expect(dry).toContain('Doanh nghiệp nước ngoài (EU VIES, v2)');
    const listed = await expectOk(operator, 'list');
    expect(listed).toMatch(/eu-vies {2}ACTIVE {2}active version: 1/);
  });
});

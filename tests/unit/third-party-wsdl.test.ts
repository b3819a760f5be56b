/**
 * Three WSDLs written by others (EU VIES, the X-Road test service, the X-Road example adapter; see
 * tests/fixtures/third-party-wsdl/SOURCES.md): each is loaded with the adapter kit, its operations are
 * listed, and one operation is called against a local `soap.listen` server built from the same WSDL.
 * The answers carry what breaks naive clients: a body in a namespace other than the service's
 * (VIES), an `xsd:date` with a timezone, integers beyond 2^53.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import * as soap from 'soap';
import { createSoapUpstream, type SoapCallMeta, type SoapUpstream } from '../../adapters/kit';
import { asList, asXmlObject, type SoapHeaderBlock, type XmlValue } from '../../adapters/soap';

const FIXTURES = join(__dirname, '..', 'fixtures', 'third-party-wsdl');

/** One row: a WSDL, the operations it must list, and one call with the answer the server gives. */
interface WsdlCase {
  name: string;
  wsdlFile: string;
  service: string;
  port: string;
  operations: string[];
  call: { operation: string; args: Record<string, unknown>; headers?: SoapHeaderBlock[] };
  /** The server's implementation of that operation; `seen` records what it received. */
  answer: (args: Record<string, unknown>, headers: Record<string, unknown> | undefined) => Record<string, unknown>;
  /** The mapping from the kit's output to what the hub would use. */
  map: (output: XmlValue) => unknown;
  expected: unknown;
  /** What the server must have received (args as the `soap` server parsed them). */
  received: (args: Record<string, unknown>, headers: Record<string, unknown> | undefined) => void;
}

const text = (value: XmlValue | undefined) => (typeof value === 'string' ? value : value === null ? null : undefined);

const XROAD = 'http://x-road.eu/xsd/xroad.xsd';
const CASES: WsdlCase[] = [
  {
    name: 'EU VIES checkVatService',
    wsdlFile: 'eu-vies/checkVatService.wsdl',
    service: 'checkVatService',
    port: 'checkVatPort',
    operations: ['checkVat', 'checkVatApprox'],
    call: { operation: 'checkVat', args: { countryCode: 'DE', vatNumber: '811569869' } },
    answer: (args) => ({
      countryCode: args.countryCode,
      vatNumber: args.vatNumber,
      requestDate: '2025-04-30+02:00',
      valid: true,
      name: 'Muster GmbH',
      address: 'Musterstraße 1\n10115 Berlin',
    }),
    map: (output) => {
      const o = asXmlObject(output) ?? {};
      return { ...Object.fromEntries(Object.entries(o).map(([k, v]) => [k, text(v)])), valid: text(o.valid) === 'true' };
    },
    expected: {
      countryCode: 'DE',
      vatNumber: '811569869',
      requestDate: '2025-04-30+02:00',
      valid: true,
      name: 'Muster GmbH',
      address: 'Musterstraße 1\n10115 Berlin',
    },
    received: (args) => expect(args).toEqual({ countryCode: 'DE', vatNumber: '811569869' }),
  },
  {
    name: 'X-Road test service (X-Road SOAP headers)',
    wsdlFile: 'xroad-test-service/test-service.wsdl',
    service: 'testService',
    port: 'testServicePort',
    operations: ['testService'],
    call: {
      operation: 'testService',
      args: { responseBodySize: '12', responseAttachmentSize: '0' },
      headers: [
        { name: 'userId', value: { $value: 'EE12345678901' } as unknown as Record<string, unknown>, namespace: XROAD },
        { name: 'id', value: { $value: 'lienthong-req-1' } as unknown as Record<string, unknown>, namespace: XROAD },
        { name: 'protocolVersion', value: { $value: '4.0' } as unknown as Record<string, unknown>, namespace: XROAD },
      ],
    },
    answer: (args) => ({ data: 'x'.repeat(Number(args.responseBodySize)), processingTime: '0007' }),
    map: (output) => {
      const o = asXmlObject(output) ?? {};
      return { data: text(o.data), processingTime: text(o.processingTime) };
    },
    expected: { data: 'xxxxxxxxxxxx', processingTime: '0007' },
    received: (args, headers) => {
      expect(args).toEqual({ responseBodySize: '12', responseAttachmentSize: '0' });
      expect(headers).toMatchObject({ userId: 'EE12345678901', id: 'lienthong-req-1', protocolVersion: '4.0' });
    },
  },
  {
    name: 'X-Road example adapter: getAttachments (positiveInteger beyond 2^53)',
    wsdlFile: 'xrd4j-example-adapter/example-adapter.local.wsdl',
    service: 'testService',
    port: 'testServicePort',
    operations: ['getRandom', 'helloService', 'listPeople', 'personDetails', 'storeAttachments', 'getAttachments'],
    call: { operation: 'getAttachments', args: { size: ['9223372036854775807', '9007199254740993'] } },
    answer: () => ({
      attachment: [
        { name: 'a.bin', size: '9223372036854775807' },
        { name: 'b.bin', size: '9007199254740993' },
      ],
    }),
    map: (output) => asList(asXmlObject(output)?.attachment).map((a) => ({ name: text(asXmlObject(a)?.name), size: text(asXmlObject(a)?.size) })),
    expected: [
      { name: 'a.bin', size: '9223372036854775807' },
      { name: 'b.bin', size: '9007199254740993' },
    ],
    received: () => undefined,
  },
  {
    name: 'X-Road example adapter: personDetails (xsd:date, extension, nested list)',
    wsdlFile: 'xrd4j-example-adapter/example-adapter.local.wsdl',
    service: 'testService',
    port: 'testServicePort',
    operations: ['personDetails'],
    call: { operation: 'personDetails', args: { ssn: '001090012345' } },
    answer: (args) => ({
      person: {
        ssn: args.ssn,
        firstName: 'Ánh',
        lastName: 'Nguyễn',
        dateOfBirth: '1990-02-28+07:00',
        contacts: { contact: [{ type: 'email', name: 'work', value: 'anh@example.vn' }, { type: 'mobile', name: 'own', value: '0912345678' }] },
      },
    }),
    map: (output) => {
      const person = asXmlObject(asXmlObject(output)?.person) ?? {};
      return {
        ssn: text(person.ssn),
        name: `${text(person.lastName)} ${text(person.firstName)}`,
        dateOfBirth: text(person.dateOfBirth),
        contacts: asList(asXmlObject(person.contacts)?.contact).map((c) => `${text(asXmlObject(c)?.type)}:${text(asXmlObject(c)?.value)}`),
      };
    },
    expected: { ssn: '001090012345', name: 'Nguyễn Ánh', dateOfBirth: '1990-02-28+07:00', contacts: ['email:anh@example.vn', 'mobile:0912345678'] },
    received: (args) => expect(args).toEqual({ ssn: '001090012345' }),
  },
];

interface Running {
  server: Server;
  endpoint: string;
  seen: Array<{ args: Record<string, unknown>; headers: Record<string, unknown> | undefined }>;
}

async function serve(row: WsdlCase): Promise<Running> {
  const wsdlPath = join(FIXTURES, row.wsdlFile);
  const seen: Running['seen'] = [];
  const server = createServer((req, res) => {
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/service`;
  const handler = (args: Record<string, unknown>, _cb: unknown, headers: Record<string, unknown> | undefined) => {
    seen.push({ args, headers });
    return row.answer(args, headers);
  };
  await new Promise<void>((resolve, reject) => {
    soap.listen(server, {
      path: '/service',
      xml: readFileSync(wsdlPath, 'utf8'),
      // Relative schema imports (the example adapter's xroad.local.xsd) resolve beside the WSDL.
      uri: wsdlPath,
      services: { [row.service]: { [row.port]: { [row.call.operation]: handler } } } as soap.IServices,
      suppressStack: true,
      callback: (err: unknown) => (err ? reject(err) : resolve()),
    });
  });
  return { server, endpoint, seen };
}

describe.each(CASES)('$name', (row) => {
  let running: Running;
  let upstream: SoapUpstream;

  beforeAll(async () => {
    running = await serve(row);
    upstream = createSoapUpstream({
      soap: { system: 'THIRD_PARTY', wsdl: join(FIXTURES, row.wsdlFile), endpoint: running.endpoint, service: row.service, port: row.port },
      timeoutMs: 5000,
    });
  });

  afterAll(async () => {
    upstream.close();
    running.server.closeAllConnections();
    await new Promise<void>((resolve) => running.server.close(() => resolve()));
  });

  it('loads and lists its operations', async () => {
    const names = (await upstream.transport.client.operations()).map((op) => op.name);
    expect(names).toEqual(expect.arrayContaining(row.operations));
  });

  it(`calls ${row.call.operation} and maps the answer exactly`, async () => {
    const meta: SoapCallMeta = { headers: row.call.headers };
    const { output, httpStatus } = await upstream.callUpstream(row.call.operation, row.call.args, { idempotent: true, meta });
    expect(httpStatus).toBe(200);
    expect(row.map(output)).toEqual(row.expected);
    expect(running.seen).toHaveLength(1);
    row.received(running.seen[0].args, running.seen[0].headers);
    expect(upstream.metrics.snapshot().THIRD_PARTY).toMatchObject({ calls: 1, successes: 1 });
  });
});

describe('why the kit parses responses itself', () => {
  let running: Running;
  const vies = CASES[0];

  beforeAll(async () => {
    running = await serve(vies);
  });
  afterAll(async () => {
    running.server.closeAllConnections();
    await new Promise<void>((resolve) => running.server.close(() => resolve()));
  });

  it('VIES answers in a namespace other than the service namespace', async () => {
    const upstream = createSoapUpstream({ soap: { system: 'VIES', wsdl: join(FIXTURES, vies.wsdlFile), endpoint: running.endpoint } });
    try {
      const request = await upstream.transport.client.prepare('checkVat', vies.call.args);
      const res = await fetch(running.endpoint, { method: 'POST', headers: request.httpHeaders, body: request.xml });
      const xml = await res.text();
      expect(xml).toMatch(/checkVatResponse[^>]*xmlns(:\w+)?="urn:ec\.europa\.eu:taxud:vies:services:checkVat:types"/);
      expect(xml).toContain('2025-04-30+02:00');
    } finally {
      upstream.close();
    }
  });

  it("the soap package's own client loses the xsd:date that the kit keeps", async () => {
    const client = await soap.createClientAsync(join(FIXTURES, vies.wsdlFile), {}, running.endpoint);
    const [result] = (await client.checkVatAsync(vies.call.args)) as [Record<string, unknown>];
    expect(result.requestDate).not.toBe('2025-04-30+02:00');
  });
});

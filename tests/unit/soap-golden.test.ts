/**
 * Golden exchanges with the national databases (node-soap style), one table-driven test for every
 * system: each folder of tests/fixtures/<system>/<case> holds the request the client must send
 * (request.xml), the answer the source gives (response.xml) and what the client must make of it
 * (expected.json). A tiny HTTP server serves the WSDL and the recorded answer, and records what the
 * client sent.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { businessRegistryWsdl, createBusinessRegistryClient } from '../../adapters/business-registry';
import { createPopulationDbClient, populationDbWsdl } from '../../adapters/population-db';
import { AdapterError } from '../../adapters/soap';
import type { LookupAudit } from '../../adapters/soap/lookup-convention';

interface LookupClient {
  lookup(key: string, audit: LookupAudit): Promise<unknown>;
  lookupMany(keys: readonly string[], audit: LookupAudit): Promise<Map<string, unknown>>;
}

interface GoldenSystem {
  folder: string;
  system: string;
  path: string;
  wsdl: (endpoint: string) => string;
  /** Name of the key in expected.json's call (`personalId` / `taxCode`; plural for lookupMany). */
  key: string;
  client: (wsdlUrl: string, extra: Record<string, unknown>) => LookupClient;
  /** Cases the contract needs, at least. */
  required: string[];
}

// One exchange per fixture: retries and the circuit breaker are the adapter kit's tests, not the wire format's.
const singleExchange = { retry: { attempts: 1 }, circuit: false } as const;

const SYSTEMS: GoldenSystem[] = [
  {
    folder: 'population-db',
    system: 'CSDLQG_DAN_CU',
    path: '/csdl-dan-cu',
    wsdl: populationDbWsdl,
    key: 'personalId',
    client: (wsdlUrl, extra) => createPopulationDbClient({ wsdlUrl, policy: singleExchange, ...extra }),
    required: ['person-found', 'batch', 'not-found-fault', 'malformed-xml', 'oversize-response', 'date-with-timezone'],
  },
  {
    folder: 'business-registry',
    system: 'CSDL_DKDN',
    path: '/csdl-dkdn',
    wsdl: businessRegistryWsdl,
    key: 'taxCode',
    client: (wsdlUrl, extra) => createBusinessRegistryClient({ wsdlUrl, policy: singleExchange, ...extra }),
    required: ['organization-found', 'branch-without-hyphen', 'batch', 'not-found-fault', 'service-unavailable-fault', 'date-with-timezone'],
  },
];

interface GoldenCase {
  description: string;
  client?: Record<string, unknown>;
  call: { method: 'lookup' | 'lookupMany'; audit: LookupAudit } & Record<string, unknown>;
  request: { soapAction: string };
  response: { status: number };
  result?: unknown;
  error?: { code: string; retryable: boolean };
}

const FIXTURES = join(__dirname, '..', 'fixtures');
const casesOf = (folder: string) =>
  readdirSync(join(FIXTURES, folder), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
const table = SYSTEMS.flatMap((system) => casesOf(system.folder).map((name) => [system.folder, name, system] as const));

/** Compares XML by structure: element order, names, attributes and trimmed text; not layout. */
const canonical = new XMLParser({ preserveOrder: true, ignoreAttributes: false, ignoreDeclaration: true, parseTagValue: false, trimValues: true });
const normalise = (xml: string) => canonical.parse(xml);

describe('golden exchanges with the national databases', () => {
  let server: Server;
  let baseUrl: string;
  let wsdl = '';
  let answer: { status: number; body: string } = { status: 500, body: '' };
  let received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (req.method === 'GET' && req.url?.endsWith('?wsdl')) {
          res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
          res.end(wsdl);
          return;
        }
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(answer.status, { 'content-type': 'text/xml; charset=utf-8' });
        res.end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it.each(SYSTEMS.map((s) => [s.folder, s] as const))('%s has the cases its contract needs', (_folder, system) => {
    expect(casesOf(system.folder)).toEqual(expect.arrayContaining(system.required));
  });

  it.each(table)('%s / %s', async (folder, name, system) => {
    const dir = join(FIXTURES, folder, name);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as GoldenCase;
    answer = { status: expected.response.status, body: readFileSync(join(dir, 'response.xml'), 'utf8') };
    received = [];
    wsdl = system.wsdl(`${baseUrl}${system.path}`);
    const client = system.client(`${baseUrl}${system.path}?wsdl`, expected.client ?? {});

    const { call } = expected;
    const outcome =
      call.method === 'lookup'
        ? client.lookup(call[system.key] as string, call.audit)
        : client.lookupMany(call[`${system.key}s`] as string[], call.audit).then((found) => Object.fromEntries(found));

    if (expected.error) {
      const err = await outcome.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(AdapterError);
      expect(err).toMatchObject({ code: expected.error.code, retryable: expected.error.retryable, system: system.system });
    } else {
      expect(await outcome).toEqual(expected.result);
    }

    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(request.headers.soapaction).toBe(`"${expected.request.soapAction}"`);
    expect(normalise(request.body)).toEqual(normalise(readFileSync(join(dir, 'request.xml'), 'utf8')));
  });
});

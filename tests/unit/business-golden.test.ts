/**
 * Golden exchanges with the business registry: each folder of tests/fixtures/business-registry holds
 * the request the client must send (request.xml), the answer the registry gives (response.xml) and
 * what the client must make of it (expected.json). Same shape as soap-golden.test.ts (population
 * database), whose runner is tied to that client; a tiny HTTP server serves the WSDL and the recorded
 * answer, and records what the client sent.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { businessRegistryWsdl, createBusinessRegistryClient, type RegistryLookupAudit } from '../../adapters/business-registry';
import { AdapterError } from '../../adapters/soap';

interface GoldenCase {
  description: string;
  call:
    | { method: 'lookup'; taxCode: string; audit: RegistryLookupAudit }
    | { method: 'lookupMany'; taxCodes: string[]; audit: RegistryLookupAudit };
  request: { soapAction: string };
  response: { status: number };
  result?: unknown;
  error?: { code: string; retryable: boolean };
}

const FIXTURES = join(__dirname, '..', 'fixtures', 'business-registry');
const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** Compares XML by structure: element order, names, attributes and trimmed text; not layout. */
const canonical = new XMLParser({ preserveOrder: true, ignoreAttributes: false, ignoreDeclaration: true, parseTagValue: false, trimValues: true });
const normalise = (xml: string) => canonical.parse(xml);

describe('business registry golden exchanges', () => {
  let server: Server;
  let baseUrl: string;
  let answer: { status: number; body: string } = { status: 500, body: '' };
  let received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (req.method === 'GET' && req.url?.endsWith('?wsdl')) {
          res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
          res.end(businessRegistryWsdl(`${baseUrl}/csdl-dkdn`));
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

  it('has the cases the contract needs', () => {
    expect(cases).toEqual(
      expect.arrayContaining([
        'organization-found', 'branch-without-hyphen', 'batch', 'not-found-fault', 'service-unavailable-fault',
        'missing-required-field', 'date-with-timezone', 'other-organization-answered',
      ]),
    );
  });

  it.each(cases)('%s', async (name) => {
    const dir = join(FIXTURES, name);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as GoldenCase;
    answer = { status: expected.response.status, body: readFileSync(join(dir, 'response.xml'), 'utf8') };
    received = [];
    // One exchange per fixture: retries and the circuit breaker are the adapter kit's tests, not the wire format's.
    const client = createBusinessRegistryClient({ wsdlUrl: `${baseUrl}/csdl-dkdn?wsdl`, policy: { retry: { attempts: 1 }, circuit: false } });

    const { call } = expected;
    const outcome =
      call.method === 'lookup'
        ? client.lookup(call.taxCode, call.audit)
        : client.lookupMany(call.taxCodes, call.audit).then((found) => Object.fromEntries(found));

    if (expected.error) {
      const err = await outcome.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(AdapterError);
      expect(err).toMatchObject({ code: expected.error.code, retryable: expected.error.retryable, system: 'CSDL_DKDN' });
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

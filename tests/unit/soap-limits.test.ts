/**
 * The SOAP kit's limits against a misbehaving upstream: slow, huge, broken or absent. Every failure
 * is an AdapterError with the right code, and none leaves the client waiting or buffering.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { populationDbWsdl } from '../../adapters/population-db';
import {
  MAX_XML_NESTING,
  parseXmlDocument,
  AdapterError,
  defaultFaultClassifier,
  parseSoapEnvelope,
  SoapClient,
  toLienthongError,
  type AdapterErrorCode,
  type SoapClientOptions,
} from '../../adapters/soap';
import { ErrorCode, LienthongError } from '../../subgraphs/shared/errors';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const ENVELOPE = (body: string) =>
  `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${body}</soap:Body></soap:Envelope>`;
const FOUND = ENVELOPE(
  '<TraCuuCongDanResponse xmlns="urn:vn:gov:dancu:tracuu:v1"><CongDan><SoDinhDanh>001090012345</SoDinhDanh></CongDan></TraCuuCongDanResponse>',
);

describe('SOAP kit limits', () => {
  let server: Server;
  let endpoint: string;
  let handler: Handler = (_req, res) => res.end();
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => handler(req, res));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/csdl-dan-cu`;
  });

  afterEach(() => {
    for (const t of timers) clearTimeout(t);
    timers.clear();
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const client = (options: Partial<SoapClientOptions> = {}) =>
    new SoapClient({ system: 'TEST', wsdl: populationDbWsdl(endpoint), ...options });
  const call = (c: SoapClient) =>
    c.call('TraCuuCongDan', { SoDinhDanh: '001090012345' }, {
      headers: [{ name: 'ThongTinYeuCau', value: { MaYeuCau: 'r', MaDonVi: 'u', NguoiTraCuu: 'a', MucDich: 'p' } }],
    });
  const failure = async (promise: Promise<unknown>): Promise<AdapterError> => {
    const err = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AdapterError);
    return err as AdapterError;
  };
  const respond = (status: number, body: string, headers: Record<string, string> = {}): Handler => (_req, res) => {
    res.writeHead(status, { 'content-type': 'text/xml; charset=utf-8', ...headers });
    res.end(body);
  };

  it('refuses a document nested deeper than MAX_XML_NESTING as BAD_RESPONSE, and accepts one just inside it', () => {
    const nested = (levels: number) => `<r>${'<a>'.repeat(levels)}x${'</a>'.repeat(levels)}</r>`;
    expect(() => parseXmlDocument(nested(MAX_XML_NESTING - 2), 'T')).not.toThrow();
    expect(() => parseXmlDocument(nested(MAX_XML_NESTING + 1), 'T')).toThrow(expect.objectContaining({ code: 'BAD_RESPONSE' }));
    expect(() => parseXmlDocument(nested(100_000), 'T')).toThrow(expect.objectContaining({ code: 'BAD_RESPONSE' }));
  });

  it('reads a good answer, values as exact text', async () => {
    handler = respond(200, FOUND);
    const result = await call(client());
    expect(result.output).toEqual({ CongDan: { SoDinhDanh: '001090012345' } });
  });

  it('times out when the upstream does not answer, well before the upstream would', async () => {
    handler = (_req, res) => later(5000, () => res.end(FOUND));
    const started = Date.now();
    const err = await failure(call(client({ timeoutMs: 200 })));
    expect(err).toMatchObject({ code: 'TIMEOUT', retryable: true, system: 'TEST' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('times out when the body stalls after the headers', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.write(FOUND.slice(0, 80));
      later(5000, () => res.end(FOUND.slice(80)));
    };
    const err = await failure(call(client({ timeoutMs: 200 })));
    expect(err.code).toBe('TIMEOUT');
  });

  it('stops reading a streamed answer past the byte cap and drops the connection', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let written = 0;
    let closedEarly = false;
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml' }); // chunked: no content-length to trust
      res.on('close', () => {
        closedEarly = !res.writableFinished;
      });
      const pump = () => {
        while (written < 8 * 1024 * 1024 && !res.destroyed) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    };
    const err = await failure(call(client({ maxResponseBytes: 256 * 1024 })));
    expect(err.code).toBe('TOO_LARGE');
    expect(err.retryable).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closedEarly).toBe(true);
    expect(written).toBeLessThan(8 * 1024 * 1024);
  });

  it('refuses an answer whose declared length is over the cap (1 MiB by default)', async () => {
    handler = respond(200, FOUND + ' '.repeat(1024 * 1024));
    expect((await failure(call(client()))).code).toBe('TOO_LARGE');
  });

  it.each<[string, number, string, AdapterErrorCode]>([
    ['not XML at all', 200, 'Hệ thống đang bảo trì', 'BAD_RESPONSE'],
    ['unclosed elements', 200, FOUND.slice(0, -30), 'BAD_RESPONSE'],
    ['a DTD with entities', 200, `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>${FOUND.slice(39)}`, 'BAD_RESPONSE'],
    ['an element named constructor', 200, ENVELOPE('<TraCuuCongDanResponse><constructor>x</constructor></TraCuuCongDanResponse>'), 'BAD_RESPONSE'],
    ['another element than the output', 200, ENVELOPE('<SomethingElse/>'), 'BAD_RESPONSE'],
    ['an envelope without a body', 200, '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"/>', 'BAD_RESPONSE'],
    ['a proxy error page', 502, '<html><body>Bad Gateway</body></html>', 'UNAVAILABLE'],
    ['an empty 503', 503, '', 'UNAVAILABLE'],
    ['a non-fault envelope with HTTP 400', 400, FOUND, 'BAD_RESPONSE'],
    ['a SOAP 1.1 fault', 500, ENVELOPE('<soap:Fault><faultcode>soap:Client</faultcode><faultstring>Sai</faultstring></soap:Fault>'), 'FAULT'],
    ['a NotFound fault', 500, ENVELOPE('<soap:Fault><faultcode>soap:Client.NotFound</faultcode><faultstring>x</faultstring></soap:Fault>'), 'NOT_FOUND'],
  ])('answers %s with %s → %s', async (_label, status, body, code) => {
    handler = respond(status, body);
    expect((await failure(call(client()))).code).toBe(code);
  });

  it('rejects bytes that are not UTF-8', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end(Buffer.concat([Buffer.from(FOUND.slice(0, 200)), Buffer.from([0xff, 0xfe]), Buffer.from(FOUND.slice(200))]));
    };
    expect((await failure(call(client()))).code).toBe('BAD_RESPONSE');
  });

  it('is UNAVAILABLE when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const c = new SoapClient({ system: 'TEST', wsdl: populationDbWsdl(`http://127.0.0.1:${port}/x`) });
    expect(await failure(call(c))).toMatchObject({ code: 'UNAVAILABLE', retryable: true });
  });

  it('retries loading a WSDL that failed to load', async () => {
    let wsdlRequests = 0;
    handler = (req, res) => {
      if (req.method === 'GET') {
        wsdlRequests += 1;
        if (wsdlRequests === 1) return respond(503, 'down')(req, res);
        return respond(200, populationDbWsdl(endpoint))(req, res);
      }
      respond(200, FOUND)(req, res);
    };
    const c = new SoapClient({ system: 'TEST', wsdl: `${endpoint}?wsdl` });
    expect((await failure(call(c))).code).toBe('UNAVAILABLE');
    await expect(call(c)).resolves.toMatchObject({ httpStatus: 200 });
    expect(wsdlRequests).toBe(2);
  });

  it('describes the operations of the WSDL', async () => {
    const ops = await client().operations();
    expect(ops).toEqual([
      { name: 'TraCuuCongDan', soapAction: 'urn:vn:gov:dancu:tracuu:v1#TraCuuCongDan', inputElement: 'TraCuuCongDan', outputElement: 'TraCuuCongDanResponse' },
      { name: 'TraCuuNhieuCongDan', soapAction: 'urn:vn:gov:dancu:tracuu:v1#TraCuuNhieuCongDan', inputElement: 'TraCuuNhieuCongDan', outputElement: 'TraCuuNhieuCongDanResponse' },
    ]);
  });
});

describe('envelope parsing', () => {
  it('keeps dates, leading zeros and 64-bit numbers as sent, nil as null', () => {
    const parsed = parseSoapEnvelope(
      '<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><e:Body><r:R xmlns:r="urn:x">' +
        '<r:D>2025-04-30+02:00</r:D><r:Z>007</r:Z><r:L>9223372036854775807</r:L><r:N xsi:nil="true"/><r:T lang="vi">a &amp; b</r:T>' +
        '</r:R></e:Body></e:Envelope>',
      'TEST',
    );
    expect(parsed.bodyElement).toBe('R');
    expect(parsed.content).toEqual({ D: '2025-04-30+02:00', Z: '007', L: '9223372036854775807', N: null, T: 'a & b' });
  });

  it('reads SOAP 1.2 faults', () => {
    const parsed = parseSoapEnvelope(
      '<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><env:Fault>' +
        '<env:Code><env:Value>env:Sender</env:Value><env:Subcode><env:Value>m:NotFound</env:Value></env:Subcode></env:Code>' +
        '<env:Reason><env:Text xml:lang="en">gone</env:Text></env:Reason></env:Fault></env:Body></env:Envelope>',
      'TEST',
    );
    expect(parsed.fault).toMatchObject({ code: 'env:Sender.NotFound', localCode: 'Sender.NotFound', message: 'gone' });
    expect(defaultFaultClassifier(parsed.fault!, 500)).toBe('NOT_FOUND');
  });
});

describe('toLienthongError', () => {
  it.each<[AdapterErrorCode, ErrorCode]>([
    ['TIMEOUT', ErrorCode.UPSTREAM_TIMEOUT],
    ['UNAVAILABLE', ErrorCode.UPSTREAM_UNAVAILABLE],
    ['BAD_RESPONSE', ErrorCode.UPSTREAM_BAD_RESPONSE],
    ['TOO_LARGE', ErrorCode.UPSTREAM_BAD_RESPONSE],
    ['FAULT', ErrorCode.UPSTREAM_BAD_RESPONSE],
    ['NOT_FOUND', ErrorCode.UPSTREAM_BAD_RESPONSE],
  ])('maps %s to %s with the system and reason', (code, expected) => {
    const mapped = toLienthongError(new AdapterError(code, 'CSDLQG_DAN_CU', 'secret upstream text'));
    expect(mapped).toBeInstanceOf(LienthongError);
    expect(mapped.extensions).toMatchObject({ code: expected, system: 'CSDLQG_DAN_CU', reason: code });
    expect(mapped.message).not.toContain('secret upstream text');
  });

  it('maps NOT_FOUND to the code the caller names, passes typed errors through, hides the rest', () => {
    const notFound = toLienthongError(new AdapterError('NOT_FOUND', 'X', 'x'), { notFound: ErrorCode.CITIZEN_NOT_FOUND });
    expect(notFound.code).toBe(ErrorCode.CITIZEN_NOT_FOUND);
    const typed = new LienthongError(ErrorCode.FORBIDDEN);
    expect(toLienthongError(typed)).toBe(typed);
    expect(toLienthongError(new TypeError('boom')).code).toBe(ErrorCode.INTERNAL_SERVER_ERROR);
  });
});

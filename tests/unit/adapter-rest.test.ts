/**
 * REST/JSON and REST/XML clients against a real local server (port 0): values kept as sent (64-bit
 * integers, dates), namespaces stripped, status codes mapped to typed errors, byte cap and timeout.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRestJsonClient, createRestXmlClient, parseJsonLosslessly, type RestOperation } from '../../adapters/rest';
import { AdapterError } from '../../adapters/soap';

interface Answer {
  status?: number;
  type?: string;
  body: string | Buffer;
  delayMs?: number;
}

let server: Server;
let baseUrl: string;
let answer: Answer = { body: '{}' };
let received: Array<{ method: string; url: string; headers: IncomingHttpHeaders; body: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const { status = 200, type = 'application/json; charset=utf-8', body, delayMs = 0 } = answer;
      const timer = setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(status, { 'content-type': type });
        res.end(body);
      }, delayMs);
      res.on('close', () => clearTimeout(timer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received = [];
});

const OPERATIONS: Record<string, RestOperation> = {
  person: { method: 'GET', path: '/api/v1/nguoi-tham-gia/{soDinhDanh}', query: ['fields'] },
  batch: { method: 'POST', path: '/api/v1/nguoi-tham-gia/tra-cuu' },
  xmlBatch: { method: 'POST', path: '/xml/tra-cuu', body: (input) => `<TraCuu><Ma>${String(input.ma)}</Ma></TraCuu>` },
};

const json = (options: { timeoutMs?: number; maxResponseBytes?: number } = {}) =>
  createRestJsonClient({ system: 'CSDL_BHXH', baseUrl, operations: OPERATIONS, headers: { 'x-client': 'lienthong' }, ...options });
const xml = () => createRestXmlClient({ system: 'REST_XML', baseUrl, operations: OPERATIONS });

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (err: unknown) => err as AdapterError,
  );

describe('REST/JSON', () => {
  it('keeps integers beyond 2^53 exactly (as text) and leaves safe numbers as numbers', async () => {
    answer = {
      body: '{"maSoBhxh":"0123456789","soHoSo":9223372036854775807,"ma":9007199254740993,"tuoi":42,"tyLe":0.75,"am":-9007199254740993,"ds":[12345678901234567890]}',
    };
    const { body, httpStatus } = await json().call('person', { soDinhDanh: '001090012345' });
    expect(httpStatus).toBe(200);
    expect(body).toEqual({
      maSoBhxh: '0123456789',
      soHoSo: '9223372036854775807',
      ma: '9007199254740993',
      tuoi: 42,
      tyLe: 0.75,
      am: '-9007199254740993',
      ds: ['12345678901234567890'],
    });
    // What JSON.parse would have done.
    expect(String((JSON.parse(answer.body as string) as { ma: number }).ma)).not.toBe('9007199254740993');
  });

  it('fills path parameters (encoded) and query parameters, and sends the configured and per-call headers', async () => {
    answer = { body: '{}' };
    await json().call('person', { soDinhDanh: '0010/9 ?x', fields: ['hoTen', 'ngaySinh'] }, { headers: { 'x-purpose': 'prefill' } });
    expect(received[0]).toMatchObject({ method: 'GET', url: '/api/v1/nguoi-tham-gia/0010%2F9%20%3Fx?fields=hoTen&fields=ngaySinh' });
    expect(received[0].headers).toMatchObject({ accept: 'application/json', 'x-client': 'lienthong', 'x-purpose': 'prefill' });
  });

  it('POSTs the input as JSON', async () => {
    answer = { body: '[]' };
    await json().call('batch', { danhSach: ['001090012345', '079190000001'] });
    expect(received[0]).toMatchObject({ method: 'POST', url: '/api/v1/nguoi-tham-gia/tra-cuu' });
    expect(received[0].headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(received[0].body)).toEqual({ danhSach: ['001090012345', '079190000001'] });
  });

  it.each([
    [404, 'NOT_FOUND', false],
    [503, 'UNAVAILABLE', true],
    [500, 'UNAVAILABLE', true],
    [429, 'UNAVAILABLE', true],
    [400, 'FAULT', false],
    [403, 'FAULT', false],
  ])('maps HTTP %i to %s', async (status, code, retryable) => {
    answer = { status, body: '{"error":"x"}' };
    const err = await failure(json().call('person', { soDinhDanh: '1' }));
    expect(err).toBeInstanceOf(AdapterError);
    expect(err).toMatchObject({ code, retryable, system: 'CSDL_BHXH', httpStatus: status });
  });

  it.each([
    ['truncated', '{"a":'],
    ['an HTML error page', '<html>oops</html>'],
    ['duplicate keys', '{"hoTen":"A","hoTen":"B"}'],
  ])('refuses %s as BAD_RESPONSE', async (_, body) => {
    answer = { body };
    expect((await failure(json().call('person', { soDinhDanh: '1' }))).code).toBe('BAD_RESPONSE');
  });

  it('gives null for an empty body', async () => {
    answer = { status: 204, body: '' };
    expect((await json().call('person', { soDinhDanh: '1' })).body).toBeNull();
  });

  it('does not let a "__proto__" member change the prototype', () => {
    const value = parseJsonLosslessly('{"__proto__":{"polluted":true},"a":1}', 'X') as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  it('stops reading past the byte cap with TOO_LARGE', async () => {
    answer = { body: `{"x":"${'a'.repeat(5000)}"}` };
    const err = await failure(json({ maxResponseBytes: 1024 }).call('person', { soDinhDanh: '1' }));
    expect(err.code).toBe('TOO_LARGE');
  });

  it('times out with TIMEOUT (retryable)', async () => {
    answer = { body: '{}', delayMs: 3000 };
    const started = Date.now();
    const err = await failure(json({ timeoutMs: 100 }).call('person', { soDinhDanh: '1' }));
    expect(err).toMatchObject({ code: 'TIMEOUT', retryable: true });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('fails with UNAVAILABLE when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const client = createRestJsonClient({ system: 'DOWN', baseUrl: `http://127.0.0.1:${port}`, operations: OPERATIONS });
    expect((await failure(client.call('person', { soDinhDanh: '1' }))).code).toBe('UNAVAILABLE');
  });
});

describe('REST/XML', () => {
  it('parses with the SOAP kit rules: namespaces stripped, values as text (dates, leading zeros, 64-bit), xsi:nil as null', async () => {
    answer = {
      type: 'application/xml',
      body: `<?xml version="1.0" encoding="UTF-8"?>
<ns2:KetQua xmlns:ns2="urn:vn:gov:bhxh:v1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <ns2:NguoiThamGia>
    <ns2:HoTen>Nguyễn Thị Ánh</ns2:HoTen>
    <ns2:NgaySinh>1990-02-29+07:00</ns2:NgaySinh>
    <ns2:MaSoBhxh>0123456789</ns2:MaSoBhxh>
    <ns2:SoHoSo>9223372036854775807</ns2:SoHoSo>
    <ns2:CapNhat>2025-04-30T23:59:59.123456+07:00</ns2:CapNhat>
    <ns2:GhiChu xsi:nil="true"/>
    <ns2:DaXacThuc>true</ns2:DaXacThuc>
  </ns2:NguoiThamGia>
  <ns2:NguoiThamGia><ns2:HoTen>Trần Văn B</ns2:HoTen></ns2:NguoiThamGia>
</ns2:KetQua>`,
    };
    const { body } = await xml().call('xmlBatch', { ma: '0123456789' });
    expect(received[0].body).toBe('<TraCuu><Ma>0123456789</Ma></TraCuu>');
    expect(received[0].headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(received[0].headers.accept).toBe('application/xml');
    expect(body).toEqual({
      KetQua: {
        NguoiThamGia: [
          {
            HoTen: 'Nguyễn Thị Ánh',
            NgaySinh: '1990-02-29+07:00',
            MaSoBhxh: '0123456789',
            SoHoSo: '9223372036854775807',
            CapNhat: '2025-04-30T23:59:59.123456+07:00',
            GhiChu: null,
            DaXacThuc: 'true',
          },
          { HoTen: 'Trần Văn B' },
        ],
      },
    });
  });

  it('decodes numeric character references and the five XML entities once, and no HTML entities', async () => {
    answer = { type: 'application/xml', body: '<a><b>Musterstraße 1&#xA;Berlin &#233;&amp;#65;&lt;&#x1F600;</b><c>&amp;amp;</c><d>&nbsp;</d></a>' };
    const { body } = await xml().call('xmlBatch', { ma: '1' });
    expect(body).toEqual({ a: { b: 'Musterstraße 1\nBerlin é&#65;<😀', c: '&amp;', d: '&nbsp;' } });
  });

  it.each([
    ['malformed XML', '<KetQua><A></KetQua>'],
    ['a DTD (entity attacks)', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'],
  ])('refuses %s as BAD_RESPONSE', async (_, body) => {
    answer = { type: 'application/xml', body };
    expect((await failure(xml().call('xmlBatch', { ma: '1' }))).code).toBe('BAD_RESPONSE');
  });

  it('applies the byte cap before parsing', async () => {
    answer = { type: 'application/xml', body: `<a>${'x'.repeat(2 * 1024 * 1024)}</a>` };
    expect((await failure(xml().call('xmlBatch', { ma: '1' }))).code).toBe('TOO_LARGE');
  });
});

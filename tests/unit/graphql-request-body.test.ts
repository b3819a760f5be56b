/**
 * The gateway's own reader of GraphQL POST bodies (gateway/http/request-body.ts): which requests it
 * takes from Express, and the same acceptance and refusals as the Express JSON parser.
 */
import { PassThrough } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { isPlainJsonRequest, readJsonBody } from '../../gateway/http/request-body';

function request(headers: Record<string, string>, chunks: string[] = []): IncomingMessage {
  const stream = new PassThrough();
  Object.assign(stream, { headers });
  for (const chunk of chunks) stream.write(chunk);
  stream.end();
  return stream as unknown as IncomingMessage;
}

const codeOf = (outcome: Awaited<ReturnType<typeof readJsonBody>>) =>
  'refusal' in outcome ? [outcome.refusal.status, (outcome.refusal.body as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code] : undefined;

describe('isPlainJsonRequest', () => {
  it.each([
    [{ 'content-type': 'application/json' }, true],
    [{ 'content-type': 'Application/JSON; charset=UTF-8' }, true],
    [{ 'content-type': 'application/json; charset="utf-8"' }, true],
    [{ 'content-type': 'application/json', 'content-encoding': 'identity' }, true],
    [{ 'content-type': 'application/json; charset=latin1' }, false],
    [{ 'content-type': 'application/json', 'content-encoding': 'gzip' }, false],
    [{ 'content-type': 'application/graphql' }, false],
    [{ 'content-type': 'multipart/form-data; boundary=x' }, false],
    [{}, false],
  ])('%j → %s', (headers, expected) => {
    expect(isPlainJsonRequest(request(headers))).toBe(expected);
  });
});

describe('readJsonBody', () => {
  it('parses an object or an array, in several chunks, and reads an empty body as {}', async () => {
    expect(await readJsonBody(request({}, ['{"query":', '"{ a }"}']), 1024)).toEqual({ body: { query: '{ a }' } });
    expect(await readJsonBody(request({}, ['  [{"query":"{ a }"}]']), 1024)).toEqual({ body: [{ query: '{ a }' }] });
    expect(await readJsonBody(request({}, []), 1024)).toEqual({ body: {} });
  });

  it('keeps Vietnamese text split across chunks intact', async () => {
    const text = JSON.stringify({ variables: { hoTen: 'Nguyễn Thị Hồng Nhung' } });
    const bytes = Buffer.from(text, 'utf8');
    const cut = bytes.indexOf(Buffer.from('ễ', 'utf8')) + 1; // in the middle of a multi-byte character
    const stream = new PassThrough();
    Object.assign(stream, { headers: {} });
    stream.write(bytes.subarray(0, cut));
    stream.end(bytes.subarray(cut));
    expect(await readJsonBody(stream as unknown as IncomingMessage, 1024)).toEqual({ body: JSON.parse(text) });
  });

  it('refuses JSON that is malformed or not an object or array with BAD_USER_INPUT (400)', async () => {
    expect(codeOf(await readJsonBody(request({}, ['{"query": ']), 1024))).toEqual([400, 'BAD_USER_INPUT']);
    expect(codeOf(await readJsonBody(request({}, ['"just a string"']), 1024))).toEqual([400, 'BAD_USER_INPUT']);
    expect(codeOf(await readJsonBody(request({}, ['42']), 1024))).toEqual([400, 'BAD_USER_INPUT']);
  });

  it('refuses a body over the limit with PAYLOAD_TOO_LARGE (413), by its declared length or as it streams', async () => {
    expect(codeOf(await readJsonBody(request({ 'content-length': '2048' }, ['{}']), 1024))).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(codeOf(await readJsonBody(request({}, ['{"pad":"', 'x'.repeat(600), 'x'.repeat(600), '"}']), 1024))).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });
});

/**
 * Just enough MIME (RFC 5322, 2045, 2047) for the mail simulator to show tests what arrived: header
 * unfolding, encoded words in headers, base64 and quoted-printable bodies, and the text/plain part of
 * a multipart message. Not a general parser: it reads what SMTP clients such as nodemailer send.
 */

export interface ReadMessage {
  headers: Map<string, string>;
  subject: string;
  messageId: string;
  /** The text/plain body, decoded. */
  text: string;
}

function decodeQuotedPrintable(text: string, inHeader: boolean): Buffer {
  const bytes: number[] = [];
  const source = inHeader ? text.replace(/_/g, ' ') : text.replace(/=\r?\n/g, '');
  for (let i = 0; i < source.length; i += 1) {
    const hex = source.slice(i + 1, i + 3);
    if (source[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(source[i], 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

/** Decodes `=?UTF-8?B?…?=` and `=?UTF-8?Q?…?=` words; whitespace between two encoded words is dropped. */
export function decodeHeaderValue(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, charset: string, encoding: string, data: string) => {
      const bytes = encoding.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : decodeQuotedPrintable(data, true);
      return bytes.toString(/^utf-?8$/i.test(charset) ? 'utf8' : 'latin1');
    });
}

function splitHeaders(raw: string): { headers: Map<string, string>; body: string } {
  const end = raw.search(/\r?\n\r?\n/);
  const head = end < 0 ? raw : raw.slice(0, end);
  const body = end < 0 ? '' : raw.slice(end).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

const paramOf = (header: string | undefined, name: string) =>
  header ? new RegExp(`${name}="?([^";]+)"?`, 'i').exec(header)?.[1] : undefined;

function decodeBody(body: string, headers: Map<string, string>): string {
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const charset = paramOf(headers.get('content-type'), 'charset') ?? 'utf-8';
  const bytes =
    encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64') : encoding === 'quoted-printable' ? decodeQuotedPrintable(body, false) : Buffer.from(body, 'utf8');
  return bytes.toString(/^utf-?8$/i.test(charset) ? 'utf8' : 'latin1').replace(/\r\n/g, '\n').replace(/\n$/, '');
}

function textOf(body: string, headers: Map<string, string>): string {
  const type = (headers.get('content-type') ?? 'text/plain').toLowerCase();
  if (!type.startsWith('multipart/')) return type.startsWith('text/plain') ? decodeBody(body, headers) : '';
  const boundary = paramOf(headers.get('content-type'), 'boundary');
  if (!boundary) return '';
  for (const part of body.split(`--${boundary}`).slice(1)) {
    if (part.startsWith('--')) break;
    const inner = splitHeaders(part.replace(/^\r?\n/, ''));
    const text = textOf(inner.body.replace(/\r?\n$/, ''), inner.headers);
    if (text) return text;
  }
  return '';
}

export function readMessage(raw: string): ReadMessage {
  const { headers, body } = splitHeaders(raw);
  return {
    headers,
    subject: decodeHeaderValue(headers.get('subject') ?? ''),
    messageId: headers.get('message-id') ?? '',
    text: textOf(body, headers),
  };
}

/**
 * The JSON body of a GraphQL POST, read without Express: the same acceptance as the Express parser
 * in front of the other routes (subgraphs/shared/federation/json-body.ts): UTF-8 JSON whose top level
 * is an object or an array, at most `limitBytes`, refused with the same typed answers.
 */
import type { IncomingMessage } from 'node:http';
import { ErrorCode } from '../../subgraphs/shared/errors';
import { bodyRefusal } from '../../subgraphs/shared/federation/json-body';

export type BodyOutcome = { body: unknown } | { refusal: { status: number; body: object } };

/**
 * Whether this reader takes the request: `application/json`, UTF-8 or no charset, not compressed.
 * Others stay with Express, whose parser answers them as before.
 */
export function isPlainJsonRequest(req: IncomingMessage): boolean {
  const encoding = req.headers['content-encoding'];
  if (encoding && encoding.toLowerCase() !== 'identity') return false;
  const type = req.headers['content-type'];
  if (!type) return false;
  const [media, ...params] = type.split(';');
  if (media.trim().toLowerCase() !== 'application/json') return false;
  return params.every((p) => {
    const [name, value] = p.split('=').map((s) => s.trim().toLowerCase());
    return name !== 'charset' || value === 'utf-8' || value === '"utf-8"';
  });
}

/** Reads and parses the body; a body over `limitBytes` is refused before it is read to its end. */
export function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<BodyOutcome> {
  // Built only when needed: a typed error captures a stack trace, which costs more than reading a small body.
  const tooLarge = (): BodyOutcome => ({ refusal: bodyRefusal(ErrorCode.PAYLOAD_TOO_LARGE, limitBytes) });
  const declared = Number(req.headers['content-length']);
  if (declared > limitBytes) {
    req.resume();
    return Promise.resolve(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > limitBytes) {
        req.removeAllListeners('data');
        req.resume();
        resolve(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (bytes > limitBytes) return;
      const text = (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)).toString('utf8');
      resolve(parseStrict(text));
    });
    req.on('error', reject);
  });
}

/** Strict JSON as body-parser reads it: an empty body is `{}`, the top level must be `{` or `[`. */
function parseStrict(text: string): BodyOutcome {
  const notJson = (): BodyOutcome => ({ refusal: bodyRefusal(ErrorCode.BAD_USER_INPUT) });
  if (text.length === 0) return { body: {} };
  const first = /^[\x20\x09\x0a\x0d]*(.)/.exec(text)?.[1];
  if (first !== '{' && first !== '[') return notJson();
  try {
    return { body: JSON.parse(text) };
  } catch {
    return notJson();
  }
}

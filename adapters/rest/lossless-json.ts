/**
 * JSON from upstreams without precision loss: integers beyond Number.MAX_SAFE_INTEGER (64-bit ids,
 * amounts in đồng) stay the exact text sent, as strings; every other number is a JS number.
 * JSON.parse would round them, and its `context.source` reviver argument needs Node 21+.
 */
import { isInteger, isSafeNumber, parse } from 'lossless-json';
import { AdapterError } from '../soap/adapter-error';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

const parseNumber = (text: string): number | string => (isInteger(text) && !isSafeNumber(text) ? text : Number(text));

/**
 * Parses `text` as JSON (big integers as strings). Duplicate keys are refused, since two readers of one
 * document could otherwise see two values. Throws `BAD_RESPONSE`.
 */
export function parseJsonLosslessly(text: string, system: string, httpStatus?: number): JsonValue {
  try {
    return parse(text, null, parseNumber) as JsonValue;
  } catch (err) {
    throw new AdapterError('BAD_RESPONSE', system, `invalid JSON response: ${(err as Error).message}`, { httpStatus, cause: err });
  }
}

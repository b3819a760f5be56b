/**
 * Runs a checked mapping: builds the request from the caller's input, and turns the answer into an
 * object shaped like the target type. The answer is untrusted: every value is checked against the
 * unified leaf type, and a required field that comes back empty is a bad response naming the field.
 */
import { ErrorCode, LienthongError } from '../../subgraphs/shared/errors';
import type { CheckedMapping } from './mapping-check';
import type { FieldRule, MappingSpec } from './mapping-file';
import type { Shape } from './shape';
import { TransformError, type MappedValue } from './transforms';
import type { UnifiedLeaf } from './unified-schema';

type Json = unknown;
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function setPath(target: Obj, dotted: string, value: unknown): void {
  const segments = dotted.split('.');
  let node = target;
  for (const segment of segments.slice(0, -1)) {
    if (!isObj(node[segment])) node[segment] = {};
    node = node[segment] as Obj;
  }
  node[segments[segments.length - 1]] = value;
}

/** Rewrites `value` in the member order of `shape` (SOAP servers often insist on schema order). */
function inShapeOrder(value: Obj, shape: Shape): Obj {
  const out: Obj = {};
  for (const [name, node] of shape) {
    if (!(name in value)) continue;
    const member = value[name];
    out[name] = node.kind === 'object' && isObj(member) ? inShapeOrder(member, node.children) : member;
  }
  return out;
}

const badInput = (key: string, why: string) =>
  new LienthongError(ErrorCode.BAD_USER_INPUT, {
    vi: `Giá trị đầu vào ${key} không hợp lệ: ${why}`,
    en: `Input ${key} is not valid: ${why}`,
    details: { field: key },
  });

const asMapped = (value: unknown, key: string): MappedValue => {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value as MappedValue;
  throw badInput(key, 'expected a string, number or boolean');
};

/** The request for the operation; throws BAD_USER_INPUT naming a missing or malformed input key. */
export function buildRequest(spec: MappingSpec, checked: CheckedMapping, input: Record<string, unknown>): Obj {
  const request: Obj = {};
  for (const rule of spec.input) {
    let value: MappedValue | MappedValue[];
    if (rule.from === undefined) {
      value = rule.transform(rule.const ?? null);
    } else {
      const given = input[rule.from];
      if (given === undefined || given === null || given === '') {
        if (rule.optional) continue;
        throw badInput(rule.from, 'required');
      }
      try {
        value = Array.isArray(given) ? given.map((item) => rule.transform(asMapped(item, rule.from!))) : rule.transform(asMapped(given, rule.from));
      } catch (err) {
        if (err instanceof TransformError) throw badInput(rule.from, err.message);
        throw err;
      }
    }
    setPath(request, rule.field, value);
  }
  return inShapeOrder(request, checked.operation.input);
}

const badResponse = (system: string, field: string, why: string) =>
  new LienthongError(ErrorCode.UPSTREAM_BAD_RESPONSE, {
    vi: `Hệ thống nguồn trả về dữ liệu không hợp lệ cho trường ${field}: ${why}`,
    en: `The source system sent an invalid value for ${field}: ${why}`,
    details: { system, field, reason: 'MAPPING' },
  });

/** Values at `path` in `value`; `[]` segments read every repetition (one XML element parses as a single value). */
function readPath(value: Json, path: string): { values: Json[]; missing: boolean } {
  let current: Json[] = [value];
  let missing = false;
  for (const raw of path.split('.')) {
    const repeated = raw.endsWith('[]');
    const name = repeated ? raw.slice(0, -2) : raw;
    const next: Json[] = [];
    for (const node of current) {
      const member = isObj(node) ? node[name] : undefined;
      if (member === undefined || member === null) {
        missing ||= !repeated;
        continue;
      }
      if (repeated) next.push(...(Array.isArray(member) ? member : member === '' ? [] : [member]));
      else next.push(member);
    }
    current = next;
  }
  return { values: current, missing };
}

const isScalar = (v: unknown): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v);

/** Checks and converts one value to the unified leaf type (XML sends everything as text). */
function toLeaf(value: MappedValue, leaf: UnifiedLeaf, fail: (why: string) => Error): unknown {
  if (value === null || value === '') return null;
  if (leaf.enumValues) {
    if (!leaf.enumValues.includes(String(value))) throw fail(`"${String(value)}" is not a value of ${leaf.leafName}`);
    return String(value);
  }
  switch (leaf.leafName) {
    case 'Int': {
      const n = typeof value === 'number' ? value : /^\s*-?\d+\s*$/.test(String(value)) ? Number(value) : Number.NaN;
      if (!Number.isInteger(n) || Math.abs(n) > 2147483647) throw fail(`"${String(value)}" is not an Int`);
      return n;
    }
    case 'Float': {
      const n = typeof value === 'number' ? value : String(value).trim() === '' ? Number.NaN : Number(value);
      if (!Number.isFinite(n)) throw fail(`"${String(value)}" is not a Float`);
      return n;
    }
    case 'Boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      throw fail(`"${String(value)}" is not a Boolean`);
    default:
      return String(value);
  }
}

function fieldValue(rule: FieldRule, leaf: UnifiedLeaf, record: Json, system: string): unknown {
  const fail = (why: string) => badResponse(system, leaf.qualifiedName, why);
  const convert = (raw: Json): unknown => {
    if (raw !== null && !isScalar(raw)) throw fail(`expected a value at ${rule.path}, got a structure`);
    let value: MappedValue;
    try {
      value = rule.transform(raw);
    } catch (err) {
      if (err instanceof TransformError) throw fail(err.message);
      throw err;
    }
    if (rule.table && value !== null && value !== '') {
      const code = String(value);
      if (rule.table.has(code)) value = rule.table.get(code) ?? null;
      else if (rule.hasTableDefault) value = rule.tableDefault ?? null;
      else throw fail(`code "${code}" is not in the mapping's table (${[...rule.table.keys()].join(', ')})`);
    }
    return toLeaf(value, leaf, fail);
  };
  if (rule.paths) {
    const parts = rule.paths.map((p) => readPath(record, p).values[0]).filter((v) => v !== undefined && v !== null && v !== '');
    if (!parts.every(isScalar)) throw fail(`expected values at ${rule.paths.join(', ')}, got a structure`);
    return convert(parts.length ? parts.map(String).join(rule.separator) : null);
  }
  if (rule.path === undefined) return convert(rule.const ?? null);
  const { values } = readPath(record, rule.path);
  if (leaf.list) {
    const items = values.map(convert);
    if (leaf.nonNull && items.length === 0 && values.length === 0) return [];
    return items;
  }
  if (values.length > 1) throw fail(`${rule.path} is repeated in the answer`);
  return convert(values.length === 0 ? null : values[0]);
}

/** The record of one answer, or null when the answer means "no such record". */
export function mapAnswer(spec: MappingSpec, checked: CheckedMapping, answer: Json, system: string, requiredObjects: string[]): Obj | null {
  let record: Json = answer;
  if (checked.recordPath) {
    const { values } = readPath(answer, checked.recordPath);
    if (values.length === 0) return null;
    if (values.length > 1) throw badResponse(system, spec.target, `${checked.recordPath} is repeated in the answer`);
    record = values[0];
  }
  if (record === null || record === undefined || record === '') return null;
  if (!isObj(record)) throw badResponse(system, spec.target, 'the answer holds a value where a record was expected');
  if (spec.absentWhen) {
    const { values } = readPath(record, spec.absentWhen.path);
    const value = values[0];
    const empty = value === undefined || value === null || value === '';
    if (spec.absentWhen.empty && empty) return null;
    if (!empty && spec.absentWhen.equals?.includes(String(value))) return null;
  }
  const out: Obj = {};
  for (const path of requiredObjects) setPath(out, path, {});
  for (const rule of spec.fields) {
    const leaf = checked.leaves.get(rule.field)!;
    const value = fieldValue(rule, leaf, record, system);
    if (leaf.nonNull && (value === null || value === undefined)) {
      throw badResponse(system, leaf.qualifiedName, `required (${leaf.typeText}) but the answer has no value at ${rule.path ?? rule.paths?.join(', ') ?? 'const'}`);
    }
    if (value !== null) setPath(out, rule.field, value);
  }
  return fillNulls(out, spec);
}

/** Mapped fields left null are present as null (the record says "known to be empty", not "not asked"). */
function fillNulls(out: Obj, spec: MappingSpec): Obj {
  for (const rule of spec.fields) {
    const segments = rule.field.split('.');
    let node: unknown = out;
    for (const segment of segments.slice(0, -1)) node = isObj(node) ? node[segment] : undefined;
    if (isObj(node) && !(segments[segments.length - 1] in node)) node[segments[segments.length - 1]] = null;
  }
  return out;
}

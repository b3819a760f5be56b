/**
 * Reads a mapping file (YAML or JSON) into a checked structure. Only the file's own shape is checked
 * here (keys, value kinds, transforms, tables); what its names refer to is checked in mapping-check.ts.
 * Every problem becomes an issue naming the mapping field, so all of them are reported at once.
 */
import { parse as parseYaml } from 'yaml';
import { compileTransforms, type MappedValue, type Transform } from './transforms';
import type { MappingFormat } from './types';
import type { IssueList } from './validation-error';

/** Largest mapping file accepted, in characters. */
export const MAX_MAPPING_CHARS = 256 * 1024;

export type Constant = string | number | boolean | null;

/** One request field: filled from the caller's input (`from`) or a constant. */
export interface InputRule {
  /** Dotted request field, e.g. `vatNumber` or `person.ssn`. */
  field: string;
  /** Mapping path of the rule, for issues. */
  at: string;
  from?: string;
  const?: Constant;
  transform: Transform;
  /** The caller may leave `from` out (the request field is then omitted). */
  optional: boolean;
}

/** One unified field: read from the answer (`path`) or a constant, then transformed and looked up in `table`. */
export interface FieldRule {
  /** Dotted unified field, e.g. `headOfficeAddress.fullText`. */
  field: string;
  at: string;
  path?: string;
  /** Several answer values joined into one text (e.g. họ + tên); empty ones are skipped. */
  paths?: string[];
  separator: string;
  const?: Constant;
  transform: Transform;
  /** Code → value; compared with the transformed value as text. */
  table?: Map<string, Constant>;
  /** Value for a code the table does not list; without it such a code is a bad response. */
  tableDefault?: Constant;
  hasTableDefault: boolean;
}

export interface AbsentWhen {
  path: string;
  /** The record is absent when the value (as text) is one of these. */
  equals?: string[];
  /** The record is absent when the value is missing, null or empty. */
  empty: boolean;
}

export interface MappingSpec {
  target: string;
  operation: string;
  input: InputRule[];
  record?: string;
  absentWhen?: AbsentWhen;
  fields: FieldRule[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const isConstant = (v: unknown): v is Constant => v === null || ['string', 'number', 'boolean'].includes(typeof v);

function onlyKeys(value: Obj, allowed: string[], at: string, issues: IssueList): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) issues.add(at ? `${at}.${key}` : key, `unknown key "${key}"; allowed here: ${allowed.join(', ')}`);
  }
}

function name(value: unknown, at: string, issues: IssueList, what: string): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  issues.add(at, `${what} is required (a non-empty string)`);
  return undefined;
}

const PATH = /^(?:[A-Za-z_][\w-]*(?:\[\])?)(?:\.[A-Za-z_][\w-]*(?:\[\])?)*$/;

function pathText(value: unknown, at: string, issues: IssueList): string | undefined {
  if (typeof value === 'string' && PATH.test(value.trim())) return value.trim();
  issues.add(at, `malformed path ${JSON.stringify(value)}; write names separated by dots, [] after a repeated one (e.g. contacts.contact[].value)`);
  return undefined;
}

/** Parses the text; a syntax error is one issue at `mapping`. */
export function parseMappingText(text: string, format: MappingFormat, issues: IssueList): unknown {
  if (text.length > MAX_MAPPING_CHARS) {
    issues.add('mapping', `the mapping file is larger than ${MAX_MAPPING_CHARS} characters`);
    return undefined;
  }
  try {
    if (format === 'JSON') return JSON.parse(text);
    // No custom tags, no merge keys, bounded aliases: a mapping is plain data.
    return parseYaml(text, { schema: 'core', merge: false, maxAliasCount: 100, uniqueKeys: true, prettyErrors: true });
  } catch (err) {
    issues.add('mapping', `malformed ${format}: ${(err as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

/** Checks the structure of a parsed mapping file. */
export function readMapping(raw: unknown, issues: IssueList): MappingSpec | undefined {
  if (raw === undefined) return undefined;
  if (!isObj(raw)) {
    issues.add('mapping', 'the mapping must be an object with target, operation, input and output');
    return undefined;
  }
  onlyKeys(raw, ['target', 'operation', 'input', 'output'], '', issues);
  const target = name(raw.target, 'target', issues, 'target (a unified type)') ?? '';
  const operation = name(raw.operation, 'operation', issues, 'operation') ?? '';
  const input = readInput(raw.input, issues);
  const output = raw.output;
  if (!isObj(output)) {
    issues.add('output', 'output is required: an object with fields (and optionally record, absentWhen)');
    return { target, operation, input, fields: [] };
  }
  onlyKeys(output, ['record', 'absentWhen', 'fields'], 'output', issues);
  const record = output.record === undefined ? undefined : pathText(output.record, 'output.record', issues);
  const absentWhen = output.absentWhen === undefined ? undefined : readAbsentWhen(output.absentWhen, issues);
  const fields: FieldRule[] = [];
  if (!isObj(output.fields) || Object.keys(output.fields).length === 0) {
    issues.add('output.fields', 'output.fields is required: unified field → { path | const, transform, table }');
  } else {
    for (const [field, rule] of Object.entries(output.fields)) {
      const parsed = readFieldRule(field, rule, `output.fields.${field}`, issues);
      if (parsed) fields.push(parsed);
    }
  }
  return { target, operation, input, record, absentWhen, fields };
}

function readInput(raw: unknown, issues: IssueList): InputRule[] {
  if (raw === undefined) return [];
  if (!isObj(raw)) {
    issues.add('input', 'input must be an object: request field → { from | const, transform, optional }');
    return [];
  }
  const rules: InputRule[] = [];
  for (const [field, value] of Object.entries(raw)) {
    const at = `input.${field}`;
    if (!PATH.test(field) || field.includes('[]')) {
      issues.add(at, `malformed request field name "${field}"; write names separated by dots`);
      continue;
    }
    const rule = typeof value === 'string' ? { from: value } : value;
    if (!isObj(rule)) {
      issues.add(at, 'expected { from: <input key> } or { const: <value> }');
      continue;
    }
    onlyKeys(rule, ['from', 'const', 'transform', 'optional'], at, issues);
    const hasConst = 'const' in rule;
    if (hasConst === (rule.from !== undefined)) {
      issues.add(at, 'give exactly one of from (a caller input key) or const');
      continue;
    }
    if (hasConst && !isConstant(rule.const)) issues.add(`${at}.const`, 'a constant must be a string, number, boolean or null');
    const from = rule.from === undefined ? undefined : name(rule.from, `${at}.from`, issues, 'from (a caller input key)');
    if (from !== undefined && !/^[A-Za-z_]\w*$/.test(from)) issues.add(`${at}.from`, `input key "${from}" must be a plain name (letters, digits, _)`);
    if (rule.optional !== undefined && typeof rule.optional !== 'boolean') issues.add(`${at}.optional`, 'optional must be true or false');
    rules.push({
      field,
      at,
      from,
      const: hasConst ? (rule.const as Constant) : undefined,
      transform: compileTransforms(rule.transform, `${at}.transform`, issues),
      optional: rule.optional === true,
    });
  }
  return rules;
}

function readAbsentWhen(raw: unknown, issues: IssueList): AbsentWhen | undefined {
  const at = 'output.absentWhen';
  if (!isObj(raw)) {
    issues.add(at, 'expected { path, equals } or { path, empty: true }');
    return undefined;
  }
  onlyKeys(raw, ['path', 'equals', 'empty'], at, issues);
  const path = pathText(raw.path, `${at}.path`, issues);
  const equalsRaw = raw.equals;
  const equals = equalsRaw === undefined ? undefined : (Array.isArray(equalsRaw) ? equalsRaw : [equalsRaw]);
  if (equals && !equals.every((v) => isConstant(v) && v !== null)) issues.add(`${at}.equals`, 'equals must be a value or a list of values');
  if (raw.empty !== undefined && typeof raw.empty !== 'boolean') issues.add(`${at}.empty`, 'empty must be true or false');
  if (equals === undefined && raw.empty !== true) issues.add(at, 'give equals (values meaning "no such record") or empty: true');
  return path ? { path, equals: equals?.map(String), empty: raw.empty === true } : undefined;
}

function readFieldRule(field: string, raw: unknown, at: string, issues: IssueList): FieldRule | undefined {
  if (!PATH.test(field) || field.includes('[]')) {
    issues.add(at, `malformed unified field name "${field}"; write field names separated by dots`);
    return undefined;
  }
  const rule = typeof raw === 'string' ? { path: raw } : raw;
  if (!isObj(rule)) {
    issues.add(at, 'expected { path: <answer path> } or { const: <value> }');
    return undefined;
  }
  onlyKeys(rule, ['path', 'paths', 'separator', 'const', 'transform', 'table', 'default'], at, issues);
  const hasConst = 'const' in rule;
  if ([hasConst, rule.path !== undefined, rule.paths !== undefined].filter(Boolean).length !== 1) {
    issues.add(at, 'give exactly one of path (where the value is in the answer), paths (values to join) or const');
    return undefined;
  }
  let paths: string[] | undefined;
  if (rule.paths !== undefined) {
    if (!Array.isArray(rule.paths) || rule.paths.length === 0) issues.add(`${at}.paths`, 'paths must be a non-empty list of answer paths');
    else paths = rule.paths.map((p, i) => pathText(p, `${at}.paths[${i}]`, issues)).filter((p): p is string => p !== undefined);
  }
  if (rule.separator !== undefined && (typeof rule.separator !== 'string' || rule.paths === undefined)) {
    issues.add(`${at}.separator`, 'separator is a string, and goes with paths');
  }
  if (hasConst && !isConstant(rule.const)) issues.add(`${at}.const`, 'a constant must be a string, number, boolean or null');
  const path = rule.path === undefined ? undefined : pathText(rule.path, `${at}.path`, issues);
  let table: Map<string, Constant> | undefined;
  if (rule.table !== undefined) {
    if (!isObj(rule.table) || Object.keys(rule.table).length === 0) {
      issues.add(`${at}.table`, 'a table must map codes to values, e.g. { "1": ACTIVE, "2": DISSOLVED }');
    } else {
      table = new Map();
      for (const [code, value] of Object.entries(rule.table)) {
        if (!isConstant(value)) issues.add(`${at}.table.${code}`, 'a table value must be a string, number, boolean or null');
        else table.set(code, value);
      }
    }
  }
  if ('default' in rule && !table) issues.add(`${at}.default`, 'default applies to a table only; for a missing value use the default(value) transform');
  if ('default' in rule && !isConstant(rule.default)) issues.add(`${at}.default`, 'default must be a string, number, boolean or null');
  return {
    field,
    at,
    path,
    paths,
    separator: typeof rule.separator === 'string' ? rule.separator : ' ',
    const: hasConst ? (rule.const as Constant) : undefined,
    transform: compileTransforms(rule.transform, `${at}.transform`, issues),
    table,
    tableDefault: rule.default as Constant | undefined,
    hasTableDefault: 'default' in rule,
  };
}

export type { MappedValue };

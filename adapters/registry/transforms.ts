/**
 * The fixed set of value transforms a mapping may name. Nothing here runs user code: a mapping only
 * picks transforms from this table and gives them literal arguments.
 */
import type { IssueList } from './validation-error';

/** A value on its way from the answer to the record (or from the caller to the request). */
export type MappedValue = string | number | boolean | null;

/** A transform failed on a value the upstream sent (e.g. `number` on "abc"). */
export class TransformError extends Error {}

export type Transform = (value: MappedValue) => MappedValue;

const text = (value: MappedValue): string | null => (value === null ? null : String(value));
const onText = (fn: (s: string) => string): Transform => (value) => {
  const s = text(value);
  return s === null ? null : fn(s);
};

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', 'co', 'có']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', 'khong', 'không']);

/** Date formats: `yyyy`, `MM`, `dd` tokens with any separators, e.g. `dd/MM/yyyy`, `yyyyMMdd`; `iso` keeps YYYY-MM-DD and drops a time or zone. */
function dateTransform(format: string): Transform | string {
  if (format.toLowerCase() === 'iso') {
    return (value) => {
      const s = text(value)?.trim();
      if (!s) return null;
      const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T Z+-])/.exec(s);
      if (!m) throw new TransformError(`"${s}" is not an ISO date`);
      return checkedDate(m[1], m[2], m[3], s);
    };
  }
  const order: string[] = [];
  const pattern = format.replace(/yyyy|MM|dd|[^yMd]/g, (token) => {
    if (token === 'yyyy' || token === 'MM' || token === 'dd') {
      order.push(token);
      return token === 'yyyy' ? '(\\d{4})' : '(\\d{1,2})';
    }
    return token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  });
  if (order.length !== 3 || new Set(order).size !== 3 || /[yMd]/.test(format.replace(/yyyy|MM|dd/g, ''))) {
    return `date format "${format}" must contain yyyy, MM and dd once each (e.g. dd/MM/yyyy), or be iso`;
  }
  // Two-digit tokens must be adjacent-safe (yyyyMMdd): use fixed widths when there are no separators.
  const compact = !/[^yMd]/.test(format);
  const regex = new RegExp(`^${compact ? pattern.replace(/\\d\{1,2\}/g, '\\d{2}') : pattern}$`);
  return (value) => {
    const s = text(value)?.trim();
    if (!s) return null;
    const m = regex.exec(s);
    if (!m) throw new TransformError(`"${s}" does not match the date format ${format}`);
    const part = (token: string) => m[order.indexOf(token) + 1];
    return checkedDate(part('yyyy'), part('MM'), part('dd'), s);
  };
}

function checkedDate(y: string, m: string, d: string, original: string): string {
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) throw new TransformError(`"${original}" is not a calendar date`);
  return iso;
}

/** Transforms by name; `arg` is the text between parentheses (or the object form's value). */
const TRANSFORMS: Record<string, { arg: 'none' | 'required'; make: (arg: string) => Transform | string }> = {
  trim: { arg: 'none', make: () => onText((s) => s.trim()) },
  upper: { arg: 'none', make: () => onText((s) => s.toLocaleUpperCase('vi')) },
  lower: { arg: 'none', make: () => onText((s) => s.toLocaleLowerCase('vi')) },
  collapseWhitespace: { arg: 'none', make: () => onText((s) => s.replace(/\s+/g, ' ').trim()) },
  digitsOnly: { arg: 'none', make: () => onText((s) => s.replace(/\D/g, '')) },
  length: {
    arg: 'none',
    make: () => (value) => (value === null ? null : [...String(value)].length),
  },
  number: {
    arg: 'none',
    make: () => (value) => {
      const s = text(value)?.trim();
      if (!s) return null;
      const n = Number(s);
      if (!Number.isFinite(n)) throw new TransformError(`"${s}" is not a number`);
      return n;
    },
  },
  boolean: {
    arg: 'none',
    make: () => (value) => {
      if (typeof value === 'boolean' || value === null) return value;
      const s = String(value).trim().toLowerCase();
      if (s === '') return null;
      if (TRUE_WORDS.has(s)) return true;
      if (FALSE_WORDS.has(s)) return false;
      throw new TransformError(`"${value}" is not a yes/no value`);
    },
  },
  date: { arg: 'required', make: dateTransform },
  default: { arg: 'required', make: (arg) => (value) => (value === null || value === '' ? arg : value) },
};

export const TRANSFORM_NAMES = Object.keys(TRANSFORMS);

/** A transform as written: `trim`, `date(dd/MM/yyyy)`, or `{ date: dd/MM/yyyy }`. */
function readSpec(spec: unknown): { name: string; arg?: string } | undefined {
  if (typeof spec === 'string') {
    const m = /^\s*([A-Za-z]+)\s*(?:\((.*)\))?\s*$/s.exec(spec);
    return m ? { name: m[1], arg: m[2] } : undefined;
  }
  if (spec && typeof spec === 'object' && !Array.isArray(spec) && Object.keys(spec).length === 1) {
    const [[name, arg]] = Object.entries(spec);
    if (['string', 'number', 'boolean'].includes(typeof arg)) return { name, arg: String(arg) };
  }
  return undefined;
}

/** Compiles a `transform:` list into one function; problems are added to `issues` under `path`. */
export function compileTransforms(specs: unknown, path: string, issues: IssueList): Transform {
  if (specs === undefined) return (v) => v;
  const list = Array.isArray(specs) ? specs : [specs];
  const steps: Transform[] = [];
  list.forEach((spec, index) => {
    const at = `${path}[${index}]`;
    const read = readSpec(spec);
    if (!read) return issues.add(at, `malformed transform ${JSON.stringify(spec)}; write name or name(argument)`);
    const known = TRANSFORMS[read.name];
    if (!known) return issues.add(at, `unknown transform "${read.name}"; known: ${TRANSFORM_NAMES.join(', ')}`);
    if (known.arg === 'none' && read.arg !== undefined) return issues.add(at, `transform ${read.name} takes no argument`);
    if (known.arg === 'required' && read.arg === undefined) return issues.add(at, `transform ${read.name} needs an argument, e.g. ${read.name}(…)`);
    const made = known.make(read.arg ?? '');
    if (typeof made === 'string') return issues.add(at, made);
    steps.push(made);
  });
  return (value) => steps.reduce<MappedValue>((v, step) => step(v), value);
}

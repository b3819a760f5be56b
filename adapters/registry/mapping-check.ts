/**
 * Checks what a mapping's names refer to: the operation and its request and answer members (from the
 * service description), the target type and its fields (from the unified schema), constants and table
 * values against leaf types and enums, and that every non-null field of the target is produced.
 */
import type { MappingSpec, Constant } from './mapping-file';
import { lookupPath, type Shape } from './shape';
import type { OperationDescription, ServiceDescription } from './service-description';
import type { UnifiedLeaf, UnifiedSchema } from './unified-schema';
import type { IssueList } from './validation-error';

/** What the checks resolved, for execution. */
export interface CheckedMapping {
  operation: OperationDescription;
  /** The record path inside the answer, without the SOAP response element. */
  recordPath?: string;
  /** Unified leaf of each output field, by unified field path. */
  leaves: Map<string, UnifiedLeaf>;
}

/** Whether `value` can be a value of `leaf` (constants, table values). */
export function constantFits(value: Constant, leaf: UnifiedLeaf): string | undefined {
  if (value === null) return leaf.nonNull ? `null cannot fill ${leaf.qualifiedName} (${leaf.typeText})` : undefined;
  if (leaf.enumValues) {
    return leaf.enumValues.includes(String(value))
      ? undefined
      : `"${String(value)}" is not a value of enum ${leaf.leafName} (${leaf.enumValues.join(', ')})`;
  }
  const wrong = (what: string) => `${JSON.stringify(value)} is not ${what}, the type of ${leaf.qualifiedName} (${leaf.typeText})`;
  switch (leaf.leafName) {
    case 'Int':
      return Number.isInteger(Number(value)) && typeof value !== 'boolean' && String(value).trim() !== '' ? undefined : wrong('an Int');
    case 'Float':
      return Number.isFinite(Number(value)) && typeof value !== 'boolean' && String(value).trim() !== '' ? undefined : wrong('a Float');
    case 'Boolean':
      return typeof value === 'boolean' || value === 'true' || value === 'false' ? undefined : wrong('a Boolean');
    default:
      return undefined;
  }
}

function recordShape(op: OperationDescription, record: string | undefined, issues: IssueList): { shape?: Shape; path?: string } {
  if (record === undefined) return { shape: op.output };
  // The VIES-style `record: checkVatResponse` names the SOAP response element itself.
  const segments = record.split('.');
  const path = op.outputElement && segments[0] === op.outputElement ? segments.slice(1).join('.') : record;
  if (path === '') return { shape: op.output };
  const found = lookupPath(op.output, path, `answer of ${op.name}`);
  if (!found.ok) {
    issues.add('output.record', found.message);
    return {};
  }
  if (found.node.kind !== 'object' || found.lists > 0) {
    issues.add('output.record', `${record} must name one structure of the answer, not a ${found.lists > 0 ? 'list' : 'value'}`);
    return {};
  }
  return { shape: found.node.children, path };
}

export function checkMapping(spec: MappingSpec, description: ServiceDescription, unified: UnifiedSchema, issues: IssueList): CheckedMapping | undefined {
  const leaves = new Map<string, UnifiedLeaf>();
  const targetOk = spec.target !== '' && unified.objectType(spec.target) !== undefined;
  if (spec.target !== '' && !targetOk) issues.add('target', `${spec.target} is not an object type of the unified schema`);
  const op = description.operations.get(spec.operation);
  if (spec.operation !== '' && !op) {
    issues.add('operation', `the service has no operation ${spec.operation} (it has: ${[...description.operations.keys()].join(', ')})`);
  }

  if (op) {
    for (const rule of spec.input) {
      const found = lookupPath(op.input, rule.field, `request of ${op.name}`);
      if (!found.ok) issues.add(rule.at, found.message);
      else if (found.node.kind === 'object') issues.add(rule.at, `${rule.field} is a structure in the request; map its members (${rule.field}.<member>)`);
    }
  }

  const { shape, path: recordPath } = op ? recordShape(op, spec.record, issues) : {};
  if (shape && spec.absentWhen) {
    const found = lookupPath(shape, spec.absentWhen.path, 'answer record');
    if (!found.ok) issues.add('output.absentWhen.path', found.message);
    else if (found.node.kind !== 'leaf' || found.lists > 0) issues.add('output.absentWhen.path', `${spec.absentWhen.path} must name one value of the answer`);
  }

  for (const rule of spec.fields) {
    const unifiedLeaf = targetOk ? unified.lookupField(spec.target, rule.field) : undefined;
    if (unifiedLeaf && !unifiedLeaf.ok) issues.add(rule.at, unifiedLeaf.message);
    const leaf = unifiedLeaf?.ok ? unifiedLeaf.leaf : undefined;
    if (leaf) leaves.set(rule.field, leaf);
    if (rule.path !== undefined && shape) {
      const found = lookupPath(shape, rule.path, 'answer record');
      if (!found.ok) issues.add(`${rule.at}.path`, found.message);
      else if (found.node.kind !== 'leaf') issues.add(`${rule.at}.path`, `${rule.path} is a structure in the answer, not a value; name one of its members`);
      else if (leaf && found.lists > 0 && !leaf.list) {
        issues.add(`${rule.at}.path`, `${rule.path} reads a list but ${leaf.qualifiedName} (${leaf.typeText}) is a single value`);
      } else if (leaf && found.lists === 0 && leaf.list) {
        issues.add(`${rule.at}.path`, `${leaf.qualifiedName} (${leaf.typeText}) is a list: read it from a repeated member (with [])`);
      }
    }
    for (const [index, joined] of (shape ? (rule.paths ?? []) : []).entries()) {
      const found = lookupPath(shape!, joined, 'answer record');
      if (!found.ok) issues.add(`${rule.at}.paths[${index}]`, found.message);
      else if (found.node.kind !== 'leaf' || found.lists > 0) issues.add(`${rule.at}.paths[${index}]`, `${joined} must name one value of the answer`);
    }
    if (!leaf) continue;
    if (rule.paths && leaf.list) issues.add(`${rule.at}.paths`, `${leaf.qualifiedName} (${leaf.typeText}) is a list; paths produce one text`);
    if (rule.const !== undefined) {
      const problem = constantFits(rule.const, leaf);
      if (problem) issues.add(`${rule.at}.const`, problem);
    }
    for (const [code, value] of rule.table ?? []) {
      const problem = constantFits(value, leaf);
      if (problem) issues.add(`${rule.at}.table.${code}`, problem);
    }
    if (rule.hasTableDefault && rule.tableDefault !== undefined) {
      const problem = constantFits(rule.tableDefault, leaf);
      if (problem) issues.add(`${rule.at}.default`, problem);
    }
  }

  if (targetOk) {
    const mapped = new Set(spec.fields.map((f) => f.field));
    for (const required of unified.requiredLeaves(spec.target, mapped)) {
      if (!mapped.has(required.path)) {
        issues.add(`output.fields.${required.path}`, `required by ${required.qualifiedName} (${required.typeText}) but not mapped`);
      }
    }
  }
  return op ? { operation: op, recordPath, leaves } : undefined;
}

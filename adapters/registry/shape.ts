/**
 * The shape of an operation's request and answer, the same for WSDL and REST descriptions: element
 * (or member) names in order, `list` for repeated ones, a type name for leaves. Mapping paths are
 * checked against it and requests are written in its order (SOAP servers often require schema order).
 */

export type ShapeNode =
  | { kind: 'leaf'; type: string; list: boolean }
  | { kind: 'object'; list: boolean; children: Map<string, ShapeNode> };

export type Shape = Map<string, ShapeNode>;

/** Keys node-soap's describe() adds to object types that are not elements. */
const DESCRIBE_META = new Set(['targetNSAlias', 'targetNamespace']);

/**
 * Reads a shape written as node-soap's `describe()` does (and as REST descriptions do here):
 * `{ name: "xsd:string", person: { … }, "contact[]": { … } }`. Returns an error text when malformed.
 */
export function shapeFrom(tree: unknown, at = ''): Shape | string {
  if (tree === null || typeof tree !== 'object' || Array.isArray(tree)) return `${at || 'shape'} must be an object of member → type`;
  const out: Shape = new Map();
  for (const [rawKey, value] of Object.entries(tree as Record<string, unknown>)) {
    if (DESCRIBE_META.has(rawKey)) continue;
    const list = rawKey.endsWith('[]');
    const key = list ? rawKey.slice(0, -2) : rawKey;
    if (typeof value === 'string') {
      out.set(key, { kind: 'leaf', type: value, list });
    } else {
      const children = shapeFrom(value, at ? `${at}.${rawKey}` : rawKey);
      if (typeof children === 'string') return children;
      out.set(key, { kind: 'object', list, children });
    }
  }
  return out;
}

export type PathLookup =
  | { ok: true; node: ShapeNode; /** Number of `[]` crossed (lists produced). */ lists: number }
  | { ok: false; message: string };

/** Follows a mapping path (`contacts.contact[].value`) through a shape; `[]` must mark exactly the repeated members. */
export function lookupPath(shape: Shape, path: string, what: string): PathLookup {
  let members: Shape | undefined = shape;
  let node: ShapeNode | undefined;
  let lists = 0;
  let walked = '';
  for (const rawSegment of path.split('.')) {
    const marked = rawSegment.endsWith('[]');
    const segment = marked ? rawSegment.slice(0, -2) : rawSegment;
    if (!members) return { ok: false, message: `${walked} is a ${node?.kind === 'leaf' ? node.type : 'value'} in the ${what}, it has no member ${segment}` };
    node = members.get(segment);
    if (!node) {
      const known = [...members.keys()];
      return { ok: false, message: `${walked ? `${walked} has` : 'there is'} no ${segment} in the ${what}${known.length ? ` (members: ${known.join(', ')})` : ''}` };
    }
    walked = walked ? `${walked}.${rawSegment}` : rawSegment;
    if (node.list && !marked) return { ok: false, message: `${segment} is repeated in the ${what}: write ${segment}[] to read every one` };
    if (!node.list && marked) return { ok: false, message: `${segment} is not repeated in the ${what}: write ${segment} without []` };
    if (marked) lists += 1;
    members = node.kind === 'object' ? node.children : undefined;
  }
  return node ? { ok: true, node, lists } : { ok: false, message: 'empty path' };
}

/** Type name of a leaf without node-soap's restriction decorations (`contactType|xsd:string|phone,mobile`). */
export const leafTypeName = (type: string): string => type.split('|')[0];

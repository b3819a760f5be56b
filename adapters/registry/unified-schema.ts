/**
 * The unified schema mappings are validated against: the object types of the hub's API schema. A
 * mapping may only produce what the graph can serve, so the field paths, leaf types, enum members and
 * non-null fields of the target type are checked here before an adapter is stored.
 */
import {
  GraphQLEnumType,

  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  buildASTSchema,
  getNamedType,
  isEnumType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
} from 'graphql';

/** What a dotted field path of a unified type ends on. */
export interface UnifiedLeaf {
  /** `Organization.headOfficeAddress.fullText`-style name for messages. */
  qualifiedName: string;
  /** The field's type as GraphQL writes it, e.g. `String!` or `[String!]`. */
  typeText: string;
  /** Named leaf type, e.g. `String`, `Int`, or an enum's name. */
  leafName: string;
  nonNull: boolean;
  list: boolean;
  /** Members of the enum, when the leaf is an enum. */
  enumValues?: string[];
}

export type FieldLookup = { ok: true; leaf: UnifiedLeaf } | { ok: false; message: string };

export class UnifiedSchema {
  constructor(readonly schema: GraphQLSchema) {}

  /** The object type called `name`, if the schema has one (root operation types excluded). */
  objectType(name: string): GraphQLObjectType | undefined {
    const type = this.schema.getType(name);
    const roots = [this.schema.getQueryType(), this.schema.getMutationType(), this.schema.getSubscriptionType()];
    if (!isObjectType(type) || name.startsWith('__') || roots.includes(type)) return undefined;
    return type;
  }

  /** Walks `dottedPath` from `typeName` through object fields to a leaf (scalar or enum, or a list of them). */
  lookupField(typeName: string, dottedPath: string): FieldLookup {
    let type: GraphQLObjectType | undefined = this.objectType(typeName);
    if (!type) return { ok: false, message: `${typeName} is not an object type of the unified schema` };
    const segments = dottedPath.split('.');
    let qualified = typeName;
    for (const [index, segment] of segments.entries()) {
      const field: GraphQLField<unknown, unknown> | undefined = type.getFields()[segment];
      if (!field) return { ok: false, message: `${qualified} has no field ${segment}` };
      qualified = `${qualified}.${segment}`;
      const named: GraphQLNamedType = getNamedType(field.type);
      const last = index === segments.length - 1;
      if (!last) {
        if (!isObjectType(named) || isListType(unwrapNonNull(field.type))) {
          return { ok: false, message: `${qualified} (${String(field.type)}) is not a single object, so it has no field ${segments[index + 1]}` };
        }
        type = named;
        continue;
      }
      if (!isLeafType(named)) {
        return { ok: false, message: `${qualified} (${String(field.type)}) is an object, not a leaf; map its fields (${qualified.split('.').slice(1).join('.')}.<field>)` };
      }
      const inner = unwrapNonNull(field.type);
      if (isListType(inner) && isListType(unwrapNonNull(inner.ofType))) {
        return { ok: false, message: `${qualified} (${String(field.type)}) is a list of lists, which a mapping cannot produce` };
      }
      return {
        ok: true,
        leaf: {
          qualifiedName: qualified,
          typeText: String(field.type),
          leafName: named.name,
          nonNull: isNonNullType(field.type),
          list: isListType(inner),
          enumValues: isEnumType(named) ? (named as GraphQLEnumType).getValues().map((v) => v.name) : undefined,
        },
      };
    }
    return { ok: false, message: 'empty field path' };
  }

  /**
   * Dotted paths of the non-null leaves a record of `typeName` must carry: its own, and those of the
   * nested objects it will contain (non-null ones always; nullable ones when `mapped` reaches into them).
   */
  requiredLeaves(typeName: string, mapped: ReadonlySet<string>): Array<{ path: string; qualifiedName: string; typeText: string }> {
    const out: Array<{ path: string; qualifiedName: string; typeText: string }> = [];
    const reaches = (prefix: string) => [...mapped].some((p) => p.startsWith(`${prefix}.`));
    const walk = (type: GraphQLObjectType, prefix: string, seen: Set<string>) => {
      for (const field of Object.values(type.getFields())) {
        const path = prefix ? `${prefix}.${field.name}` : field.name;
        const named = getNamedType(field.type);
        if (isObjectType(named) && !isListType(unwrapNonNull(field.type))) {
          // Recursive types (a person's parent is a person) stop at the first repetition.
          if (seen.has(named.name)) continue;
          if (isNonNullType(field.type) || reaches(path)) walk(named, path, new Set([...seen, named.name]));
        } else if (isNonNullType(field.type) && !isObjectType(named)) {
          out.push({ path, qualifiedName: `${typeName}.${path}`, typeText: String(field.type) });
        } else if (isNonNullType(field.type)) {
          // A non-null list of objects cannot be produced by a mapping of leaves.
          out.push({ path, qualifiedName: `${typeName}.${path}`, typeText: String(field.type) });
        }
      }
    };
    const root = this.objectType(typeName);
    if (root) walk(root, '', new Set([typeName]));
    return out;
  }
}

const unwrapNonNull = (type: GraphQLOutputType): GraphQLOutputType =>
  type instanceof GraphQLNonNull ? (type.ofType as GraphQLOutputType) : type;

/** The unified schema from SDL (federation directives allowed) or from a built schema (e.g. the gateway's API schema). */
export function unifiedSchemaFrom(sdlOrSchema: string | GraphQLSchema): UnifiedSchema {
  if (sdlOrSchema instanceof GraphQLSchema) return new UnifiedSchema(sdlOrSchema);
  // Subgraph SDL carries directives (@key, @shareable…) that are not declared in it; they do not matter here.
  return new UnifiedSchema(buildASTSchema(parse(sdlOrSchema), { assumeValidSDL: true }));
}


/** Dotted paths of the object fields a record of `typeName` must contain even when all their mapped leaves are null. */
export function requiredObjectPaths(unified: UnifiedSchema, typeName: string): string[] {
  const out: string[] = [];
  const walk = (type: GraphQLObjectType, prefix: string, seen: Set<string>) => {
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (!isNonNullType(field.type) || !isObjectType(named) || isListType(field.type.ofType) || seen.has(named.name)) continue;
      const path = prefix ? `${prefix}.${field.name}` : field.name;
      out.push(path);
      walk(named, path, new Set([...seen, named.name]));
    }
  };
  const root = unified.objectType(typeName);
  if (root) walk(root, '', new Set([typeName]));
  return out;
}

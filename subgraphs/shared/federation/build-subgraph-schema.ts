/**
 * type-graphql classes → a Federation 2 subgraph schema. type-graphql builds the schema and prints it
 * with its `@key`/`@shareable`/... directives; @apollo/subgraph then rebuilds it as a subgraph,
 * with type-graphql's resolvers and each entity's `__resolveReference`.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLSchema, parse, printSchema } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';

const FEDERATION_DIRECTIVES = ['@key', '@shareable', '@external', '@requires', '@provides', '@tag', '@inaccessible'];

/** `__resolveReference` per entity type name; receives the representation and the request context. */
export type ReferenceResolvers = Record<string, (reference: any, context: any) => unknown>;

export interface SubgraphSchemaOptions {
  // type-graphql accepts any class constructor here.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  references?: ReferenceResolvers;
}

export interface SubgraphSchema {
  schema: GraphQLSchema;
  /** The subgraph's SDL as committed under schema/ and fed to composition. */
  sdl: string;
}

/**
 * Lienthong subscriptions pass `subscribe:` to type-graphql and read the hub's EventBus from the
 * context, so several processes share events; type-graphql still demands a topic-based pubSub to
 * build a schema with subscriptions, and this one refuses topic use so that no subgraph relies on
 * a process-local channel by mistake.
 */
const topicPubSubRefused = {
  publish(): void {
    throw new Error('Publish through the EventBus in the context, not type-graphql topics');
  },
  subscribe(): AsyncIterable<unknown> {
    throw new Error('Use @Subscription({ subscribe }) with the EventBus, not type-graphql topics');
  },
};

export async function buildFederatedSchema(options: SubgraphSchemaOptions): Promise<SubgraphSchema> {
  const typeGraphqlSchema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    skipCheck: true,
    pubSub: topicPubSubRefused,
    validate: false, // inputs are validated by the domain code, which throws typed errors
  });
  const body = printSchemaWithDirectives(typeGraphqlSchema);
  const sdl =
    `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ${JSON.stringify(FEDERATION_DIRECTIVES)})\n\n` +
    body.trim() +
    '\n';
  const resolvers = createResolversMap(typeGraphqlSchema) as Record<string, Record<string, unknown>>;
  for (const [typeName, resolveReference] of Object.entries(options.references ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), __resolveReference: resolveReference };
  }
  const schema = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: resolvers as never });
  return { schema, sdl };
}

/** The SDL as printed from a built subgraph, for checking the committed file. */
export const printSubgraphSdl = (schema: GraphQLSchema) => printSchema(schema);

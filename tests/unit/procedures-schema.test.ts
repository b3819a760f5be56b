import { composeServices } from '@apollo/composition';
import { parse, printSchema, type GraphQLSchema } from 'graphql';
import { buildProceduresSchema } from '../../subgraphs/procedures';

const argsOf = (schema: GraphQLSchema, field: string) =>
  schema
    .getQueryType()!
    .getFields()
    [field].args.map((a) => `${a.name}: ${String(a.type)}${a.defaultValue !== undefined ? ` = ${String(a.defaultValue)}` : ''}`);

describe('procedures subgraph schema', () => {
  it('declares the federation contract other subgraphs rely on', async () => {
    const { sdl } = await buildProceduresSchema();
    if (process.env.PRINT_SDL) process.stdout.write(`${sdl}\n`);
    expect(sdl).toMatch(/type Procedure @key\(fields: "code"\)/);
    expect(sdl).toMatch(/type FormPrefill @key\(fields: "procedureCode personalId taxCode"\)/);
    expect(sdl).toMatch(/type FieldBinding @shareable/);
  });

  it('has the public query signatures', async () => {
    const { schema } = await buildProceduresSchema();
    const query = schema.getQueryType()!.getFields();
    expect(argsOf(schema, 'procedures')).toEqual([
      'search: String',
      'agencyCode: String',
      'fieldCode: String',
      'onlineLevel: Int',
      'subject: ProcedureSubject',
      'first: Int = 20',
      'after: String',
    ]);
    expect(String(query.procedures.type)).toBe('ProcedureConnection!');
    expect(argsOf(schema, 'procedure')).toEqual(['code: String!', 'at: Date']);
    expect(argsOf(schema, 'procedureVersions')).toEqual(['code: String!']);
    const mutation = schema.getMutationType()!.getFields();
    expect(mutation.publishProcedure.args.map((a) => `${a.name}: ${String(a.type)}`)).toEqual(['input: ProcedureInput!', 'effectiveFrom: Date!']);
    expect(String(query.procedure.type)).toBe('Procedure!');
    expect(argsOf(schema, 'prefillForm')).toEqual(['procedureCode: String!', 'personalId: String!', 'taxCode: String']);
    expect(String(query.prefillForm.type)).toBe('FormPrefill!');
    // Federation's entry points, added by @apollo/subgraph for the gateway.
    expect(Object.keys(query)).toEqual(expect.arrayContaining(['_entities', '_service']));
    expect(printSchema(schema)).toMatch(/union _Entity = FormPrefill \| Procedure/);
  });

  it('is built once per process', async () => {
    expect(await buildProceduresSchema()).toBe(await buildProceduresSchema());
  });
});

describe('composition with the other subgraphs\' view of procedures', () => {
  // What the citizens and dossiers subgraphs declare against this one (see their briefs).
  const OTHERS = `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires"])
    type FormPrefill @key(fields: "procedureCode personalId taxCode") {
      procedureCode: String!
      personalId: String!
      taxCode: String
      bindings: [FieldBinding!]! @external
      fields: [PrefilledField!]! @requires(fields: "bindings { fieldKey sourcePath }")
    }
    type FieldBinding @shareable { fieldKey: String! sourcePath: String! }
    type PrefilledField { fieldKey: String! value: String }
    type Procedure @key(fields: "code", resolvable: false) { code: String! }
    type Dossier @key(fields: "code") { code: String! procedure: Procedure! }
    type Query { dossier(code: String!): Dossier }
  `;

  it('composes into a supergraph', async () => {
    const { sdl } = await buildProceduresSchema();
    const result = composeServices([
      { name: 'procedures', url: 'http://procedures/graphql', typeDefs: parse(sdl) },
      { name: 'others', url: 'http://others/graphql', typeDefs: parse(OTHERS) },
    ]);
    expect(result.errors?.map((e) => e.message)).toBeUndefined();
    expect(result.supergraphSdl).toMatch(/type FormPrefill/);
  });
});

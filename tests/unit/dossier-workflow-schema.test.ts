/** The dossiers schema carries the processing API: every mutation demands the version its caller read. */
import { buildDossiersSchema } from '../../subgraphs/dossiers';
import { isNonNullType, type GraphQLObjectType } from 'graphql';

const MUTATIONS = [
  'acceptDossier',
  'rejectDossier',
  'completeStep',
  'requestSupplement',
  'submitSupplement',
  'withdrawDossier',
  'stopDossier',
  'transferDossier',
  'issueResult',
  'returnResult',
];

describe('dossier workflow schema', () => {
  let mutation: GraphQLObjectType;
  let dossier: GraphQLObjectType;
  let sdl: string;
  let built: Awaited<ReturnType<typeof buildDossiersSchema>>;

  beforeAll(async () => {
    built = await buildDossiersSchema();
    sdl = built.sdl;
    mutation = built.schema.getMutationType()!;
    dossier = built.schema.getType('Dossier') as GraphQLObjectType;
  });

  it.each(MUTATIONS)('%s takes a non-null code and expectedVersion and returns a Dossier', (name) => {
    const field = mutation.getFields()[name];
    expect(field).toBeDefined();
    const args = new Map(field.args.map((a) => [a.name, a]));
    expect(String(args.get('code')?.type)).toBe('String!');
    expect(isNonNullType(args.get('expectedVersion')?.type)).toBe(true);
    expect(String(field.type)).toBe('Dossier!');
  });

  it('adds the processing fields to Dossier and the work queue query', () => {
    const fields = dossier.getFields();
    expect(String(fields.currentStep.type)).toBe('DossierStep');
    expect(String(fields.steps.type)).toBe('[DossierStep!]!');
    expect(String(fields.handlingAgencyCode.type)).toBe('String!');
    expect(String(fields.paused.type)).toBe('Boolean!');
    expect(String(fields.result.type)).toBe('DossierResult');
    expect(sdl).toContain('myWorkQueue(');
    const queue = built.schema.getQueryType()!.getFields().myWorkQueue;
    expect(queue.args.map((a) => a.name).sort()).toEqual(['after', 'first']);
    expect(String(queue.type)).toBe('WorkQueueConnection!');
  });
});

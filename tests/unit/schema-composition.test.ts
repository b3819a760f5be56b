/**
 * The committed schema files are the contract portals and the gateway rely on: they must be exactly
 * what the subgraphs' classes print and what composition makes of them. Fix: `npm run schema:compose`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSupergraph, printSubgraphSdls, schemaDir, SUBGRAPH_NAMES } from '../../gateway/supergraph/compose';

describe('committed schema files', () => {
  let sdls: Awaited<ReturnType<typeof printSubgraphSdls>>;
  const committed = (file: string) => readFileSync(join(schemaDir(), file), 'utf8');

  beforeAll(async () => {
    sdls = await printSubgraphSdls();
  });

  it.each(SUBGRAPH_NAMES)('schema/%s.graphql matches the subgraph (run `npm run schema:compose` if not)', (name) => {
    expect(committed(`${name}.graphql`)).toBe(sdls[name]);
  });

  it('schema/supergraph.graphql is the composition of the subgraphs', () => {
    expect(committed('supergraph.graphql')).toBe(composeSupergraph(sdls));
  });

  it('exposes the public contract of the journey', () => {
    const supergraph = committed('supergraph.graphql');
    for (const field of ['procedures(', 'procedure(', 'prefillForm(', 'dossier(', 'dossierStatus(', 'submitDossier(', 'payDossierFee(', 'dossierEvents']) {
      expect(supergraph).toContain(field);
    }
    for (const type of ['type Procedure', 'type EForm', 'type Dossier', 'type Citizen', 'type Payment']) {
      expect(supergraph).toContain(type);
    }
  });
});

/**
 * `npm run schema:compose`: prints every subgraph's SDL into schema/<name>.graphql and composes
 * schema/supergraph.graphql. Run it after changing a subgraph's types, and commit the result.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSupergraph, printSubgraphSdls, schemaDir } from '../supergraph/compose';

async function main(): Promise<void> {
  const dir = schemaDir();
  const sdls = await printSubgraphSdls();
  for (const [name, sdl] of Object.entries(sdls)) writeFileSync(join(dir, `${name}.graphql`), sdl);
  writeFileSync(join(dir, 'supergraph.graphql'), composeSupergraph(sdls));
  console.log(`Wrote ${Object.keys(sdls).length} subgraph schemas and supergraph.graphql to ${dir}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

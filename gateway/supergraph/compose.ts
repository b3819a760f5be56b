/**
 * Build-time composition: each subgraph's SDL (printed from its type-graphql classes) is composed
 * into the supergraph the gateway serves. The committed files under schema/ are the contract; a
 * test recomposes and fails when they are stale.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { buildCitizensSchema } from '../../subgraphs/citizens';
import { buildDossiersSchema } from '../../subgraphs/dossiers';
import { buildPaymentsSchema } from '../../subgraphs/payments';
import { buildProceduresSchema } from '../../subgraphs/procedures';

export const SUBGRAPH_NAMES = ['procedures', 'dossiers', 'citizens', 'payments'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** URLs written into the committed supergraph: the `npm start` defaults; overridden at run time. */
export const DEFAULT_SUBGRAPH_URLS: Record<SubgraphName, string> = {
  procedures: 'http://localhost:4001/graphql',
  dossiers: 'http://localhost:4002/graphql',
  citizens: 'http://localhost:4003/graphql',
  payments: 'http://localhost:4004/graphql',
};

const builders: Record<SubgraphName, () => Promise<{ sdl: string }>> = {
  procedures: buildProceduresSchema,
  dossiers: buildDossiersSchema,
  citizens: buildCitizensSchema,
  payments: buildPaymentsSchema,
};

/** Folder of the committed schema files, from both sources (ts-jest) and dist (tsc output). */
export function schemaDir(): string {
  for (const up of ['../..', '../../..']) {
    const dir = join(__dirname, up, 'schema');
    if (existsSync(join(dir, 'prisma'))) return dir;
  }
  throw new Error('schema/ folder not found');
}

export async function printSubgraphSdls(): Promise<Record<SubgraphName, string>> {
  const entries = await Promise.all(SUBGRAPH_NAMES.map(async (name) => [name, (await builders[name]()).sdl] as const));
  return Object.fromEntries(entries) as Record<SubgraphName, string>;
}

export function composeSupergraph(sdls: Record<SubgraphName, string>): string {
  const result = composeServices(
    SUBGRAPH_NAMES.map((name) => ({ name, url: DEFAULT_SUBGRAPH_URLS[name], typeDefs: parse(sdls[name]) })),
  );
  if (result.errors) {
    throw new Error(`Supergraph composition failed:\n${result.errors.map((e) => `  ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}

/** The committed supergraph the gateway serves. */
export function readCommittedSupergraph(dir = schemaDir()): string {
  return readFileSync(join(dir, 'supergraph.graphql'), 'utf8');
}

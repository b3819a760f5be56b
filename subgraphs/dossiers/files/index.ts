/** Resolvers of this part of the dossiers subgraph, registered by buildDossiersSchema. */
export const FILE_RESOLVERS: Function[] = [];

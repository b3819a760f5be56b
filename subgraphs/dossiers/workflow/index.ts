/** Resolvers of this part of the dossiers subgraph, registered by buildDossiersSchema. */
export const WORKFLOW_RESOLVERS: Function[] = [];

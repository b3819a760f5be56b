/** Resolvers of this part of the dossiers subgraph, registered by buildDossiersSchema. */
export const NOTIFICATION_RESOLVERS: Function[] = [];

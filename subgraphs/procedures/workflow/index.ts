/** Workflow and e-form definitions, created and versioned through the API. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const DEFINITION_RESOLVERS: Function[] = [];

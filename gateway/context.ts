import type { BaseContext } from '../subgraphs/shared/federation/context';

/** The gateway's per-request context: who is calling, in which language. */
export type GatewayContext = BaseContext;

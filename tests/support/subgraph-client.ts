/** Calls a subgraph directly, as the gateway would: with a signed internal token naming the caller. */
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '../../subgraphs/shared/auth/tokens';
import type { Principal } from '../../subgraphs/shared/auth/principal';
import { ANONYMOUS } from '../../subgraphs/shared/auth/principal';

export const TEST_INTERNAL_SECRET = 'test-internal-secret-of-at-least-32-characters';

export interface GraphQLResponse<T = any> {
  data?: T | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, any> }>;
}

export async function callSubgraph<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  principal: Principal = ANONYMOUS,
  secret = TEST_INTERNAL_SECRET,
): Promise<GraphQLResponse<T> & { status: number }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [INTERNAL_TOKEN_HEADER]: await signInternalToken(principal, secret),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as GraphQLResponse<T>) };
}

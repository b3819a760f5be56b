/**
 * Every gateway → subgraph request carries a short-lived internal token naming the caller, signed
 * with a secret only the gateway and subgraphs share; subgraphs refuse requests without it.
 */
import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '../../subgraphs/shared/auth/tokens';
import { ErrorCode, LienthongError } from '../../subgraphs/shared/errors';
import type { GatewayContext } from '../context';

export class IdentityForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    url: string,
    private readonly internalSecret: string,
  ) {
    super({ url });
  }

  /**
   * A subgraph that cannot be reached, or answers with something other than GraphQL, becomes a
   * typed upstream error naming the service; the gateway still returns what the others gave.
   */
  override didEncounterError(error: Error, _request: unknown, response?: { status: number }): never {
    const unreachable = !response;
    throw new LienthongError(unreachable ? ErrorCode.UPSTREAM_UNAVAILABLE : ErrorCode.UPSTREAM_BAD_RESPONSE, {
      details: { serviceName: this.serviceName, ...(response ? { upstreamStatus: response.status } : {}) },
      cause: error,
    });
  }

  override async willSendRequest({
    request,
    context,
  }: Parameters<RemoteGraphQLDataSource<GatewayContext>['willSendRequest'] & {}>[0]): Promise<void> {
    const ctx = context as Partial<GatewayContext>;
    if (!ctx.principal) throw new Error('Gateway context has no principal; refusing to call a subgraph anonymously by accident');
    request.http?.headers.set(INTERNAL_TOKEN_HEADER, await signInternalToken(ctx.principal, this.internalSecret, ctx.clientAddress));
    request.http?.headers.set('accept-language', ctx.locale ?? 'vi');
    if (ctx.requestId) request.http?.headers.set('x-request-id', ctx.requestId);
  }
}

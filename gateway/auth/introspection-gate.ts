/**
 * Introspection (`__schema`, `__type`) through the gateway is for operators only (and for everyone on
 * a development hub that offers dev tokens): the full schema lists every admin field and argument, a
 * map for attackers. Decided before execution, as a typed FORBIDDEN.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, visit, type DocumentNode } from 'graphql';
import { ErrorCode, LienthongError } from '../../subgraphs/shared/errors';
import type { GatewayContext } from '../context';

/** Whether the operation asks for `__schema` or `__type` anywhere (fragments included). */
export function asksForIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.FIELD]: (node) => {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

export interface IntrospectionGateOptions {
  /** Let every caller introspect (development hubs with DEV_TOKENS on). @default false */
  openToAll?: boolean;
}

export function introspectionGate(options: IntrospectionGateOptions = {}): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          if (options.openToAll || contextValue.principal.role === 'OPERATOR') return;
          if (!asksForIntrospection(document)) return;
          throw new LienthongError(ErrorCode.FORBIDDEN, {
            en: 'Only operators may introspect the schema.',
            vi: 'Chỉ quản trị vận hành được truy vấn cấu trúc lược đồ (introspection).',
          });
        },
      };
    },
  };
}

import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context';
import { localizeError } from './localize-errors';

/** Rewrites every error of a response into the caller's language (see localize-errors.ts). */
export const localizeErrorsPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
        const locale = contextValue?.locale ?? 'vi';
        response.body.singleResult.errors = response.body.singleResult.errors.map((e) => localizeError(e, locale));
      },
    };
  },
};

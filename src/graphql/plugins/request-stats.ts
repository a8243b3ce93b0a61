import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context';

/** Fills the request's stats (operation name, outcome, error codes) for the one request log line. */
export function requestStats(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      contextValue.stats.operationName ??= request.operationName ?? undefined;
      return {
        async didResolveOperation({ operationName, contextValue: context }) {
          if (operationName) context.stats.operationName = operationName;
        },
        async willSendResponse({ response, contextValue: context }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          for (const error of errors ?? []) {
            const code = error.extensions?.code;
            context.stats.errorCodes.push(typeof code === 'string' ? code : 'UNKNOWN');
          }
          context.stats.outcome = !errors?.length ? 'ok' : data ? 'partial' : 'error';
        },
      };
    },
  };
}

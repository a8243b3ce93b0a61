import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { GatewayMetrics, OperationOutcome } from '../../observability/metrics';
import { endWithError } from '../../observability/tracing';
import type { GatewayContext } from '../context';

function outcomeOf(hasData: boolean, errors: readonly GraphQLFormattedError[] | undefined): OperationOutcome {
  if (!errors?.length) return 'success';
  return hasData ? 'partial' : 'error';
}

function errorCodes(errors: readonly GraphQLFormattedError[] | undefined): string[] {
  return (errors ?? []).map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
}

/**
 * Names and ends each operation's span, and records the operation in the
 * metrics: name, type, outcome, duration and the codes of its errors.
 */
export function operationTelemetry(metrics: GatewayMetrics): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      // Until the document parses, validates and names an operation, it is `invalid`.
      let name = 'invalid';
      let type = 'unknown';
      return {
        async didResolveOperation({ operation, operationName, contextValue }) {
          name = operationName ?? 'anonymous';
          type = operation?.operation ?? type;
          const { span } = contextValue.telemetry;
          span.updateName(`${type} ${name}`);
          span.setAttributes({ 'graphql.operation.name': name, 'graphql.operation.type': type });
        },
        async willSendResponse({ response, contextValue }) {
          const { span, startedAt } = contextValue.telemetry;
          const result = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
          const codes = errorCodes(result.errors);
          const outcome = outcomeOf(result.data != null, result.errors);
          metrics.operation({ name, type, outcome, errorCodes: codes, durationMs: performance.now() - startedAt });
          if (outcome === 'success') span.end();
          else endWithError(span, codes[0]!);
        },
      };
    },
  };
}

import type { ApolloServerPlugin } from '@apollo/server';
import { SpanKind, type Context, type Span } from '@opentelemetry/api';
import type { GraphQLFormattedError } from 'graphql';
import type { GatewayMetrics, OperationOutcome } from '../../observability/metrics';
import { endWithError, extractTraceContext, startSpan } from '../../observability/tracing';
import type { RequestStats } from '../../request-stats';

/** What one GraphQL request carries for observability: its span, the context to parent upstream calls on, its start. */
export interface OperationTelemetry {
  readonly span: Span;
  /** Has `span` as the active span: upstream calls made for this request become its children. */
  readonly traceContext: Context;
  /** performance.now() when the request reached GraphQL. */
  readonly startedAt: number;
}

/**
 * Opens the operation's span as a child of the caller's `traceparent` (when
 * it sent one). The name is provisional until the operation is resolved.
 */
export function startOperationTelemetry(
  headers: Record<string, string | string[] | undefined>,
  requestId: string,
): OperationTelemetry {
  const { span, context } = startSpan(
    'graphql operation',
    { kind: SpanKind.SERVER, attributes: { 'gateway.request_id': requestId } },
    extractTraceContext(headers),
  );
  return { span, traceContext: context, startedAt: performance.now() };
}

function outcomeOf(hasData: boolean, errors: readonly GraphQLFormattedError[] | undefined): OperationOutcome {
  if (!errors?.length) return 'success';
  return hasData ? 'partial' : 'error';
}

const STATS_OUTCOME = { success: 'ok', partial: 'partial', error: 'error' } as const;

function errorCodes(errors: readonly GraphQLFormattedError[] | undefined): string[] {
  return (errors ?? []).map((error) => {
    const code = error.extensions?.code;
    return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
  });
}

interface TelemetryContext {
  readonly telemetry: OperationTelemetry;
  readonly stats: RequestStats;
}

/**
 * Reports each operation once it is answered: names and ends its span,
 * records it in the metrics (name, type, outcome, duration, error codes), and
 * fills the request's stats for its one log line.
 */
export function operationTelemetry(metrics: GatewayMetrics): ApolloServerPlugin<TelemetryContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      contextValue.stats.operationName ??= request.operationName ?? undefined;
      // Until the document parses, validates and names an operation, it is `invalid`.
      let name = 'invalid';
      let type = 'unknown';
      return {
        async didResolveOperation({ operation, operationName, contextValue: context }) {
          name = operationName ?? 'anonymous';
          type = operation?.operation ?? type;
          if (operationName) context.stats.operationName = operationName;
          const { span } = context.telemetry;
          span.updateName(`${type} ${name}`);
          span.setAttributes({ 'graphql.operation.name': name, 'graphql.operation.type': type });
        },
        async willSendResponse({ response, contextValue: context }) {
          const { span, startedAt } = context.telemetry;
          const result = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
          const codes = errorCodes(result.errors);
          const outcome = outcomeOf(result.data != null, result.errors);
          metrics.operation({ name, type, outcome, errorCodes: codes, durationMs: performance.now() - startedAt });
          context.stats.errorCodes.push(...codes);
          context.stats.outcome = STATS_OUTCOME[outcome];
          if (outcome === 'success') span.end();
          else endWithError(span, codes[0]!);
        },
      };
    },
  };
}

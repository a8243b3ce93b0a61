import { SpanKind, type Context, type Span } from '@opentelemetry/api';
import { extractTraceContext, startSpan } from './tracing';

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

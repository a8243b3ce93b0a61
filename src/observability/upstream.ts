import { ROOT_CONTEXT, SpanKind, type Context, type Span } from '@opentelemetry/api';
import { CartesiaError, CartesiaHttpError } from '../cartesia/errors';
import type { AttemptEnd, AttemptStart, UpstreamEvents } from '../cartesia/events';
import type { GatewayMetrics } from './metrics';
import { endWithError, startSpan, traceHeaders } from './tracing';

/** What the subscribers need of the client: its events. */
export interface ObservableUpstream {
  readonly events: UpstreamEvents;
}

type UpstreamMetrics = Pick<GatewayMetrics, 'upstreamCall' | 'breakerState' | 'cacheLookup'>;

const STATUS_LABELS: Record<string, string> = {
  CARTESIA_TIMEOUT: 'timeout',
  CARTESIA_ABORTED: 'aborted',
  CARTESIA_NETWORK: 'network',
  CARTESIA_CONTRACT: 'contract',
};

/** The status label: what went wrong when something did, else the HTTP status. */
export function statusLabel({ error, status }: Pick<AttemptEnd, 'error' | 'status'>): string {
  if (error instanceof CartesiaHttpError) return String(error.status);
  if (error instanceof CartesiaError) return STATUS_LABELS[error.code] ?? 'error';
  if (error !== undefined) return 'error';
  return status === undefined ? 'error' : String(status);
}

/** Each attempt counted and timed (endpoint, status, attempt), breaker changes and shared-call lookups. */
export function recordUpstreamMetrics(client: ObservableUpstream, metrics: UpstreamMetrics): () => void {
  const { events } = client;
  const unsubscribe = [
    events.on('attemptEnd', (end) =>
      metrics.upstreamCall({
        endpoint: end.start.operation,
        status: statusLabel(end),
        attempt: end.start.attempt + 1,
        durationMs: end.durationMs,
      }),
    ),
    events.on('breaker', ({ state }) => metrics.breakerState(state)),
    events.on('shared', ({ cache, result }) => metrics.cacheLookup(cache, result)),
  ];
  return () => unsubscribe.forEach((stop) => stop());
}

function spanFor(start: AttemptStart): { span: Span; context: Context } {
  const { origin } = start;
  return startSpan(
    start.operation,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'http.request.method': start.method,
        'url.template': start.operation.slice(start.method.length + 1),
        'server.address': origin.hostname,
        'server.port': Number(origin.port) || (origin.protocol === 'https:' ? 443 : 80),
        'http.request.resend_count': start.attempt,
      },
    },
    (start.traceContext as Context | undefined) ?? ROOT_CONTEXT,
  );
}

/**
 * A CLIENT span per attempt, child of the caller's trace context, and
 * `traceparent`/`tracestate` naming it sent upstream.
 */
export function traceUpstreamAttempts(client: ObservableUpstream): () => void {
  const spans = new WeakMap<AttemptStart, Span>();
  const { events } = client;
  const unsubscribe = [
    events.on('attemptStart', (start) => {
      const { span, context } = spanFor(start);
      spans.set(start, span);
      Object.assign(start.headers, traceHeaders(context));
    }),
    events.on('attemptEnd', (end) => {
      const span = spans.get(end.start);
      if (!span) return;
      spans.delete(end.start);
      if (end.status !== undefined) span.setAttribute('http.response.status_code', end.status);
      if (end.error === undefined) span.end();
      else endWithError(span, statusLabel(end));
    }),
  ];
  return () => unsubscribe.forEach((stop) => stop());
}

/** Metrics and tracing for the upstream client; the returned function unsubscribes both. */
export function observeUpstream(client: ObservableUpstream, metrics: UpstreamMetrics): () => void {
  const stops = [recordUpstreamMetrics(client, metrics), traceUpstreamAttempts(client)];
  return () => stops.forEach((stop) => stop());
}

import { ROOT_CONTEXT, SpanKind, type Context } from '@opentelemetry/api';
import {
  CartesiaAbortedError,
  CartesiaContractError,
  CartesiaHttpError,
  CartesiaNetworkError,
  CartesiaTimeoutError,
} from '../cartesia/errors';
import type { GatewayMetrics } from './metrics';
import { endWithError, startSpan, traceHeaders } from './tracing';

/** One attempt of an upstream call, as the HTTP code sees it. */
export interface UpstreamAttempt {
  /** `traceparent` (and `tracestate`) to send: the attempt's span is the upstream's parent. */
  readonly headers: Readonly<Record<string, string>>;
  /** Set by the caller as soon as a status line arrives. */
  statusCode?: number;
}

export interface UpstreamCallScope {
  /** The endpoint template, e.g. `GET /agents/phone-numbers/{id}`. */
  readonly endpoint: string;
  /** The upstream's origin, for the span (`server.address`/`server.port`). */
  readonly origin: URL;
  /** 1 for the first try. */
  readonly attempt: number;
  /** The operation's context; its span becomes the parent. */
  readonly traceContext?: Context;
  readonly metrics?: Pick<GatewayMetrics, 'upstreamCall'>;
}

/** The status label: what went wrong when something did, else the HTTP status. */
function statusOf(error: unknown, statusCode: number | undefined): string {
  if (error instanceof CartesiaTimeoutError) return 'timeout';
  if (error instanceof CartesiaAbortedError) return 'aborted';
  if (error instanceof CartesiaNetworkError) return 'network';
  if (error instanceof CartesiaContractError) return 'contract';
  if (error instanceof CartesiaHttpError) return String(error.status);
  return statusCode === undefined ? 'error' : String(statusCode);
}

/**
 * Runs one upstream attempt inside a client span and records it in the
 * metrics (endpoint, status, attempt, latency), whatever its outcome.
 */
export async function observeUpstreamCall<T>(
  scope: UpstreamCallScope,
  call: (attempt: UpstreamAttempt) => Promise<T>,
): Promise<T> {
  const { span, context } = startSpan(
    scope.endpoint,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'http.request.method': scope.endpoint.split(' ')[0],
        'url.template': scope.endpoint.split(' ')[1],
        'server.address': scope.origin.hostname,
        'server.port': Number(scope.origin.port) || (scope.origin.protocol === 'https:' ? 443 : 80),
        'http.request.resend_count': scope.attempt - 1,
      },
    },
    scope.traceContext ?? ROOT_CONTEXT,
  );
  const attempt: UpstreamAttempt = { headers: traceHeaders(context) };
  const startedAt = performance.now();
  let failure: unknown;
  try {
    return await call(attempt);
  } catch (error) {
    failure = error;
    throw error;
  } finally {
    const status = statusOf(failure, attempt.statusCode);
    scope.metrics?.upstreamCall({
      endpoint: scope.endpoint,
      status,
      attempt: scope.attempt,
      durationMs: performance.now() - startedAt,
    });
    if (attempt.statusCode !== undefined) span.setAttribute('http.response.status_code', attempt.statusCode);
    if (failure === undefined) span.end();
    else endWithError(span, status);
  }
}

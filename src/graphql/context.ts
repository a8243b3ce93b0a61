import type { CallOptions } from '../cartesia/client';
import { createPhoneNumberLoaders, type PhoneNumberLoaders, type PhoneNumberSource } from '../loaders/phone-numbers';
import type { CacheLookupListener } from '../loaders/counting-cache';
import type { RequestStats } from '../request-stats';
import { startOperationTelemetry, type OperationTelemetry } from './plugins/operation-telemetry';

/** What every resolver gets: per-request loaders over the upstream, and the request's id. */
export interface GatewayContext {
  readonly loaders: PhoneNumberLoaders;
  /** From the caller's X-Request-Id or generated; in logs, errors and upstream calls. */
  readonly requestId: string;
  /** The operation's span and start time (metrics, traces). */
  readonly telemetry: OperationTelemetry;
  /** For the request log line: operation name, upstream calls, outcome. */
  readonly stats: RequestStats;
}

/** What the HTTP edge knows about a GraphQL request when its context is built. */
export interface RequestFacts {
  readonly requestId: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly stats: RequestStats;
  /** Aborts when the client goes away before its answer is written: upstream calls stop too. */
  readonly signal: AbortSignal;
}

export interface ContextOptions {
  readonly upstream: PhoneNumberSource;
  /** The operation's deadline, from its start: no upstream wait outlives it. */
  readonly requestDeadlineMs: number;
  readonly onCacheLookup: CacheLookupListener;
}

/** Builds each request's context: fresh loaders (nothing is shared between requests), telemetry, deadline. */
export function contextFactory(options: ContextOptions): (facts: RequestFacts) => GatewayContext {
  return ({ requestId, headers, stats, signal }) => {
    const telemetry = startOperationTelemetry(headers, requestId);
    const call: CallOptions = {
      signal,
      requestId,
      traceContext: telemetry.traceContext,
      deadlineAt: Date.now() + options.requestDeadlineMs,
      onAttempt: () => {
        stats.upstreamCalls += 1;
      },
    };
    const loaders = createPhoneNumberLoaders(options.upstream, call, options.onCacheLookup);
    return { requestId, telemetry, stats, loaders };
  };
}

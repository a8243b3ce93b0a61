import type { CallOptions, CartesiaClient } from '../cartesia/client';
import { createAgentsLoader, type AgentsLoader } from '../loaders/agents';
import type { AuditSink } from './mutations/audit';
import type { IdempotencyStore } from './mutations/idempotency';
import { createPhoneNumberLoaders, type PhoneNumberLoaders, type PhoneNumberSource } from '../loaders/phone-numbers';
import type { CacheLookupListener } from '../loaders/counting-cache';
import type { RequestStats } from '../request-stats';
import { startOperationTelemetry, type OperationTelemetry } from './plugins/operation-telemetry';

/** Every upstream operation resolvers use; CartesiaClient is the real one. */
export type UpstreamSource = PhoneNumberSource &
  Pick<
    CartesiaClient,
    | 'listAgents'
    | 'getProvisioningUsage'
    | 'provisionPhoneNumber'
    | 'importPhoneNumber'
    | 'updatePhoneNumber'
    | 'deletePhoneNumber'
  >;

/** Who is asking (as authentication decided) and whether they may write. */
export interface Caller {
  /** Token digest prefix, JWT subject, or `ip:<address>`: scopes idempotency keys, names audit lines. */
  readonly client: string;
  readonly mayWrite: boolean;
}

/** What every resolver gets: per-request loaders over the upstream, and the request's id. */
export interface GatewayContext {
  readonly loaders: PhoneNumberLoaders;
  /** Every agent, sorted by name; fetched at most once per request. */
  readonly agents: AgentsLoader;
  /** For calls loaders don't make (writes, usage, checks before a write). */
  readonly upstream: UpstreamSource;
  /** This request's upstream call options (abort, deadline, request id, trace). */
  readonly call: CallOptions;
  readonly principal: Caller;
  readonly idempotency: IdempotencyStore;
  readonly audit: AuditSink;
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
  readonly principal: Caller;
}

export interface ContextOptions {
  readonly upstream: UpstreamSource;
  readonly idempotency: IdempotencyStore;
  readonly audit: AuditSink;
  /** The operation's deadline, from its start: no upstream wait outlives it. */
  readonly requestDeadlineMs: number;
  readonly onCacheLookup: CacheLookupListener;
}

/** Builds each request's context: fresh loaders (nothing is shared between requests), telemetry, deadline. */
export function contextFactory(options: ContextOptions): (facts: RequestFacts) => GatewayContext {
  return ({ requestId, headers, stats, signal, principal }) => {
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
    const { upstream, idempotency, audit } = options;
    return { requestId, telemetry, stats, loaders, agents: createAgentsLoader(upstream, call), upstream, call, principal, idempotency, audit };
  };
}

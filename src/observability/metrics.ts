import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

// Every metric the gateway exports (README lists them). One registry per
// gateway, not prom-client's global one, so several gateways can live in one
// process (tests) without clashing. Label values are bounded: routes are
// templates, upstream endpoints are templates, operation names are capped.

/** Which executor ran an operation. */
export type ExecutionEngine = 'jit' | 'graphql-js';

/** How one GraphQL operation ended. */
export type OperationOutcome = 'success' | 'partial' | 'error';

/** A state of the upstream circuit breaker. */
export type BreakerState = 'closed' | 'open' | 'half_open';

/** One finished upstream call (one attempt, when calls are retried). */
export interface UpstreamCallEvent {
  /** The endpoint template, e.g. `GET /agents/phone-numbers/{id}`. */
  readonly endpoint: string;
  /** The HTTP status as a string, or what went wrong instead: `timeout`, `network`, `aborted`, `contract`. */
  readonly status: string;
  /** 1 for the first try, 2 for the first retry, ... */
  readonly attempt: number;
  readonly durationMs: number;
}

export interface OperationEvent {
  /** The operation's name; `anonymous` or `invalid` when it has none or never resolved. */
  readonly name: string;
  /** query, mutation, subscription, or `unknown` when the document did not resolve. */
  readonly type: string;
  readonly outcome: OperationOutcome;
  /** The `extensions.code` of every error in the answer. */
  readonly errorCodes: readonly string[];
  readonly durationMs: number;
}

const BREAKER_STATES: readonly BreakerState[] = ['closed', 'open', 'half_open'];
/** Distinct operation names kept as label values; later ones count as `other`. */
const MAX_OPERATION_NAMES = 200;
const OTHER_OPERATION = 'other';
const LATENCY_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The gateway's metrics and the small API the rest of the code records
 * through; `render()` is what `/metrics` serves.
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();

  private readonly httpRequests = new Counter({
    name: 'gateway_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers: [this.registry],
  });
  private readonly httpDuration = new Histogram({
    name: 'gateway_http_request_duration_seconds',
    help: 'Time from receiving an HTTP request to sending its answer.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: LATENCY_BUCKETS_SECONDS,
    registers: [this.registry],
  });
  private readonly operations = new Counter({
    name: 'gateway_graphql_operations_total',
    help: 'GraphQL operations, by operation name, type and outcome (success, partial, error).',
    labelNames: ['operation_name', 'operation_type', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly operationDuration = new Histogram({
    name: 'gateway_graphql_operation_duration_seconds',
    help: 'Time to answer one GraphQL operation, by operation name, type and outcome.',
    labelNames: ['operation_name', 'operation_type', 'outcome'] as const,
    buckets: LATENCY_BUCKETS_SECONDS,
    registers: [this.registry],
  });
  private readonly mutations = new Counter({
    name: 'gateway_mutations_total',
    help: 'Mutation fields run, by mutation and outcome (ok, user_error, replayed, error).',
    labelNames: ['mutation', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly graphqlErrors = new Counter({
    name: 'gateway_graphql_errors_total',
    help: 'Errors in GraphQL answers, by extensions.code.',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  private readonly upstreamCalls = new Counter({
    name: 'gateway_upstream_requests_total',
    help: 'Calls to Cartesia, by endpoint template, status (HTTP code or timeout/network/aborted/contract) and attempt.',
    labelNames: ['endpoint', 'status', 'attempt'] as const,
    registers: [this.registry],
  });
  private readonly upstreamDuration = new Histogram({
    name: 'gateway_upstream_request_duration_seconds',
    help: 'Latency of one call to Cartesia, by endpoint template and status.',
    labelNames: ['endpoint', 'status'] as const,
    buckets: LATENCY_BUCKETS_SECONDS,
    registers: [this.registry],
  });
  private readonly cacheLookups = new Counter({
    name: 'gateway_cache_lookups_total',
    help: 'Lookups that were answered without a new upstream call (hit) or not (miss), by cache.',
    labelNames: ['cache', 'result'] as const,
    registers: [this.registry],
  });
  private readonly executions = new Counter({
    name: 'gateway_graphql_executions_total',
    help: 'Operations executed, by engine (jit or graphql-js) and, for graphql-js, why (first_runs, get, not_query, not_compilable).',
    labelNames: ['engine', 'reason'] as const,
    registers: [this.registry],
  });
  private readonly breaker = new Gauge({
    name: 'gateway_upstream_circuit_breaker_state',
    help: 'Circuit breaker in front of Cartesia: 1 for the current state, 0 for the others.',
    labelNames: ['state'] as const,
    registers: [this.registry],
  });
  private readonly redisUp = new Gauge({
    name: 'gateway_redis_up',
    help: 'Whether the shared-state Redis connection is ready (1) or down (0); absent without REDIS_URL.',
    labelNames: ['connection'] as const,
    registers: [this.registry],
  });
  private readonly fallbacks = new Counter({
    name: 'gateway_shared_state_fallbacks_total',
    help: 'Times a shared-state store answered from its local fallback because Redis was unavailable.',
    labelNames: ['store'] as const,
    registers: [this.registry],
  });

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }

  /** The Prometheus text exposition of every metric. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** One answered HTTP request; `route` is the route template, or `unmatched`. */
  httpRequest(event: { method: string; route: string; statusCode: number; durationMs: number }): void {
    const labels = { method: event.method, route: event.route, status_code: String(event.statusCode) };
    this.httpRequests.inc(labels);
    this.httpDuration.observe(labels, event.durationMs / 1000);
  }

  /** One answered GraphQL operation. */
  operation(event: OperationEvent): void {
    const labels = { operation_name: this.boundedName(event.name), operation_type: event.type, outcome: event.outcome };
    this.operations.inc(labels);
    this.operationDuration.observe(labels, event.durationMs / 1000);
    for (const code of event.errorCodes) this.graphqlErrors.inc({ code });
  }

  /** One upstream call (or one attempt of it). */
  upstreamCall(event: UpstreamCallEvent): void {
    this.upstreamCalls.inc({ endpoint: event.endpoint, status: event.status, attempt: String(event.attempt) });
    this.upstreamDuration.observe({ endpoint: event.endpoint, status: event.status }, event.durationMs / 1000);
  }

  /**
   * A lookup in one of the gateway's caches: per-request DataLoaders
   * (`loader_by_id`, `loader_page`), records primed by list calls
   * (`listed_record`), request coalescing, the response cache.
   */
  cacheLookup(cache: string, result: 'hit' | 'miss'): void {
    this.cacheLookups.inc({ cache, result });
  }


  /** One mutation field's end, by mutation and outcome (ok, user_error, replayed, error). */
  mutation(mutation: string, outcome: string): void {
    this.mutations.inc({ mutation, outcome });
  }

  /** One execution of an operation by `engine`; for graphql-js, `reason` says why not jit. */
  execution(engine: ExecutionEngine, reason = ''): void {
    this.executions.inc({ engine, reason });
  }

  /** The circuit breaker moved to `state` (`half-open` is accepted as the breaker library spells it). */
  breakerState(state: BreakerState | 'half-open'): void {
    const current = state === 'half-open' ? 'half_open' : state;
    for (const candidate of BREAKER_STATES) this.breaker.set({ state: candidate }, candidate === current ? 1 : 0);
  }

  /** The named Redis connection became ready (true) or unavailable (false). */
  redisAvailable(connection: string, up: boolean): void {
    this.redisUp.set({ connection }, up ? 1 : 0);
  }

  /** A shared-state store (`rate_limit`, `response_cache`, `persisted_queries`) fell back to memory or to nothing. */
  sharedStateFallback(store: string): void {
    this.fallbacks.inc({ store });
  }

  // Operation names come from clients: cap how many distinct ones become
  // time series, so a client cannot blow up the metrics' cardinality.
  private boundedName(name: string): string {
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return OTHER_OPERATION;
    this.operationNames.add(name);
    return name;
  }
}

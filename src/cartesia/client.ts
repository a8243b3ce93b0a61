import { keyFingerprints, staticApiKey, type ApiKeySource } from './api-key';
import { contractFingerprint } from './contract';
import { CartesiaError, CartesiaHttpError } from './errors';
import { UpstreamEvents, type AttemptStart } from './events';
import * as operations from './operations';
import type { Endpoint, Operation, SharedFor } from './operations';
import type { UpstreamDeps, UpstreamLog, UpstreamOptions } from './options';
import { UpstreamResilience, type Attempt } from './resilience';
import { localWriteGenerations, SharedCalls, type WriteGenerations } from './shared-calls';
import { Transport, type AttemptResponse } from './transport/transport';
import type {
  AgentListRecord,
  ImportPhoneNumberBody,
  PhoneNumberListPage,
  PhoneNumberListQuery,
  PhoneNumberRecord,
  ProvisionPhoneNumberBody,
  ProvisioningUsageRecord,
  UpdatePhoneNumberBody,
} from './types';

export { canonicalQueryString } from './operations';
export type { UpstreamDeps, UpstreamLog, UpstreamOptions } from './options';

/** Per-call options: who is asking, and when to give up on their behalf. */
export interface CallOptions {
  /** Aborts the upstream request (the client went away). */
  readonly signal?: AbortSignal;
  /** Sent as X-Request-Id so Cartesia-side logs can be matched with ours. */
  readonly requestId?: string;
  /** The caller's trace context, handed to `attemptStart` listeners as is (tracing makes its span the parent). */
  readonly traceContext?: unknown;
  /** Epoch ms after which no attempt starts and no retry waits (the operation's deadline). */
  readonly deadlineAt?: number;
  /** Told about every attempt, retries included (request log line). */
  readonly onAttempt?: (attempt: UpstreamAttemptRecord) => void;
  /** GETs: bypass stored payloads and calls in flight (a check right before a write). */
  readonly fresh?: boolean;
}

/** One HTTP exchange with Cartesia, as the request log sees it. */
export interface UpstreamAttemptRecord {
  readonly operation: string;
  /** 0 for the first attempt of a call. */
  readonly attempt: number;
  readonly durationMs: number;
  /** The attempt's budget: the per-attempt timeout, or what was left of the deadline. */
  readonly timeoutMs: number;
  /** The HTTP status, when one came. */
  readonly status?: number;
  /** The CartesiaError code when the attempt failed. */
  readonly error?: string;
}

/** One call of an operation, its path and body worked out. */
interface PlannedCall {
  readonly endpoint: Endpoint;
  readonly path: string;
  readonly body: unknown;
  readonly call: CallOptions;
}

/**
 * Cartesia's operations, typed. Each call goes, top to bottom: shared calls
 * (GETs only: coalescing, payload store) → resilience (deadline, breaker,
 * retries the method allows) → one attempt (key, events, 401 re-read) →
 * transport (pool, timeouts, typed errors). Payloads leave it validated.
 */
export class CartesiaClient {
  /** Attempts, breaker changes and shared-call lookups, for metrics and tracing to subscribe to. */
  readonly events = new UpstreamEvents();
  private readonly transport: Transport;
  private readonly resilience: UpstreamResilience;
  private readonly shared: SharedCalls;
  private readonly apiKey: ApiKeySource;
  private readonly fingerprint: () => string;
  /** Every shared-call key but the key fingerprint and path: contract, version and upstream URL. */
  private readonly keyScope: string;
  private readonly log?: UpstreamLog;
  private readonly generations: WriteGenerations;
  private readonly ttlMs: Record<SharedFor, number>;

  constructor(options: UpstreamOptions, deps: UpstreamDeps) {
    this.transport = new Transport(options);
    this.apiKey = typeof deps.apiKey === 'string' ? staticApiKey(deps.apiKey) : deps.apiKey;
    this.fingerprint = keyFingerprints(this.apiKey);
    this.keyScope = `${contractFingerprint()} ${options.version} ${this.transport.baseUrl}`;
    this.log = deps.log;
    this.generations = deps.generations ?? localWriteGenerations();
    this.shared = new SharedCalls(this.events, this.generations, deps.cache);
    this.ttlMs = { payload_ttl: options.cacheTtlMs, agents_ttl: options.agentsCacheTtlMs };
    this.resilience = new UpstreamResilience({
      attemptTimeoutMs: options.timeoutMs,
      retry: options.retry,
      breaker: {
        ...options.breaker,
        onStateChange: (state) => {
          this.log?.warn({ circuit: state }, `upstream circuit ${state}`);
          this.events.emit('breaker', { state });
        },
      },
    });
  }

  /** One page of the list; `query` is sent as given (absent values omitted). */
  listPhoneNumbers(query: PhoneNumberListQuery, call: CallOptions = {}): Promise<PhoneNumberListPage> {
    return this.call(operations.listPhoneNumbers, query, call);
  }

  /** One number by id; null when Cartesia says 404. */
  getPhoneNumber(id: string, call: CallOptions = {}): Promise<PhoneNumberRecord | null> {
    return this.call(operations.getPhoneNumber, id, call);
  }

  /** Imports a number from a linked provider account (a POST: never sent twice). */
  importPhoneNumber(body: ImportPhoneNumberBody, call: CallOptions = {}): Promise<PhoneNumberRecord> {
    return this.call(operations.importPhoneNumber, body, call);
  }

  /** Provisions a Cartesia-managed number (a POST: never sent twice). */
  provisionPhoneNumber(body: ProvisionPhoneNumberBody, call: CallOptions = {}): Promise<PhoneNumberRecord> {
    return this.call(operations.provisionPhoneNumber, body, call);
  }

  /** This month's provisioning usage and limit. */
  getProvisioningUsage(call: CallOptions = {}): Promise<ProvisioningUsageRecord> {
    return this.call(operations.getProvisioningUsage, undefined, call);
  }

  /** Sets the given fields of a number; a CartesiaHttpError 404 when it does not exist. */
  updatePhoneNumber(id: string, body: UpdatePhoneNumberBody, call: CallOptions = {}): Promise<PhoneNumberRecord> {
    return this.call(operations.updatePhoneNumber, { id, body }, call);
  }

  /** Deletes a number; false when Cartesia has no such number (any more). */
  deletePhoneNumber(id: string, call: CallOptions = {}): Promise<boolean> {
    return this.call(operations.deletePhoneNumber, id, call);
  }

  /** Every agent of the account, unsorted, shared for the agents' TTL. */
  listAgents(call: CallOptions = {}): Promise<AgentListRecord> {
    return this.call(operations.listAgents, undefined, call);
  }

  /**
   * Closes the pool once in-flight requests are done (`force`: aborts them
   * instead), and stops watching the key file.
   */
  async close({ force = false }: { force?: boolean } = {}): Promise<void> {
    this.apiKey.close();
    await this.transport.close(force);
  }

  /** Whether the circuit breaker is currently refusing calls. */
  get circuitOpen(): boolean {
    return this.resilience.breaker.isOpen;
  }

  private async call<I, O>(operation: Operation<I, O>, input: I, call: CallOptions): Promise<O> {
    const path = operation.path(input);
    const planned = { endpoint: operation, path, body: operation.requestBody?.(input), call };
    if (operation.method !== 'GET') return this.write(operation, planned);
    const fetch = (signal: AbortSignal) => this.resilient({ ...planned, call: { ...call, signal } });
    return this.shared.load(
      {
        operation: operation.name,
        key: `GET ${this.fingerprint()} ${this.keyScope}${path}`,
        ttlMs: this.ttlMs[operation.sharedFor ?? 'payload_ttl'],
        fetch,
        // A GET answers without a body only for 404.
        decode: (body) => operation.decode(body, body === undefined ? 404 : 200),
      },
      call,
    );
  }

  /**
   * A write, then a new write generation, answered or not (an unknown
   * outcome may have changed things too): no read that starts after it
   * gets a payload read before it.
   */
  private async write<I, O>(operation: Operation<I, O>, planned: PlannedCall): Promise<O> {
    try {
      const response = await this.resilient(planned);
      return operation.decode(response.body, response.status);
    } finally {
      await this.generations.advance();
    }
  }

  /** The call through deadline, breaker and retries. */
  private resilient(planned: PlannedCall): Promise<AttemptResponse> {
    const { endpoint, call } = planned;
    const budget = { signal: call.signal, deadlineAt: call.deadlineAt, idempotent: endpoint.idempotent };
    return this.resilience.execute(endpoint.name, budget, (attempt) => this.attemptWithKeyReload(planned, attempt));
  }

  private async attemptWithKeyReload(planned: PlannedCall, attempt: Attempt): Promise<AttemptResponse> {
    try {
      return await this.observedAttempt(planned, attempt);
    } catch (error) {
      // A 401 may mean the key was rotated under us: re-read it and try once more.
      if (!(error instanceof CartesiaHttpError && error.status === 401 && this.apiKey.reload())) throw error;
      this.log?.warn({ operation: planned.endpoint.name }, 'upstream answered 401; retrying with the re-read API key');
      return this.observedAttempt(planned, attempt);
    }
  }

  /** One attempt, announced before it is sent and reported when it ends (events, log line, onAttempt). */
  private async observedAttempt(
    { endpoint, path, body, call }: PlannedCall,
    attempt: Attempt,
  ): Promise<AttemptResponse> {
    const start: AttemptStart = {
      operation: endpoint.name,
      method: endpoint.method,
      attempt: attempt.number,
      timeoutMs: attempt.timeoutMs,
      origin: this.transport.origin,
      requestId: call.requestId,
      traceContext: call.traceContext,
      headers: call.requestId ? { 'x-request-id': call.requestId } : {},
    };
    this.events.emit('attemptStart', start);
    const startedAt = performance.now();
    const request = { ...start, path, body, apiKey: this.apiKey.current(), signal: call.signal };
    try {
      const response = await this.transport.send(request);
      this.attemptEnded(start, call, startedAt, { status: response.status });
      return response;
    } catch (error) {
      const status = error instanceof CartesiaHttpError ? error.status : undefined;
      this.attemptEnded(start, call, startedAt, { status, error });
      throw error;
    }
  }

  private attemptEnded(
    start: AttemptStart,
    call: CallOptions,
    startedAt: number,
    outcome: { status?: number; error?: unknown },
  ): void {
    const durationMs = performance.now() - startedAt;
    this.events.emit('attemptEnd', { start, durationMs, ...outcome });
    const record: UpstreamAttemptRecord = {
      operation: start.operation,
      attempt: start.attempt,
      durationMs: Math.round(durationMs),
      timeoutMs: start.timeoutMs,
      status: outcome.status,
      error: outcome.error === undefined ? undefined : errorCode(outcome.error),
    };
    call.onAttempt?.(record);
    this.log?.debug({ ...record, requestId: call.requestId }, 'upstream call');
  }
}

function errorCode(error: unknown): string {
  return error instanceof CartesiaError ? error.code : 'UNKNOWN';
}

import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Context } from '@opentelemetry/api';
import { Pool, errors as undiciErrors, type Dispatcher } from 'undici';
import type { GatewayMetrics } from '../observability/metrics';
import { observeUpstreamCall, type UpstreamAttempt } from '../observability/upstream';
import type { PayloadCache } from '../stores/payload-cache';
import { staticApiKey, type ApiKeySource } from './api-key';
import { describeViolations, upstreamContract } from './contract';
import {
  CartesiaAbortedError,
  CartesiaContractError,
  CartesiaError,
  CartesiaHttpError,
  CartesiaNetworkError,
  CartesiaOverloadedError,
  CartesiaTimeoutError,
} from './errors';
import { InFlight, type Patience } from './in-flight';
import { UpstreamResilience, type Attempt, type CircuitBreakerOptions, type RetryOptions } from './resilience';
import type { PhoneNumberListPage, PhoneNumberListQuery, PhoneNumberRecord } from './types';

/** Per-call options: who is asking, and when to give up on their behalf. */
export interface CallOptions {
  /** Aborts the upstream request (the client went away). */
  readonly signal?: AbortSignal;
  /** Sent as X-Request-Id so Cartesia-side logs can be matched with ours. */
  readonly requestId?: string;
  /** The caller's trace context: the call's span becomes its child and `traceparent` is sent upstream. */
  readonly traceContext?: Context;
  /** Epoch ms after which no attempt starts and no retry waits (the operation's deadline). */
  readonly deadlineAt?: number;
  /** Told about every attempt, retries included (request log line, metrics). */
  readonly onAttempt?: (attempt: UpstreamAttemptRecord) => void;
}

/** One HTTP exchange with Cartesia, as the request log and metrics see it. */
export interface UpstreamAttemptRecord {
  readonly operation: string;
  /** 0 for the first attempt of a call. */
  readonly attempt: number;
  readonly durationMs: number;
  /** The HTTP status, when one came. */
  readonly status?: number;
  /** The CartesiaError code when the attempt failed. */
  readonly error?: string;
}

/** Where the client writes its debug lines (a pino logger fits). */
export interface UpstreamLog {
  debug(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface CartesiaClientOptions {
  /** e.g. https://api.cartesia.ai; a path prefix is kept. */
  readonly baseUrl: string;
  /** A fixed key, or a source that can change it at run time (key rotation). */
  readonly apiKey: string | ApiKeySource;
  readonly version: string;
  /** Budget for one attempt: connect, headers and body together. */
  readonly timeoutMs: number;
  /** Keep-alive sockets to the upstream: at most this many calls in flight. */
  readonly connections?: number;
  /** Where each attempt's endpoint, status, attempt number and latency are recorded. */
  readonly metrics?: Pick<GatewayMetrics, 'upstreamCall' | 'breakerState' | 'cacheLookup'>;
  /** Until the socket is connected; default timeoutMs. */
  readonly connectTimeoutMs?: number;
  /** Until the response headers arrive; default timeoutMs. */
  readonly headersTimeoutMs?: number;
  /** Longest silence between body chunks; default timeoutMs. */
  readonly bodyTimeoutMs?: number;
  /** Calls allowed to wait for a free socket; one more is CartesiaOverloadedError. Default unbounded. */
  readonly maxQueue?: number;
  /** Default: 2 retries, 100 ms base, 1 s cap, Retry-After up to 2 s. */
  readonly retry?: RetryOptions;
  /** Default: open after 5 consecutive failures, trial call after 10 s. */
  readonly breaker?: Omit<CircuitBreakerOptions, 'onStateChange'>;
  readonly log?: UpstreamLog;
  /** A shared cache of validated payloads; none by default. */
  readonly cache?: PayloadCache;
}

const DEFAULT_CONNECTIONS = 64;
const DEFAULT_RETRY: RetryOptions = { retries: 2, baseDelayMs: 100, maxDelayMs: 1_000, retryAfterMaxMs: 2_000 };
const DEFAULT_BREAKER = { threshold: 5, cooldownMs: 10_000 };

const LIST_OPERATION = 'GET /agents/phone-numbers';
const GET_OPERATION = 'GET /agents/phone-numbers/{id}';
/** Far above any page of 100 numbers; a larger body is a broken upstream, not data. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** The query string in one canonical form (sorted keys), so equal queries are equal strings. */
export function canonicalQueryString(query: PhoneNumberListQuery): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(query).sort()) {
    const value = query[key as keyof PhoneNumberListQuery];
    if (value !== undefined && value !== null) params.append(key, String(value));
  }
  return params.toString();
}

function retryAfterSeconds(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** What a GET brought back: the parsed body (undefined for 404) and its size. */
interface JsonResponse {
  readonly body: unknown;
  readonly bytes: number;
}

/** A short, stable, one-way name for the API key: cache and coalescing keys never hold the key. */
function keyFingerprint(apiKey: string): string {
  return createHash('sha256').update(apiKey).digest('base64url').slice(0, 22);
}

/**
 * The only module that speaks HTTP to Cartesia: it owns the base URL, the key,
 * the version header, the keep-alive pool, timeouts, and the translation of
 * every failure into a typed CartesiaError. Payloads leave it validated.
 *
 * Identical GETs that overlap in time, from any client request, share one
 * logical call (retries, breaker and all) and one validation; with a cache,
 * validated payloads are also reused for the cache's TTL.
 */
export class CartesiaClient {
  private readonly pool: Pool;
  private readonly origin: URL;
  private readonly pathPrefix: string;
  private readonly apiKey: ApiKeySource;
  private readonly resilience: UpstreamResilience;
  /** Sockets plus queue slots: calls beyond it are refused. */
  private readonly capacity: number;
  private readonly connections: number;
  /** Attempts between dispatch and the end of their body (undici's pool.stats walks every socket to tell). */
  private outstanding = 0;
  /** Prefix of every coalescing and cache key but the key fingerprint: version and upstream URL. */
  private readonly keyScope: string;
  private readonly inFlight = new InFlight();
  /** The last key and its fingerprint: hashing once per key, not once per call. */
  private fingerprint = { key: '', value: '' };

  constructor(private readonly options: CartesiaClientOptions) {
    const url = new URL(options.baseUrl);
    this.origin = new URL(url.origin);
    this.pathPrefix = url.pathname.replace(/\/+$/, '');
    this.pool = new Pool(url.origin, {
      connections: options.connections ?? DEFAULT_CONNECTIONS,
      keepAliveTimeout: 30_000,
      connectTimeout: options.connectTimeoutMs ?? options.timeoutMs,
      headersTimeout: options.headersTimeoutMs ?? options.timeoutMs,
      bodyTimeout: options.bodyTimeoutMs ?? options.timeoutMs,
      maxResponseSize: MAX_BODY_BYTES,
    });
    this.apiKey = typeof options.apiKey === 'string' ? staticApiKey(options.apiKey) : options.apiKey;
    this.keyScope = `${options.version} ${url.origin}${this.pathPrefix}`;
    this.connections = options.connections ?? DEFAULT_CONNECTIONS;
    this.capacity = this.connections + (options.maxQueue ?? Number.POSITIVE_INFINITY);
    const { log } = options;
    this.resilience = new UpstreamResilience({
      attemptTimeoutMs: options.timeoutMs,
      retry: options.retry ?? DEFAULT_RETRY,
      breaker: {
        ...(options.breaker ?? DEFAULT_BREAKER),
        onStateChange: (state) => {
          log?.warn({ circuit: state }, `upstream circuit ${state}`);
          options.metrics?.breakerState(state);
        },
      },
    });
  }

  /** One page of the list; `query` is sent as given (absent values omitted). */
  listPhoneNumbers(query: PhoneNumberListQuery, call: CallOptions = {}): Promise<PhoneNumberListPage> {
    const search = canonicalQueryString(query);
    const path = `/agents/phone-numbers${search ? `?${search}` : ''}`;
    return this.load(LIST_OPERATION, path, call, (body) => {
      if (body === undefined) throw new CartesiaHttpError(LIST_OPERATION, 404);
      const { isPhoneNumberListPage } = upstreamContract();
      if (!isPhoneNumberListPage(body)) {
        throw new CartesiaContractError(LIST_OPERATION, describeViolations(isPhoneNumberListPage.errors));
      }
      return body;
    });
  }

  /** One number by id; null when Cartesia says 404. */
  getPhoneNumber(id: string, call: CallOptions = {}): Promise<PhoneNumberRecord | null> {
    return this.load(GET_OPERATION, `/agents/phone-numbers/${encodeURIComponent(id)}`, call, (body) => {
      if (body === undefined) return null;
      const { isPhoneNumber } = upstreamContract();
      if (!isPhoneNumber(body)) {
        throw new CartesiaContractError(GET_OPERATION, describeViolations(isPhoneNumber.errors));
      }
      return body;
    });
  }

  /**
   * Closes the pool once in-flight requests are done (`force`: aborts them
   * instead), and stops watching the key file.
   */
  async close({ force = false }: { force?: boolean } = {}): Promise<void> {
    this.apiKey.close();
    await (force ? this.pool.destroy() : this.pool.close());
  }

  /** Whether the circuit breaker is currently refusing calls. */
  get circuitOpen(): boolean {
    return this.resilience.breaker.isOpen;
  }

  /**
   * A validated payload for `GET path`: from the cache, from an identical call
   * already in flight, or from a new upstream call. `decode` validates a body
   * (undefined for 404) and runs once per upstream answer.
   *
   * Coalescing sits above retries and the breaker: the whole resilient call is
   * shared, run on behalf of the caller that started it (its deadline, request
   * id, trace and attempt records). A caller that joins still leaves at its own
   * abort or deadline; the shared call is aborted only when every caller left.
   * Errors are shared by the callers that overlapped, never cached.
   */
  private load<T>(operation: string, path: string, call: CallOptions, decode: (body: unknown) => T): Promise<T> {
    const key = `GET ${this.keyFingerprint()} ${this.keyScope}${path}`;
    const { cache, metrics } = this.options;
    const joined = this.inFlight.has(key);
    if (joined) metrics?.cacheLookup('coalesced', 'hit');
    return this.inFlight.run(
      key,
      call.signal,
      async (controller) => {
        const cached = await cache?.get(key);
        if (cache) metrics?.cacheLookup('response', cached === undefined ? 'miss' : 'hit');
        if (cached !== undefined) return cached as T;
        const response = await this.getJson(operation, path, { ...call, signal: controller.signal });
        const value = decode(response.body);
        // Only payloads are cached: a 404 (null) or an error is asked again next time.
        if (cache && value !== null) void cache.set(key, value, response.bytes);
        return value;
      },
      () => new CartesiaAbortedError(operation),
      joined ? this.patience(operation, call) : undefined,
    );
  }

  /**
   * How long a caller that joins a call someone else started may wait: until
   * its own deadline (the starter's deadline is already enforced by the
   * resilient call itself).
   */
  private patience(operation: string, call: CallOptions): Patience | undefined {
    if (call.deadlineAt === undefined) return undefined;
    const ms = Math.max(0, call.deadlineAt - Date.now());
    return { ms, onTimeout: () => new CartesiaTimeoutError(operation, ms, { deadline: true }) };
  }

  /** The current key's fingerprint (the key can rotate at run time). */
  private keyFingerprint(): string {
    const key = this.apiKey.current();
    if (this.fingerprint.key !== key) this.fingerprint = { key, value: keyFingerprint(key) };
    return this.fingerprint.value;
  }

  /**
   * GETs and parses JSON through retries, circuit breaker and deadline;
   * body undefined for 404, a CartesiaError for anything else that is not 2xx.
   */
  private getJson(operation: string, path: string, call: CallOptions): Promise<JsonResponse> {
    return this.resilience.execute(operation, call, (attempt) =>
      this.attemptWithKeyReload(operation, path, call, attempt),
    );
  }

  private async attemptWithKeyReload(operation: string, path: string, call: CallOptions, attempt: Attempt) {
    try {
      return await this.recordedAttempt(operation, path, call, attempt);
    } catch (error) {
      // A 401 may mean the key was rotated under us: re-read it and try once more.
      if (!(error instanceof CartesiaHttpError && error.status === 401 && this.apiKey.reload())) throw error;
      this.options.log?.warn({ operation }, 'upstream answered 401; retrying with the re-read API key');
      return this.recordedAttempt(operation, path, call, attempt);
    }
  }

  private async recordedAttempt(operation: string, path: string, call: CallOptions, attempt: Attempt) {
    const started = performance.now();
    const record = (fields: { status?: number; error?: string }) => {
      const entry = {
        operation,
        attempt: attempt.number,
        durationMs: Math.round(performance.now() - started),
        ...fields,
      };
      call.onAttempt?.(entry);
      this.options.log?.debug({ ...entry, requestId: call.requestId }, 'upstream call');
    };
    try {
      const response = await this.observedAttempt(operation, path, call, attempt);
      record({ status: response.body === undefined ? 404 : 200 });
      return response;
    } catch (error) {
      record({
        status: error instanceof CartesiaHttpError ? error.status : undefined,
        error: error instanceof CartesiaError ? error.code : 'UNKNOWN',
      });
      throw error;
    }
  }

  /**
   * Refuses a call that would wait behind a full queue: memory stays bounded
   * when Cartesia slows down. `outstanding` counts attempts in flight plus waiting for a socket.
   */
  private admit(operation: string): void {
    if (this.outstanding >= this.capacity) {
      throw new CartesiaOverloadedError(operation, Math.max(0, this.outstanding - this.connections));
    }
  }

  /** One attempt inside a client span, with `traceparent` sent upstream and metrics recorded. */
  private observedAttempt(operation: string, path: string, call: CallOptions, attempt: Attempt): Promise<JsonResponse> {
    const scope = {
      endpoint: operation,
      origin: this.origin,
      attempt: attempt.number + 1,
      traceContext: call.traceContext,
      metrics: this.options.metrics,
    };
    return observeUpstreamCall(scope, (observed) => this.attemptOnce(operation, path, call, attempt, observed));
  }

  /** One HTTP exchange, bounded by the attempt's budget and the caller's signal. */
  private async attemptOnce(
    operation: string,
    path: string,
    { signal, requestId }: CallOptions,
    attempt: Attempt,
    observed: UpstreamAttempt,
  ): Promise<JsonResponse> {
    this.admit(operation);
    this.outstanding += 1;
    // One timer and one listener per attempt, both released when it ends
    // (AbortSignal.timeout would keep a timer and signal alive for the whole budget).
    const budget = new AttemptBudget(attempt.timeoutMs, signal);
    const failure = (error: unknown) => this.transportError(operation, error, budget, attempt.timeoutMs);
    const requestHeaders: Record<string, string> = {
      authorization: `Bearer ${this.apiKey.current()}`,
      'cartesia-version': this.options.version,
      accept: 'application/json',
      ...observed.headers,
    };
    if (requestId) requestHeaders['x-request-id'] = requestId;
    try {
      let response: Dispatcher.ResponseData;
      try {
        response = await this.pool.request({
          method: 'GET',
          path: this.pathPrefix + path,
          headers: requestHeaders,
          signal: budget,
        });
      } catch (error) {
        throw failure(error);
      }
      const { statusCode, headers, body } = response;
      observed.statusCode = statusCode;
      if (statusCode === 404) {
        await body.dump();
        return { body: undefined, bytes: 0 };
      }
      if (statusCode < 200 || statusCode >= 300) {
        await body.dump();
        throw new CartesiaHttpError(operation, statusCode, retryAfterSeconds(headers['retry-after']));
      }
      let text: string;
      try {
        text = await body.text();
      } catch (error) {
        if (error instanceof undiciErrors.ResponseExceededMaxSizeError) {
          throw new CartesiaContractError(operation, `body larger than ${MAX_BODY_BYTES} bytes`);
        }
        throw failure(error);
      }
      try {
        return { body: JSON.parse(text) as unknown, bytes: Buffer.byteLength(text) };
      } catch {
        throw new CartesiaContractError(operation, 'body is not JSON');
      }
    } finally {
      this.outstanding -= 1;
      budget.release();
    }
  }

  private transportError(operation: string, error: unknown, budget: AttemptBudget, timeoutMs: number): CartesiaError {
    if (budget.callerAborted) return new CartesiaAbortedError(operation, { cause: error });
    const timedOut =
      budget.timedOut ||
      error instanceof undiciErrors.ConnectTimeoutError ||
      error instanceof undiciErrors.HeadersTimeoutError ||
      error instanceof undiciErrors.BodyTimeoutError;
    if (timedOut) return new CartesiaTimeoutError(operation, timeoutMs, { cause: error });
    return new CartesiaNetworkError(operation, { cause: error });
  }
}

/**
 * What stops one attempt: its time budget or the caller's signal, whichever
 * comes first. It is the attempt's abort signal itself, as an EventEmitter
 * (undici takes either kind): an AbortController per attempt plus undici's
 * listener on it cost about 20 µs of CPU per call here (bench/stages.ts).
 */
class AttemptBudget extends EventEmitter {
  private readonly timer: NodeJS.Timeout;
  aborted = false;
  timedOut = false;
  callerAborted = false;

  constructor(
    timeoutMs: number,
    private readonly callerSignal: AbortSignal | undefined,
  ) {
    super();
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.abort();
    }, timeoutMs);
    if (callerSignal?.aborted) this.onCallerAbort();
    else callerSignal?.addEventListener('abort', this.onCallerAbort, { once: true });
  }

  release(): void {
    clearTimeout(this.timer);
    this.callerSignal?.removeEventListener('abort', this.onCallerAbort);
  }

  private abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    this.emit('abort');
  }

  private readonly onCallerAbort = () => {
    this.callerAborted = true;
    this.abort();
  };
}

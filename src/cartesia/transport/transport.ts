import { Pool, errors as undiciErrors, type Dispatcher } from 'undici';
import { CartesiaContractError, CartesiaOverloadedError } from '../errors';
import { AttemptBudget } from './attempt-budget';
import { statusFailure, transportFailure } from './failures';

export type HttpMethod = 'GET' | 'PUT' | 'DELETE' | 'POST' | 'PATCH';

/** Pool and timeouts of the one upstream; shaped as UpstreamOptions' fields of the same names. */
export interface TransportOptions {
  /** e.g. https://api.cartesia.ai; a path prefix is kept. */
  readonly baseUrl: string;
  readonly version: string;
  readonly connectTimeoutMs: number;
  readonly headersTimeoutMs: number;
  readonly bodyTimeoutMs: number;
  /** Keep-alive sockets: at most this many attempts on the wire. */
  readonly connections: number;
  /** Attempts allowed to wait for a free socket; one more is CartesiaOverloadedError. */
  readonly maxQueue: number;
}

/** One HTTP exchange to make. */
export interface AttemptRequest {
  /** Method and path template, for errors (e.g. `GET /agents/phone-numbers/{id}`). */
  readonly operation: string;
  readonly method: HttpMethod;
  /** Below the base URL, query string included. */
  readonly path: string;
  readonly apiKey: string;
  /** Sent as JSON when present. */
  readonly body?: unknown;
  /** Extra headers (request id, trace context). */
  readonly headers?: Readonly<Record<string, string>>;
  /** The attempt's whole budget: connect, headers and body. */
  readonly timeoutMs: number;
  /** The caller's abort. */
  readonly signal?: AbortSignal;
}

/** A usable answer: 2xx or 404. `body` is undefined for 404 and empty bodies. */
export interface AttemptResponse {
  readonly status: number;
  readonly body: unknown;
  /** Size of the JSON text. */
  readonly bytes: number;
}

/** Far above any page of 100 numbers; a larger body is a broken upstream, not data. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

const NO_CONTENT = { body: undefined, bytes: 0 } as const;

/**
 * One HTTP attempt to Cartesia over a keep-alive pool: admission (a bounded
 * queue), undici's own timeouts plus the attempt's budget, JSON in and out,
 * and every failure as a typed CartesiaError. No retries, no policy.
 */
export class Transport {
  readonly origin: URL;
  private readonly pool: Pool;
  private readonly pathPrefix: string;
  /** Sockets plus queue slots: attempts beyond it are refused. */
  private readonly capacity: number;
  /** Attempts between dispatch and the end of their body (undici's pool.stats walks every socket to tell). */
  private outstanding = 0;

  constructor(private readonly options: TransportOptions) {
    const url = new URL(options.baseUrl);
    this.origin = new URL(url.origin);
    this.pathPrefix = url.pathname.replace(/\/+$/, '');
    this.capacity = options.connections + options.maxQueue;
    this.pool = new Pool(url.origin, {
      connections: options.connections,
      keepAliveTimeout: 30_000,
      connectTimeout: options.connectTimeoutMs,
      headersTimeout: options.headersTimeoutMs,
      bodyTimeout: options.bodyTimeoutMs,
      maxResponseSize: MAX_BODY_BYTES,
    });
  }

  /** Base URL without a trailing slash: names the upstream in cache keys. */
  get baseUrl(): string {
    return `${this.origin.origin}${this.pathPrefix}`;
  }

  async send(request: AttemptRequest): Promise<AttemptResponse> {
    this.admit(request.operation);
    this.outstanding += 1;
    const budget = new AttemptBudget(request.timeoutMs, request.signal);
    try {
      return await this.exchange(request, budget);
    } finally {
      this.outstanding -= 1;
      budget.release();
    }
  }

  /** Closes the pool once in-flight attempts are done (`force`: aborts them instead). */
  close(force: boolean): Promise<void> {
    return force ? this.pool.destroy() : this.pool.close();
  }

  /**
   * Refuses an attempt that would wait behind a full queue: memory stays
   * bounded when Cartesia slows down.
   */
  private admit(operation: string): void {
    if (this.outstanding < this.capacity) return;
    throw new CartesiaOverloadedError(operation, Math.max(0, this.outstanding - this.options.connections));
  }

  private async exchange(request: AttemptRequest, budget: AttemptBudget): Promise<AttemptResponse> {
    const { operation } = request;
    let response: Dispatcher.ResponseData;
    try {
      response = await this.pool.request({
        method: request.method,
        path: this.pathPrefix + request.path,
        headers: this.headersFor(request),
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: budget,
      });
    } catch (error) {
      throw transportFailure(operation, error, budget, request.timeoutMs);
    }
    const { statusCode, headers, body } = response;
    if (statusCode === 404 || statusCode === 204) {
      await body.dump();
      return { status: statusCode, ...NO_CONTENT };
    }
    if (statusCode < 200 || statusCode >= 300) {
      await body.dump();
      throw statusFailure(operation, statusCode, headers['retry-after']);
    }
    const text = await this.readBody(request, body, budget);
    return { status: statusCode, body: parseJson(operation, text), bytes: Buffer.byteLength(text) };
  }

  private headersFor(request: AttemptRequest): Record<string, string> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${request.apiKey}`,
      'cartesia-version': this.options.version,
      accept: 'application/json',
      ...request.headers,
    };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    return headers;
  }

  private async readBody(request: AttemptRequest, body: Dispatcher.ResponseData['body'], budget: AttemptBudget) {
    try {
      return await body.text();
    } catch (error) {
      if (error instanceof undiciErrors.ResponseExceededMaxSizeError) {
        throw new CartesiaContractError(request.operation, `body larger than ${MAX_BODY_BYTES} bytes`);
      }
      throw transportFailure(request.operation, error, budget, request.timeoutMs);
    }
  }
}

function parseJson(operation: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CartesiaContractError(operation, 'body is not JSON');
  }
}

import type { Context } from '@opentelemetry/api';
import { Pool, errors as undiciErrors, type Dispatcher } from 'undici';
import type { GatewayMetrics } from '../observability/metrics';
import { observeUpstreamCall, type UpstreamAttempt } from '../observability/upstream';
import { describeViolations, upstreamContract } from './contract';
import {
  CartesiaAbortedError,
  CartesiaContractError,
  CartesiaHttpError,
  CartesiaNetworkError,
  CartesiaTimeoutError,
  type CartesiaError,
} from './errors';
import type { PhoneNumberListPage, PhoneNumberListQuery, PhoneNumberRecord } from './types';

/** Per-call options: who is asking, and when to give up on their behalf. */
export interface CallOptions {
  /** Aborts the upstream request (the client went away). */
  readonly signal?: AbortSignal;
  /** Sent as X-Request-Id so Cartesia-side logs can be matched with ours. */
  readonly requestId?: string;
  /** The caller's trace context: the call's span becomes its child and `traceparent` is sent upstream. */
  readonly traceContext?: Context;
}

export interface CartesiaClientOptions {
  /** e.g. https://api.cartesia.ai; a path prefix is kept. */
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly version: string;
  /** Budget for one upstream call: connect, headers and body together. */
  readonly timeoutMs: number;
  /** Keep-alive sockets to the upstream. */
  readonly connections?: number;
  /** Where each call's endpoint, status, attempt and latency are recorded. */
  readonly metrics?: Pick<GatewayMetrics, 'upstreamCall'>;
}

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

/**
 * The only module that speaks HTTP to Cartesia: it owns the base URL, the key,
 * the version header, the keep-alive pool, timeouts, and the translation of
 * every failure into a typed CartesiaError. Payloads leave it validated.
 */
export class CartesiaClient {
  private readonly pool: Pool;
  private readonly origin: URL;
  private readonly pathPrefix: string;
  private readonly headers: Record<string, string>;

  constructor(private readonly options: CartesiaClientOptions) {
    const url = new URL(options.baseUrl);
    this.origin = new URL(url.origin);
    this.pathPrefix = url.pathname.replace(/\/+$/, '');
    this.pool = new Pool(url.origin, {
      connections: options.connections ?? 64,
      keepAliveTimeout: 30_000,
      connectTimeout: options.timeoutMs,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
    this.headers = {
      authorization: `Bearer ${options.apiKey}`,
      'cartesia-version': options.version,
      accept: 'application/json',
    };
  }

  /** One page of the list; `query` is sent as given (absent values omitted). */
  async listPhoneNumbers(query: PhoneNumberListQuery, call: CallOptions = {}): Promise<PhoneNumberListPage> {
    const search = canonicalQueryString(query);
    const path = `/agents/phone-numbers${search ? `?${search}` : ''}`;
    const body = await this.getJson(LIST_OPERATION, path, call);
    const { isPhoneNumberListPage } = upstreamContract();
    if (body === undefined) throw new CartesiaHttpError(LIST_OPERATION, 404);
    if (!isPhoneNumberListPage(body)) {
      throw new CartesiaContractError(LIST_OPERATION, describeViolations(isPhoneNumberListPage.errors));
    }
    return body;
  }

  /** One number by id; null when Cartesia says 404. */
  async getPhoneNumber(id: string, call: CallOptions = {}): Promise<PhoneNumberRecord | null> {
    const body = await this.getJson(GET_OPERATION, `/agents/phone-numbers/${encodeURIComponent(id)}`, call);
    if (body === undefined) return null;
    const { isPhoneNumber } = upstreamContract();
    if (!isPhoneNumber(body)) {
      throw new CartesiaContractError(GET_OPERATION, describeViolations(isPhoneNumber.errors));
    }
    return body;
  }

  /** Closes the pool once in-flight requests are done. */
  async close(): Promise<void> {
    await this.pool.close();
  }

  /** One observed attempt of a GET: a span, `traceparent` sent upstream, metrics. */
  private getJson(operation: string, path: string, call: CallOptions, attempt = 1): Promise<unknown> {
    const scope = {
      endpoint: operation,
      origin: this.origin,
      attempt,
      traceContext: call.traceContext,
      metrics: this.options.metrics,
    };
    return observeUpstreamCall(scope, (observed) => this.fetchJson(operation, path, call, observed));
  }

  /** GETs and parses JSON; undefined for 404, a CartesiaError for anything else that is not 2xx. */
  private async fetchJson(
    operation: string,
    path: string,
    { signal, requestId }: CallOptions,
    observed: UpstreamAttempt,
  ): Promise<unknown> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let response: Dispatcher.ResponseData;
    try {
      response = await this.pool.request({
        method: 'GET',
        path: this.pathPrefix + path,
        headers: { ...this.headers, ...observed.headers, ...(requestId && { 'x-request-id': requestId }) },
        signal: combined,
      });
    } catch (error) {
      throw this.transportError(operation, error, timeout, signal);
    }
    const { statusCode, headers, body } = response;
    observed.statusCode = statusCode;
    if (statusCode === 404) {
      await body.dump();
      return undefined;
    }
    if (statusCode < 200 || statusCode >= 300) {
      await body.dump();
      throw new CartesiaHttpError(operation, statusCode, retryAfterSeconds(headers['retry-after']));
    }
    let text: string | undefined;
    try {
      text = await readLimited(body, MAX_BODY_BYTES);
    } catch (error) {
      throw this.transportError(operation, error, timeout, signal);
    }
    if (text === undefined) throw new CartesiaContractError(operation, `body larger than ${MAX_BODY_BYTES} bytes`);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new CartesiaContractError(operation, 'body is not JSON');
    }
  }

  private transportError(
    operation: string,
    error: unknown,
    timeout: AbortSignal,
    callerSignal: AbortSignal | undefined,
  ): CartesiaError {
    if (callerSignal?.aborted) return new CartesiaAbortedError(operation, { cause: error });
    const timedOut =
      timeout.aborted ||
      error instanceof undiciErrors.ConnectTimeoutError ||
      error instanceof undiciErrors.HeadersTimeoutError ||
      error instanceof undiciErrors.BodyTimeoutError;
    if (timedOut) return new CartesiaTimeoutError(operation, this.options.timeoutMs, { cause: error });
    return new CartesiaNetworkError(operation, { cause: error });
  }
}

/** The body as text, or undefined when it grows past maxBytes (the socket is then dropped). */
async function readLimited(body: Dispatcher.ResponseData['body'], maxBytes: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) {
      body.destroy();
      return undefined;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

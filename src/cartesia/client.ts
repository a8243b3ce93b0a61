import { createHash } from 'node:crypto';
import { Pool, errors as undiciErrors, type Dispatcher } from 'undici';
import type { PayloadCache } from '../cache/payload-cache';
import { describeViolations, upstreamContract } from './contract';
import {
  CartesiaAbortedError,
  CartesiaContractError,
  CartesiaHttpError,
  CartesiaNetworkError,
  CartesiaTimeoutError,
  type CartesiaError,
} from './errors';
import { InFlight } from './in-flight';
import type { PhoneNumberListPage, PhoneNumberListQuery, PhoneNumberRecord } from './types';

export interface CartesiaClientOptions {
  /** e.g. https://api.cartesia.ai; a path prefix is kept. */
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly version: string;
  /** Budget for one upstream call: connect, headers and body together. */
  readonly timeoutMs: number;
  /** Keep-alive sockets to the upstream. */
  readonly connections?: number;
  /** A shared cache of validated payloads; none by default. */
  readonly cache?: PayloadCache;
}

const LIST_OPERATION = 'GET /agents/phone-numbers';
const GET_OPERATION = 'GET /agents/phone-numbers/{id}';
/** Far above any page of 100 numbers; a larger body is a broken upstream, not data. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** The abort reason of a call whose time budget ran out. */
const TIMED_OUT = Symbol('upstream call timed out');

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
 * upstream call (and one validation); with a cache, validated payloads are
 * also reused for the cache's TTL.
 */
export class CartesiaClient {
  private readonly pool: Pool;
  private readonly pathPrefix: string;
  private readonly headers: Record<string, string>;
  /** Prefix of every coalescing and cache key: upstream origin, version and key fingerprint. */
  private readonly keyScope: string;
  private readonly inFlight = new InFlight();

  constructor(private readonly options: CartesiaClientOptions) {
    const url = new URL(options.baseUrl);
    this.pathPrefix = url.pathname.replace(/\/+$/, '');
    this.pool = new Pool(url.origin, {
      connections: options.connections ?? 64,
      keepAliveTimeout: 30_000,
      connectTimeout: options.timeoutMs,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      // undici stops reading (and drops the socket) past this size.
      maxResponseSize: MAX_BODY_BYTES,
    });
    this.headers = {
      authorization: `Bearer ${options.apiKey}`,
      'cartesia-version': options.version,
      accept: 'application/json',
    };
    this.keyScope = `${options.version} ${keyFingerprint(options.apiKey)} ${url.origin}${this.pathPrefix}`;
  }

  /** One page of the list; `query` is sent as given (absent values omitted). */
  listPhoneNumbers(query: PhoneNumberListQuery, signal?: AbortSignal): Promise<PhoneNumberListPage> {
    const search = canonicalQueryString(query);
    const path = `/agents/phone-numbers${search ? `?${search}` : ''}`;
    return this.load(LIST_OPERATION, path, signal, (body) => {
      if (body === undefined) throw new CartesiaHttpError(LIST_OPERATION, 404);
      const { isPhoneNumberListPage } = upstreamContract();
      if (!isPhoneNumberListPage(body)) {
        throw new CartesiaContractError(LIST_OPERATION, describeViolations(isPhoneNumberListPage.errors));
      }
      return body;
    });
  }

  /** One number by id; null when Cartesia says 404. */
  getPhoneNumber(id: string, signal?: AbortSignal): Promise<PhoneNumberRecord | null> {
    return this.load(GET_OPERATION, `/agents/phone-numbers/${encodeURIComponent(id)}`, signal, (body) => {
      if (body === undefined) return null;
      const { isPhoneNumber } = upstreamContract();
      if (!isPhoneNumber(body)) {
        throw new CartesiaContractError(GET_OPERATION, describeViolations(isPhoneNumber.errors));
      }
      return body;
    });
  }

  /** Closes the pool once in-flight requests are done. */
  async close(): Promise<void> {
    await this.pool.close();
  }

  /**
   * A validated payload for `GET path`: from the cache, from an identical call
   * already in flight, or from a new upstream call. `decode` validates a body
   * (undefined for 404) and is run once per upstream answer.
   */
  private load<T>(operation: string, path: string, signal: AbortSignal | undefined, decode: (body: unknown) => T): Promise<T> {
    const key = `GET ${this.keyScope}${path}`;
    return this.inFlight.run(
      key,
      signal,
      async (controller) => {
        const { cache } = this.options;
        const cached = await cache?.get(key);
        if (cached !== undefined) return cached as T;
        const response = await this.getJson(operation, path, controller);
        const value = decode(response.body);
        // Only payloads are cached: a 404 (null) or an error is asked again next time.
        if (cache && value !== null) void cache.set(key, value, response.bytes);
        return value;
      },
      () => new CartesiaAbortedError(operation),
    );
  }

  /**
   * GETs and parses JSON; body undefined for 404, a CartesiaError for anything
   * else that is not 2xx. `controller` cancels the call: its owner aborts it
   * when nobody waits any more, and so does the time budget here.
   */
  private async getJson(operation: string, path: string, controller: AbortController): Promise<JsonResponse> {
    // One budget for connect, headers and body together; cleared as soon as the call ends.
    const timer = setTimeout(() => controller.abort(TIMED_OUT), this.options.timeoutMs);
    const failure = (error: unknown) => this.transportError(operation, error, controller.signal);
    try {
      let response: Dispatcher.ResponseData;
      try {
        response = await this.pool.request({
          method: 'GET',
          path: this.pathPrefix + path,
          headers: this.headers,
          signal: controller.signal,
        });
      } catch (error) {
        throw failure(error);
      }
      const { statusCode, headers, body } = response;
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
        return { body: JSON.parse(text) as unknown, bytes: text.length };
      } catch {
        throw new CartesiaContractError(operation, 'body is not JSON');
      }
    } finally {
      clearTimeout(timer);
    }
  }

  private transportError(operation: string, error: unknown, signal: AbortSignal): CartesiaError {
    const undiciTimeout =
      error instanceof undiciErrors.ConnectTimeoutError ||
      error instanceof undiciErrors.HeadersTimeoutError ||
      error instanceof undiciErrors.BodyTimeoutError;
    if (signal.reason === TIMED_OUT || undiciTimeout) {
      return new CartesiaTimeoutError(operation, this.options.timeoutMs, { cause: error });
    }
    // Aborted for any other reason: every waiting caller has gone, nobody sees this one.
    if (signal.aborted) return new CartesiaAbortedError(operation, { cause: error });
    return new CartesiaNetworkError(operation, { cause: error });
  }
}

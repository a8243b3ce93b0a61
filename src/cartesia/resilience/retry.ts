import type { CartesiaError } from '../errors';
import { CartesiaHttpError, CartesiaNetworkError } from '../errors';

/** When and how long to wait before calling Cartesia again after a failed attempt. */
export interface RetryOptions {
  /** Further attempts after the first; 0 turns retries off. */
  readonly retries: number;
  readonly baseDelayMs: number;
  /** Cap of the exponential backoff. */
  readonly maxDelayMs: number;
  /** A `Retry-After` above this is not waited for: the error goes to the client at once. */
  readonly retryAfterMaxMs: number;
}

// Statuses that say "not now" rather than "never": a gateway in between
// failed, the service is overloaded, or it asked us to slow down.
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

/**
 * Whether a failed attempt is worth another: connection failures and
 * 429/502/503/504. Timeouts are not retried (a hung upstream would hold the
 * client for attempts × timeout), nor are 4xx or contract violations.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof CartesiaNetworkError) return true;
  return error instanceof CartesiaHttpError && RETRYABLE_STATUSES.has(error.status);
}

/**
 * Whether a request may be sent again after `error`. An idempotent one
 * (sending it twice has the effect of sending it once: GET, DELETE, a PATCH
 * of absolute values) may; any other only when the failed request provably
 * never reached Cartesia (else a retry could create something twice).
 */
export function mayRetry(idempotent: boolean, error: unknown): boolean {
  if (!isRetryable(error)) return false;
  return idempotent || !(error as CartesiaError).mayHaveReachedUpstream;
}

/**
 * Milliseconds to wait before the next attempt, or undefined when the error
 * must go to the client now. `failedAttempt` counts from 0. The upstream's
 * `Retry-After` wins when present and under the cap; otherwise the backoff
 * doubles from `baseDelayMs` up to `maxDelayMs`, with equal jitter (half
 * fixed, half random) so that many gateways don't retry in lockstep.
 */
export function retryDelayMs(
  error: unknown,
  failedAttempt: number,
  options: RetryOptions,
  random: () => number = Math.random,
): number | undefined {
  if (failedAttempt >= options.retries || !isRetryable(error)) return undefined;
  if (error instanceof CartesiaHttpError && error.retryAfterSeconds !== undefined) {
    const requested = error.retryAfterSeconds * 1000;
    return requested <= options.retryAfterMaxMs ? requested : undefined;
  }
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** failedAttempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

import {
  CartesiaContractError,
  CartesiaHttpError,
  CartesiaNetworkError,
  CartesiaTimeoutError,
} from '../../src/cartesia/errors';
import { isRetryable, mayRetry, retryDelayMs, type RetryOptions } from '../../src/cartesia/resilience';

const OPTIONS: RetryOptions = { retries: 3, baseDelayMs: 100, maxDelayMs: 1_000, retryAfterMaxMs: 2_000 };
const OP = 'GET /x';

describe('retry policy', () => {
  it('retries connection errors and 429/502/503/504 only', () => {
    expect(isRetryable(new CartesiaNetworkError(OP))).toBe(true);
    for (const status of [429, 502, 503, 504]) expect(isRetryable(new CartesiaHttpError(OP, status))).toBe(true);
    for (const status of [400, 401, 403, 404, 422, 500, 501])
      expect(isRetryable(new CartesiaHttpError(OP, status))).toBe(false);
    expect(isRetryable(new CartesiaTimeoutError(OP, 10))).toBe(false);
    expect(isRetryable(new CartesiaContractError(OP, 'x'))).toBe(false);
    expect(isRetryable(new Error('other'))).toBe(false);
  });

  it('backs off exponentially with equal jitter, capped', () => {
    const error = new CartesiaHttpError(OP, 503);
    const low = (attempt: number) => retryDelayMs(error, attempt, { ...OPTIONS, retries: 10 }, () => 0);
    const high = (attempt: number) => retryDelayMs(error, attempt, { ...OPTIONS, retries: 10 }, () => 1);
    expect([0, 1, 2, 3, 4, 5].map(low)).toEqual([50, 100, 200, 400, 500, 500]);
    expect([0, 1, 2, 3, 4, 5].map(high)).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('stops after the configured retries', () => {
    const error = new CartesiaNetworkError(OP);
    expect(retryDelayMs(error, 2, OPTIONS)).toBeDefined();
    expect(retryDelayMs(error, 3, OPTIONS)).toBeUndefined();
    expect(retryDelayMs(error, 0, { ...OPTIONS, retries: 0 })).toBeUndefined();
  });

  it('honours Retry-After up to the cap, and does not wait for more', () => {
    expect(retryDelayMs(new CartesiaHttpError(OP, 429, 2), 0, OPTIONS)).toBe(2_000);
    expect(retryDelayMs(new CartesiaHttpError(OP, 503, 0), 0, OPTIONS)).toBe(0);
    expect(retryDelayMs(new CartesiaHttpError(OP, 429, 3), 0, OPTIONS)).toBeUndefined();
  });
});

describe('mayRetry: idempotence decides', () => {
  const reset = new CartesiaNetworkError(OP, { mayHaveReachedUpstream: true });
  const refused = new CartesiaNetworkError(OP, { mayHaveReachedUpstream: false });
  const unavailable = new CartesiaHttpError(OP, 503);

  it('retries an idempotent call (GET, DELETE, PATCH of absolute values) after any retryable failure', () => {
    expect(mayRetry(true, reset)).toBe(true);
    expect(mayRetry(true, refused)).toBe(true);
    expect(mayRetry(true, unavailable)).toBe(true);
  });

  it('retries a non-idempotent call (POST) only when the request provably never left', () => {
    expect(mayRetry(false, refused)).toBe(true);
    expect(mayRetry(false, reset)).toBe(false);
    expect(mayRetry(false, unavailable)).toBe(false);
    expect(mayRetry(false, new CartesiaHttpError(OP, 429))).toBe(false);
  });

  it('never retries what is not retryable, idempotent or not', () => {
    for (const idempotent of [true, false]) {
      expect(mayRetry(idempotent, new CartesiaTimeoutError(OP, 10, { mayHaveReachedUpstream: false }))).toBe(false);
      expect(mayRetry(idempotent, new CartesiaHttpError(OP, 500))).toBe(false);
    }
  });
});

import { setTimeout as sleep } from 'node:timers/promises';
import { CartesiaAbortedError, CartesiaTimeoutError } from '../errors';
import { UpstreamCircuitBreaker, type CircuitBreakerOptions } from './circuit-breaker';
import { retryDelayMs, type RetryOptions } from './retry';

export { isRetryable, retryDelayMs, type RetryOptions } from './retry';
export { UpstreamCircuitBreaker, type CircuitBreakerOptions } from './circuit-breaker';

/** Who is waiting for a call, and until when. */
export interface CallBudget {
  /** Aborts waits and attempts (the client went away). */
  readonly signal?: AbortSignal;
  /** Epoch ms after which no attempt starts and no backoff sleeps; see REQUEST_DEADLINE_MS. */
  readonly deadlineAt?: number;
}

/** What one attempt gets to work with. */
export interface Attempt {
  /** 0 for the first attempt. */
  readonly number: number;
  /** The attempt's whole budget: the per-attempt timeout, or less when the deadline is nearer. */
  readonly timeoutMs: number;
}

export interface ResilienceOptions {
  readonly attemptTimeoutMs: number;
  readonly retry: RetryOptions;
  readonly breaker: CircuitBreakerOptions;
}

/**
 * Runs idempotent upstream GETs with retries (capped, jittered, honouring
 * Retry-After), a circuit breaker, and a deadline that bounds the whole
 * sequence: no attempt starts and no backoff sleeps past it.
 */
export class UpstreamResilience {
  readonly breaker: UpstreamCircuitBreaker;

  constructor(private readonly options: ResilienceOptions) {
    this.breaker = new UpstreamCircuitBreaker(options.breaker);
  }

  async execute<T>(operation: string, budget: CallBudget, attempt: (attempt: Attempt) => Promise<T>): Promise<T> {
    const deadlineAt = budget.deadlineAt ?? Number.POSITIVE_INFINITY;
    for (let number = 0; ; number += 1) {
      const remaining = deadlineAt - Date.now();
      if (remaining <= 0) throw new CartesiaTimeoutError(operation, 0, { deadline: true });
      const timeoutMs = Math.min(this.options.attemptTimeoutMs, remaining);
      try {
        // The attempt bounds itself. A half-open circuit makes callers wait
        // for its trial call first: only that wait needs the deadline race.
        const waitsForTrial = this.breaker.isHalfOpen;
        const run = this.breaker.run(operation, () => attempt({ number, timeoutMs }));
        return await (waitsForTrial ? withinDeadline(operation, remaining, run) : run);
      } catch (error) {
        const delay = retryDelayMs(error, number, this.options.retry);
        if (delay === undefined || Date.now() + delay >= deadlineAt) throw error;
        await backoff(operation, delay, budget.signal);
      }
    }
  }
}

async function withinDeadline<T>(operation: string, remainingMs: number, work: Promise<T>): Promise<T> {
  if (!Number.isFinite(remainingMs)) return work;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new CartesiaTimeoutError(operation, remainingMs, { deadline: true })), remainingMs);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function backoff(operation: string, ms: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await sleep(ms, undefined, { signal });
  } catch (error) {
    throw new CartesiaAbortedError(operation, { cause: error });
  }
}

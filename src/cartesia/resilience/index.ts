import { setTimeout as sleep } from 'node:timers/promises';
import { CartesiaAbortedError, CartesiaTimeoutError, type CartesiaError } from '../errors';
import { UpstreamCircuitBreaker, type CircuitBreakerOptions } from './circuit-breaker';
import { mayRetry, retryDelayMs, type RetryOptions } from './retry';

export { isRetryable, mayRetry, retryDelayMs, type RetryOptions } from './retry';
export {
  UpstreamCircuitBreaker,
  isUpstreamFailure,
  type BreakerState,
  type CircuitBreakerOptions,
} from './circuit-breaker';

/** Who is waiting for a call, and until when. */
export interface CallBudget {
  /** Aborts waits and attempts (the client went away). */
  readonly signal?: AbortSignal;
  /** Epoch ms after which no attempt starts and no backoff sleeps; see REQUEST_DEADLINE_MS. */
  readonly deadlineAt?: number;
  /** Whether the call may be sent again after it may have reached Cartesia (see mayRetry); true when absent. */
  readonly idempotent?: boolean;
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
 * Runs upstream calls with retries (capped, jittered, honouring Retry-After,
 * only where the call is idempotent or provably never left), a circuit breaker, and a deadline that
 * bounds the whole sequence: no attempt starts and no backoff sleeps past it.
 */
export class UpstreamResilience {
  readonly breaker: UpstreamCircuitBreaker;

  constructor(private readonly options: ResilienceOptions) {
    this.breaker = new UpstreamCircuitBreaker(options.breaker);
  }

  async execute<T>(operation: string, budget: CallBudget, attempt: (attempt: Attempt) => Promise<T>): Promise<T> {
    const deadlineAt = budget.deadlineAt ?? Number.POSITIVE_INFINITY;
    const idempotent = budget.idempotent ?? true;
    // Whether an earlier attempt may have reached Cartesia: errors made here, between attempts, say so too.
    let mayHaveReachedUpstream = false;
    for (let number = 0; ; number += 1) {
      const remaining = deadlineAt - Date.now();
      if (remaining <= 0) throw new CartesiaTimeoutError(operation, 0, { deadline: true, mayHaveReachedUpstream });
      const timeoutMs = Math.min(this.options.attemptTimeoutMs, remaining);
      try {
        // The attempt bounds itself; only the wait for a half-open trial call needs the deadline race.
        return await this.breaker.run(
          operation,
          () => attempt({ number, timeoutMs }),
          (trial) => withinDeadline(operation, deadlineAt, trial),
        );
      } catch (error) {
        const delay = mayRetry(idempotent, error) ? retryDelayMs(error, number, this.options.retry) : undefined;
        if (delay === undefined || Date.now() + delay >= deadlineAt) throw error;
        mayHaveReachedUpstream ||= (error as CartesiaError).mayHaveReachedUpstream;
        await backoff(operation, delay, budget.signal, mayHaveReachedUpstream);
      }
    }
  }
}

async function withinDeadline<T>(operation: string, deadlineAt: number, work: Promise<T>): Promise<T> {
  if (!Number.isFinite(deadlineAt)) return work;
  const remainingMs = Math.max(0, deadlineAt - Date.now());
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    const error = () =>
      new CartesiaTimeoutError(operation, remainingMs, { deadline: true, mayHaveReachedUpstream: false });
    timer = setTimeout(() => reject(error()), remainingMs);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function backoff(
  operation: string,
  ms: number,
  signal: AbortSignal | undefined,
  mayHaveReachedUpstream: boolean,
) {
  try {
    await sleep(ms, undefined, { signal });
  } catch (error) {
    throw new CartesiaAbortedError(operation, { cause: error, mayHaveReachedUpstream });
  }
}

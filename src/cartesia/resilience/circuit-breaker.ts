import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import { CartesiaCircuitOpenError, CartesiaHttpError, CartesiaNetworkError, CartesiaTimeoutError } from '../errors';

export interface CircuitBreakerOptions {
  /** Consecutive failed calls that open the circuit (Envoy's consecutive_5xx defaults to 5 too). */
  readonly threshold: number;
  /** How long the open circuit answers without calling; then one trial call decides. */
  readonly cooldownMs: number;
  /** Told when the circuit opens or closes again (operators want that in the log). */
  readonly onStateChange?: (state: 'open' | 'half-open' | 'closed') => void;
}

/**
 * Failures that say the upstream is unwell. A 4xx, a contract violation, a
 * full queue or a client that went away say nothing about its health.
 */
function isUpstreamFailure(error: unknown): boolean {
  if (error instanceof CartesiaNetworkError || error instanceof CartesiaTimeoutError) return true;
  return error instanceof CartesiaHttpError && error.status >= 500;
}

const STATE_NAMES: Partial<Record<CircuitState, 'open' | 'half-open' | 'closed'>> = {
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Closed]: 'closed',
};

/**
 * One circuit for the one upstream: after `threshold` failed calls in a row,
 * calls fail at once with CartesiaCircuitOpenError for `cooldownMs`; then a
 * single trial call closes it again (or re-opens it). Recovers by itself.
 */
export class UpstreamCircuitBreaker {
  private readonly policy: CircuitBreakerPolicy;

  constructor(options: CircuitBreakerOptions) {
    this.policy = circuitBreaker(handleWhen(isUpstreamFailure), {
      halfOpenAfter: options.cooldownMs,
      breaker: new ConsecutiveBreaker(options.threshold),
    });
    const { onStateChange } = options;
    if (onStateChange) {
      this.policy.onStateChange((state) => {
        const name = STATE_NAMES[state];
        if (name) onStateChange(name);
      });
    }
  }

  /** Runs `call` through the circuit; CartesiaCircuitOpenError when the circuit is open. */
  async run<T>(operation: string, call: () => Promise<T>): Promise<T> {
    try {
      return await this.policy.execute(call);
    } catch (error) {
      if (error instanceof BrokenCircuitError) throw new CartesiaCircuitOpenError(operation);
      throw error;
    }
  }

  get isOpen(): boolean {
    return this.policy.state === CircuitState.Open;
  }

  get isHalfOpen(): boolean {
    return this.policy.state === CircuitState.HalfOpen;
  }
}

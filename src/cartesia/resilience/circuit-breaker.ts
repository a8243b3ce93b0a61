import { CartesiaCircuitOpenError, CartesiaHttpError, CartesiaNetworkError, CartesiaTimeoutError } from '../errors';

export type BreakerState = 'open' | 'half-open' | 'closed';

export interface CircuitBreakerOptions {
  /** Consecutive failed calls that open the circuit (Envoy's consecutive_5xx defaults to 5 too). */
  readonly threshold: number;
  /** How long the open circuit answers without calling; then one trial call decides. */
  readonly cooldownMs: number;
  /** Told when the circuit opens, half-opens or closes again (operators want that in the log). */
  readonly onStateChange?: (state: BreakerState) => void;
}

/**
 * Failures that say the upstream is unwell. A 4xx, a contract violation, a
 * full queue or a client that went away say nothing about its health.
 */
export function isUpstreamFailure(error: unknown): boolean {
  if (error instanceof CartesiaNetworkError || error instanceof CartesiaTimeoutError) return true;
  return error instanceof CartesiaHttpError && error.status >= 500;
}

/** How a caller waits for the half-open trial call: bounded by its own deadline. */
export type TrialWait = (trial: Promise<unknown>) => Promise<unknown>;

/**
 * One circuit for the one upstream: after `threshold` failed calls in a row,
 * calls fail at once with CartesiaCircuitOpenError for `cooldownMs`; then a
 * single trial call closes it again (or re-opens it), while other callers
 * wait for its outcome. Recovers by itself.
 */
export class UpstreamCircuitBreaker {
  private current: BreakerState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private trial: Promise<unknown> | undefined;

  constructor(
    private readonly options: CircuitBreakerOptions,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): BreakerState {
    return this.current;
  }

  get isOpen(): boolean {
    return this.current === 'open';
  }

  get isHalfOpen(): boolean {
    return this.current === 'half-open';
  }

  /** Runs `call` through the circuit; CartesiaCircuitOpenError when the circuit is open. */
  async run<T>(operation: string, call: () => Promise<T>, waitForTrial: TrialWait = (trial) => trial): Promise<T> {
    for (;;) {
      if (this.current === 'closed') return this.runClosed(call);
      if (this.current === 'open') {
        if (this.now() - this.openedAt < this.options.cooldownMs) throw new CartesiaCircuitOpenError(operation);
        this.moveTo('half-open');
      }
      if (!this.trial) return this.runTrial(call);
      await waitForTrial(this.trial.catch(() => undefined));
    }
  }

  private async runClosed<T>(call: () => Promise<T>): Promise<T> {
    try {
      const value = await call();
      this.failures = 0;
      return value;
    } catch (error) {
      if (isUpstreamFailure(error)) this.countFailure();
      throw error;
    }
  }

  private async runTrial<T>(call: () => Promise<T>): Promise<T> {
    const trial = call();
    this.trial = trial;
    try {
      const value = await trial;
      this.close();
      return value;
    } catch (error) {
      // Only an unwell upstream re-opens: a 4xx or an abort says it answered, or nothing at all.
      if (isUpstreamFailure(error)) this.open();
      else this.close();
      throw error;
    } finally {
      this.trial = undefined;
    }
  }

  private countFailure(): void {
    this.failures += 1;
    if (this.failures >= this.options.threshold) this.open();
  }

  private open(): void {
    this.openedAt = this.now();
    this.moveTo('open');
  }

  private close(): void {
    this.failures = 0;
    this.moveTo('closed');
  }

  private moveTo(state: BreakerState): void {
    if (this.current === state) return;
    this.current = state;
    this.options.onStateChange?.(state);
  }
}

import { EventEmitter } from 'node:events';

/**
 * What stops one attempt: its time budget or the caller's signal, whichever
 * comes first. It is the attempt's abort signal itself, as an EventEmitter
 * (undici takes either kind): an AbortController per attempt plus undici's
 * listener on it cost measurably more CPU per call (bench/stages.ts).
 */
export class AttemptBudget extends EventEmitter {
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

  /** Clears the timer and the caller listener: one of each per attempt, gone when it ends. */
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

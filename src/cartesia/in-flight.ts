// Request coalescing: concurrent callers asking for the same upstream
// resource share one call. Sits below the per-request DataLoaders, so it
// also joins identical calls made by *different* client requests.

interface SharedCall {
  readonly promise: Promise<unknown>;
  readonly controller: AbortController;
  waiters: number;
}

/**
 * At most one call in flight per key; later callers with the same key join
 * it. The entry is removed as soon as the call settles, so results and
 * errors are shared by callers that overlapped, never kept for later ones.
 *
 * A caller whose own signal aborts leaves alone (its promise rejects with
 * `onAbort()`); the shared call is aborted only when every caller has left.
 */
export class InFlight {
  private readonly calls = new Map<string, SharedCall>();

  /** How many distinct calls are in flight. */
  get size(): number {
    return this.calls.size;
  }

  /** Whether a call for `key` is in flight (a caller would join it). */
  has(key: string): boolean {
    return this.calls.has(key);
  }

  /**
   * Joins the call for `key`, or starts one with `start(controller)`. The
   * controller is the call's own: it is aborted when every caller has left,
   * and the call may abort it itself (e.g. when its time budget runs out).
   * Callers of one key must expect the same type: the key names the resource.
   * @param signal the caller's own abort signal
   * @param onAbort the error a caller gets when its signal aborts first
   * @param patience how long this caller waits at most, and the error it then gets
   */
  run<T>(
    key: string,
    signal: AbortSignal | undefined,
    start: (controller: AbortController) => Promise<T>,
    onAbort: () => Error,
    patience?: Patience,
  ): Promise<T> {
    if (signal?.aborted) return Promise.reject(onAbort());
    const call = this.calls.get(key) ?? this.startCall(key, start);
    call.waiters += 1;
    const promise = call.promise as Promise<T>;
    return signal || patience ? this.waitFor(key, call, promise, { signal, onAbort, patience }) : promise;
  }

  private startCall(key: string, start: (controller: AbortController) => Promise<unknown>): SharedCall {
    const controller = new AbortController();
    const call: SharedCall = {
      promise: start(controller).finally(() => this.forget(key, call)),
      controller,
      waiters: 0,
    };
    this.calls.set(key, call);
    return call;
  }

  private forget(key: string, call: SharedCall): void {
    if (this.calls.get(key) === call) this.calls.delete(key);
  }

  private waitFor<T>(
    key: string,
    call: SharedCall,
    promise: Promise<T>,
    { signal, onAbort, patience }: { signal?: AbortSignal; onAbort: () => Error; patience?: Patience },
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      // One timer, cleared as soon as the wait ends (AbortSignal.timeout would live for all of `ms`).
      const timer = patience && setTimeout(() => leave(patience.onTimeout()), patience.ms);
      const stopWaiting = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onSignal);
      };
      const leave = (error: Error) => {
        stopWaiting();
        call.waiters -= 1;
        reject(error);
        if (call.waiters > 0) return;
        // Nobody waits any more: stop the call, and let the next caller start afresh.
        this.forget(key, call);
        call.controller.abort();
      };
      const onSignal = () => leave(onAbort());
      signal?.addEventListener('abort', onSignal, { once: true });
      promise.then(
        (value) => {
          stopWaiting();
          resolve(value);
        },
        (error: unknown) => {
          stopWaiting();
          reject(error);
        },
      );
    });
  }
}

/** How long one caller waits for a shared call, and the error it gets when that runs out. */
export interface Patience {
  readonly ms: number;
  readonly onTimeout: () => Error;
}

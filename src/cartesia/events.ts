// What the client tells whoever listens (metrics, tracing): it imports
// neither, they subscribe.
import type { BreakerState } from './resilience/circuit-breaker';
import type { HttpMethod } from './transport/transport';

/** An attempt about to be sent. */
export interface AttemptStart {
  /** Method and path template, e.g. `GET /agents/phone-numbers/{id}`. */
  readonly operation: string;
  readonly method: HttpMethod;
  /** 0 for the first attempt of a call. */
  readonly attempt: number;
  readonly timeoutMs: number;
  readonly origin: URL;
  readonly requestId?: string;
  /** The caller's CallOptions.traceContext, passed through untouched. */
  readonly traceContext: unknown;
  /** Headers to send with this attempt: a subscriber may add some (e.g. `traceparent`). */
  readonly headers: Record<string, string>;
}

/** An attempt that ended, with what came of it. */
export interface AttemptEnd {
  /** The very object the `attemptStart` listeners saw: a key to what they kept. */
  readonly start: AttemptStart;
  readonly durationMs: number;
  /** The HTTP status, when one came. */
  readonly status?: number;
  /** The CartesiaError (or anything else thrown) when it failed. */
  readonly error?: unknown;
}

/** A call that did not need an attempt of its own: it joined one in flight, or found its payload stored. */
export interface SharedLookup {
  readonly operation: string;
  /** `coalesced`: joined a call in flight (hits only); `response`: the payload store. */
  readonly cache: 'coalesced' | 'response';
  readonly result: 'hit' | 'miss';
}

export interface UpstreamEventMap {
  attemptStart: AttemptStart;
  attemptEnd: AttemptEnd;
  breaker: { readonly state: BreakerState };
  shared: SharedLookup;
}

type Listener<E> = (event: E) => void;

/** A typed, synchronous event surface: listeners run in the attempt's own flow, before it goes on. */
export class UpstreamEvents {
  private readonly listeners: { [K in keyof UpstreamEventMap]: Listener<UpstreamEventMap[K]>[] } = {
    attemptStart: [],
    attemptEnd: [],
    breaker: [],
    shared: [],
  };

  /** Subscribes; the returned function unsubscribes. */
  on<K extends keyof UpstreamEventMap>(name: K, listener: Listener<UpstreamEventMap[K]>): () => void {
    const list = this.listeners[name];
    list.push(listener);
    return () => {
      const index = list.indexOf(listener);
      if (index >= 0) list.splice(index, 1);
    };
  }

  emit<K extends keyof UpstreamEventMap>(name: K, event: UpstreamEventMap[K]): void {
    for (const listener of this.listeners[name]) listener(event);
  }
}

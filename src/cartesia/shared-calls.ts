import { CartesiaAbortedError, CartesiaContractError, CartesiaTimeoutError } from './errors';
import type { UpstreamEvents } from './events';
import { InFlight, type Patience } from './in-flight';

/**
 * Where validated payloads are kept between calls. Implementations live
 * outside cartesia and fit by shape; both methods resolve, never reject.
 */
export interface PayloadStore {
  /** The stored payload, or undefined on a miss or when the store is unavailable. */
  get(key: string): Promise<unknown>;
  /** Keeps a payload (`sizeBytes`: its JSON size); a failed write is a later miss. */
  set(key: string, value: unknown, sizeBytes: number): Promise<void>;
}

/** An upstream answer: the body (undefined for 404) and its JSON size. */
export interface FetchedBody {
  readonly body: unknown;
  readonly bytes: number;
}

/** Who is waiting: their abort and their deadline (epoch ms). */
export interface Waiter {
  readonly signal?: AbortSignal;
  readonly deadlineAt?: number;
}

/**
 * GETs shared between callers: identical calls that overlap in time share
 * one (the whole resilient call, run on behalf of the caller that started
 * it), and with a store, validated payloads are reused for its TTL.
 * A payload from the store is validated like a fresh one: an entry that no
 * longer fits the contract is a miss.
 */
export class SharedCalls {
  private readonly inFlight = new InFlight();

  constructor(
    private readonly events: UpstreamEvents,
    private readonly store?: PayloadStore,
  ) {}

  /**
   * The decoded payload for `key`: from the store, from a call in flight, or
   * from `fetch(signal)`. A joining caller still leaves at its own abort or
   * deadline; the shared call is aborted only when every caller left. Errors
   * are shared by the callers that overlapped, never stored.
   */
  load<T>(
    operation: string,
    key: string,
    waiter: Waiter,
    fetch: (signal: AbortSignal) => Promise<FetchedBody>,
    decode: (body: unknown) => T,
  ): Promise<T> {
    const joined = this.inFlight.has(key);
    if (joined) this.events.emit('shared', { operation, cache: 'coalesced', result: 'hit' });
    return this.inFlight.run(
      key,
      waiter.signal,
      async (controller) => {
        const stored = await this.fromStore(operation, key, decode);
        if (stored !== undefined) return stored;
        const fetched = await fetch(controller.signal);
        const value = decode(fetched.body);
        // Only payloads are stored: a 404 (null) or an error is asked again next time.
        if (this.store && value !== null) void this.store.set(key, fetched.body, fetched.bytes);
        return value;
      },
      () => new CartesiaAbortedError(operation),
      joined ? patience(operation, waiter) : undefined,
    );
  }

  private async fromStore<T>(operation: string, key: string, decode: (body: unknown) => T): Promise<T | undefined> {
    if (!this.store) return undefined;
    const body = await this.store.get(key);
    const value = body === undefined ? undefined : decodeStored(body, decode);
    this.events.emit('shared', { operation, cache: 'response', result: value === undefined ? 'miss' : 'hit' });
    return value;
  }
}

/** A stored body through the same validation as a fresh one; undefined when it no longer fits. */
function decodeStored<T>(body: unknown, decode: (body: unknown) => T): T | undefined {
  try {
    return decode(body);
  } catch (error) {
    if (error instanceof CartesiaContractError) return undefined;
    throw error;
  }
}

/**
 * How long a caller that joins a call someone else started may wait: until
 * its own deadline (the starter's deadline is enforced by the call itself).
 */
function patience(operation: string, waiter: Waiter): Patience | undefined {
  if (waiter.deadlineAt === undefined) return undefined;
  const ms = Math.max(0, waiter.deadlineAt - Date.now());
  return { ms, onTimeout: () => new CartesiaTimeoutError(operation, ms, { deadline: true }) };
}

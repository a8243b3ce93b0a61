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
  /** Keeps a payload (`sizeBytes`: its JSON size) for `ttlMs`; a failed write is a later miss. */
  set(key: string, value: unknown, sizeBytes: number, ttlMs: number): Promise<void>;
}

/**
 * The write generation: a token that every write through any replica
 * replaces. Payloads are stored with the token they were read under, and
 * calls in flight are keyed by it, so a read that starts after a write has
 * answered never gets what was read before it. Shared by the fleet when
 * the store behind it is; both methods resolve, never reject.
 */
export interface WriteGenerations {
  current(): Promise<string>;
  /** Called after every write (answered or not: an unknown outcome may have changed things too). */
  advance(): Promise<void>;
}

/** One process's generations, for a client without a shared store. */
export function localWriteGenerations(): WriteGenerations {
  let generation = 0;
  return {
    current: () => Promise.resolve(String(generation)),
    advance: () => {
      generation += 1;
      return Promise.resolve();
    },
  };
}

/** What is kept in the store: the payload and the generation it was read under. */
interface StoredPayload {
  readonly generation: string;
  readonly body: unknown;
}

function isStoredPayload(value: unknown): value is StoredPayload {
  return typeof value === 'object' && value !== null && 'generation' in value && 'body' in value;
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
  /** Skip stored payloads and calls already in flight: a check right before a write must see Cartesia's state now. */
  readonly fresh?: boolean;
}

/** One shared GET: what it is, for how long its payload may be kept, and how to fetch and read it. */
export interface SharedGet<T> {
  readonly operation: string;
  readonly key: string;
  /** 0: never stored (still coalesced). */
  readonly ttlMs: number;
  readonly fetch: (signal: AbortSignal) => Promise<FetchedBody>;
  readonly decode: (body: unknown) => T;
}

/**
 * GETs shared between callers: identical calls that overlap in time share
 * one (the whole resilient call, run on behalf of the caller that started
 * it), and with a store, validated payloads are reused for their TTL, as
 * long as no write came in between (see WriteGenerations).
 * A payload from the store is validated like a fresh one: an entry that no
 * longer fits the contract is a miss.
 */
export class SharedCalls {
  private readonly inFlight = new InFlight();

  constructor(
    private readonly events: UpstreamEvents,
    private readonly generations: WriteGenerations,
    private readonly store?: PayloadStore,
  ) {}

  /**
   * The decoded payload: from the store, from a call in flight, or fetched.
   * A joining caller still leaves at its own abort or deadline; the shared
   * call is aborted only when every caller left. Errors are shared by the
   * callers that overlapped, never stored.
   */
  async load<T>(get: SharedGet<T>, waiter: Waiter): Promise<T> {
    if (waiter.fresh) {
      const generation = await this.generations.current();
      return this.fetchAndStore(get, generation, waiter.signal ?? new AbortController().signal);
    }
    // Both lookups at once: with Redis they share one round trip.
    const stored = get.ttlMs > 0 ? this.store?.get(get.key) : undefined;
    const generation = await this.generations.current();
    const flightKey = `${generation} ${get.key}`;
    const joined = this.inFlight.has(flightKey);
    if (joined) this.events.emit('shared', { operation: get.operation, cache: 'coalesced', result: 'hit' });
    return this.inFlight.run(
      flightKey,
      waiter.signal,
      async (controller) => {
        const hit = stored && (await this.fromStore(get, generation, stored));
        return hit !== undefined ? hit : this.fetchAndStore(get, generation, controller.signal);
      },
      () => new CartesiaAbortedError(get.operation),
      joined ? patience(get.operation, waiter) : undefined,
    );
  }

  private async fetchAndStore<T>(get: SharedGet<T>, generation: string, signal: AbortSignal): Promise<T> {
    const fetched = await get.fetch(signal);
    const value = get.decode(fetched.body);
    // Only payloads are stored: a 404 (null) or an error is asked again next time.
    if (this.store && get.ttlMs > 0 && value !== null) {
      void this.store.set(get.key, { generation, body: fetched.body }, fetched.bytes, get.ttlMs);
    }
    return value;
  }

  private async fromStore<T>(get: SharedGet<T>, generation: string, stored: Promise<unknown>): Promise<T | undefined> {
    const entry = await stored;
    const current = isStoredPayload(entry) && entry.generation === generation;
    const value = current ? decodeStored(entry.body, get.decode) : undefined;
    this.events.emit('shared', { operation: get.operation, cache: 'response', result: value === undefined ? 'miss' : 'hit' });
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

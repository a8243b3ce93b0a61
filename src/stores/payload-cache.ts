import type { PayloadStore } from '../cartesia/shared-calls';
import { memoryStore } from './memory';
import type { Codec } from './redis-store';
import type { KeyValueStore } from './store';

/**
 * A cache of validated upstream payloads: the upstream client's port
 * (`PayloadStore`, defined where it is used), keyed by the upstream request
 * (method, URL, the contract's and the key's fingerprints: never the key
 * itself). Entries expire after the cache's TTL.
 */
export type PayloadCache = PayloadStore;

/** A payload with its JSON size, which bounds the in-memory cache. */
export interface SizedPayload {
  readonly value: unknown;
  readonly sizeBytes: number;
}

/** Far more than the pages a UI asks for within a short TTL, and a hard bound on memory. */
export const MEMORY_CACHE_MAX_BYTES = 16 * 1024 * 1024;

/** Payloads as plain JSON in Redis; the size of a hit is its text's length. */
export const payloadCodec: Codec<SizedPayload> = {
  encode: (payload) => JSON.stringify(payload.value),
  decode(text) {
    try {
      return { value: JSON.parse(text) as unknown, sizeBytes: text.length };
    } catch {
      return undefined; // a damaged entry is a miss; the next write replaces it
    }
  },
};

/**
 * In memory, payloads are shared by reference between requests: nothing
 * downstream of the client mutates them.
 */
export const payloadMemoryOptions = (now?: () => number) => ({
  maxBytes: MEMORY_CACHE_MAX_BYTES,
  sizeOf: (payload: SizedPayload) => payload.sizeBytes,
  now,
});

/** The payload cache over a store; each entry lives as long as its caller says. */
export function payloadCache(store: KeyValueStore<SizedPayload>): PayloadCache {
  return {
    get: async (key) => (await store.get(key))?.value,
    set: (key, value, sizeBytes, ttlMs) => store.set(key, { value, sizeBytes }, ttlMs),
  };
}

/** A payload cache in process memory only (tests, and embedding without Redis). */
export function memoryPayloadCache(options: { now?: () => number } = {}): PayloadCache {
  return payloadCache(memoryStore(payloadMemoryOptions(options.now)));
}

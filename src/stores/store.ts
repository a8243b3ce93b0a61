// The one interface for state shared across replicas (APQ registrations,
// rate-limit counters, the payload cache, idempotency records). Memory and
// Redis implement it alike, so each user is written once and the choice of
// backend (and the fallback from one to the other) is made in createStores.

/** A fixed-window count: how many increments the window has seen, and when it ends. */
export interface WindowCount {
  readonly count: number;
  readonly resetInMs: number;
}

/**
 * A namespaced key-value store whose entries all expire. Keys are the
 * caller's; the store adds its namespace. Values are whatever the store's
 * codec can carry (memory keeps them by reference).
 */
export interface KeyValueStore<V> {
  get(key: string): Promise<V | undefined>;
  set(key: string, value: V, ttlMs: number): Promise<void>;
  /** Whether there was an entry to delete. */
  delete(key: string): Promise<boolean>;
  /** Counts one more in the key's window; the first increment opens a window of `windowMs`. Atomic across replicas. */
  increment(key: string, windowMs: number): Promise<WindowCount>;
  /** Stores the value only when the key holds nothing; whether it did. Exactly one of racing callers wins. */
  setIfAbsent(key: string, value: V, ttlMs: number): Promise<boolean>;
}

export type StoreOperation = keyof KeyValueStore<unknown>;

/** Told when a store's Redis failed a command and the answer came from memory instead. */
export type FallbackHandler = (store: string, operation: StoreOperation, error: unknown) => void;

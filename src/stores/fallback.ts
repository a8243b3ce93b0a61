import type { FallbackHandler, KeyValueStore, StoreOperation } from './store';

/**
 * `primary` (Redis) with `fallback` (memory) behind it: a command Redis
 * fails is reported once through `onFallback` and answered from memory, so
 * an outage costs sharing across replicas, never requests. Every command
 * tries Redis first, so sharing resumes as soon as Redis is back.
 */
export function withFallback<V>(
  name: string,
  primary: KeyValueStore<V>,
  fallback: KeyValueStore<V>,
  onFallback: FallbackHandler,
): KeyValueStore<V> {
  async function answer<R>(operation: StoreOperation, run: (store: KeyValueStore<V>) => Promise<R>): Promise<R> {
    try {
      return await run(primary);
    } catch (error) {
      onFallback(name, operation, error);
      return run(fallback);
    }
  }
  return {
    get: (key) => answer('get', (store) => store.get(key)),
    set: (key, value, ttlMs) => answer('set', (store) => store.set(key, value, ttlMs)),
    async delete(key) {
      // An entry written during an outage lives on in memory: drop it too, or
      // the deleted key would come back at the next outage.
      const inMemory = await fallback.delete(key);
      return (await answer('delete', (store) => store.delete(key))) || inMemory;
    },
    increment: (key, windowMs) => answer('increment', (store) => store.increment(key, windowMs)),
    setIfAbsent: (key, value, ttlMs) => answer('setIfAbsent', (store) => store.setIfAbsent(key, value, ttlMs)),
  };
}

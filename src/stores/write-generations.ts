import { randomUUID } from 'node:crypto';
import type { WriteGenerations } from '../cartesia/shared-calls';
import type { KeyValueStore } from './store';

export type { WriteGenerations } from '../cartesia/shared-calls';

const KEY = 'phone-numbers';
// Longer than any payload may be kept: an expired token only turns every entry into a miss.
const GENERATION_TTL_MS = 86_400_000;
const INITIAL = 'initial';

/**
 * The upstream client's write generation in a store: a random token that
 * every write replaces (a token, not a counter, so an expired key can never
 * bring an old generation back). In Redis, every replica reads the same one.
 */
export function writeGenerations(store: KeyValueStore<string>): WriteGenerations {
  return {
    current: async () => (await store.get(KEY)) ?? INITIAL,
    advance: () => store.set(KEY, randomUUID(), GENERATION_TTL_MS),
  };
}

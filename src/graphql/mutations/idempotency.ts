// Idempotency keys as Stripe's Idempotency-Key works: the same key and input
// from the same client within 24 hours gets the first answer with no second
// write; a duplicate that arrives while the first runs waits for its answer;
// the same key with another input is refused. Records live in the shared
// store, so every replica sees them.
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ErrorCode } from '../../error-codes';
import type { KeyValueStore } from '../../stores';
import { GatewayError } from '../errors';
import type { UserError } from './input-rules';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const POLL_START_MS = 25;
const POLL_MAX_MS = 250;

export type IdempotencyStore = Pick<KeyValueStore<string>, 'get' | 'set' | 'delete' | 'setIfAbsent'>;

/** What a keyed write answered, as kept for replays. */
export interface StoredAnswer<T> {
  /** The answer, or the code of the error it ended with (only errors after the write may have been sent). */
  readonly value?: T;
  readonly errorCode?: typeof ErrorCode.WRITE_OUTCOME_UNKNOWN;
}

type IdempotencyRecord<T> =
  | { readonly state: 'running'; readonly fingerprint: string }
  | { readonly state: 'done'; readonly fingerprint: string; readonly answer: StoredAnswer<T> };

/** A keyed write's first answer, or a replay; or the user error for a reused key. */
export type Keyed<T> = { readonly kind: 'answer'; readonly value: T; readonly replayed: boolean } | { readonly kind: 'reused'; readonly error: UserError };

export interface KeyedWrite<T> {
  readonly store: IdempotencyStore;
  /** Who asked (the principal), which mutation, and their key: together the record's name. */
  readonly scope: readonly string[];
  /** The input the key was first used with (clientMutationId aside). */
  readonly input: unknown;
  /** Epoch ms: how long a duplicate waits for the first answer. */
  readonly deadlineAt: number;
  /** The write; `keep(value)` decides whether its answer is kept (a refusal before writing is not). */
  readonly run: () => Promise<T>;
  readonly keep: (value: T) => boolean;
  /** Whether a failure may have changed something upstream (then it is kept, and replayed). */
  readonly mayHaveWritten: (error: unknown) => boolean;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** JSON with sorted keys, so equal inputs give equal fingerprints. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined && item !== null)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function reused(): Keyed<never> {
  return {
    kind: 'reused',
    error: {
      code: 'IDEMPOTENCY_KEY_REUSED',
      field: ['input', 'idempotencyKey'],
      message: 'This idempotency key was already used with different values; use a new key for a new request.',
    },
  };
}

function replay<T>(answer: StoredAnswer<T>): Keyed<T> {
  if (answer.errorCode) {
    throw new GatewayError(
      answer.errorCode,
      'The first request with this idempotency key may or may not have made the change; check the list before trying again with a new key.',
    );
  }
  return { kind: 'answer', value: answer.value as T, replayed: true };
}

/** Runs `write.run` once per key and input, or answers as the first run did. */
export async function withIdempotencyKey<T>(write: KeyedWrite<T>): Promise<Keyed<T>> {
  const key = sha256(write.scope.join('\u0000'));
  const fingerprint = sha256(canonical(write.input));
  const running = JSON.stringify({ state: 'running', fingerprint } satisfies IdempotencyRecord<T>);
  // The claim outlives the wait of any duplicate, so a crashed run frees its key soon after.
  const claimTtlMs = Math.max(1_000, write.deadlineAt - Date.now()) + 5_000;
  for (let delay = POLL_START_MS; ; delay = Math.min(POLL_MAX_MS, delay * 2)) {
    if (await write.store.setIfAbsent(key, running, claimTtlMs)) return firstRun(write, key, fingerprint);
    const text = await write.store.get(key);
    if (text !== undefined) {
      const record = JSON.parse(text) as IdempotencyRecord<T>;
      if (record.fingerprint !== fingerprint) return reused();
      if (record.state === 'done') return replay(record.answer);
    }
    if (Date.now() + delay >= write.deadlineAt) {
      throw new GatewayError(
        ErrorCode.IDEMPOTENCY_KEY_IN_USE,
        'A request with this idempotency key is still running; retry shortly to get its answer.',
      );
    }
    await sleep(delay);
  }
}

async function firstRun<T>(write: KeyedWrite<T>, key: string, fingerprint: string): Promise<Keyed<T>> {
  const done = (answer: StoredAnswer<T>) =>
    write.store.set(key, JSON.stringify({ state: 'done', fingerprint, answer } satisfies IdempotencyRecord<T>), IDEMPOTENCY_TTL_MS);
  let value: T;
  try {
    value = await write.run();
  } catch (error) {
    if (write.mayHaveWritten(error)) await done({ errorCode: ErrorCode.WRITE_OUTCOME_UNKNOWN });
    else await write.store.delete(key);
    throw error;
  }
  if (write.keep(value)) await done({ value });
  else await write.store.delete(key);
  return { kind: 'answer', value, replayed: false };
}

import type Redis from 'ioredis';
import type { KeyValueStore, WindowCount } from './store';

/** How a store's values travel as Redis strings; `decode` answers undefined for a damaged entry (a miss). */
export interface Codec<V> {
  encode(value: V): string;
  decode(text: string): V | undefined;
}

export const stringCodec: Codec<string> = { encode: (value) => value, decode: (text) => text };

// INCR and PEXPIRE in one script, so replicas racing on a new counter agree
// on its window. INCR creates a counter without expiry; one left without it
// (by a writer that crashed between its INCR and PEXPIRE) is given one too,
// instead of never resetting.
const INCREMENT_IN_WINDOW = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

type WithIncrement = Redis & { pngwIncrementInWindow(key: string, windowMs: number): Promise<[number, number]> };

/** The script as a command on the shared connection (ioredis sends it by SHA, and reloads it after a restart). */
function withIncrement(redis: Redis): WithIncrement {
  const scripted = redis as WithIncrement;
  if (!scripted.pngwIncrementInWindow) {
    redis.defineCommand('pngwIncrementInWindow', { numberOfKeys: 1, lua: INCREMENT_IN_WINDOW });
  }
  return scripted;
}

// PX takes whole, positive milliseconds.
const px = (ttlMs: number) => Math.max(1, Math.ceil(ttlMs));

/**
 * A store in Redis under `prefix`, over the gateway's one shared connection
 * (createRedis): commands fail fast while Redis is down, and the failure is
 * the caller's to handle (withFallback answers from memory).
 */
export function redisStore<V>(redis: Redis, options: { prefix: string; codec: Codec<V> }): KeyValueStore<V> {
  const { prefix, codec } = options;
  const scripted = withIncrement(redis);
  return {
    async get(key) {
      const text = await redis.get(prefix + key);
      return text === null ? undefined : codec.decode(text);
    },
    async set(key, value, ttlMs) {
      await redis.set(prefix + key, codec.encode(value), 'PX', px(ttlMs));
    },
    async delete(key) {
      return (await redis.del(prefix + key)) > 0;
    },
    async increment(key, windowMs): Promise<WindowCount> {
      const [count, resetInMs] = await scripted.pngwIncrementInWindow(prefix + key, px(windowMs));
      return { count, resetInMs };
    },
    async setIfAbsent(key, value, ttlMs) {
      return (await redis.set(prefix + key, codec.encode(value), 'PX', px(ttlMs), 'NX')) === 'OK';
    },
  };
}

import type Redis from 'ioredis';

/** Where the connection's state changes are logged (the gateway's pino logger). */
export interface StoreLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

/** Where the connection's state goes as a metric (`gateway_redis_up{connection}`). */
export interface RedisAvailability {
  redisAvailable(connection: string, up: boolean): void;
}

/** Whether a Redis connection is usable right now. */
export interface RedisHealth {
  readonly up: boolean;
}

/**
 * Follows a Redis connection's state: `gateway_redis_up{connection}` and one
 * log line per change (down: shared state degrades to memory; up again:
 * restored), not one per failed reconnect. Never logs the URL (it may hold a
 * password).
 */
export function watchRedis(
  redis: Redis,
  options: { connection: string; log: StoreLog; metrics: RedisAvailability },
): RedisHealth {
  const { connection, log, metrics } = options;
  const health = { up: false };
  let everReady = false;
  let outageReported = false;
  metrics.redisAvailable(connection, false);

  const markDown = (reason: string) => {
    const wasUp = health.up;
    health.up = false;
    metrics.redisAvailable(connection, false);
    if (!wasUp && outageReported) return;
    outageReported = true;
    log.warn({ redis: connection, reason }, 'redis unavailable: shared state falls back to memory until it returns');
  };

  redis.on('ready', () => {
    health.up = true;
    outageReported = false;
    metrics.redisAvailable(connection, true);
    log.info({ redis: connection }, everReady ? 'redis reachable again: shared state restored' : 'redis ready');
    everReady = true;
  });
  // ioredis emits `error` for every failed (re)connect; without a listener it
  // would print each one to stderr. One line per outage is enough.
  redis.on('error', (error: Error) => markDown(error.message));
  redis.on('close', () => {
    if (health.up) markDown('connection closed');
  });
  return health;
}

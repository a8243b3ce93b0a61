import type Redis from 'ioredis';
import type { FastifyBaseLogger } from 'fastify';
import type { GatewayMetrics } from '../observability/metrics';
import { closeRedis, createRedis } from './redis';
import { watchRedis, type RedisHealth } from './redis-health';

/** State shared across replicas: a Redis connection when REDIS_URL is set, else nothing (stores use memory). */
export interface SharedState {
  /** Undefined without REDIS_URL. Commands fail fast while Redis is down: callers fall back. */
  readonly redis: Redis | undefined;
  /** Undefined without REDIS_URL. */
  readonly health: RedisHealth | undefined;
  close(): Promise<void>;
}

/** Connects (in the background: a Redis that is down does not stop the gateway from starting). */
export function connectSharedState(
  redisUrl: string | undefined,
  options: { log: FastifyBaseLogger; metrics: Pick<GatewayMetrics, 'redisAvailable'> },
): SharedState {
  if (!redisUrl) return { redis: undefined, health: undefined, close: async () => {} };
  const redis = createRedis(redisUrl, { connectionName: 'phone-numbers-gateway' });
  const health = watchRedis(redis, { connection: 'shared-state', ...options });
  return {
    redis,
    health,
    close: () => closeRedis(redis),
  };
}

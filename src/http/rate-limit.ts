import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import rateLimit from '@fastify/rate-limit';
import type Redis from 'ioredis';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RateLimitConfig } from '../config';
import { ErrorCode } from '../graphql/errors';
import { createRedis } from '../shared-state/redis';
import { EdgeError } from './edge-errors';

const READY_WAIT_MS = 2_000;

async function untilReady(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return;
  await Promise.race([once(redis, 'ready'), sleep(timeoutMs, undefined, { ref: false })]).catch(() => undefined);
}

/**
 * Per-client rate limit (the authenticated client, else the IP): 429 with
 * Retry-After past RATE_LIMIT_MAX requests per window. Counted in memory, or
 * in Redis when REDIS_URL is set so every replica shares the count. When
 * Redis is down the limiter steps aside (`skipOnError`) instead of failing
 * the traffic: availability over strictness.
 */
export async function registerRateLimit(
  app: FastifyInstance,
  config: RateLimitConfig,
  options: { redisUrl?: string; skip: (request: FastifyRequest) => boolean },
): Promise<void> {
  if (config.max === 0) return;
  const redis = options.redisUrl ? createRedis(options.redisUrl, { connectionName: 'pngw-rate-limit' }) : undefined;
  if (redis) {
    let warned = false;
    // ioredis emits 'error' on every failed reconnect: say it once, not every 100 ms.
    redis.on('error', (error: Error) => {
      if (!warned)
        app.log.warn(
          { err: { message: error.message } },
          'rate-limit Redis unavailable; not limiting until it is back',
        );
      warned = true;
    });
    redis.on('ready', () => {
      warned = false;
    });
    app.addHook('onClose', async () => {
      redis.disconnect();
    });
    // Counts are right from the first request when Redis is up; when it is
    // not, start anyway (unlimited until it comes back) rather than not at all.
    await untilReady(redis, READY_WAIT_MS);
  }
  await app.register(rateLimit, {
    global: true,
    max: config.max,
    timeWindow: config.windowMs,
    redis,
    nameSpace: 'pngw-rate-limit:',
    skipOnError: true,
    // Registered after authentication's onRequest hook, so the client is known here.
    keyGenerator: (request) => request.stats?.client ?? `ip:${request.ip}`,
    allowList: (request) => options.skip(request),
    errorResponseBuilder: (_request, context) =>
      new EdgeError(429, ErrorCode.RATE_LIMITED, `Too many requests; retry in ${context.after}.`, {
        retryAfterSeconds: Math.ceil(context.ttl / 1000),
      }),
  });
}

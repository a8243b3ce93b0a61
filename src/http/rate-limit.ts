import rateLimit from '@fastify/rate-limit';
import type Redis from 'ioredis';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ErrorCode } from '../error-codes';
import { EdgeError } from './edge-errors';

export interface RateLimitOptions {
  /** Requests per window per client; 0 turns rate limiting off. */
  readonly max: number;
  readonly windowMs: number;
}

/**
 * Per-client rate limit (the authenticated client, else the IP): 429 with
 * Retry-After past RATE_LIMIT_MAX requests per window. Counted in memory, or
 * in Redis when REDIS_URL is set so every replica shares the count. When
 * Redis is down the limiter steps aside (`skipOnError`) instead of failing
 * the traffic: availability over strictness. The connection is the shared
 * one (src/shared-state), which logs outages and reconnects by itself.
 */
export async function registerRateLimit(
  app: FastifyInstance,
  config: RateLimitOptions,
  options: { redis?: Redis; skip: (request: FastifyRequest) => boolean },
): Promise<void> {
  if (config.max === 0) return;
  await app.register(rateLimit, {
    global: true,
    max: config.max,
    timeWindow: config.windowMs,
    redis: options.redis,
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

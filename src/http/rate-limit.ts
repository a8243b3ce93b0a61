import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ErrorCode } from '../error-codes';
import type { RateLimitStoreClass } from '../stores';
import { EdgeError } from './edge-errors';

export interface RateLimitOptions {
  /** Requests per window per client; 0 turns rate limiting off. */
  readonly max: number;
  readonly windowMs: number;
}

/**
 * Per-client rate limit (the authenticated client, else the IP): 429 with
 * Retry-After past RATE_LIMIT_MAX requests per window. Counted in the rate
 * limit store (src/stores): in memory, or in Redis when REDIS_URL is set so
 * every replica shares the count; while Redis is down each replica counts
 * in its own memory, so the limit still holds, per replica.
 */
export async function registerRateLimit(
  app: FastifyInstance,
  config: RateLimitOptions,
  options: { store: RateLimitStoreClass; skip: (request: FastifyRequest) => boolean },
): Promise<void> {
  if (config.max === 0) return;
  await app.register(rateLimit, {
    global: true,
    max: config.max,
    timeWindow: config.windowMs,
    store: options.store,
    // The store answers from memory when Redis fails; this only keeps an
    // unexpected store error from failing the request.
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

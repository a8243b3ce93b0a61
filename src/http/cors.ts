import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';

/**
 * CORS from an explicit allow-list (CORS_ORIGINS). With none, no CORS
 * headers are sent and browsers keep to same-origin: nothing is open by
 * default. Credentials are bearer tokens, never cookies, so
 * `Access-Control-Allow-Credentials` stays off.
 */
export async function registerCors(app: FastifyInstance, origins: readonly string[]): Promise<void> {
  if (origins.length === 0) return;
  await app.register(cors, {
    origin: origins.includes('*') ? '*' : [...origins],
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: [
      'authorization',
      'content-type',
      'apollo-require-preflight',
      'x-apollo-operation-name',
      'x-request-id',
    ],
    exposedHeaders: ['x-request-id', 'retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'],
    credentials: false,
    maxAge: 600,
  });
}

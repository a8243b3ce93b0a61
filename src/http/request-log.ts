import type { FastifyInstance, FastifyRequest } from 'fastify';
import { newRequestStats, type RequestStats } from '../request-stats';

declare module 'fastify' {
  interface FastifyRequest {
    stats: RequestStats | undefined;
  }
}

/**
 * One structured line per request, written when the response is done:
 * request id, method, path (no query string: GET variables stay out of the
 * logs), status, duration, operation, upstream calls, outcome, error codes.
 */
export function registerRequestLog(app: FastifyInstance, options: { skip: (request: FastifyRequest) => boolean }): void {
  app.decorateRequest('stats', undefined);
  app.addHook('onRequest', async (request) => {
    request.stats = newRequestStats();
  });
  app.addHook('onResponse', async (request, reply) => {
    if (options.skip(request)) return;
    const stats = request.stats;
    const outcome = stats?.outcome ?? (reply.statusCode >= 400 ? 'error' : 'ok');
    request.log.info(
      {
        method: request.method,
        path: request.url.split('?')[0],
        statusCode: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime),
        operationName: stats?.operationName ?? null,
        upstreamCalls: stats?.upstreamCalls ?? 0,
        outcome,
        errorCodes: stats?.errorCodes ?? [],
        client: stats?.client,
      },
      'request completed',
    );
  });
}

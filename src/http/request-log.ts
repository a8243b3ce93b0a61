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
export function registerRequestLog(
  app: FastifyInstance,
  options: { skip: (request: FastifyRequest) => boolean },
): void {
  app.decorateRequest('stats', undefined);
  app.addHook('onRequest', async (request) => {
    request.stats = newRequestStats();
  });
  const logged = new WeakSet<FastifyRequest>();
  const writeLine = (request: FastifyRequest, statusCode: number, elapsedMs: number, aborted: boolean) => {
    if (options.skip(request) || logged.has(request)) return;
    logged.add(request);
    const stats = request.stats;
    const outcome = aborted ? 'aborted' : (stats?.outcome ?? (statusCode >= 400 ? 'error' : 'ok'));
    request.log.info(
      {
        method: request.method,
        path: request.url.split('?')[0],
        statusCode: aborted ? null : statusCode,
        durationMs: Math.round(elapsedMs),
        operationName: stats?.operationName ?? null,
        upstreamCalls: stats?.upstreamCalls ?? 0,
        outcome,
        errorCodes: stats?.errorCodes ?? [],
        client: stats?.client,
      },
      aborted ? 'request aborted by the client' : 'request completed',
    );
  };
  app.addHook('onResponse', async (request, reply) => {
    writeLine(request, reply.statusCode, reply.elapsedTime, false);
  });
  // A client that goes away gets no response, so onResponse never fires: say so instead.
  app.addHook('onRequest', async (request, reply) => {
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) writeLine(request, 0, reply.elapsedTime, true);
    });
  });
}

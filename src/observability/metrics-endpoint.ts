import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { GatewayMetrics } from './metrics';

/** Where Prometheus scrapes, on the main port or on METRICS_PORT. */
export const METRICS_PATH = '/metrics';

/** A small server that answers only GET /metrics, for METRICS_PORT. */
export interface MetricsServer {
  /** Starts listening; resolves with the metrics URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** Records every answered HTTP request: method, route template (`unmatched` for 404s), status, duration. */
export function recordHttpMetrics(app: FastifyInstance, metrics: GatewayMetrics): void {
  app.addHook('onResponse', async (request, reply) => {
    metrics.httpRequest({
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      statusCode: reply.statusCode,
      durationMs: reply.elapsedTime,
    });
  });
}

function urlOf(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

async function answerScrape(metrics: GatewayMetrics, request: IncomingMessage, response: ServerResponse) {
  const path = (request.url ?? '').split('?')[0];
  if (path !== METRICS_PATH || (request.method !== 'GET' && request.method !== 'HEAD')) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    return;
  }
  try {
    const body = await metrics.render();
    response.writeHead(200, { 'content-type': metrics.contentType }).end(request.method === 'HEAD' ? undefined : body);
  } catch {
    response.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n');
  }
}

function createMetricsServer(metrics: GatewayMetrics, host: string, port: number): MetricsServer {
  const server = createServer((request, response) => void answerScrape(metrics, request, response));
  return {
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve(urlOf(host, (server.address() as AddressInfo).port) + METRICS_PATH);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Serves /metrics: on the app itself when `metricsPort` is undefined, else
 * only on a server of its own (returned, not yet listening), so the metrics
 * need not be reachable where the API is.
 */
export function exposeMetrics(
  app: FastifyInstance,
  metrics: GatewayMetrics,
  options: { host: string; metricsPort: number | undefined },
): MetricsServer | undefined {
  if (options.metricsPort !== undefined) return createMetricsServer(metrics, options.host, options.metricsPort);
  app.get(METRICS_PATH, async (_request, reply) => reply.type(metrics.contentType).send(await metrics.render()));
  return undefined;
}

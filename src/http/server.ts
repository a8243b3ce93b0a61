import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import fastifyApollo, { fastifyApolloDrainPlugin, type ApolloFastifyContextFunction } from '@as-integrations/fastify';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { CartesiaClient } from '../cartesia/client';
import type { GatewayConfig } from '../config';
import type { GatewayContext } from '../graphql/context';
import { formatError } from '../graphql/errors';
import { resolvers } from '../graphql/resolvers';
import { loadTypeDefs } from '../graphql/schema';
import { createPhoneNumberLoaders } from '../loaders/phone-numbers';
import { requestIdInErrors } from '../graphql/plugins/request-id-in-errors';
import { operationTelemetry } from '../graphql/plugins/operation-telemetry';
import { GatewayMetrics } from '../observability/metrics';
import { METRICS_PATH, exposeMetrics, recordHttpMetrics } from '../observability/metrics-endpoint';
import { startOperationTelemetry } from '../observability/operation';
import { connectSharedState, type SharedState } from '../shared-state/shared-state';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id';
import { httpCacheHeaders } from '../graphql/plugins/http-cache-headers';
import { persistedQueryOptions } from '../graphql/persisted-queries';
import { trustedDocumentsGate, trustedDocumentsPlugin } from '../graphql/trusted-documents';
import { whenRedisReady } from '../shared-state/redis';
import { registerDemoPage } from './demo-page';
import { requestIdInErrorBodies } from './request-id-in-error-bodies';

/** A built gateway: the Fastify app with GraphQL and probes mounted, not yet listening. */
export interface Gateway {
  readonly app: FastifyInstance;
  readonly metrics: GatewayMetrics;
  /** The Redis connection shared-state stores use (undefined without REDIS_URL). */
  readonly sharedState: SharedState;
  /** Where /metrics is served; known once listen() has resolved. */
  readonly metricsUrl: string | undefined;
  /** Starts listening; resolves with the base URL (e.g. http://127.0.0.1:4000). */
  listen(): Promise<string>;
  /** Graceful stop: unready, stop accepting, finish in-flight operations, close the upstream pool. */
  close(): Promise<void>;
}

/** The API key in config must already be resolved (main.ts starts the demo upstream when there is none). */
export type ResolvedConfig = GatewayConfig & { readonly cartesiaApiKey: string };

// Header names whose values must never reach a log line.
const REDACTED_PATHS = ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'];

const PROBE_PATHS = new Set(['/healthz', '/readyz']);

const GRAPHQL_PATH = '/graphql';
// How long start waits for Redis before serving without it (it reconnects later).
const REDIS_START_TIMEOUT_MS = 2_000;

function landingPagePlugin(config: GatewayConfig) {
  return config.sandbox
    ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
    : ApolloServerPluginLandingPageDisabled();
}

/**
 * The request's loaders, plus an abort signal that fires when the client goes
 * away before its answer is written, so the upstream call is cancelled too.
 */
const contextFor =
  (client: CartesiaClient, metrics: GatewayMetrics): ApolloFastifyContextFunction<GatewayContext> =>
  async (request, reply) => {
    const controller = new AbortController();
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) controller.abort();
    });
    const requestId = request.id;
    const telemetry = startOperationTelemetry(request.headers, requestId);
    const call = { signal: controller.signal, requestId, traceContext: telemetry.traceContext };
    const loaders = createPhoneNumberLoaders(client, call, (cache, result) => metrics.cacheLookup(cache, result));
    return { requestId, telemetry, loaders };
  };

/** Builds the gateway from validated config. Nothing listens until listen(). */
export async function createGateway(config: ResolvedConfig): Promise<Gateway> {
  const app = Fastify({
    logger: { level: config.logLevel, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    // Probes are polled every few seconds; their lines would drown the real traffic.
    logController: new LogController({
      disableRequestLogging: (request) => PROBE_PATHS.has(request.url) || request.url === METRICS_PATH,
    }),
    forceCloseConnections: 'idle',
    requestIdHeader: false,
    genReqId: (raw) => requestIdFrom(raw.headers[REQUEST_ID_HEADER]),
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  requestIdInErrorBodies(app);
  const metrics = new GatewayMetrics();
  recordHttpMetrics(app, metrics);
  const sharedState = connectSharedState(config.redisUrl, { log: app.log, metrics });
  const client = new CartesiaClient({
    baseUrl: config.cartesiaBaseUrl,
    apiKey: config.cartesiaApiKey,
    version: config.cartesiaVersion,
    timeoutMs: config.upstreamTimeoutMs,
    metrics,
  });
  const { redis } = sharedState;
  if (redis && !(await whenRedisReady(redis, REDIS_START_TIMEOUT_MS))) {
    app.log.warn('Redis not reachable at start; serving without shared state until it is');
  }
  const apollo = new ApolloServer<GatewayContext>({
    typeDefs: loadTypeDefs(),
    resolvers,
    formatError,
    logger: app.log,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    // main.ts owns the signals: it drains, closes the pool and exits 0.
    stopOnTerminationSignals: false,
    persistedQueries: persistedQueryOptions(redis, app.log),
    plugins: [
      fastifyApolloDrainPlugin(app),
      landingPagePlugin(config),
      requestIdInErrors(),
      operationTelemetry(metrics),
      httpCacheHeaders(),
      ...(config.trustedDocuments ? [trustedDocumentsPlugin(config.trustedDocuments)] : []),
    ],
  });
  await apollo.start();

  let ready = false;
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) =>
    ready ? { status: 'ready' } : reply.code(503).send({ status: 'unready' }),
  );
  if (config.trustedDocuments) app.addHook('preHandler', trustedDocumentsGate(config.trustedDocuments, GRAPHQL_PATH));
  if (config.demoPage) await registerDemoPage(app);
  await app.register(fastifyApollo(apollo), {
    path: GRAPHQL_PATH,
    method: ['GET', 'POST', 'OPTIONS'],
    context: contextFor(client, metrics),
  });
  const metricsServer = exposeMetrics(app, metrics, config);
  let metricsUrl: string | undefined;

  return {
    app,
    metrics,
    sharedState,
    get metricsUrl() {
      return metricsUrl;
    },
    async listen() {
      const url = await app.listen({ host: config.host, port: config.port });
      metricsUrl = metricsServer ? await metricsServer.listen() : url + METRICS_PATH;
      ready = true;
      return url;
    },
    async close() {
      ready = false;
      // Apollo's drain plugin closes Fastify: in-flight operations finish first.
      await apollo.stop();
      await client.close();
      await metricsServer?.close();
      await sharedState.close();
    },
  };
}

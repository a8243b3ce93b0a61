import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { makeExecutableSchema } from '@graphql-tools/schema';
import fastifyApollo, { fastifyApolloDrainPlugin, type ApolloFastifyContextFunction } from '@as-integrations/fastify';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import type { DestinationStream, Logger } from 'pino';
import { setTimeout as sleep } from 'node:timers/promises';
import { FileApiKey } from '../cartesia/api-key';
import { CartesiaClient } from '../cartesia/client';
import type { GatewayConfig } from '../config';
import type { GatewayContext } from '../graphql/context';
import { formatError } from '../graphql/errors';
import { jitExecutionGateway } from '../graphql/jit-executor';
import { resolvers } from '../graphql/resolvers';
import { loadTypeDefs } from '../graphql/schema';
import { createPhoneNumberLoaders } from '../loaders/phone-numbers';
import { requestIdInErrors } from '../graphql/plugins/request-id-in-errors';
import { operationTelemetry } from '../graphql/plugins/operation-telemetry';
import { GatewayMetrics } from '../observability/metrics';
import { METRICS_PATH, exposeMetrics, recordHttpMetrics } from '../observability/metrics-endpoint';
import { startOperationTelemetry } from '../observability/operation';
import { reportStoreFallbacks } from '../observability/store-fallbacks';
import { createStores, type PayloadCache, type Stores } from '../stores';
import { operationLimits } from '../graphql/plugins/limits';
import { requestStats } from '../graphql/plugins/request-stats';
import { createLogger } from '../logging';
import { newRequestStats } from '../request-stats';
import { registerAuth } from './auth';
import { registerBatchLimit } from './batching';
import { registerCors } from './cors';
import { edgeErrorHandler } from './edge-errors';
import { registerRateLimit } from './rate-limit';
import { registerRequestLog } from './request-log';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id';
import { httpCacheHeaders } from '../graphql/plugins/http-cache-headers';
import { persistedQueryOptions } from '../graphql/persisted-queries';
import { trustedDocumentsGate, trustedDocumentsPlugin } from '../graphql/trusted-documents';
import { registerDemoPage } from './demo-page';
import { requestIdInErrorBodies } from './request-id-in-error-bodies';

/** A built gateway: the Fastify app with GraphQL and probes mounted, not yet listening. */
export interface Gateway {
  readonly app: FastifyInstance;
  readonly metrics: GatewayMetrics;
  /** State shared across replicas: APQ, rate-limit counters, payload cache (in Redis with REDIS_URL). */
  readonly stores: Stores;
  /** Where /metrics is served; known once listen() has resolved. */
  readonly metricsUrl: string | undefined;
  /** Starts listening; resolves with the base URL (e.g. http://127.0.0.1:4000). */
  listen(): Promise<string>;
  /**
   * Graceful stop: unready (for SHUTDOWN_DELAY_MS), stop accepting, finish
   * in-flight operations (for up to SHUTDOWN_GRACE_MS, then connections are
   * cut), close the upstream pool. Resolves with whether everything drained.
   */
  close(): Promise<{ drained: boolean }>;
}

/** Extra wiring for tests and embedding. */
export interface GatewayOptions {
  /** Where log lines go (default stdout). */
  readonly logDestination?: DestinationStream;
}

/** The API key in config must already be resolved (main.ts starts the demo upstream when there is none). */
export type ResolvedConfig = GatewayConfig & { readonly cartesiaApiKey: string };

const PROBE_PATHS = new Set(['/healthz', '/readyz']);
const GRAPHQL_PATH = '/graphql';

const isProbe = (request: FastifyRequest) => PROBE_PATHS.has(request.url);
/** Probes and metrics scrapes: polled every few seconds, neither logged nor rate limited. */
const isUnlogged = (request: FastifyRequest) => isProbe(request) || request.url === METRICS_PATH;
const isGraphQL = (request: FastifyRequest) => request.routeOptions.url === GRAPHQL_PATH;

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
  (client: CartesiaClient, metrics: GatewayMetrics, deadlineMs: number): ApolloFastifyContextFunction<GatewayContext> =>
  async (request, reply) => {
    const controller = new AbortController();
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) controller.abort();
    });
    const requestId = request.id;
    const telemetry = startOperationTelemetry(request.headers, requestId);
    const stats = request.stats ?? newRequestStats();
    const call = {
      signal: controller.signal,
      requestId,
      traceContext: telemetry.traceContext,
      deadlineAt: Date.now() + deadlineMs,
      onAttempt: () => {
        stats.upstreamCalls += 1;
      },
    };
    const loaders = createPhoneNumberLoaders(client, call, (cache, result) => metrics.cacheLookup(cache, result));
    return { requestId, telemetry, stats, loaders };
  };

/** Builds the gateway from validated config. Nothing listens until listen(). */
export async function createGateway(config: ResolvedConfig, options: GatewayOptions = {}): Promise<Gateway> {
  // Every key the process has held, so a rotated-out key is scrubbed from logs too.
  const keysSeen = new Set([config.cartesiaApiKey]);
  const logger = createLogger({
    level: config.logLevel,
    destination: options.logDestination,
    secrets: { secrets: () => keysSeen },
  });
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    // One line per request, written by request-log.ts (probes skipped).
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    bodyLimit: config.limits.bodyBytes,
    trustProxy: config.trustProxy,
    forceCloseConnections: 'idle',
    requestIdHeader: false,
    genReqId: (raw) => requestIdFrom(raw.headers[REQUEST_ID_HEADER]),
  });
  app.setErrorHandler(edgeErrorHandler(config.limits.bodyBytes));
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  requestIdInErrorBodies(app);
  const metrics = new GatewayMetrics();
  recordHttpMetrics(app, metrics);
  const stores = createStores({
    redisUrl: config.redisUrl,
    payloadTtlMs: config.cacheTtlMs,
    log: app.log,
    metrics,
    onFallback: reportStoreFallbacks(app.log, metrics),
  });
  if (!(await stores.ready(REDIS_START_TIMEOUT_MS))) {
    app.log.warn('Redis not reachable at start; serving without shared state until it is');
  }
  registerRequestLog(app, { skip: isUnlogged });
  await registerCors(app, config.corsOrigins);
  // Authentication before rate limiting: the limit is per authenticated client.
  registerAuth(app, config.auth, isGraphQL);
  await registerRateLimit(app, config.rateLimit, { store: stores.rateLimit, skip: isUnlogged });
  if (config.limits.batching) registerBatchLimit(app, config.limits.maxBatchSize, isGraphQL);

  const client = createUpstreamClient(config, logger, keysSeen, metrics, stores.payloads);
  const limits = operationLimits(config.limits, { hideFieldSuggestions: !config.introspection });
  const apollo = new ApolloServer<GatewayContext>({
    gateway: jitExecutionGateway(makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers }), {
      afterRuns: config.jitAfterRuns,
      metrics,
    }),
    formatError,
    logger: app.log,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: config.limits.batching,
    parseOptions: { maxTokens: config.limits.maxTokens },
    validationRules: limits.validationRules,
    // main.ts owns the signals: it drains, closes the pool and exits 0.
    stopOnTerminationSignals: false,
    persistedQueries: persistedQueryOptions(stores.apq),
    plugins: [
      fastifyApolloDrainPlugin(app),
      landingPagePlugin(config),
      requestIdInErrors(),
      operationTelemetry(metrics),
      ...httpCacheHeaders<GatewayContext>(),
      requestStats(),
      ...(limits.plugins as ApolloServerPlugin<GatewayContext>[]),
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
    context: contextFor(client, metrics, config.requestDeadlineMs),
  });
  const metricsServer = exposeMetrics(app, metrics, config);
  let metricsUrl: string | undefined;

  return {
    app,
    metrics,
    stores,
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
      // Let load balancers see the 503 and stop routing here before the port closes.
      if (config.shutdown.delayMs > 0) await sleep(config.shutdown.delayMs);
      const drained = await drainWithin(config.shutdown.graceMs, apollo, app);
      await client.close({ force: !drained });
      await metricsServer?.close();
      await stores.close();
      return { drained };
    },
  };
}

/** The Cartesia client as configured; its key from the env or a watched file. */
function createUpstreamClient(
  config: ResolvedConfig,
  logger: Logger,
  keysSeen: Set<string>,
  metrics: GatewayMetrics,
  cache: PayloadCache | undefined,
): CartesiaClient {
  const { upstream } = config;
  const apiKey = config.cartesiaApiKeyFile
    ? apiKeyTracking(
        new FileApiKey(config.cartesiaApiKeyFile, {
          initial: config.cartesiaApiKey,
          onRotate: () => logger.info('Cartesia API key file changed; using the new key'),
        }),
        keysSeen,
      )
    : config.cartesiaApiKey;
  return new CartesiaClient({
    baseUrl: config.cartesiaBaseUrl,
    apiKey,
    version: config.cartesiaVersion,
    timeoutMs: config.upstreamTimeoutMs,
    connectTimeoutMs: upstream.connectTimeoutMs,
    headersTimeoutMs: upstream.headersTimeoutMs,
    bodyTimeoutMs: upstream.bodyTimeoutMs,
    connections: upstream.connections,
    maxQueue: upstream.maxQueue,
    retry: {
      retries: upstream.retries,
      baseDelayMs: upstream.retryBaseDelayMs,
      maxDelayMs: upstream.retryMaxDelayMs,
      retryAfterMaxMs: upstream.retryAfterMaxMs,
    },
    breaker: { threshold: upstream.breakerThreshold, cooldownMs: upstream.breakerCooldownMs },
    log: logger.child({ component: 'cartesia' }),
    metrics,
    cache,
  });
}

/**
 * Stops Apollo, whose drain plugin closes Fastify: in-flight operations
 * finish first, but for no longer than `graceMs`; then the remaining
 * connections are cut. Resolves with whether everything finished in time.
 */
async function drainWithin(graceMs: number, apollo: ApolloServer<GatewayContext>, app: FastifyInstance): Promise<boolean> {
  // One stop() only: Apollo 5 never resolves a second, concurrent stop() call.
  const stopping = apollo.stop();
  const graceOver = Symbol('grace over');
  const grace = new AbortController();
  const outcome = await Promise.race([
    stopping,
    sleep(graceMs, graceOver, { signal: grace.signal }).catch(() => undefined),
  ]);
  grace.abort();
  if (outcome !== graceOver) return true;
  app.log.warn({ graceMs }, 'shutdown grace period over; closing remaining connections');
  app.server.closeAllConnections();
  await stopping;
  return false;
}

/** Wraps a key source so every key it ever returns is known to the log scrubber. */
function apiKeyTracking(source: FileApiKey, keysSeen: Set<string>) {
  return {
    current: () => {
      const key = source.current();
      keysSeen.add(key);
      return key;
    },
    reload: () => source.reload(),
    close: () => source.close(),
  };
}

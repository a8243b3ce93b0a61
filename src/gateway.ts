// The composition root: builds the gateway from its configuration, one layer
// after the other (config -> upstream client -> shared stores -> schema and
// Apollo -> HTTP edge -> lifecycle). The only module, with main.ts, that reads
// config and the files it names; every other module gets its options passed in.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import type { FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import { FileApiKey, type ApiKeySource } from './cartesia/api-key';
import { CartesiaClient } from './cartesia/client';
import { ConfigError, type GatewayConfig } from './config';
import { createApolloServer } from './graphql/apollo';
import { contextFactory, type GatewayContext } from './graphql/context';
import { persistedQueryOptions } from './graphql/persisted-queries';
import { staticTokenDigests, type AuthOptions } from './http/auth';
import { createHttpEdge, drainWithin, mountGraphQL } from './http/app';
import { createLogger } from './logging';
import { GatewayMetrics } from './observability/metrics';
import { METRICS_PATH, exposeMetrics, recordHttpMetrics } from './observability/metrics-endpoint';
import { observeUpstream } from './observability/upstream';
import { reportStoreFallbacks } from './observability/store-fallbacks';
import { createStores, type Stores } from './stores';
import {
  TrustedDocumentsError,
  loadTrustedDocuments,
  type TrustedDocumentManifest,
} from './trusted-documents/manifest';

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

/** What the files named by the configuration hold, read once at start. */
export interface ConfiguredFiles {
  readonly apiKey: string;
  readonly auth: AuthOptions;
  readonly trustedDocuments: TrustedDocumentManifest | undefined;
}

// How long start waits for Redis before serving without it (it reconnects later).
const REDIS_START_TIMEOUT_MS = 2_000;

function errnoCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'unreadable';
}

function readApiKey(config: GatewayConfig['upstream'], problems: string[]): string {
  if (!config.apiKeyFile) {
    if (!config.apiKey) problems.push('no Cartesia API key: set CARTESIA_API_KEY or CARTESIA_API_KEY_FILE');
    return config.apiKey ?? '';
  }
  try {
    const key = readFileSync(config.apiKeyFile, 'utf8').trim();
    if (!key) problems.push(`CARTESIA_API_KEY_FILE: ${config.apiKeyFile} is empty`);
    return key;
  } catch (error) {
    problems.push(`CARTESIA_API_KEY_FILE: cannot read ${config.apiKeyFile} (${errnoCode(error)})`);
    return '';
  }
}

function readTokensFile(variable: string, file: string, problems: string[]): string[] {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
  } catch (error) {
    problems.push(`${variable}: cannot read ${file} (${errnoCode(error)})`);
    return [];
  }
}

function readAuth(config: GatewayConfig['auth'], problems: string[]): AuthOptions {
  if (config.mode !== 'static') return config;
  const read = (variable: string, file: string | undefined) => (file ? readTokensFile(variable, file, problems) : []);
  const tokens = [...config.tokens, ...read('AUTH_TOKENS_FILE', config.tokensFile)];
  const writeTokens = [...config.writeTokens, ...read('AUTH_WRITE_TOKENS_FILE', config.writeTokensFile)];
  if (tokens.length + writeTokens.length === 0) {
    problems.push('AUTH_MODE=static needs AUTH_TOKENS, AUTH_WRITE_TOKENS or their _FILE variants');
  }
  return { mode: 'static', tokenSha256: staticTokenDigests(tokens), writeTokenSha256: staticTokenDigests(writeTokens) };
}

function readTrustedDocuments(file: string | undefined, problems: string[]): TrustedDocumentManifest | undefined {
  if (!file) return undefined;
  try {
    return loadTrustedDocuments(file);
  } catch (error) {
    if (!(error instanceof TrustedDocumentsError)) throw error;
    problems.push(`TRUSTED_DOCUMENTS: ${error.message}`);
    return undefined;
  }
}

/** Reads every file the configuration names; throws ConfigError listing every problem at once. */
export function readConfiguredFiles(config: GatewayConfig): ConfiguredFiles {
  const problems: string[] = [];
  const files = {
    apiKey: readApiKey(config.upstream, problems),
    auth: readAuth(config.auth, problems),
    trustedDocuments: readTrustedDocuments(config.graphql.trustedDocumentsFile, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return files;
}

/** One line each for settings that work but hurt a production deployment. */
export function startupWarnings(config: GatewayConfig): string[] {
  const warnings: string[] = [];
  const production = config.nodeEnv === 'production';
  if (production && config.auth.mode === 'none') {
    warnings.push(
      'AUTH_MODE is not set: every client is served unauthenticated (set static or jwt, or keep the gateway behind an authenticating proxy)',
    );
  }
  if (production && config.auth.mode === 'none' && config.rateLimit.max > 0 && config.http.trustProxy === undefined) {
    warnings.push(
      'rate limit keys anonymous clients by socket IP and TRUST_PROXY is not set: behind a proxy or load balancer every client shares one budget (set TRUST_PROXY to the number of proxies in front, or to false when clients connect directly)',
    );
  }
  return warnings;
}

/** The key the client sends: fixed, or from a watched file whose every value is known to the log scrubber. */
function apiKeySource(
  config: GatewayConfig['upstream'],
  initial: string,
  keysSeen: Set<string>,
  onRotate: () => void,
): string | ApiKeySource {
  if (!config.apiKeyFile) return initial;
  const file = new FileApiKey(config.apiKeyFile, { initial, onRotate });
  return {
    current: () => {
      const key = file.current();
      keysSeen.add(key);
      return key;
    },
    reload: () => file.reload(),
    close: () => file.close(),
  };
}

/** Builds the gateway from validated config. Nothing listens until listen(). */
export async function createGateway(config: GatewayConfig, options: GatewayOptions = {}): Promise<Gateway> {
  const files = readConfiguredFiles(config);
  // Every key the process has held, so a rotated-out key is scrubbed from logs too.
  const keysSeen = new Set([files.apiKey]);
  const logger = createLogger({
    level: config.logLevel,
    destination: options.logDestination,
    secrets: { secrets: () => keysSeen },
  });
  for (const warning of startupWarnings(config)) logger.warn(warning);
  const metrics = new GatewayMetrics();

  const stores = createStores({
    redisUrl: config.redis.url,
    log: logger,
    metrics,
    onFallback: reportStoreFallbacks(logger, metrics),
  });
  if (!(await stores.ready(REDIS_START_TIMEOUT_MS))) {
    logger.warn('Redis not reachable at start; each replica keeps its shared state in memory until it is');
  }
  const apiKey = apiKeySource(config.upstream, files.apiKey, keysSeen, () =>
    logger.info('Cartesia API key file changed; using the new key'),
  );
  const client = new CartesiaClient(config.upstream, {
    apiKey,
    cache: stores.payloads,
    generations: stores.generations,
    log: logger.child({ component: 'cartesia' }),
  });
  observeUpstream(client, metrics);

  const edge = await createHttpEdge({
    logger,
    bodyLimitBytes: config.http.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    corsOrigins: config.http.corsOrigins,
    auth: files.auth,
    rateLimit: { ...config.rateLimit, store: stores.rateLimit },
    batching: { enabled: config.graphql.limits.batching, maxBatchSize: config.graphql.limits.maxBatchSize },
    trustedDocuments: files.trustedDocuments,
    demoPage: config.http.demoPage,
    unloggedPaths: [METRICS_PATH],
  });
  const { app } = edge;
  recordHttpMetrics(app, metrics);

  const apollo = createApolloServer({
    introspection: config.graphql.introspection,
    sandbox: config.graphql.sandbox,
    limits: config.graphql.limits,
    batching: config.graphql.limits.batching,
    jitAfterRuns: config.graphql.jitAfterRuns,
    persistedQueries: persistedQueryOptions(stores.apq),
    trustedDocuments: files.trustedDocuments,
    metrics,
    logger,
    plugins: [fastifyApolloDrainPlugin(app)],
  });
  await apollo.start();
  const contextFor = contextFactory({
    upstream: client,
    idempotency: stores.idempotency,
    audit: (entry) => {
      logger.info({ audit: entry }, `mutation ${entry.mutation} ${entry.outcome}`);
      metrics.mutation(entry.mutation, entry.outcome);
    },
    requestDeadlineMs: config.upstream.requestDeadlineMs,
    onCacheLookup: (cache, result) => metrics.cacheLookup(cache, result),
  });
  await mountGraphQL<GatewayContext>(app, apollo, contextFor);
  const metricsServer = exposeMetrics(app, metrics, { host: config.http.host, metricsPort: config.http.metricsPort });
  let metricsUrl: string | undefined;

  return {
    app,
    metrics,
    stores,
    get metricsUrl() {
      return metricsUrl;
    },
    async listen() {
      const url = await app.listen({ host: config.http.host, port: config.http.port });
      metricsUrl = metricsServer ? await metricsServer.listen() : url + METRICS_PATH;
      edge.setReady(true);
      return url;
    },
    async close() {
      edge.setReady(false);
      // Let load balancers see the 503 and stop routing here before the port closes.
      const { shutdownDelayMs, shutdownGraceMs } = config.lifecycle;
      if (shutdownDelayMs > 0) await sleep(shutdownDelayMs);
      const drained = await drainWithin(app, () => apollo.stop(), shutdownGraceMs);
      await client.close({ force: !drained });
      await metricsServer?.close();
      await stores.close();
      return { drained };
    },
  };
}

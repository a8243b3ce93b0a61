import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import fastifyApollo, { fastifyApolloDrainPlugin, type ApolloFastifyContextFunction } from '@as-integrations/fastify';
import { makeExecutableSchema } from '@graphql-tools/schema';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { createPayloadCache } from '../cache/payload-cache';
import { CartesiaClient } from '../cartesia/client';
import type { GatewayConfig } from '../config';
import type { GatewayContext } from '../graphql/context';
import { formatError } from '../graphql/errors';
import { jitExecutionGateway } from '../graphql/jit-executor';
import { resolvers } from '../graphql/resolvers';
import { loadTypeDefs } from '../graphql/schema';
import { createPhoneNumberLoaders } from '../loaders/phone-numbers';
import { cacheControlPlugins } from './cache-control';

/** A built gateway: the Fastify app with GraphQL and probes mounted, not yet listening. */
export interface Gateway {
  readonly app: FastifyInstance;
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
  (client: CartesiaClient): ApolloFastifyContextFunction<GatewayContext> =>
  async (_request, reply) => {
    const controller = new AbortController();
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) controller.abort();
    });
    return { loaders: createPhoneNumberLoaders(client, controller.signal) };
  };

/** Builds the gateway from validated config. Nothing listens until listen(). */
export async function createGateway(config: ResolvedConfig): Promise<Gateway> {
  const app = Fastify({
    logger: { level: config.logLevel, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    // Probes are polled every few seconds; their lines would drown the real traffic.
    logController: new LogController({ disableRequestLogging: (request) => PROBE_PATHS.has(request.url) }),
    forceCloseConnections: 'idle',
  });
  const cache = createPayloadCache({ ttlMs: config.cacheTtlMs, redisUrl: config.redisUrl, log: app.log });
  const client = new CartesiaClient({
    baseUrl: config.cartesiaBaseUrl,
    apiKey: config.cartesiaApiKey,
    version: config.cartesiaVersion,
    timeoutMs: config.upstreamTimeoutMs,
    cache,
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway: jitExecutionGateway(makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers })),
    formatError,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    // main.ts owns the signals: it drains, closes the pool and exits 0.
    stopOnTerminationSignals: false,
    plugins: [fastifyApolloDrainPlugin(app), landingPagePlugin(config), ...cacheControlPlugins(config.cacheTtlMs)],
  });
  await apollo.start();

  let ready = false;
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) =>
    ready ? { status: 'ready' } : reply.code(503).send({ status: 'unready' }),
  );
  await app.register(fastifyApollo(apollo), { path: '/graphql', method: ['GET', 'POST', 'OPTIONS'], context: contextFor(client) });

  return {
    app,
    async listen() {
      const url = await app.listen({ host: config.host, port: config.port });
      ready = true;
      return url;
    },
    async close() {
      ready = false;
      // Apollo's drain plugin closes Fastify: in-flight operations finish first.
      await apollo.stop();
      await client.close();
      await cache?.close();
    },
  };
}

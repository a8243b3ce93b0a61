import type { ApolloServer, BaseContext } from '@apollo/server';
import fastifyApollo from '@as-integrations/fastify';
import fastifyEtag from '@fastify/etag';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { setTimeout as sleep } from 'node:timers/promises';
import { newRequestStats, type RequestStats } from '../request-stats';
import type { RateLimitStoreClass } from '../stores';
import type { TrustedDocumentManifest } from '../trusted-documents/manifest';
import { registerAuth, type AuthOptions, type Principal } from './auth';
import { registerBatchLimit } from './batching';
import { registerCors } from './cors';
import { registerDemoPage } from './demo-page';
import { edgeErrorHandler } from './edge-errors';
import { registerRateLimit, type RateLimitOptions } from './rate-limit';
import { requestIdInErrorBodies } from './request-id-in-error-bodies';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id';
import { registerRequestLog } from './request-log';
import { registerTrustedDocumentsGate } from './trusted-documents-gate';

export const GRAPHQL_PATH = '/graphql';
const PROBE_PATHS = new Set(['/healthz', '/readyz']);

/** What the HTTP edge is configured with (the composition root passes config groups through). */
export interface EdgeOptions {
  readonly logger: Logger;
  readonly bodyLimitBytes: number;
  readonly trustProxy: boolean | number | readonly string[] | undefined;
  readonly corsOrigins: readonly string[];
  readonly auth: AuthOptions;
  readonly rateLimit: RateLimitOptions & { readonly store: RateLimitStoreClass };
  readonly batching: { readonly enabled: boolean; readonly maxBatchSize: number };
  readonly trustedDocuments?: TrustedDocumentManifest;
  readonly demoPage: boolean;
  /** Paths polled by machines (probes, metrics scrapes): neither logged nor rate limited. */
  readonly unloggedPaths: readonly string[];
}

/** The Fastify app with every edge concern mounted, and its readiness switch. */
export interface HttpEdge {
  readonly app: FastifyInstance;
  /** `/readyz` answers 200 only while this is true. */
  setReady(ready: boolean): void;
}

/**
 * Fastify's `trustProxy`: a hop count becomes proxy-addr's hop test (the
 * `hop`-th address from the socket is trusted while `hop < count`).
 */
function trustProxyOption(
  trust: EdgeOptions['trustProxy'],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (trust === undefined) return false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return typeof trust === 'boolean' ? trust : [...trust];
}

const isGraphQL = (request: FastifyRequest) => request.routeOptions.url === GRAPHQL_PATH;

/**
 * The HTTP edge: request ids, masked error bodies, one log line per request,
 * CORS, client authentication, rate limits, batch limits, the trusted-
 * documents gate, probes and the demo page. Nothing here knows GraphQL
 * beyond its path; the operation runs behind `mountGraphQL`.
 */
export async function createHttpEdge(options: EdgeOptions): Promise<HttpEdge> {
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    // One line per request, written by request-log.ts (probes skipped).
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    bodyLimit: options.bodyLimitBytes,
    trustProxy: trustProxyOption(options.trustProxy),
    forceCloseConnections: 'idle',
    requestIdHeader: false,
    genReqId: (raw) => requestIdFrom(raw.headers[REQUEST_ID_HEADER]),
  });
  app.setErrorHandler(edgeErrorHandler(options.bodyLimitBytes));
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  requestIdInErrorBodies(app);
  // GET answers are revalidated every time (see http-cache-headers); an ETag makes an unchanged one a 304.
  await app.register(fastifyEtag, { weak: true });
  const unlogged = new Set([...PROBE_PATHS, ...options.unloggedPaths]);
  const isUnlogged = (request: FastifyRequest) => unlogged.has(request.url);
  registerRequestLog(app, { skip: isUnlogged });
  await registerCors(app, options.corsOrigins);
  // Authentication before rate limiting: the limit is per authenticated client.
  registerAuth(app, options.auth, isGraphQL);
  await registerRateLimit(app, options.rateLimit, { store: options.rateLimit.store, skip: isUnlogged });
  if (options.batching.enabled) registerBatchLimit(app, options.batching.maxBatchSize, isGraphQL);
  if (options.trustedDocuments) registerTrustedDocumentsGate(app, options.trustedDocuments, isGraphQL);

  let ready = false;
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) =>
    ready ? { status: 'ready' } : reply.code(503).send({ status: 'unready' }),
  );
  if (options.demoPage) await registerDemoPage(app);
  return { app, setReady: (value) => void (ready = value) };
}

/** What a GraphQL request's context is built from, as the HTTP edge knows it. */
export interface GraphQLRequestFacts {
  readonly requestId: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly stats: RequestStats;
  /** Aborts when the client goes away before its answer is written. */
  readonly signal: AbortSignal;
  /** Who is asking and whether they may write (authentication decided it). */
  readonly principal: Principal;
}

/** Serves `apollo` at /graphql (GET for queries, POST, OPTIONS for CORS), each request with its context. */
export async function mountGraphQL<TContext extends BaseContext>(
  app: FastifyInstance,
  apollo: ApolloServer<TContext>,
  contextFor: (facts: GraphQLRequestFacts) => TContext,
): Promise<void> {
  await app.register(fastifyApollo(apollo), {
    path: GRAPHQL_PATH,
    method: ['GET', 'POST', 'OPTIONS'],
    context: async (request, reply) => {
      const controller = new AbortController();
      reply.raw.once('close', () => {
        if (!reply.raw.writableFinished) controller.abort();
      });
      return contextFor({
        requestId: request.id,
        headers: request.headers,
        stats: request.stats ?? newRequestStats(),
        signal: controller.signal,
        principal: request.principal ?? { client: `ip:${request.ip}`, mayWrite: false },
      });
    },
  });
}

/**
 * Stops serving: `stop` (Apollo's stop, whose drain plugin closes Fastify)
 * lets in-flight operations finish, but for no longer than `graceMs`; then
 * the remaining connections are cut. Resolves with whether all finished.
 */
export async function drainWithin(app: FastifyInstance, stop: () => Promise<void>, graceMs: number): Promise<boolean> {
  // One stop() only: Apollo 5 never resolves a second, concurrent stop() call.
  const stopping = stop();
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

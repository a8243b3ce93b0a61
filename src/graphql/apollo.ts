import {
  ApolloServer,
  type ApolloServerOptions,
  type ApolloServerPlugin,
  type PersistedQueryOptions,
} from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GatewayMetrics } from '../observability/metrics';
import type { TrustedDocumentManifest } from '../trusted-documents/manifest';
import type { GatewayContext } from './context';
import { formatError } from './errors';
import { jitExecutionGateway } from './jit-executor';
import { writePermission } from './plugins/write-permission';
import { httpCacheHeaders } from './plugins/http-cache-headers';
import { operationLimits, type OperationLimits } from './plugins/limits';
import { operationTelemetry } from './plugins/operation-telemetry';
import { requestIdInErrors } from './plugins/request-id-in-errors';
import { trustedDocumentsPlugin } from './plugins/trusted-documents';
import { resolvers } from './resolvers';
import { loadTypeDefs } from './schema';

export interface ApolloOptions {
  readonly introspection: boolean;
  readonly sandbox: boolean;
  readonly limits: OperationLimits;
  readonly batching: boolean;
  /** Runs of a document with graphql-js before graphql-jit compiles it. */
  readonly jitAfterRuns: number;
  /** APQ registrations: Apollo's in-memory LRU when absent. */
  readonly persistedQueries?: PersistedQueryOptions;
  /** When set, only these operations run. */
  readonly trustedDocuments?: TrustedDocumentManifest;
  readonly metrics: GatewayMetrics;
  readonly logger: NonNullable<ApolloServerOptions<GatewayContext>['logger']>;
  /** Plugins of the HTTP integration (e.g. the drain plugin that stops the server with Apollo). */
  readonly plugins?: readonly ApolloServerPlugin<GatewayContext>[];
}

/** The schema, the resolvers and every plugin, as one Apollo server (not started). */
export function createApolloServer(options: ApolloOptions): ApolloServer<GatewayContext> {
  const limits = operationLimits(options.limits, { hideFieldSuggestions: !options.introspection });
  return new ApolloServer<GatewayContext>({
    gateway: jitExecutionGateway(makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers }), {
      afterRuns: options.jitAfterRuns,
      metrics: options.metrics,
    }),
    formatError,
    logger: options.logger,
    introspection: options.introspection,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: options.batching,
    parseOptions: { maxTokens: options.limits.maxTokens },
    validationRules: limits.validationRules,
    // The process entry owns the signals: it drains, closes the pool and exits.
    stopOnTerminationSignals: false,
    persistedQueries: options.persistedQueries ?? {},
    plugins: [
      ...(options.plugins ?? []),
      options.sandbox
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
        : ApolloServerPluginLandingPageDisabled(),
      requestIdInErrors(),
      writePermission(),
      operationTelemetry(options.metrics),
      ...httpCacheHeaders<GatewayContext>(),
      ...(limits.plugins as ApolloServerPlugin<GatewayContext>[]),
      ...(options.trustedDocuments ? [trustedDocumentsPlugin(options.trustedDocuments)] : []),
    ],
  });
}

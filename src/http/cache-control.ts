import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';

// The `Cache-Control` header of GraphQL responses follows the payload cache:
// an answer may be reused for as long as the gateway itself reuses upstream data.
//
// Every field of this schema comes from upstream payloads that share one TTL,
// so the cache hint is set once per operation, on Apollo's overall cache
// policy. Apollo's cacheControl plugin would reach the same header by
// wrapping every field resolver with a per-field hook: measured, that made
// an operation cost several times more than executing it (BENCHMARKS.md).

/**
 * Hints the whole operation with `maxAge` = the cache's TTL in whole seconds,
 * scope PUBLIC (there are no per-user credentials: every client sees the same
 * data), and writes the header as Apollo's cache control does: a successful
 * answer with a cacheable policy gets `max-age=<s>, public`, anything else
 * (errors, cache off, a TTL under a second) `no-store`.
 */
export function operationCachePolicyPlugin(maxAgeSeconds: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ overallCachePolicy }) {
          overallCachePolicy.replace({ maxAge: maxAgeSeconds, scope: 'PUBLIC' });
        },
        async willSendResponse({ response, overallCachePolicy }) {
          const policy = overallCachePolicy.policyIfCacheable();
          const cacheable = policy && response.body.kind === 'single' && !response.body.singleResult.errors;
          response.http.headers.set(
            'cache-control',
            cacheable ? `max-age=${policy.maxAge}, ${policy.scope.toLowerCase()}` : 'no-store',
          );
        },
      };
    },
  };
}

/** Apollo's per-field cache control off, the operation-level policy on. */
export function cacheControlPlugins(cacheTtlMs: number): ApolloServerPlugin[] {
  return [ApolloServerPluginCacheControlDisabled(), operationCachePolicyPlugin(Math.floor(cacheTtlMs / 1000))];
}

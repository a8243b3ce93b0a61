import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';

// The `Cache-Control` header of GraphQL responses follows the payload cache:
// answers may be reused for as long as the gateway itself reuses upstream data.

/** Sets `Cache-Control: no-store` on every GraphQL response, with no per-field work. */
const noStorePlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};

/**
 * With the cache off, every response is `no-store` (what Apollo's cache
 * control computes when nothing has a hint), set once per response: Apollo's
 * plugin would wrap every field resolver to reach the same answer, which
 * costs more than executing the operation.
 *
 * With the cache on, Apollo's cache control gives every field a hint of the
 * cache's TTL (whole seconds), so a successful response carries
 * `Cache-Control: max-age=<ttl>, public` and one with errors `no-store`.
 * `public`: there are no per-user credentials, every client sees the same data.
 */
export function cacheControlPlugins(cacheTtlMs: number): ApolloServerPlugin[] {
  if (cacheTtlMs <= 0) return [ApolloServerPluginCacheControlDisabled(), noStorePlugin];
  return [ApolloServerPluginCacheControl({ defaultMaxAge: Math.floor(cacheTtlMs / 1000) })];
}

import type { ApolloServerPlugin } from '@apollo/server';

/**
 * HTTP caching rules around Apollo's cache-control plugin (which turns the
 * SDL's @cacheControl hints into `Cache-Control: max-age=…, public`):
 * - only GET responses may be cached: a POST is marked `no-store` first, and
 *   that plugin never loosens a stricter header;
 * - a GET answer's content type follows the request's `Accept`
 *   (application/json or application/graphql-response+json), so shared
 *   caches must key on it.
 */
export function httpCacheHeaders(): ApolloServerPlugin {
  return {
    async requestDidStart({ request, response }) {
      if (request.http?.method === 'GET') response.http.headers.set('vary', 'accept');
      else response.http.headers.set('cache-control', 'no-store');
    },
  };
}

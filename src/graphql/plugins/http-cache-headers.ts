import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';

/**
 * HTTP caching rules, with Apollo's cache-control plugin turning the SDL's
 * @cacheControl hints into `Cache-Control: max-age=…, public`:
 * - only GET responses may be cached: a POST is answered `no-store` and
 *   Apollo's plugin does not run for it at all. That plugin hooks every field
 *   of every operation (one policy object per field); for the POSTs that are
 *   most of the traffic, that work could only ever end in `no-store`;
 * - a GET answer's content type follows the request's `Accept`
 *   (application/json or application/graphql-response+json), so shared
 *   caches must key on it.
 *
 * Returns the plugins to install, in place of Apollo's default one.
 */
export function httpCacheHeaders<TContext extends BaseContext>(): ApolloServerPlugin<TContext>[] {
  const hints = ApolloServerPluginCacheControl() as ApolloServerPlugin<TContext>;
  const getsOnly: ApolloServerPlugin<TContext> = {
    async serverWillStart(service) {
      await hints.serverWillStart?.(service);
    },
    async requestDidStart(requestContext) {
      const { request, response } = requestContext;
      if (request.http?.method !== 'GET') {
        response.http.headers.set('cache-control', 'no-store');
        return undefined;
      }
      response.http.headers.set('vary', 'accept');
      return hints.requestDidStart?.(requestContext);
    },
  };
  // Disabling the default stops Apollo from installing a second, every-request copy.
  return [ApolloServerPluginCacheControlDisabled() as ApolloServerPlugin<TContext>, getsOnly];
}

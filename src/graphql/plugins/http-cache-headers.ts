import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';

/**
 * HTTP caching rules. Since the gateway writes, no cache may keep an answer
 * without asking again: a browser or CDN holding a page for its max-age would
 * hide a change the same user just made. So a cacheable GET (its
 * @cacheControl hints, computed by Apollo's plugin, allow caching) is sent
 * `private, no-cache`: only the user's own browser keeps it, and revalidates
 * it each time (the edge's ETag makes an unchanged answer a bodiless 304).
 * The gateway's own payload cache, which writes invalidate, does the rest.
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
      response.http.headers.set('vary', 'accept, authorization');
      const listener = await hints.requestDidStart?.(requestContext);
      return {
        ...listener,
        async willSendResponse(context) {
          await listener?.willSendResponse?.(context);
          const policy = context.response.http.headers.get('cache-control');
          if (policy && policy !== 'no-store') context.response.http.headers.set('cache-control', 'private, no-cache');
        },
      };
    },
  };
  // Disabling the default stops Apollo from installing a second, every-request copy.
  return [ApolloServerPluginCacheControlDisabled() as ApolloServerPlugin<TContext>, getsOnly];
}

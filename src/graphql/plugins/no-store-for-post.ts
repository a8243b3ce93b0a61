import type { ApolloServerPlugin } from '@apollo/server';

/**
 * Only GET responses may be cached. Apollo's cache-control plugin gives a
 * POST the same `max-age` as a GET; marking it `no-store` first makes that
 * plugin leave it uncacheable (it never loosens a stricter header).
 */
export function noStoreForPost(): ApolloServerPlugin {
  return {
    async requestDidStart({ request, response }) {
      if (request.http?.method !== 'GET') response.http.headers.set('cache-control', 'no-store');
    },
  };
}

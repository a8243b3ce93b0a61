import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { TrustedDocumentManifest } from './manifest';
import { judge, referenceFromBody, referenceFromSearch } from './policy';

function searchOf(url: string): string {
  const index = url.indexOf('?');
  return index === -1 ? '' : url.slice(index);
}

/**
 * The safelist at the HTTP edge: refuses any GraphQL request whose operation
 * is not a trusted document before Apollo parses, validates or runs it (an
 * Apollo plugin cannot refuse that early without a 500). Requests it lets
 * through are completed by trustedDocumentsPlugin.
 */
export function trustedDocumentsGate(
  manifest: TrustedDocumentManifest,
  graphqlPath: string,
): preHandlerAsyncHookHandler {
  return async function trustedDocumentsGate(request: FastifyRequest, reply: FastifyReply) {
    if (request.routeOptions.url !== graphqlPath) return;
    if (request.method !== 'GET' && request.method !== 'POST') return;
    const reference =
      request.method === 'GET' ? referenceFromSearch(searchOf(request.url)) : referenceFromBody(request.body);
    const verdict = judge(reference, manifest);
    if (verdict.allowed) return;
    request.log.info({ code: verdict.code }, 'operation refused: not a trusted document');
    // Same shape as every other GraphQL error (formatError + request id), never cached.
    return reply
      .code(verdict.status)
      .header('cache-control', 'no-store')
      .send({ errors: [{ message: verdict.message, extensions: { code: verdict.code, requestId: request.id } }] });
  };
}

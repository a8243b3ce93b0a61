import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TrustedDocumentManifest } from '../trusted-documents/manifest';
import { judge, referenceFromBody, referenceFromSearch } from '../trusted-documents/policy';
import { EdgeError } from './edge-errors';

function searchOf(url: string): string {
  const index = url.indexOf('?');
  return index === -1 ? '' : url.slice(index);
}

/**
 * The safelist at the HTTP edge: refuses any GraphQL request whose operation
 * is not a trusted document before Apollo parses, validates or runs it (an
 * Apollo plugin cannot refuse that early without a 500). Requests it lets
 * through are completed by the trusted-documents Apollo plugin.
 */
export function registerTrustedDocumentsGate(
  app: FastifyInstance,
  manifest: TrustedDocumentManifest,
  isGraphQL: (request: FastifyRequest) => boolean,
): void {
  app.addHook('preHandler', async (request) => {
    if (!isGraphQL(request)) return;
    if (request.method !== 'GET' && request.method !== 'POST') return;
    const reference =
      request.method === 'GET' ? referenceFromSearch(searchOf(request.url)) : referenceFromBody(request.body);
    const verdict = judge(reference, manifest);
    if (verdict.allowed) return;
    request.log.info({ code: verdict.code }, 'operation refused: not a trusted document');
    throw new EdgeError(verdict.status, verdict.code, verdict.message, {}, { 'cache-control': 'no-store' });
  });
}

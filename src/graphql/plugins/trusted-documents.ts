import type { ApolloServerPlugin, HTTPGraphQLRequest } from '@apollo/server';
import type { TrustedDocumentManifest } from '../../trusted-documents/manifest';
import { referenceFromBody, referenceFromSearch } from '../../trusted-documents/policy';

function documentIdOf(http: HTTPGraphQLRequest | undefined): string | undefined {
  if (!http) return undefined;
  return (http.method === 'GET' ? referenceFromSearch(http.search) : referenceFromBody(http.body))?.documentId;
}

/**
 * Completes requests that name a trusted document instead of sending its
 * text (`documentId`, or an APQ hash Apollo's cache has not seen): the text
 * comes from the manifest. Apollo itself only knows `query` and APQ.
 * trustedDocumentsGate has already refused everything not in the manifest.
 */
export function trustedDocumentsPlugin(manifest: TrustedDocumentManifest): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      if (request.query) return;
      const id = documentIdOf(request.http) ?? request.extensions?.persistedQuery?.sha256Hash;
      const document = id === undefined ? undefined : manifest.documentFor(id);
      if (document !== undefined) request.query = document;
    },
  };
}

// A minimal typed client for the gateway in trusted-documents mode: it sends
// a generated document's id (`documentId`), never its text, and gets back
// exactly the type codegen derived for that operation. Apollo Client, urql
// or Relay do the same with their own persisted-query links.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

/** The gateway answered with a GraphQL error; `code` is its stable `extensions.code`. */
export class GatewayError extends Error {
  override readonly name = 'GatewayError';
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly status: number,
  ) {
    super(message);
  }
}

/** The id a generated document has in persisted-documents.json (codegen embeds it as `__meta__.hash`). */
export function documentIdOf(document: TypedDocumentNode<unknown, never>): string {
  const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  if (typeof hash !== 'string')
    throw new Error('this document has no persisted-document hash; run `npm run examples:codegen`');
  return hash;
}

interface ExecuteOptions {
  /** GET makes the answer cacheable by a browser or CDN (queries only); POST is the default. */
  method?: 'GET' | 'POST';
}

interface GraphQLBody<TResult> {
  data?: TResult | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Runs a generated operation against `endpoint` (e.g. https://gateway.example/graphql) by its document id. */
export async function execute<TResult, TVariables>(
  endpoint: string,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  options: ExecuteOptions = {},
): Promise<TResult> {
  const documentId = documentIdOf(document as TypedDocumentNode<unknown, never>);
  const response =
    options.method === 'GET'
      ? await fetch(`${endpoint}?${new URLSearchParams({ documentId, variables: JSON.stringify(variables) })}`, {
          // Apollo's CSRF prevention wants a header a plain cross-site GET could not send.
          headers: { 'apollo-require-preflight': 'true' },
        })
      : await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ documentId, variables }),
        });
  const body = (await response.json()) as GraphQLBody<TResult>;
  const [error] = body.errors ?? [];
  if (error) throw new GatewayError(error.message, error.extensions?.code, response.status);
  if (!body.data) throw new GatewayError('the gateway answered without data', undefined, response.status);
  return body.data;
}

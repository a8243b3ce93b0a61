import { ErrorCode } from '../error-codes';
import type { TrustedDocumentManifest } from './manifest';

/** What a GraphQL HTTP request asks to run: its text, a trusted-document id, or an APQ hash. */
export interface OperationReference {
  query?: string;
  documentId?: string;
  sha256Hash?: string;
}

/** The request may go on to Apollo, or is refused with a stable code and HTTP status. */
export type Verdict = { allowed: true } | { allowed: false; status: 403 | 404; code: ErrorCode; message: string };

const nonEmptyString = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

function persistedQueryHash(extensions: unknown): string | undefined {
  if (typeof extensions !== 'object' || extensions === null) return undefined;
  const persistedQuery = (extensions as { persistedQuery?: unknown }).persistedQuery;
  if (typeof persistedQuery !== 'object' || persistedQuery === null) return undefined;
  return nonEmptyString((persistedQuery as { sha256Hash?: unknown }).sha256Hash);
}

function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // Apollo rejects the request itself; nothing runs
  }
}

/** From a GET request's search string (`?query=...&documentId=...&extensions=...`). */
export function referenceFromSearch(search: string): OperationReference {
  const params = new URLSearchParams(search);
  return {
    query: nonEmptyString(params.get('query')),
    documentId: nonEmptyString(params.get('documentId')),
    sha256Hash: persistedQueryHash(parseJson(params.get('extensions'))),
  };
}

/** From a POST body; undefined when it is not one operation object (e.g. a batch). */
export function referenceFromBody(body: unknown): OperationReference | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const fields = body as Record<string, unknown>;
  return {
    query: nonEmptyString(fields.query),
    documentId: nonEmptyString(fields.documentId),
    sha256Hash: persistedQueryHash(fields.extensions),
  };
}

const NOT_ALLOWED: Verdict = {
  allowed: false,
  status: 403,
  code: ErrorCode.PERSISTED_QUERY_NOT_ALLOWED,
  message:
    'This gateway runs trusted documents only, and this operation is not one of them. ' +
    "Send a documentId from the client's persisted-documents manifest instead of the operation text.",
};

const NOT_FOUND: Verdict = {
  allowed: false,
  status: 404,
  code: ErrorCode.TRUSTED_DOCUMENT_NOT_FOUND,
  message:
    'No trusted document has this id or hash. Regenerate the persisted-documents manifest and deploy it to the gateway.',
};

/**
 * Whatever text would run must be in the manifest: sent text by its hash,
 * otherwise the document an id or APQ hash names. A request naming nothing
 * passes, since nothing runs (Apollo answers it: landing page or 400).
 */
export function judge(reference: OperationReference | undefined, manifest: TrustedDocumentManifest): Verdict {
  if (!reference) return NOT_ALLOWED;
  if (reference.query !== undefined) return manifest.allowsText(reference.query) ? { allowed: true } : NOT_ALLOWED;
  const id = reference.documentId ?? reference.sha256Hash;
  if (id === undefined) return { allowed: true };
  return manifest.documentFor(id) !== undefined ? { allowed: true } : NOT_FOUND;
}

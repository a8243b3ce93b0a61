import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'graphql';

/** The manifest file is missing or unusable; the message says why (no document text in it). */
export class TrustedDocumentsError extends Error {
  override readonly name = 'TrustedDocumentsError';
}

/** Hex SHA-256 of a document's text, as Apollo's APQ and the client preset compute it. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

// Ids may carry their algorithm ("sha256:<hex>", as the GraphQL-over-HTTP
// persisted-documents proposal and the client preset with an explicit
// hashAlgorithm write them) or not; both spellings name the same document.
const ALGORITHM_PREFIX = /^sha256:/;

/**
 * The operations a trusted-documents gateway runs: GraphQL Code Generator's
 * client-preset manifest (`persisted-documents.json`, `{ "<hash>": "<document>" }`),
 * indexed by its ids and by the SHA-256 of each document's text.
 */
export class TrustedDocumentManifest {
  private readonly byKey: ReadonlyMap<string, string>;
  private readonly byHash: ReadonlyMap<string, string>;

  /** Throws TrustedDocumentsError unless `manifest` maps ids to GraphQL documents. */
  constructor(manifest: unknown) {
    if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
      throw new TrustedDocumentsError('must be a JSON object mapping document ids to GraphQL documents');
    }
    const entries = Object.entries(manifest);
    if (entries.length === 0) throw new TrustedDocumentsError('has no documents');
    for (const [id, document] of entries) assertDocument(id, document);
    this.byKey = new Map(entries.map(([id, document]) => [id.replace(ALGORITHM_PREFIX, ''), document as string]));
    this.byHash = new Map(entries.map(([, document]) => [sha256Hex(document as string), document as string]));
  }

  /** How many documents the manifest holds. */
  get size(): number {
    return this.byKey.size;
  }

  /** The document for a `documentId` (a manifest key, `sha256:`-prefixed or not) or an APQ `sha256Hash`. */
  documentFor(id: string): string | undefined {
    const bare = id.replace(ALGORITHM_PREFIX, '');
    return this.byKey.get(bare) ?? this.byHash.get(bare);
  }

  /** Whether this exact operation text is a trusted document (by its SHA-256). */
  allowsText(query: string): boolean {
    return this.byHash.has(sha256Hex(query));
  }
}

function assertDocument(id: string, document: unknown): void {
  if (typeof document !== 'string' || document.trim() === '') {
    throw new TrustedDocumentsError(`entry "${id.slice(0, 80)}" must be a GraphQL document string`);
  }
  try {
    parse(document, { noLocation: true });
  } catch (error) {
    throw new TrustedDocumentsError(`entry "${id.slice(0, 80)}" is not valid GraphQL (${(error as Error).message})`);
  }
}

/** Reads and checks a manifest file; TrustedDocumentsError says what is wrong with it. */
export function loadTrustedDocuments(file: string): TrustedDocumentManifest {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new TrustedDocumentsError(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    throw new TrustedDocumentsError(`${file} is not valid JSON`);
  }
  try {
    return new TrustedDocumentManifest(manifest);
  } catch (error) {
    if (error instanceof TrustedDocumentsError) throw new TrustedDocumentsError(`${file} ${error.message}`);
    throw error;
  }
}

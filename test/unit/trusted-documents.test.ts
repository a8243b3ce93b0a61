import { createHash } from 'node:crypto';
import { TrustedDocumentManifest, TrustedDocumentsError } from '../../src/trusted-documents/manifest';
import { judge, referenceFromBody, referenceFromSearch } from '../../src/trusted-documents/policy';

const LIST = 'query List { phoneNumbers { nodes { id } } }';
const sha256 = createHash('sha256').update(LIST).digest('hex');
const sha1 = createHash('sha1').update(LIST).digest('hex');

describe('TrustedDocumentManifest', () => {
  it.each([
    ['bare sha256 keys', { [sha256]: LIST }],
    ['sha256:-prefixed keys', { [`sha256:${sha256}`]: LIST }],
    ['sha1 keys (the client preset with hashAlgorithm sha1)', { [sha1]: LIST }],
  ])('finds a document by its key, its sha256 and its text with %s', (_name, entries) => {
    const manifest = new TrustedDocumentManifest(entries);
    const key = Object.keys(entries)[0]!;
    for (const id of [key, sha256, `sha256:${sha256}`]) expect(manifest.documentFor(id)).toBe(LIST);
    expect(manifest.allowsText(LIST)).toBe(true);
    expect(manifest.allowsText(`${LIST}\n`)).toBe(false);
    expect(manifest.documentFor('sha256:0000')).toBeUndefined();
  });

  it('rejects what is not a manifest', () => {
    for (const bad of [null, [], 'x', {}, { h: 1 }, { h: '' }, { h: 'query {' }]) {
      expect(() => new TrustedDocumentManifest(bad)).toThrow(TrustedDocumentsError);
    }
  });
});

describe('the trusted-documents policy', () => {
  const manifest = new TrustedDocumentManifest({ [sha256]: LIST });
  const apq = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

  it('reads the operation reference from a GET search or a POST body', () => {
    const extensions = JSON.stringify(apq(sha256));
    expect(
      referenceFromSearch(
        `?documentId=a&query=${encodeURIComponent(LIST)}&extensions=${encodeURIComponent(extensions)}`,
      ),
    ).toEqual({
      documentId: 'a',
      query: LIST,
      sha256Hash: sha256,
    });
    expect(referenceFromSearch('?extensions=not-json')).toEqual({
      documentId: undefined,
      query: undefined,
      sha256Hash: undefined,
    });
    expect(referenceFromBody({ query: '', documentId: 'a' })).toEqual({
      query: undefined,
      documentId: 'a',
      sha256Hash: undefined,
    });
    expect(referenceFromBody([{ query: LIST }])).toBeUndefined();
  });

  it.each([
    ['trusted text', { query: LIST }, true],
    ['a trusted id', { documentId: sha256 }, true],
    ['a trusted APQ hash', { sha256Hash: sha256 }, true],
    ['nothing to run (landing page, Apollo answers)', {}, true],
    ['other text', { query: '{ a }' }, 'PERSISTED_QUERY_NOT_ALLOWED'],
    ['other text with a trusted id', { query: '{ a }', documentId: sha256 }, 'PERSISTED_QUERY_NOT_ALLOWED'],
    ['an unknown id', { documentId: 'nope' }, 'TRUSTED_DOCUMENT_NOT_FOUND'],
    ['an unknown hash', { sha256Hash: 'nope' }, 'TRUSTED_DOCUMENT_NOT_FOUND'],
    ['a batch', undefined, 'PERSISTED_QUERY_NOT_ALLOWED'],
  ])('judges %s', (_name, reference, expected) => {
    const verdict = judge(reference, manifest);
    expect(verdict.allowed ? true : verdict.code).toBe(expected);
  });
});

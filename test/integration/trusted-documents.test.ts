import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { apqExtensions as apq, sha256 } from '../helpers/persisted';
import { getGraphQL, postGraphQL, postGraphQLBody, startTestStack, type TestStack } from '../helpers/gateway';

// TRUSTED_DOCUMENTS switches on a safelist: only the manifest's operations
// run, named by id, by APQ hash, or sent as their exact text.

const LIST = 'query TrustedList($first: Int) { phoneNumbers(first: $first) { nodes { id } } }';
const LOOKUP = 'query TrustedLookup($id: ID!) { phoneNumber(id: $id) { id number } }';
const UNTRUSTED = '{ phoneNumbers(first: 1) { nodes { id label } } }';
const LIST_ID = sha256(LIST);
const LOOKUP_ID = sha256(LOOKUP);

type ListData = { phoneNumbers: { nodes: { id: string }[] } };

let dir: string;
let stack: TestStack;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'pngw-trusted-'));
  const manifest = path.join(dir, 'persisted-documents.json');
  writeFileSync(manifest, JSON.stringify({ [LIST_ID]: LIST, [LOOKUP_ID]: LOOKUP }));
  stack = await startTestStack({ env: { TRUSTED_DOCUMENTS: manifest } });
});
afterAll(async () => {
  await stack?.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => stack.upstream.clearRequests());

const firstIds = (n: number) => stack.upstream.records.slice(0, n).map((r) => r.id);

function expectRefused(
  response: { status: number; headers: Headers; body: { data?: unknown; errors?: any[] } },
  status: number,
  code: string,
) {
  expect(response.status).toBe(status);
  expect(response.body.data).toBeUndefined();
  expect(response.body.errors).toHaveLength(1);
  expect(response.body.errors![0].extensions).toEqual({ code, requestId: expect.any(String) });
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(stack.upstream.requests).toHaveLength(0);
}

describe('trusted documents: what runs', () => {
  it('runs a document by its documentId, bare or sha256:-prefixed', async () => {
    for (const documentId of [LIST_ID, `sha256:${LIST_ID}`]) {
      const response = await postGraphQLBody<ListData>(stack.url, { documentId, variables: { first: 3 } });
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data!.phoneNumbers.nodes.map((n) => n.id)).toEqual(firstIds(3));
    }
  });

  it('runs a document by documentId over GET, revalidated by the browser', async () => {
    const id = stack.upstream.records[4]!.id;
    const response = await getGraphQL<{ phoneNumber: { id: string } }>(stack.url, {
      documentId: LOOKUP_ID,
      variables: { id },
    });
    expect(response.body.data!.phoneNumber.id).toBe(id);
    expect(response.headers.get('cache-control')).toBe('private, no-cache');
  });

  it('runs a document by its APQ hash alone, over POST and GET', async () => {
    const post = await postGraphQLBody<ListData>(stack.url, { extensions: apq(LIST_ID), variables: { first: 2 } });
    expect(post.body.data!.phoneNumbers.nodes.map((n) => n.id)).toEqual(firstIds(2));
    const get = await getGraphQL<ListData>(stack.url, { extensions: apq(LIST_ID), variables: { first: 2 } });
    expect(get.body.data!.phoneNumbers.nodes.map((n) => n.id)).toEqual(firstIds(2));
  });

  it('runs the exact text of a document', async () => {
    const response = await postGraphQL<ListData>(stack.url, LIST, { first: 1 });
    expect(response.body.data!.phoneNumbers.nodes.map((n) => n.id)).toEqual(firstIds(1));
  });
});

describe('trusted documents: what is refused', () => {
  it('refuses any other operation text with 403 PERSISTED_QUERY_NOT_ALLOWED, before Apollo sees it', async () => {
    expectRefused(await postGraphQL(stack.url, UNTRUSTED), 403, 'PERSISTED_QUERY_NOT_ALLOWED');
    expectRefused(await getGraphQL(stack.url, { query: UNTRUSTED }), 403, 'PERSISTED_QUERY_NOT_ALLOWED');
    // Not even a whitespace change, introspection, or invalid text that would leak schema hints.
    expectRefused(await postGraphQL(stack.url, `${LIST} `, { first: 1 }), 403, 'PERSISTED_QUERY_NOT_ALLOWED');
    expectRefused(await postGraphQL(stack.url, '{ __schema { types { name } } }'), 403, 'PERSISTED_QUERY_NOT_ALLOWED');
    expectRefused(await postGraphQL(stack.url, '{ phoneNumbrs { id } }'), 403, 'PERSISTED_QUERY_NOT_ALLOWED');
  });

  it('runs the sent text, never a trusted one in its place: a trusted id with other text is refused', async () => {
    const response = await postGraphQLBody(stack.url, { documentId: LIST_ID, query: UNTRUSTED });
    expectRefused(response, 403, 'PERSISTED_QUERY_NOT_ALLOWED');
  });

  it('refuses unknown ids and hashes with 404 TRUSTED_DOCUMENT_NOT_FOUND', async () => {
    const unknown = sha256('query Unknown { phoneNumbers { nodes { id } } }');
    expectRefused(await postGraphQLBody(stack.url, { documentId: unknown }), 404, 'TRUSTED_DOCUMENT_NOT_FOUND');
    expectRefused(await getGraphQL(stack.url, { documentId: unknown }), 404, 'TRUSTED_DOCUMENT_NOT_FOUND');
    expectRefused(await postGraphQLBody(stack.url, { extensions: apq(unknown) }), 404, 'TRUSTED_DOCUMENT_NOT_FOUND');
  });

  it('cannot be bypassed by registering a new APQ hash', async () => {
    const register = await postGraphQLBody(stack.url, { query: UNTRUSTED, extensions: apq(sha256(UNTRUSTED)) });
    expectRefused(register, 403, 'PERSISTED_QUERY_NOT_ALLOWED');
    expectRefused(
      await postGraphQLBody(stack.url, { extensions: apq(sha256(UNTRUSTED)) }),
      404,
      'TRUSTED_DOCUMENT_NOT_FOUND',
    );
  });

  it('refuses batches (several operations in one request)', async () => {
    expectRefused(await postGraphQLBody(stack.url, [{ documentId: LIST_ID }]), 403, 'PERSISTED_QUERY_NOT_ALLOWED');
  });

  it('explains what to do in the message', async () => {
    const refused = await postGraphQL(stack.url, UNTRUSTED);
    expect(refused.body.errors![0]!.message).toMatch(/trusted documents only.*documentId/);
    const unknown = await postGraphQLBody(stack.url, { documentId: 'nope' });
    expect(unknown.body.errors![0]!.message).toMatch(/No trusted document has this id/);
  });
});

describe('without TRUSTED_DOCUMENTS (the default)', () => {
  let open: TestStack;
  beforeAll(async () => {
    open = await startTestStack();
  });
  afterAll(() => open.close());

  it('runs any valid operation, and has no documentId support', async () => {
    const response = await postGraphQL<{ phoneNumbers: { nodes: { label: string | null }[] } }>(open.url, UNTRUSTED);
    expect(response.body.data!.phoneNumbers.nodes).toHaveLength(1);
    const byId = await postGraphQLBody(open.url, { documentId: LIST_ID });
    expect(byId.status).toBe(400);
    expect(byId.body.errors![0]!.extensions!.code).toBe('BAD_REQUEST');
  });
});

import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { GatewayError, documentIdOf, execute } from '../../examples/src/client';
import { getFragmentData } from '../../examples/src/gql';
import { PhoneNumberDetailQuery, PhoneNumberListQuery, ProviderBadgeFragment } from '../../examples/src/operations';
import { postGraphQL, startTestStack, type TestStack } from '../helpers/gateway';

// The shipped frontend example: its codegen output is current, and its
// persisted-documents manifest, loaded as TRUSTED_DOCUMENTS, is exactly what
// the gateway then runs.

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const MANIFEST = path.join(ROOT, 'examples/src/gql/persisted-documents.json');

describe('examples codegen', () => {
  it('is what `npm run examples:codegen` produces from the printed schema and the operations', async () => {
    // Regenerates in memory and compares; exits 1 naming stale files.
    const result = await promisify(execFile)(TSX, ['scripts/examples-codegen.ts', '--check'], { cwd: ROOT });
    expect(result.stderr).toContain('generated code is up to date');
  }, 60_000);

  it('puts every operation into the manifest under the id embedded in its typed document', () => {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
    const ids = [documentIdOf(PhoneNumberListQuery), documentIdOf(PhoneNumberDetailQuery)];
    expect(Object.keys(manifest).sort()).toEqual([...ids].sort());
    expect(manifest[ids[0]!]).toMatch(/^fragment ProviderBadge on Provider .* query PhoneNumberList\(/);
  });
});

describe('the typed example client against a gateway in trusted mode', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { TRUSTED_DOCUMENTS: MANIFEST } });
  });
  afterAll(() => stack.close());

  const endpoint = () => `${stack.url}/graphql`;

  it('runs the list with filters and pagination by document id', async () => {
    const twilio = stack.upstream.records.filter((r) => r.provider.type === 'twilio');
    const first = await execute(endpoint(), PhoneNumberListQuery, { first: 5, filter: { type: 'TWILIO' } });
    expect(first.phoneNumbers.edges.map((e) => e.node.id)).toEqual(twilio.slice(0, 5).map((r) => r.id));
    const next = await execute(endpoint(), PhoneNumberListQuery, {
      first: 5,
      filter: { type: 'TWILIO' },
      after: first.phoneNumbers.pageInfo.endCursor,
    });
    expect(next.phoneNumbers.edges.map((e) => e.node.id)).toEqual(twilio.slice(5, 10).map((r) => r.id));
    const badge = getFragmentData(ProviderBadgeFragment, next.phoneNumbers.edges[0]!.node.provider);
    const provider = twilio[5]!.provider as Extract<(typeof twilio)[number]['provider'], { type: 'twilio' }>;
    expect(badge).toEqual({ __typename: 'TwilioProvider', region: provider.region.toUpperCase() });
  });

  it('runs the detail lookup by id over GET', async () => {
    const record = stack.upstream.records[7]!;
    const { phoneNumber } = await execute(endpoint(), PhoneNumberDetailQuery, { id: record.id }, { method: 'GET' });
    expect(phoneNumber).toMatchObject({ id: record.id, number: record.number, createdAt: record.created_at });
  });

  it('runs each manifest document by its exact text, and nothing else', async () => {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
    const variables = { first: 1, id: stack.upstream.records[0]!.id };
    for (const document of Object.values(manifest)) {
      const response = await postGraphQL(stack.url, document, variables);
      expect(response.body.errors).toBeUndefined();
    }
    const other = await postGraphQL(stack.url, '{ phoneNumbers(first: 1) { nodes { id } } }');
    expect(other.status).toBe(403);
    expect(other.body.errors![0]!.extensions!.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
  });

  it('gets a typed error for a document the gateway does not trust', async () => {
    const stale = { ...PhoneNumberListQuery, __meta__: { hash: 'sha256:0000' } } as typeof PhoneNumberListQuery;
    const failure = execute(endpoint(), stale, { first: 1 });
    await expect(failure).rejects.toBeInstanceOf(GatewayError);
    await expect(failure).rejects.toMatchObject({ code: 'TRUSTED_DOCUMENT_NOT_FOUND', status: 404 });
  });
});

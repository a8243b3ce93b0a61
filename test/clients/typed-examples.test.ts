import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { GatewayError, documentIdOf, execute } from '../../examples/src/client';
import { getFragmentData } from '../../examples/src/gql';
import {
  AgentListQuery,
  AssignAgentToPhoneNumberMutation,
  DeletePhoneNumberMutation,
  ImportPhoneNumberMutation,
  PhoneNumberDetailQuery,
  PhoneNumberListQuery,
  ProviderBadgeFragment,
  ProvisionPhoneNumberMutation,
  ProvisioningUsageQuery,
  RelabelPhoneNumberMutation,
  UnassignAgentFromPhoneNumberMutation,
  UpdatePhoneNumberMutation,
} from '../../examples/src/operations';
import { postGraphQL, startTestStack, type TestStack } from '../helpers/gateway';

// The shipped frontend example: its codegen output is current, and its
// persisted-documents manifest, loaded as TRUSTED_DOCUMENTS, is exactly what
// the gateway then runs.

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const MANIFEST = path.join(ROOT, 'examples/src/gql/persisted-documents.json');

/** The name of the (one) operation in a manifest document. */
function operationName(document: string): string {
  const match = /\b(?:query|mutation) (\w+)/.exec(document);
  if (!match) throw new Error(`no named operation in ${document}`);
  return match[1]!;
}

describe('examples codegen', () => {
  it('is what `npm run examples:codegen` produces from the printed schema and the operations', async () => {
    // Regenerates in memory and compares; exits 1 naming stale files.
    const result = await promisify(execFile)(TSX, ['scripts/examples-codegen.ts', '--check'], { cwd: ROOT });
    expect(result.stderr).toContain('generated code is up to date');
  }, 60_000);

  it('puts every operation into the manifest under the id embedded in its typed document', () => {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
    const documents = {
      PhoneNumberList: PhoneNumberListQuery,
      PhoneNumberDetail: PhoneNumberDetailQuery,
      AgentList: AgentListQuery,
      ProvisioningUsage: ProvisioningUsageQuery,
      ProvisionPhoneNumber: ProvisionPhoneNumberMutation,
      ImportPhoneNumber: ImportPhoneNumberMutation,
      UpdatePhoneNumber: UpdatePhoneNumberMutation,
      RelabelPhoneNumber: RelabelPhoneNumberMutation,
      AssignAgentToPhoneNumber: AssignAgentToPhoneNumberMutation,
      UnassignAgentFromPhoneNumber: UnassignAgentFromPhoneNumberMutation,
      DeletePhoneNumber: DeletePhoneNumberMutation,
    };
    const ids = Object.values(documents).map((document) => documentIdOf(document));
    expect(Object.keys(manifest).sort()).toEqual([...ids].sort());
    for (const [name, document] of Object.entries(documents)) {
      expect(operationName(manifest[documentIdOf(document)]!)).toBe(name);
    }
    expect(manifest[ids[0]!]).toMatch(/^fragment ProviderBadge on Provider .* query PhoneNumberList\(/);
    expect(manifest[documentIdOf(ProvisionPhoneNumberMutation)]).toMatch(
      /^fragment ProviderBadge on Provider .* mutation ProvisionPhoneNumber\(/,
    );
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
    const { records, agents, twilioProviders, importableNumbers } = stack.upstream;
    // Distinct numbers for the writes, from the end of the list (the other tests read its start).
    const unassigned = records.filter((r) => !r.agent).slice(-3);
    const assigned = records.filter((r) => r.agent).at(-1)!;
    const link = twilioProviders[0]!;
    // Variables per operation; an operation missing here fails the test, so a new one gets a run too.
    const variablesFor: Record<string, Record<string, unknown>> = {
      PhoneNumberList: { first: 1 },
      PhoneNumberDetail: { id: records[0]!.id },
      AgentList: { first: 2, search: 'a' },
      ProvisioningUsage: {},
      ProvisionPhoneNumber: { input: { label: 'Manifest line' } },
      ImportPhoneNumber: {
        input: { label: 'Manifest import', number: importableNumbers.get(link.id)![3]!, providerId: link.id },
      },
      UpdatePhoneNumber: { input: { id: unassigned[0]!.id, label: 'Manifest update' } },
      RelabelPhoneNumber: { id: unassigned[0]!.id, label: 'Manifest relabel' },
      AssignAgentToPhoneNumber: { input: { phoneNumberId: unassigned[1]!.id, agentId: agents[0]!.id } },
      UnassignAgentFromPhoneNumber: { input: { phoneNumberId: assigned.id } },
      DeletePhoneNumber: { input: { id: unassigned[2]!.id } },
    };
    for (const document of Object.values(manifest)) {
      const name = operationName(document);
      expect(variablesFor).toHaveProperty([name]);
      const response = await postGraphQL<Record<string, { userErrors?: unknown[] }>>(
        stack.url,
        document,
        variablesFor[name],
      );
      expect(response.body.errors).toBeUndefined();
      // A mutation that ran but refused would pass the line above: its payload must carry no user error.
      for (const payload of Object.values(response.body.data!)) expect(payload.userErrors ?? []).toEqual([]);
    }
    const other = await postGraphQL(stack.url, '{ phoneNumbers(first: 1) { nodes { id } } }');
    expect(other.status).toBe(403);
    expect(other.body.errors![0]!.extensions!.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
  });

  it('runs a mutation and the new queries by document id, typed end to end', async () => {
    const usageBefore = await execute(endpoint(), ProvisioningUsageQuery, {});
    const agent = (await execute(endpoint(), AgentListQuery, { first: 1 })).agents.edges[0]!.node;
    const { provisionPhoneNumber } = await execute(endpoint(), ProvisionPhoneNumberMutation, {
      input: { label: 'Typed line', agentId: agent.id, clientMutationId: 't-1' },
    });
    expect(provisionPhoneNumber.userErrors).toEqual([]);
    expect(provisionPhoneNumber.clientMutationId).toBe('t-1');
    const created = provisionPhoneNumber.phoneNumberEdge!.node;
    expect(created).toMatchObject({ label: 'Typed line', agent: { id: agent.id, name: agent.name } });
    const { phoneNumber } = await execute(endpoint(), PhoneNumberDetailQuery, { id: created.id });
    expect(phoneNumber).toMatchObject({ id: created.id, number: created.number, label: 'Typed line' });
    const usageAfter = await execute(endpoint(), ProvisioningUsageQuery, {});
    expect(usageAfter.phoneNumberProvisioningUsage.remaining).toBe(
      usageBefore.phoneNumberProvisioningUsage.remaining - 1,
    );
  });

  it('agents come sorted by name, filtered by search, paged by cursor', async () => {
    const byName = [...stack.upstream.agents].sort((a, b) => a.name.localeCompare(b.name));
    const first = await execute(endpoint(), AgentListQuery, { first: 3 });
    expect(first.agents.edges.map((edge) => edge.node.name)).toEqual(byName.slice(0, 3).map((agent) => agent.name));
    const next = await execute(endpoint(), AgentListQuery, { first: 3, after: first.agents.pageInfo.endCursor });
    expect(next.agents.edges.map((edge) => edge.node.id)).toEqual(byName.slice(3, 6).map((agent) => agent.id));
    const needle = byName[0]!.name.slice(0, 4).toUpperCase();
    const found = await execute(endpoint(), AgentListQuery, { search: needle });
    expect(found.agents.edges.map((edge) => edge.node.name)).toContain(byName[0]!.name);
    expect(found.agents.edges.every((edge) => edge.node.name.toUpperCase().includes(needle))).toBe(true);
  });

  it('refuses a mutation over GET (405): writes are POST-only', async () => {
    const failure = execute(
      endpoint(),
      RelabelPhoneNumberMutation,
      { id: stack.upstream.records[1]!.id, label: 'x' },
      {
        method: 'GET',
      },
    );
    await expect(failure).rejects.toMatchObject({ name: 'GatewayError', status: 405 });
  });

  it('gets a typed error for a document the gateway does not trust', async () => {
    const stale = { ...PhoneNumberListQuery, __meta__: { hash: 'sha256:0000' } } as typeof PhoneNumberListQuery;
    const failure = execute(endpoint(), stale, { first: 1 });
    await expect(failure).rejects.toBeInstanceOf(GatewayError);
    await expect(failure).rejects.toMatchObject({ code: 'TRUSTED_DOCUMENT_NOT_FOUND', status: 404 });
  });
});

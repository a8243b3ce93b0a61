import { startTestStack, type TestStack } from '../helpers/gateway';

// `agents` sorts, filters and pages Cartesia's one unsorted list on the
// gateway; the list is fetched at most once per request and shared briefly.

let stack: TestStack;
beforeEach(async () => {
  stack = await startTestStack({ env: { AGENTS_CACHE_TTL_MS: '60000' } });
});
afterEach(() => stack.close());

const AGENTS = `query($first: Int, $after: String, $search: String) {
  agents(first: $first, after: $after, search: $search) {
    edges { cursor node { id name } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;
const agentCalls = () => stack.upstream.requests.filter((r) => r.path === '/agents').length;
const byName = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));

it('orders every agent by name and pages through them with opaque cursors', async () => {
  const seen: string[] = [];
  let after: string | undefined;
  for (;;) {
    const { agents } = await stack.data(AGENTS, { first: 5, after });
    seen.push(...agents.edges.map((edge: { node: { name: string } }) => edge.node.name));
    if (!agents.pageInfo.hasNextPage) break;
    after = agents.pageInfo.endCursor;
  }
  const names = stack.upstream.agents.map((agent) => agent.name);
  expect(names).not.toEqual(byName(names));
  expect(seen).toEqual(byName(names));
});

it('filters by name, case-insensitively', async () => {
  const target = stack.upstream.agents[3]!;
  const fragment = target.name.slice(1, 5).toUpperCase();
  const { agents } = await stack.data(AGENTS, { search: fragment });
  const expected = stack.upstream.agents.filter((a) => a.name.toLowerCase().includes(fragment.toLowerCase()));
  expect(agents.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual(expected.map((a) => a.id).sort());
});

it('fetches the list once per request and shares it across requests', async () => {
  const id = stack.upstream.agents[0]!.id;
  await stack.data(`query($id: ID!) { a: agents(first: 2) { nodes { id } } b: agents(first: 3) { nodes { id } } node(id: $id) { ... on Agent { name description } } }`, { id });
  expect(agentCalls()).toBe(1);
  await stack.data(AGENTS, { first: 1 });
  expect(agentCalls()).toBe(1);
});

it('resolves agents as nodes, with their numbers through the agent_id filter', async () => {
  const record = stack.upstream.records.find((r) => r.agent)!;
  const agent = stack.upstream.agents.find((a) => a.id === record.agent!.id)!;
  const data = await stack.data(
    `query($id: ID!) { node(id: $id) { id ... on Agent { name description phoneNumbers(first: 100) { nodes { id agent { id } } } } } }`,
    { id: agent.id },
  );
  expect(data.node).toMatchObject({ id: agent.id, name: agent.name, description: agent.description ?? null });
  const expected = stack.upstream.records.filter((r) => r.agent?.id === agent.id).map((r) => r.id);
  expect(data.node.phoneNumbers.nodes.map((n: { id: string }) => n.id)).toEqual(expected.slice(0, 100));
  expect((await stack.data(`{ node(id: "agent_nobody") { id } }`)).node).toBeNull();
});

it('maps provisioning usage', async () => {
  const data = await stack.data(`{ phoneNumberProvisioningUsage { monthlyUsage monthlyLimit remaining } }`);
  const usage = stack.upstream.provisioningUsage;
  expect(data.phoneNumberProvisioningUsage).toEqual({
    monthlyUsage: usage.monthly_usage,
    monthlyLimit: usage.monthly_limit,
    remaining: usage.remaining,
  });
});

it('refuses a bad cursor or page size with BAD_USER_INPUT, at no upstream call', async () => {
  for (const variables of [{ after: 'garbage' }, { first: 0 }, { first: 101 }]) {
    const response = await stack.query(AGENTS, variables);
    expect(response.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  }
});

// `tsx scripts/container/check-gateway.ts GATEWAY_URL UPSTREAM_URL`: probes a
// running gateway from outside (the container's published port): both health
// endpoints answer 200, and `phoneNumbers` is the upstream's own first page.
// The key the upstream expects comes from DEMO_UPSTREAM_API_KEY (env, never an
// argument). Exits 1 with the reason on the first check that fails.
import { CARTESIA_VERSION } from '../../src/demo-upstream';

const PAGE_SIZE = 3;

interface GraphQLAnswer {
  data?: { phoneNumbers?: { nodes: { id: string; number: string }[] } } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function checkProbes(gatewayUrl: string): Promise<void> {
  for (const probe of ['/healthz', '/readyz']) {
    const response = await fetch(`${gatewayUrl}${probe}`);
    if (response.status !== 200) throw new Error(`${probe} answered ${response.status}`);
  }
}

async function upstreamFirstPage(upstreamUrl: string, apiKey: string): Promise<string[]> {
  const response = await fetch(`${upstreamUrl}/agents/phone-numbers?limit=${PAGE_SIZE}`, {
    headers: { authorization: `Bearer ${apiKey}`, 'cartesia-version': CARTESIA_VERSION },
  });
  if (!response.ok) throw new Error(`the upstream answered ${response.status} to its own first page`);
  const body = (await response.json()) as { data: { id: string }[] };
  return body.data.map((record) => record.id);
}

async function gatewayFirstPage(gatewayUrl: string): Promise<string[]> {
  const response = await fetch(`${gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ phoneNumbers(first: ${PAGE_SIZE}) { nodes { id number } } }` }),
  });
  const answer = (await response.json()) as GraphQLAnswer;
  if (response.status !== 200 || answer.errors?.length || !answer.data?.phoneNumbers) {
    const codes = answer.errors?.map((error) => `${error.extensions?.code}: ${error.message}`).join('; ');
    throw new Error(`the gateway answered ${response.status}${codes ? ` (${codes})` : ''}`);
  }
  return answer.data.phoneNumbers.nodes.map((node) => node.id);
}

async function main(): Promise<void> {
  const [gatewayUrl, upstreamUrl] = process.argv.slice(2);
  const apiKey = process.env.DEMO_UPSTREAM_API_KEY;
  if (!gatewayUrl || !upstreamUrl || !apiKey) {
    throw new Error('usage: DEMO_UPSTREAM_API_KEY=... check-gateway.ts GATEWAY_URL UPSTREAM_URL');
  }
  await checkProbes(gatewayUrl);
  const [expected, actual] = await Promise.all([upstreamFirstPage(upstreamUrl, apiKey), gatewayFirstPage(gatewayUrl)]);
  if (expected.length !== PAGE_SIZE || actual.join() !== expected.join()) {
    throw new Error(`phoneNumbers gave [${actual.join(', ')}], the upstream's first page is [${expected.join(', ')}]`);
  }
  console.log(`gateway: /healthz and /readyz answer 200; phoneNumbers(first: ${PAGE_SIZE}) via ${gatewayUrl}/graphql = the upstream's first page (${actual.join(', ')})`);
}

main().catch((error: unknown) => {
  console.error(`gateway: FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

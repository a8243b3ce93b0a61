import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startDemoUpstream, type DemoUpstream } from '../../src/demo-upstream';
import { TEST_API_KEY, postGraphQL } from '../helpers/gateway';
import { startGatewayProcess, type GatewayProcess } from '../helpers/gateway-process';
import { pollUntil } from '../helpers/wait';

// Tracing configured the way operators do it, by the standard OTEL_*
// variables only: the gateway process exports its spans over OTLP/HTTP to a
// collector (here a loopback server that records what it receives).

interface ExportedSpan {
  name: string;
  traceId: string;
  parentSpanId?: string;
}

let collector: Server;
let collectorUrl: string;
const received: Array<{ path: string; body: string }> = [];
let upstream: DemoUpstream;
let gateway: GatewayProcess | undefined;

beforeAll(async () => {
  collector = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      received.push({ path: request.url ?? '', body });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  collectorUrl = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
  upstream = await startDemoUpstream({ apiKey: TEST_API_KEY });
});

afterAll(async () => {
  await gateway?.stop();
  await upstream?.close();
  await new Promise((resolve) => collector.close(resolve));
});

function exportedSpans(): ExportedSpan[] {
  return received
    .filter((request) => request.path === '/v1/traces')
    .flatMap((request) => JSON.parse(request.body).resourceSpans ?? [])
    .flatMap((resource: { scopeSpans: Array<{ spans: ExportedSpan[] }> }) =>
      resource.scopeSpans.flatMap((s) => s.spans),
    );
}

it('exports the span tree of a query to the OTLP endpoint named by OTEL_EXPORTER_OTLP_ENDPOINT', async () => {
  gateway = await startGatewayProcess({
    NODE_ENV: 'production',
    CARTESIA_API_KEY: TEST_API_KEY,
    CARTESIA_BASE_URL: upstream.url,
    OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', // readable here; http/protobuf is the default
    OTEL_BSP_SCHEDULE_DELAY: '50',
  });
  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  const response = await postGraphQL(
    gateway.url,
    'query Exported { phoneNumbers(first: 1) { nodes { id } } }',
    undefined,
    {
      traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
    },
  );
  expect(response.status).toBe(200);
  await pollUntil(
    async () =>
      ['query Exported', 'GET /agents/phone-numbers'].every((name) =>
        exportedSpans().some((span) => span.name === name),
      ),
    'the collector has the operation and its upstream call',
  );
  const spans = exportedSpans().filter((span) => span.traceId === traceId);
  expect(spans.map((span) => span.name).sort()).toEqual(['GET /agents/phone-numbers', 'query Exported']);
  expect(received[0]!.body).not.toContain(TEST_API_KEY);
});

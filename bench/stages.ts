// `npx tsx bench/stages.ts [--latency <ms>,…] [--case list|filtered|lookup|samePage|write,…] [--requests N] [--smoke]`:
// where one request's time goes, for BENCHMARKS.md. Three views:
// 1. In-process CPU cost of single stages of a `list` request (a page of 10
//    numbers), without HTTP: JSON, the upstream contract, parse, validate,
//    execution by graphql-js and by graphql-jit; and of the steps a relabel
//    (updatePhoneNumber) adds: permission check, token check, body and answer
//    contract checks, audit line, write-generation bump.
// 2. CPU per upstream call at 32 concurrent calls: the gateway's Cartesia
//    client (coalescing, resilience, contract, metrics) next to a bare undici
//    GET + JSON.parse, and the same for a PATCH, against a real upstream child process.
// 3. A timeline of sequential requests (one connection, as at concurrency 1)
//    through the real gateway and a real upstream child process: median time
//    from the client to the gateway, in the gateway before the upstream call,
//    the upstream round trip, after it, and back to the client (a relabel
//    makes two calls: the fresh GET and the PATCH). Marks come from Fastify
//    hooks and undici's diagnostics channels, so nothing in src/ changes.
import { createHash } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import path from 'node:path';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { execute, parse, validate } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { Pool } from 'undici';
import { CartesiaClient } from '../src/cartesia/client';
import { loadConfig } from '../src/config';
import { GatewayMetrics } from '../src/observability/metrics';
import { observeUpstream } from '../src/observability/upstream';
import { upstreamContract } from '../src/cartesia/contract';
import { CARTESIA_VERSION, seedPhoneNumbers } from '../src/demo-upstream';
import type { GatewayContext } from '../src/graphql/context';
import type { AuditEntry } from '../src/graphql/mutations/audit';
import { writePermission } from '../src/graphql/plugins/write-permission';
import { createAuthenticator } from '../src/http/auth';
import { createLogger } from '../src/logging';
import { memoryStore } from '../src/stores/memory';
import { writeGenerations } from '../src/stores/write-generations';
import { resolvers } from '../src/graphql/resolvers';
import { loadTypeDefs } from '../src/graphql/schema';
import { createPhoneNumberLoaders, type PhoneNumberSource } from '../src/loaders/phone-numbers';
import { benchCases, type CaseName } from './lib/cases';
import { IN_PROCESS_API_KEY, IN_PROCESS_RECORDS, postCase, startInProcessStack } from './lib/in-process';
import { startBenchUpstream } from './lib/children';

const API_KEY = IN_PROCESS_API_KEY;
const records = seedPhoneNumbers(IN_PROCESS_RECORDS);

/** `--smoke`: a few runs of everything, to show the tool still works (test/process/bench-smoke.test.ts). */
let scale = 1;

async function time(name: string, fullRuns: number, fn: () => unknown): Promise<void> {
  const runs = Math.max(20, Math.round(fullRuns * scale));
  for (let i = 0; i < runs / 10; i += 1) await fn(); // warm-up: let the JIT settle
  const started = process.hrtime.bigint();
  for (let i = 0; i < runs; i += 1) await fn();
  const micros = Number(process.hrtime.bigint() - started) / runs / 1000;
  console.log(`  ${name.padEnd(44)} ${micros.toFixed(1).padStart(7)} µs`);
}

async function stageCosts(): Promise<void> {
  const pageText = JSON.stringify({ data: records.slice(0, 10), has_more: true });
  const listCase = benchCases(records).find((c) => c.name === 'list')!;
  // The upstream answers at once: only the gateway's own work is timed.
  const source: PhoneNumberSource = {
    listPhoneNumbers: async () => JSON.parse(pageText),
    getPhoneNumber: async () => records[0]!,
  };
  const contextValue = () => ({ loaders: createPhoneNumberLoaders(source) }) as unknown as GatewayContext;
  const variables = listCase.variants[0]!.variables;
  console.log('In-process cost of one `list` request, by stage (mean of many runs):');
  const { isPhoneNumberListPage } = upstreamContract();
  const page: unknown = JSON.parse(pageText);
  await time('JSON.parse of the upstream page', 20000, () => JSON.parse(pageText));
  await time('ajv: the page against the OpenAPI contract', 20000, () => isPhoneNumberListPage(page));
  const schema = makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers });
  const document = parse(listCase.query);
  await time('parse the operation (Apollo caches it)', 5000, () => parse(listCase.query));
  await time('validate the operation (Apollo caches it)', 2000, () => validate(schema, document));
  let result: unknown;
  await time('execute: graphql-js', 3000, async () => {
    result = await execute({ schema, document, contextValue: contextValue(), variableValues: variables });
  });
  const compiled = compileQuery(schema, document);
  if (!isCompiledQuery(compiled)) throw new Error('graphql-jit could not compile the operation');
  await time('execute: graphql-jit', 3000, () => compiled.query(undefined, contextValue(), variables));
  await time('JSON.stringify of the answer', 20000, () => JSON.stringify(result));
}

/** A discarding log destination: the line is made (that is the cost), not kept. */
const discard = () => new Writable({ write: (_chunk, _encoding, done) => done() });

/** The steps a relabel adds to a request, each alone (the request itself is in the timeline below). */
async function writeStageCosts(): Promise<void> {
  const writeCase = benchCases(records).find((c) => c.name === 'write')!;
  const record = records[0]!;
  const contract = upstreamContract();
  console.log('\nIn-process cost of the steps one relabel (updatePhoneNumber) adds (mean of many runs):');
  const schema = makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers });
  const document = parse(writeCase.query);
  await time('validate the mutation (Apollo caches it)', 2000, () => validate(schema, document));
  // Mutations always run on graphql-js; the upstream answers at once, so only resolver and execution work is timed.
  const upstream = {
    getPhoneNumber: async () => record,
    updatePhoneNumber: async (_id: string, body: { label?: string }) => ({ ...record, ...body }),
  };
  const contextValue = () =>
    ({
      requestId: 'bench',
      call: {},
      principal: { client: 'ip:127.0.0.1', mayWrite: true },
      upstream,
      loaders: createPhoneNumberLoaders(upstream as unknown as PhoneNumberSource),
      audit: () => undefined,
    }) as unknown as GatewayContext;
  await time('execute the mutation: graphql-js (stub)', 3000, () =>
    execute({
      schema,
      document,
      contextValue: contextValue(),
      variableValues: writeCase.write!.fresh(writeCase.variants[0]!).variables,
    }),
  );
  const permission = writePermission();
  const hookArgs = { operation: { operation: 'mutation' }, contextValue: { principal: { mayWrite: true } } };
  await time('write permission (the plugin, both hooks)', 20000, async () => {
    const listener = await permission.requestDidStart!({} as never);
    await listener!.didResolveOperation!(hookArgs as never);
  });
  const token = 'bench-write-token-0123456789abcdef';
  const digest = createHash('sha256').update(token).digest('hex');
  const authenticate = createAuthenticator({ mode: 'static', tokenSha256: [], writeTokenSha256: [digest] })!;
  await time('static write token check (not benched)', 20000, () => authenticate(`Bearer ${token}`));
  await time('ajv: the PATCH body against the contract', 20000, () => contract.isUpdateBody({ label: 'Front desk' }));
  await time('ajv: the PATCH answer against the contract', 20000, () => contract.isPhoneNumber(record));
  const logger = createLogger({ level: 'info', destination: discard() });
  const metrics = new GatewayMetrics({ processMetrics: false });
  const entry: AuditEntry = {
    requestId: '3f6c1c8e-8d0b-4f7a-9c51-0d6f0f3b2a11',
    client: 'ip:127.0.0.1',
    mutation: 'updatePhoneNumber',
    phoneNumberId: record.id,
    outcome: 'ok',
    userErrorCodes: [],
    upstreamStatus: 200,
  };
  await time('audit line (pino, info) and its metric', 20000, () => {
    logger.info({ audit: entry }, `mutation ${entry.mutation} ${entry.outcome}`);
    metrics.mutation(entry.mutation, entry.outcome);
  });
  const generations = writeGenerations(memoryStore({ maxBytes: 1024, sizeOf: (value: string) => value.length }));
  await time('write generation bump (memory store)', 20000, () => generations.advance());
}

/** CPU time of this process per call, `calls` calls with `concurrency` in flight. */
async function cpuPerCall(calls: number, concurrency: number, call: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const before = process.cpuUsage();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < calls) await call(next++);
    }),
  );
  const used = process.cpuUsage(before);
  return (used.user + used.system) / calls;
}

async function upstreamClientCost(): Promise<void> {
  const upstream = await startBenchUpstream({ apiKey: API_KEY, records: IN_PROCESS_RECORDS, latencyMs: 0 });
  const pool = new Pool(upstream.url, { connections: 64 });
  const client = new CartesiaClient(
    { ...loadConfig({}).upstream, baseUrl: upstream.url, version: CARTESIA_VERSION },
    { apiKey: API_KEY },
  );
  observeUpstream(client, new GatewayMetrics({ processMetrics: false }));
  // Distinct pages, so nothing is coalesced: every call is a real GET.
  const after = (i: number) => records[((i % 240) * 10 + 5) % records.length]!.id;
  const bare = async (i: number) => {
    const response = await pool.request({
      method: 'GET',
      path: `/agents/phone-numbers?limit=10&starting_after=${after(i)}`,
      headers: { authorization: `Bearer ${API_KEY}`, 'cartesia-version': CARTESIA_VERSION },
    });
    return JSON.parse(await response.body.text());
  };
  const gatewayClient = (i: number) =>
    client.listPhoneNumbers(
      { limit: 10, starting_after: after(i) },
      { signal: new AbortController().signal, deadlineAt: Date.now() + 10_000 },
    );
  // Every PATCH sets a label never sent before: an unchanged one would change nothing upstream.
  let labels = 0;
  const relabel = (i: number) => ({ id: records[i % records.length]!.id, label: `bench stage ${(labels += 1)}` });
  const barePatch = async (i: number) => {
    const { id, label } = relabel(i);
    const response = await pool.request({
      method: 'PATCH',
      path: `/agents/phone-numbers/${id}`,
      headers: {
        authorization: `Bearer ${API_KEY}`,
        'cartesia-version': CARTESIA_VERSION,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ label }),
    });
    return JSON.parse(await response.body.text());
  };
  const gatewayPatch = (i: number) => {
    const { id, label } = relabel(i);
    return client.updatePhoneNumber(
      id,
      { label },
      { signal: new AbortController().signal, deadlineAt: Date.now() + 10_000 },
    );
  };
  try {
    const calls = Math.round(10_000 * scale);
    console.log(`\nCPU per upstream call, 32 in flight, median of 3 rounds of ${calls} (µs):`);
    for (const [name, call] of [
      ['undici GET + JSON.parse', bare],
      ['CartesiaClient.listPhoneNumbers', gatewayClient],
      ['undici PATCH + JSON.parse', barePatch],
      ['CartesiaClient.updatePhoneNumber', gatewayPatch],
    ] as const) {
      const rounds = [];
      for (let round = 0; round < 3; round += 1) rounds.push(await cpuPerCall(calls, 32, call));
      console.log(`  ${name.padEnd(44)} ${median(rounds).toFixed(1).padStart(7)}`);
    }
  } finally {
    await client.close();
    await pool.close();
    await upstream.stop();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The timeline's stages: a read makes one upstream call; a relabel two (the fresh GET, then the PATCH). */
function timelineStages(write: boolean): string[] {
  const calls = write
    ? [
        'gateway, before the fresh GET',
        'upstream round trip: GET (fresh read)',
        'gateway, between GET and PATCH',
        'upstream round trip: PATCH',
      ]
    : ['gateway, before the upstream call', 'upstream round trip'];
  return ['client -> gateway', ...calls, 'gateway, after it', 'gateway -> client', 'total'];
}

/** One request's spans, in the order of timelineStages: marks of the gateway's edge and of each upstream call. */
function spans(sent: number, received: number, edge: Map<string, number>, calls: ReadonlyArray<[number, number]>) {
  const between: number[] = [];
  let last = edge.get('onRequest')!;
  for (const [created, headers] of calls) {
    between.push(created - last, headers - created);
    last = headers;
  }
  return [
    edge.get('onRequest')! - sent,
    ...between,
    edge.get('onSend')! - last,
    received - edge.get('onSend')!,
    received - sent,
  ];
}

async function timeline(latencyMs: number, caseName: CaseName, requests: number): Promise<void> {
  const edge = new Map<string, number>();
  // Each upstream call: when undici created it, when its response headers came.
  const calls: Array<[number, number]> = [];
  const mark = (name: string) => () => void edge.set(name, performance.now());
  const stack = await startInProcessStack(latencyMs, ({ app }) => {
    app.addHook('onRequest', async () => mark('onRequest')());
    app.addHook('onSend', async (_request, _reply, payload) => (mark('onSend')(), payload));
  });
  // The client below is undici too: only the gateway's calls to the upstream count.
  const upstreamOrigin = new URL(stack.upstream.url).origin;
  const fromGateway = (message: unknown) =>
    (message as { request: { origin: string } }).request.origin === upstreamOrigin;
  const onCreate = (message: unknown) => void (fromGateway(message) && calls.push([performance.now(), Number.NaN]));
  const onHeaders = (message: unknown) => void (fromGateway(message) && (calls.at(-1)![1] = performance.now()));
  diagnostics.subscribe('undici:request:create', onCreate);
  diagnostics.subscribe('undici:request:headers', onHeaders);
  const client = new Pool(stack.url, { connections: 1 });
  const benchCase = benchCases(records).find((c) => c.name === caseName)!;
  const stages = timelineStages(Boolean(benchCase.write));
  const expectedCalls = benchCase.write ? 2 : 1;
  const samples: number[][] = stages.map(() => []);
  try {
    for (let i = 0; i < requests; i += 1) {
      edge.clear();
      calls.length = 0;
      const sent = performance.now();
      await postCase(client, benchCase, i);
      const received = performance.now();
      // Warm-up, or served with fewer calls (a shared one): not this timeline.
      if (i < requests / 5 || calls.length !== expectedCalls) continue;
      spans(sent, received, edge, calls).forEach((span, index) => samples[index]!.push(span));
    }
  } finally {
    diagnostics.unsubscribe('undici:request:create', onCreate);
    diagnostics.unsubscribe('undici:request:headers', onHeaders);
    await client.close();
    await stack.stop();
  }
  console.log(
    `\nOne connection, \`${caseName}\`, upstream latency ${latencyMs} ms: median of ${samples[0]!.length} requests (ms)`,
  );
  stages.forEach((stage, index) =>
    console.log(`  ${stage.padEnd(40)} ${median(samples[index]!).toFixed(3).padStart(8)}`),
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      latency: { type: 'string', default: '0,20' },
      case: { type: 'string', default: 'list,write' },
      requests: { type: 'string', default: '300' },
      smoke: { type: 'boolean', default: false },
    },
  });
  if (values.smoke) scale = 0.01;
  await stageCosts();
  await writeStageCosts();
  await upstreamClientCost();
  for (const latency of values.latency!.split(',').map(Number)) {
    for (const caseName of values.case!.split(',') as CaseName[]) {
      await timeline(latency, caseName, Number(values.requests));
    }
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

// A gateway in the benchmark's own process (so its hooks, diagnostics
// channels and heap can be watched) in front of the demo upstream in a child
// process: what bench/stages.ts and bench/allocations.ts measure.
import { Writable } from 'node:stream';
import type { Pool } from 'undici';
import { loadConfig } from '../../src/config';
import { createGateway, type Gateway } from '../../src/gateway';
import type { BenchCase } from './cases';
import { startBenchUpstream, type IpcChild } from './children';

export const IN_PROCESS_RECORDS = 2400;
export const IN_PROCESS_API_KEY = 'sk_car_bench_0123456789abcdef';

export interface InProcessStack {
  readonly upstream: IpcChild;
  readonly gateway: Gateway;
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * The production configuration, rate limit off; log lines are made (that
 * costs too) but not kept. `beforeListen` may add Fastify hooks.
 */
export async function startInProcessStack(
  latencyMs: number,
  beforeListen: (gateway: Gateway) => void = () => undefined,
): Promise<InProcessStack> {
  const upstream = await startBenchUpstream({ apiKey: IN_PROCESS_API_KEY, records: IN_PROCESS_RECORDS, latencyMs });
  const config = loadConfig({
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    CARTESIA_API_KEY: IN_PROCESS_API_KEY,
    CARTESIA_BASE_URL: upstream.url,
    // One load generator is one client: the limit is off, not measured.
    RATE_LIMIT_MAX: '0',
    // As in `npm run bench`: anonymous clients may write, so the write case runs (the check still does).
    ALLOW_ANONYMOUS_WRITES: 'true',
  });
  const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
  const gateway = await createGateway(config, { logDestination: discard });
  beforeListen(gateway);
  const url = await gateway.listen();
  return {
    upstream,
    gateway,
    url,
    async stop() {
      await gateway.close();
      await upstream.stop();
    },
  };
}

/** POSTs variant `index` of the case (a write: with a new label); throws unless the answer is a 200 without errors. */
export async function postCase(client: Pool, benchCase: BenchCase, index: number): Promise<void> {
  const variant = benchCase.variants[index % benchCase.variants.length]!;
  const variables = benchCase.write ? benchCase.write.fresh(variant).variables : variant.variables;
  const response = await client.request({
    path: '/graphql',
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: benchCase.query, variables }),
  });
  const text = await response.body.text();
  if (response.statusCode !== 200 || text.includes('"errors"') || text.includes('"userErrors":[{')) {
    throw new Error(text.slice(0, 300));
  }
}

// `npm run bench [-- options]`: the gateway next to a raw pass-through and the
// upstream itself, same cases, same load, one run. See BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';
import { CARTESIA_VERSION, seedPhoneNumbers } from '../src/demo-upstream';
import { benchCases, countItems, type BenchCase, type CaseName } from './lib/cases';
import { freePort, startHttpChild, startIpcChild, type IpcChild, type ServerProcess } from './lib/children';
import { runLoad, type LoadPlan } from './lib/load';
import { machineFacts } from './lib/machine';
import { round } from './lib/stats';
import { aggregate, formatReport, verdicts, type Burst, type Sample, type TargetName } from './lib/report';

const ROOT = path.resolve(__dirname, '..');
const API_KEY = 'sk_car_bench_0123456789abcdef';

interface Options {
  smoke: boolean;
  durationS: number;
  warmupS: number;
  rounds: number;
  latencies: number[];
  connections: number[];
  cases: CaseName[];
  /** Cases also run against the slower (latency > 0) upstreams. */
  slowCases: CaseName[];
  /** Cases that also run against a gateway with the shared cache on. */
  cacheCases: CaseName[];
  records: number;
  cacheTtlMs: number;
  burstClients: number;
  gateway: 'dist' | 'source';
  /** The checkout whose dist/main.js runs as the gateway (to measure another build, e.g. a baseline). */
  gatewayRoot: string;
  build: boolean;
  profileDir: string | undefined;
  /** Extra node flags for both gateways (e.g. --max-old-space-size=96). */
  gatewayNodeArgs: string[];
  /** Keep the servers' logs here (they are deleted otherwise). */
  logDir: string | undefined;
  /** Extra environment for both gateways (e.g. LOG_LEVEL=warn), to measure a setting's cost. */
  gatewayEnv: Record<string, string>;
  out: string;
}

const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
const numbers = (value: string) => list(value).map(Number);

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      smoke: { type: 'boolean', default: false },
      duration: { type: 'string', default: '2' },
      warmup: { type: 'string', default: '1' },
      rounds: { type: 'string', default: '3' },
      latencies: { type: 'string', default: '0,20' },
      connections: { type: 'string', default: '1,32' },
      cases: { type: 'string', default: 'list,filtered,lookup,samePage' },
      'slow-cases': { type: 'string', default: 'list,samePage' },
      'cache-cases': { type: 'string', default: 'list,samePage' },
      records: { type: 'string', default: '2400' },
      'cache-ttl-ms': { type: 'string', default: '1000' },
      burst: { type: 'string', default: '100' },
      gateway: { type: 'string', default: 'dist' },
      'gateway-root': { type: 'string', default: ROOT },
      'skip-build': { type: 'boolean', default: false },
      profile: { type: 'string' },
      'gateway-env': { type: 'string', default: '' },
      'gateway-node-args': { type: 'string', default: '' },
      logs: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const smoke = values.smoke!;
  const gateway = values.gateway === 'source' ? 'source' : 'dist';
  return {
    smoke,
    durationS: Number(values.duration),
    warmupS: smoke ? 0 : Number(values.warmup),
    rounds: smoke ? 1 : Number(values.rounds),
    latencies: smoke ? [0] : numbers(values.latencies!),
    connections: numbers(values.connections!),
    cases: list(values.cases!) as CaseName[],
    slowCases: list(values['slow-cases']!) as CaseName[],
    cacheCases: list(values['cache-cases']!) as CaseName[],
    records: Number(values.records),
    cacheTtlMs: Number(values['cache-ttl-ms']),
    burstClients: Number(values.burst),
    gateway,
    gatewayRoot: path.resolve(values['gateway-root']!),
    build: gateway === 'dist' && !values['skip-build'],
    profileDir: values.profile ? path.resolve(values.profile) : undefined,
    gatewayNodeArgs: values['gateway-node-args']!.split(' ').filter(Boolean),
    logDir: values.logs ? path.resolve(values.logs) : undefined,
    gatewayEnv: Object.fromEntries(
      list(values['gateway-env']!).map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
    ),
    out: path.resolve(values.out ?? path.join(ROOT, 'bench/results', smoke ? 'smoke.json' : 'latest.json')),
  };
}

// ---------------------------------------------------------------------------
// The measured servers.

interface Target {
  readonly name: TargetName;
  readonly process: ServerProcess;
  /** How this target is asked for one variant of a case. */
  plan(benchCase: BenchCase): Pick<LoadPlan, 'url' | 'method' | 'headers' | 'requests'>;
  readonly kind: 'graphql' | 'rest';
}

function restTarget(name: TargetName, process: ServerProcess, headers: Record<string, string>): Target {
  return {
    name,
    process,
    kind: 'rest',
    plan: (benchCase) => ({
      url: process.url,
      method: 'GET',
      headers,
      requests: benchCase.variants.map((variant) => ({ path: variant.restPath })),
    }),
  };
}

function graphqlTarget(name: TargetName, process: ServerProcess): Target {
  return {
    name,
    process,
    kind: 'graphql',
    plan: (benchCase) => ({
      url: process.url,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      requests: benchCase.variants.map((variant) => ({
        path: '/graphql',
        body: JSON.stringify({ query: benchCase.query, variables: variant.variables }),
      })),
    }),
  };
}

async function startGateway(
  options: Options,
  upstreamUrl: string,
  logDir: string,
  name: string,
  env: Record<string, string>,
) {
  const port = await freePort();
  const entry =
    options.gateway === 'dist'
      ? [path.join(options.gatewayRoot, 'dist/main.js')]
      : ['--import', 'tsx', path.join(options.gatewayRoot, 'src/main.ts')];
  const profile = options.profileDir ? ['--cpu-prof', '--cpu-prof-dir', path.join(options.profileDir, name)] : [];
  return startHttpChild({
    name,
    nodeArgs: [...options.gatewayNodeArgs, ...profile, ...entry],
    // A clean environment: only what a deployment would set, nothing inherited by accident.
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      CARTESIA_API_KEY: API_KEY,
      CARTESIA_BASE_URL: upstreamUrl,
      ...options.gatewayEnv,
      ...env,
    },
    port,
    readyPath: '/readyz',
    logFile: path.join(logDir, `${name}.log`),
  });
}

// ---------------------------------------------------------------------------
// Measuring.

/** Before measuring: the first few variants must give good answers on every target. */
async function verify(target: Target, benchCase: BenchCase): Promise<void> {
  const plan = target.plan(benchCase);
  for (const request of plan.requests.slice(0, 3)) {
    const response = await fetch(plan.url + request.path, {
      method: plan.method,
      headers: plan.headers,
      body: request.body,
    });
    const text = await response.text();
    const items = response.ok ? countItems(target.kind, text) : undefined;
    if (items !== benchCase.expectedItems) {
      throw new Error(
        `${target.name} ${benchCase.name}: expected ${benchCase.expectedItems} items, got HTTP ${response.status}: ${text.slice(0, 300)}`,
      );
    }
  }
}

/** `clients` identical first-page requests at once, over connections opened beforehand. */
async function burst(
  target: Target,
  benchCase: BenchCase,
  clients: number,
  upstream: IpcChild,
  latencyMs: number,
): Promise<Burst> {
  const plan = target.plan(benchCase);
  const request = plan.requests[0]!;
  const pool = new Pool(plan.url, { connections: clients });
  const send = () =>
    pool
      .request({ method: plan.method, path: request.path, headers: plan.headers, body: request.body })
      .then(async ({ statusCode, body }) => (statusCode === 200 && countItems(target.kind, await body.text()) ? 0 : 1));
  // Open every connection first: the burst must not be spread out by handshakes.
  const warm =
    target.kind === 'graphql'
      ? { method: 'GET' as const, path: '/healthz' }
      : { method: 'GET' as const, path: request.path, headers: plan.headers };
  await Promise.all(Array.from({ length: clients }, () => pool.request(warm).then(({ body }) => body.dump())));
  const before = await upstream.ask<number>('served');
  const failures = await Promise.all(Array.from({ length: clients }, send));
  const after = await upstream.ask<number>('served');
  await pool.close();
  return {
    latencyMs,
    target: target.name,
    clients,
    upstreamRequests: after - before,
    errors: failures.reduce<number>((sum, failed) => sum + failed, 0),
  };
}

async function measure(
  options: Options,
  target: Target,
  benchCase: BenchCase,
  connections: number,
  upstream: IpcChild,
): Promise<Omit<Sample, 'latencyMs' | 'round'>> {
  target.process.resetPeakRss();
  const cpuBefore = target.process.cpuSeconds();
  const before = await upstream.ask<number>('served');
  const result = await runLoad({
    ...target.plan(benchCase),
    connections,
    ...(options.smoke ? { amount: Math.max(50, connections * 4) } : { durationS: options.durationS }),
  });
  const after = await upstream.ask<number>('served');
  const cpuSeconds = target.process.cpuSeconds() - cpuBefore;
  return {
    ...result,
    cpuUsPerRequest: result.requests ? (cpuSeconds * 1e6) / result.requests : Number.NaN,
    case: benchCase.name,
    connections,
    target: target.name,
    peakRssMiB: target.process.peakRssMiB(),
    upstreamRequests: after - before,
  };
}

interface ScenarioResult {
  samples: Sample[];
  bursts: Burst[];
}

/** One upstream latency: start every server, burst, then every case x connections x rounds. */
async function scenario(
  options: Options,
  latencyMs: number,
  logDir: string,
  cases: BenchCase[],
): Promise<ScenarioResult> {
  const started: ServerProcess[] = [];
  const track = <T extends ServerProcess>(server: T) => (started.push(server), server);
  try {
    const env = { BENCH_API_KEY: API_KEY, BENCH_LATENCY_MS: String(latencyMs), BENCH_RECORDS: String(options.records) };
    const upstream = track(
      await startIpcChild('upstream', path.join(__dirname, 'upstream.ts'), { ...process.env, ...env }),
    );
    const passthroughEnv = {
      BENCH_UPSTREAM_URL: upstream.url,
      BENCH_API_KEY: API_KEY,
      BENCH_CARTESIA_VERSION: CARTESIA_VERSION,
    };
    const passthrough = track(
      await startIpcChild('passthrough', path.join(__dirname, 'passthrough.ts'), { ...process.env, ...passthroughEnv }),
    );
    const gateway = track(await startGateway(options, upstream.url, logDir, `gateway-${latencyMs}ms`, {}));
    const cached = track(
      await startGateway(options, upstream.url, logDir, `gateway-cache-${latencyMs}ms`, {
        CACHE_TTL_MS: String(options.cacheTtlMs),
      }),
    );
    const targets: Target[] = [
      restTarget('upstream', upstream, { authorization: `Bearer ${API_KEY}`, 'cartesia-version': CARTESIA_VERSION }),
      restTarget('passthrough', passthrough, {}),
      graphqlTarget('gateway', gateway),
      graphqlTarget('gateway+cache', cached),
    ];

    const samePage = benchCases(seedPhoneNumbers(options.records)).find((c) => c.name === 'samePage')!;
    const bursts: Burst[] = [];
    for (const target of targets.slice(1))
      bursts.push(await burst(target, samePage, options.burstClients, upstream, latencyMs));

    const samples: Sample[] = [];
    for (const benchCase of cases) {
      const caseTargets = targets.filter(
        (t) => t.name !== 'gateway+cache' || options.cacheCases.includes(benchCase.name),
      );
      for (const target of caseTargets) {
        await verify(target, benchCase);
        if (options.warmupS > 0)
          await runLoad({ ...target.plan(benchCase), connections: 32, durationS: options.warmupS });
      }
      for (const connections of options.connections) {
        for (let round = 0; round < options.rounds; round += 1) {
          // Rotate the order each round so drift (thermal, caches) does not favour one target.
          const order = caseTargets.map((_, i) => caseTargets[(i + round) % caseTargets.length]!);
          for (const target of order) {
            const sample = { ...(await measure(options, target, benchCase, connections, upstream)), latencyMs, round };
            samples.push(sample);
            log(
              `${latencyMs} ms  ${benchCase.name.padEnd(8)}  c=${String(connections).padEnd(3)} ${target.name.padEnd(13)} ` +
                `${sample.rps.toFixed(0).padStart(6)} req/s  p50 ${sample.p50Ms.toFixed(2)} ms  ` +
                `${sample.cpuUsPerRequest.toFixed(0).padStart(5)} CPU us/req  errors ${sample.errors}`,
            );
          }
        }
      }
    }
    return { samples, bursts };
  } finally {
    for (const server of started.reverse()) await server.stop();
  }
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.build) {
    log('building the gateway (npm run build)…');
    execFileSync('npm', ['run', 'build'], { cwd: options.gatewayRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const machine = machineFacts();
  const logDir = options.logDir ?? mkdtempSync(path.join(tmpdir(), 'pngw-bench-'));
  mkdirSync(logDir, { recursive: true });
  const allCases = benchCases(seedPhoneNumbers(options.records)).filter((c) => options.cases.includes(c.name));
  const samples: Sample[] = [];
  const bursts: Burst[] = [];
  const startedAt = new Date();
  // Other work on the machine skews every number: record how busy it was.
  const loadAverageAtStart = os.loadavg().map((value) => round(value, 2));
  try {
    for (const latencyMs of options.latencies) {
      const cases = latencyMs === 0 ? allCases : allCases.filter((c) => options.slowCases.includes(c.name));
      const result = await scenario(options, latencyMs, logDir, cases);
      samples.push(...result.samples);
      bursts.push(...result.bursts);
    }
  } finally {
    if (!options.logDir) rmSync(logDir, { recursive: true, force: true });
  }
  const rows = aggregate(samples);
  const peakGatewayRssMiB = Math.max(...rows.filter((r) => r.target.startsWith('gateway')).map((r) => r.peakRssMiB));
  const report = {
    startedAt: startedAt.toISOString(),
    elapsedS: Math.round((Date.now() - startedAt.getTime()) / 1000),
    machine,
    loadAverage: { atStart: loadAverageAtStart, atEnd: os.loadavg().map((value) => round(value, 2)) },
    options: { ...options, out: undefined, profileDir: undefined },
    rows,
    bursts,
    verdicts: verdicts(rows),
    peakGatewayRssMiB,
    samples,
  };
  mkdirSync(path.dirname(options.out), { recursive: true });
  writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
  const { cpuModel, nproc, node, commit } = machine;
  console.log(`\n${nproc} x ${cpuModel}, node ${node}, commit ${commit}, ${report.elapsedS} s\n`);
  console.log(formatReport(rows, bursts, peakGatewayRssMiB));
  console.log(`\nJSON: ${path.relative(process.cwd(), options.out)}`);
  const errors = rows.reduce((sum, row) => sum + row.errors, 0) + bursts.reduce((sum, b) => sum + b.errors, 0);
  if (errors > 0) {
    console.error(`${errors} requests failed: the numbers above are not trustworthy.`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

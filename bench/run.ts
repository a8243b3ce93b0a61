// `npm run bench [-- options]`: the gateway next to a raw pass-through and the
// upstream itself, same cases, same load, one run. See BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CARTESIA_VERSION, seedPhoneNumbers } from '../src/demo-upstream';
import { benchCases, type BenchCase } from './lib/cases';
import { startBenchUpstream, startIpcChild, type IpcChild, type ServerProcess } from './lib/children';
import { cycleCandidates, graphqlCycleClient, measureCycles, restCycleClient, type CycleRow } from './lib/cycles';
import { runLoad } from './lib/load';
import { machineFacts } from './lib/machine';
import { burst, measure, verify } from './lib/measure';
import { parseBenchOptions, type BenchOptions } from './lib/options';
import { aggregate, formatReport, verdicts, type Burst, type Sample } from './lib/report';
import { round } from './lib/stats';
import { graphqlTarget, restTarget, startGateway, type Target } from './lib/targets';

const ROOT = path.resolve(__dirname, '..');
const API_KEY = 'sk_car_bench_0123456789abcdef';
/** Warm-up load: enough connections for the JIT to see the hot paths. */
const WARMUP_CONNECTIONS = 32;
/** What a direct caller of the upstream sends. */
const UPSTREAM_HEADERS = { authorization: `Bearer ${API_KEY}`, 'cartesia-version': CARTESIA_VERSION };
/** Numbers the delete+import cycles take turns on. */
const CYCLE_NUMBERS = 50;

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Every server of one scenario; each is stopped by the caller. */
async function startTargets(options: BenchOptions, latencyMs: number, logDir: string, started: ServerProcess[]) {
  const track = <T extends ServerProcess>(server: T) => (started.push(server), server);
  const upstream = track(await startBenchUpstream({ apiKey: API_KEY, records: options.records, latencyMs }));
  const passthroughEnv = {
    BENCH_UPSTREAM_URL: upstream.url,
    BENCH_API_KEY: API_KEY,
    BENCH_CARTESIA_VERSION: CARTESIA_VERSION,
  };
  const passthrough = track(
    await startIpcChild('passthrough', path.join(__dirname, 'passthrough.ts'), { ...process.env, ...passthroughEnv }),
  );
  const gateway = { apiKey: API_KEY, upstreamUrl: upstream.url, logDir };
  const targets: Target[] = [
    restTarget('upstream', upstream, UPSTREAM_HEADERS),
    restTarget('passthrough', passthrough, {}),
    graphqlTarget('gateway', track(await startGateway(options, { ...gateway, name: `gateway-${latencyMs}ms` }))),
  ];
  if (options.baselineRoot) {
    const name = `baseline-${latencyMs}ms`;
    targets.push(
      graphqlTarget('baseline', track(await startGateway(options, { ...gateway, name, root: options.baselineRoot }))),
    );
  }
  if (options.cacheCases.length > 0) {
    const env = { CACHE_TTL_MS: String(options.cacheTtlMs) };
    const cached = track(await startGateway(options, { ...gateway, name: `gateway-cache-${latencyMs}ms`, env }));
    targets.push(graphqlTarget('gateway+cache', cached));
  }
  return { upstream, targets };
}

/** Delete+import cycles on the upstream directly, then through the gateway, on the same numbers. */
async function cycles(options: BenchOptions, latencyMs: number, upstream: IpcChild, gateway: Target): Promise<CycleRow[]> {
  const candidates = cycleCandidates(seedPhoneNumbers(options.records), CYCLE_NUMBERS);
  const rows: CycleRow[] = [];
  const runs = [
    { target: 'upstream' as const, process: upstream, client: () => restCycleClient(upstream.url, UPSTREAM_HEADERS) },
    { target: 'gateway' as const, process: gateway.process, client: () => graphqlCycleClient(gateway.process.url) },
  ];
  for (const run of runs) {
    const client = run.client();
    try {
      const measured = await measureCycles(client, { target: run.process, upstream }, candidates, options.cycles);
      rows.push({ latencyMs, target: run.target, ...measured });
      log(
        `${latencyMs} ms  delete+import x${options.cycles}  ${run.target.padEnd(8)} ` +
          `delete p50 ${measured.deleteP50Ms.toFixed(2)} ms  import p50 ${measured.importP50Ms.toFixed(2)} ms  ` +
          `${measured.cpuUsPerCycle} CPU us/cycle`,
      );
    } finally {
      await client.close();
    }
  }
  return rows;
}

/** One upstream latency: start every server, burst, then every case x connections x rounds (and the cycles). */
async function scenario(
  options: BenchOptions,
  latencyMs: number,
  logDir: string,
  cases: BenchCase[],
  burstCase: BenchCase,
): Promise<{ samples: Sample[]; bursts: Burst[]; cycles: CycleRow[] }> {
  const started: ServerProcess[] = [];
  try {
    const { upstream, targets } = await startTargets(options, latencyMs, logDir, started);
    // First, while every cache is cold: identical requests at once.
    const bursts: Burst[] = [];
    for (const target of targets.filter((t) => t.name !== 'upstream')) {
      bursts.push({ latencyMs, ...(await burst(target, burstCase, options.burstClients, upstream)) });
    }
    const samples: Sample[] = [];
    const load = options.smoke
      ? (c: number) => ({ amount: Math.max(50, c * 4) })
      : () => ({ durationS: options.durationS });
    for (const benchCase of cases) {
      const caseTargets = targets.filter(
        (t) => t.name !== 'gateway+cache' || options.cacheCases.includes(benchCase.name),
      );
      for (const target of caseTargets) {
        await verify(target, benchCase);
        if (options.warmupS > 0) {
          await runLoad({ ...target.plan(benchCase), connections: WARMUP_CONNECTIONS, durationS: options.warmupS });
        }
      }
      for (const connections of options.connections) {
        for (let round = 0; round < options.rounds; round += 1) {
          // Rotate the order each round so drift (thermal, neighbours) does not favour one target.
          const order = caseTargets.map((_, i) => caseTargets[(i + round) % caseTargets.length]!);
          for (const target of order) {
            const measured = await measure(target, benchCase, { connections, ...load(connections) }, upstream);
            const sample = { ...measured, latencyMs, round };
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
    const writes = cases.some((c) => c.write) && options.cycles > 0;
    const gateway = targets.find((t) => t.name === 'gateway')!;
    return { samples, bursts, cycles: writes ? await cycles(options, latencyMs, upstream, gateway) : [] };
  } finally {
    for (const server of started.reverse()) await server.stop();
  }
}

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2), ROOT);
  if (options.build) {
    log('building the gateway (npm run build)…');
    execFileSync('npm', ['run', 'build'], { cwd: options.gatewayRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const machine = machineFacts();
  const logDir = options.logDir ?? mkdtempSync(path.join(os.tmpdir(), 'pngw-bench-'));
  mkdirSync(logDir, { recursive: true });
  const everyCase = benchCases(seedPhoneNumbers(options.records));
  const burstCase = everyCase.find((c) => c.name === 'samePage')!;
  const cases = everyCase.filter((c) => options.cases.includes(c.name));
  const samples: Sample[] = [];
  const bursts: Burst[] = [];
  const cycleRows: CycleRow[] = [];
  const startedAt = new Date();
  // Other work on the machine skews every number: record how busy it was.
  const loadAverage = () => os.loadavg().map((value) => round(value, 2));
  const loadAverageAtStart = loadAverage();
  try {
    for (const latencyMs of options.latencies) {
      const scenarioCases = latencyMs === 0 ? cases : cases.filter((c) => options.slowCases.includes(c.name));
      const result = await scenario(options, latencyMs, logDir, scenarioCases, burstCase);
      samples.push(...result.samples);
      bursts.push(...result.bursts);
      cycleRows.push(...result.cycles);
    }
  } finally {
    if (!options.logDir) rmSync(logDir, { recursive: true, force: true });
  }
  const rows = aggregate(samples);
  const peakGatewayRssMiB = Math.max(
    ...rows.filter((r) => r.target === 'gateway' || r.target === 'gateway+cache').map((r) => r.peakRssMiB),
  );
  const report = {
    label: options.label,
    startedAt: startedAt.toISOString(),
    elapsedS: Math.round((Date.now() - startedAt.getTime()) / 1000),
    machine,
    loadAverage: { atStart: loadAverageAtStart, atEnd: loadAverage() },
    options: {
      ...options,
      out: undefined,
      profileDir: undefined,
      logDir: undefined,
      gatewayRoot: undefined,
      baselineRoot: undefined,
    },
    rows,
    bursts,
    cycles: cycleRows,
    verdicts: verdicts(rows),
    peakGatewayRssMiB,
    samples,
  };
  mkdirSync(path.dirname(options.out), { recursive: true });
  writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
  const { cpuModel, nproc, node, commit } = machine;
  console.log(
    `\n${nproc} x ${cpuModel}, node ${node}, commit ${commit}, ${report.elapsedS} s, load average ${loadAverageAtStart.join(' ')}`,
  );
  // One load generator is one client: the gateways run with RATE_LIMIT_MAX=0 (bench/lib/targets.ts).
  console.log(
    'gateways: NODE_ENV=production, AUTH_MODE=none with ALLOW_ANONYMOUS_WRITES=true (the write case), ' +
      'rate limit off (RATE_LIMIT_MAX=0: one load generator is one client)\n',
  );
  console.log(formatReport(rows, bursts, peakGatewayRssMiB, cycleRows));
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

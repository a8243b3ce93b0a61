import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CaseName } from './cases';

/** Everything `npm run bench -- …` can set; see BENCHMARKS.md for what each is for. */
export interface BenchOptions {
  smoke: boolean;
  durationS: number;
  warmupS: number;
  rounds: number;
  latencies: number[];
  connections: number[];
  cases: CaseName[];
  /** Cases also run against the slower (latency > 0) upstreams. */
  slowCases: CaseName[];
  /** Cases that also run against a gateway with the shared cache on (none: no such gateway). */
  cacheCases: CaseName[];
  records: number;
  /** Delete+import cycles per target, one at a time, wherever the write case runs (0: none). */
  cycles: number;
  cacheTtlMs: number;
  burstClients: number;
  /** dist: the production build (`node dist/main.js`); source: src/main.ts through tsx (smoke test, no build). */
  gateway: 'dist' | 'source';
  /** The checkout whose gateway runs (to measure another build). */
  gatewayRoot: string;
  /** Another checkout (built) whose gateway runs next to this one as target `baseline`, e.g. the code before a change. */
  baselineRoot: string | undefined;
  build: boolean;
  /** Write a V8 CPU profile of each gateway here. */
  profileDir: string | undefined;
  /** Extra node flags for the gateways (e.g. --trace-gc), after the production ones. */
  gatewayNodeArgs: string[];
  /** Extra environment for the gateways (e.g. LOG_LEVEL=warn), to measure a setting's cost. */
  gatewayEnv: Record<string, string>;
  /** Keep the servers' logs here (they are deleted otherwise). */
  logDir: string | undefined;
  /** What was measured, in words (e.g. "before: 24ca131"), kept in the report. */
  label: string;
  out: string;
}

const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

const numbers = (value: string) => list(value).map(Number);

const CASE_NAMES: readonly CaseName[] = ['list', 'filtered', 'lookup', 'samePage', 'write'];

/** Case names, comma-separated; `none` for no case. */
function caseNames(value: string): CaseName[] {
  const names = list(value).filter((name) => name !== 'none');
  const unknown = names.filter((name) => !CASE_NAMES.includes(name as CaseName));
  if (unknown.length > 0) throw new Error(`unknown case ${unknown.join(', ')}; cases are ${CASE_NAMES.join(', ')}`);
  return names as CaseName[];
}

/** NAME=value pairs, comma-separated; the value may contain '='. */
function envPairs(value: string): Record<string, string> {
  return Object.fromEntries(
    list(value).map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );
}

export function parseBenchOptions(argv: string[], root: string): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      smoke: { type: 'boolean', default: false },
      duration: { type: 'string', default: '2' },
      warmup: { type: 'string', default: '1' },
      rounds: { type: 'string', default: '3' },
      latencies: { type: 'string', default: '0,20' },
      connections: { type: 'string', default: '1,32' },
      cases: { type: 'string', default: 'list,filtered,lookup,samePage,write' },
      'slow-cases': { type: 'string', default: 'list,samePage,write' },
      'cache-cases': { type: 'string', default: 'list,samePage' },
      records: { type: 'string', default: '2400' },
      cycles: { type: 'string', default: '100' },
      'cache-ttl-ms': { type: 'string', default: '1000' },
      burst: { type: 'string', default: '100' },
      gateway: { type: 'string', default: 'dist' },
      'gateway-root': { type: 'string', default: root },
      baseline: { type: 'string' },
      'skip-build': { type: 'boolean', default: false },
      profile: { type: 'string' },
      'gateway-node-args': { type: 'string', default: '' },
      'gateway-env': { type: 'string', default: '' },
      logs: { type: 'string' },
      label: { type: 'string', default: '' },
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
    cases: caseNames(values.cases!),
    slowCases: caseNames(values['slow-cases']!),
    cacheCases: caseNames(values['cache-cases']!),
    records: Number(values.records),
    cycles: smoke ? Math.min(5, Number(values.cycles)) : Number(values.cycles),
    cacheTtlMs: Number(values['cache-ttl-ms']),
    burstClients: Number(values.burst),
    gateway,
    gatewayRoot: path.resolve(values['gateway-root']!),
    baselineRoot: values.baseline ? path.resolve(values.baseline) : undefined,
    build: gateway === 'dist' && !values['skip-build'],
    profileDir: values.profile ? path.resolve(values.profile) : undefined,
    gatewayNodeArgs: values['gateway-node-args']!.split(' ').filter(Boolean),
    gatewayEnv: envPairs(values['gateway-env']!),
    logDir: values.logs ? path.resolve(values.logs) : undefined,
    label: values.label!,
    out: path.resolve(values.out ?? path.join(root, 'bench/results', smoke ? 'smoke.json' : 'latest.json')),
  };
}

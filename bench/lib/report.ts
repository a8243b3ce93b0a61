// From raw runs to what a reader needs: the median of rounds per cell, the
// gateway's ratios to the pass-through and to the upstream itself, and the
// verdict against the targets.
import type { CaseName } from './cases';
import type { CycleRow } from './cycles';
import type { LoadResult } from './load';
import { median, round } from './stats';

export type TargetName = 'upstream' | 'passthrough' | 'gateway' | 'gateway+cache' | 'baseline';

/** Targets that are a gateway (this build, with cache, or another build): they get ratios. */
export const isGateway = (target: TargetName) => target !== 'upstream' && target !== 'passthrough';

/** One measured run. */
export interface Sample extends LoadResult {
  readonly latencyMs: number;
  readonly case: CaseName;
  readonly connections: number;
  readonly target: TargetName;
  readonly round: number;
  readonly peakRssMiB: number;
  readonly upstreamRequests: number;
  /** CPU time the target process used per answered request (all threads). */
  readonly cpuUsPerRequest: number;
  /** CPU time the upstream process used per answered request (the target's own, for the upstream itself). */
  readonly upstreamCpuUsPerRequest: number;
  /** The share of that CPU time spent in the kernel (sockets, mostly). */
  readonly kernelShare: number;
  /** The machine's 1-minute load average when the run ended: other work on the machine shows here. */
  readonly loadAverage: number;
}

/** The median of a cell's rounds. */
export interface Row {
  latencyMs: number;
  case: CaseName;
  connections: number;
  target: TargetName;
  rounds: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  cpuUsPerRequest: number;
  /** Absent in runs recorded before it was measured. */
  upstreamCpuUsPerRequest?: number;
  kernelShare: number;
  /** Summed over rounds: any error fails the run. */
  errors: number;
  /** The highest peak of any round. */
  peakRssMiB: number;
  upstreamPerRequest: number;
  /** For gateway targets: rps over the pass-through's and the upstream's in the same cell. */
  rpsVsPassthrough?: number;
  rpsVsUpstream?: number;
  /** For gateway targets: p50 minus the pass-through's p50. */
  addedP50Ms?: number;
  /** For gateway targets: p99 minus the pass-through's p99. */
  addedP99Ms?: number;
  /** For every target but the upstream: p50 and p99 minus the upstream's own (the request sent directly). */
  addedP50VsUpstreamMs?: number;
  addedP99VsUpstreamMs?: number;
  /**
   * For every target but the upstream: CPU per request of the target and the upstream together, minus the
   * upstream's when asked directly: what going through the target costs in all.
   */
  addedCpuUsVsUpstream?: number;
}

/** 100 identical requests sent at once: how many reached the upstream. */
export interface Burst {
  latencyMs: number;
  target: TargetName;
  clients: number;
  upstreamRequests: number;
  errors: number;
}

/** The targets, checked on the cases where every request is distinct (no coalescing, no cache). */
export interface Verdict {
  latencyMs: number;
  case: CaseName;
  throughputRatio: number | undefined;
  throughputOk: boolean | undefined;
  addedP50Ms: number | undefined;
  addedP50Ok: boolean | undefined;
}

export const TARGETS = { throughputRatio: 0.7, addedP50Ms: 1, peakRssMiB: 150 } as const;

const cellKey = (s: { latencyMs: number; case: string; connections: number }) =>
  `${s.latencyMs}|${s.case}|${s.connections}`;

function summarize(samples: readonly Sample[]): Row {
  const first = samples[0]!;
  const served = samples.reduce((sum, s) => sum + s.upstreamRequests, 0);
  const answered = samples.reduce((sum, s) => sum + s.requests, 0);
  return {
    latencyMs: first.latencyMs,
    case: first.case,
    connections: first.connections,
    target: first.target,
    rounds: samples.length,
    rps: round(median(samples.map((s) => s.rps)), 0),
    p50Ms: round(median(samples.map((s) => s.p50Ms)), 3),
    p99Ms: round(median(samples.map((s) => s.p99Ms)), 3),
    cpuUsPerRequest: round(median(samples.map((s) => s.cpuUsPerRequest)), 0),
    upstreamCpuUsPerRequest: round(median(samples.map((s) => s.upstreamCpuUsPerRequest)), 0),
    kernelShare: round(median(samples.map((s) => s.kernelShare)), 2),
    errors: samples.reduce((sum, s) => sum + s.errors, 0),
    peakRssMiB: round(Math.max(...samples.map((s) => s.peakRssMiB)), 1),
    upstreamPerRequest: round(answered ? served / answered : Number.NaN, 3),
  };
}

/** A row's latency and CPU against the upstream asked directly, in the same cell. */
function addVersusUpstream(row: Row, upstream: Row): void {
  row.addedP50VsUpstreamMs = round(row.p50Ms - upstream.p50Ms, 3);
  row.addedP99VsUpstreamMs = round(row.p99Ms - upstream.p99Ms, 3);
  // For the upstream row the target is the upstream: its own CPU is the whole cost of a direct call.
  const viaTarget = row.cpuUsPerRequest + (row.upstreamCpuUsPerRequest ?? Number.NaN);
  row.addedCpuUsVsUpstream = round(viaTarget - upstream.cpuUsPerRequest, 0);
}

/** Medians per (latency, case, connections, target), with ratios on the gateway rows. */
export function aggregate(samples: readonly Sample[]): Row[] {
  const groups = new Map<string, Sample[]>();
  for (const sample of samples) {
    const key = `${cellKey(sample)}|${sample.target}`;
    groups.set(key, [...(groups.get(key) ?? []), sample]);
  }
  const rows = [...groups.values()].map(summarize);
  const byCell = new Map<string, Row[]>();
  for (const row of rows) byCell.set(cellKey(row), [...(byCell.get(cellKey(row)) ?? []), row]);
  for (const cell of byCell.values()) {
    const passthrough = cell.find((row) => row.target === 'passthrough');
    const upstream = cell.find((row) => row.target === 'upstream');
    // The pass-through's own cost over a direct call is a number worth having too (writes table).
    for (const row of cell.filter((r) => r.target !== 'upstream')) if (upstream) addVersusUpstream(row, upstream);
    for (const row of cell.filter((r) => isGateway(r.target))) {
      if (passthrough) {
        row.rpsVsPassthrough = round(row.rps / passthrough.rps, 3);
        row.addedP50Ms = round(row.p50Ms - passthrough.p50Ms, 3);
        row.addedP99Ms = round(row.p99Ms - passthrough.p99Ms, 3);
      }
      if (upstream) row.rpsVsUpstream = round(row.rps / upstream.rps, 3);
    }
  }
  return rows;
}

/**
 * Throughput at the highest connection count, added p50 at one connection, per distinct-request case.
 * The targets are for reads: the write case has none (its numbers are in the writes table).
 */
export function verdicts(rows: readonly Row[]): Verdict[] {
  const gateway = rows.filter((row) => row.target === 'gateway' && row.case !== 'samePage' && row.case !== 'write');
  const maxConnections = Math.max(...rows.map((row) => row.connections));
  const cells = new Map<string, Verdict>();
  for (const row of gateway) {
    const key = `${row.latencyMs}|${row.case}`;
    const verdict = cells.get(key) ?? {
      latencyMs: row.latencyMs,
      case: row.case,
      throughputRatio: undefined,
      throughputOk: undefined,
      addedP50Ms: undefined,
      addedP50Ok: undefined,
    };
    if (row.connections === maxConnections && row.rpsVsPassthrough !== undefined) {
      verdict.throughputRatio = row.rpsVsPassthrough;
      verdict.throughputOk = row.rpsVsPassthrough >= TARGETS.throughputRatio;
    }
    if (row.connections === 1 && row.addedP50Ms !== undefined) {
      verdict.addedP50Ms = row.addedP50Ms;
      verdict.addedP50Ok = row.addedP50Ms <= TARGETS.addedP50Ms;
    }
    cells.set(key, verdict);
  }
  return [...cells.values()];
}

/** Plain-text table: the first `leftAligned` columns are names, the rest numbers. */
function table(header: string[], lines: string[][], leftAligned = 4): string {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i]!.length)));
  const format = (cells: string[]) =>
    cells.map((cell, i) => (i < leftAligned ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format)].join('\n');
}

const show = (value: number | undefined, digits = 2) => (value === undefined ? '' : value.toFixed(digits));

/** The write case's rows: each mutation next to the same PATCH sent directly; empty when it did not run. */
export function formatWrites(rows: readonly Row[]): string {
  const writes = rows.filter((row) => row.case === 'write');
  if (writes.length === 0) return '';
  const header = [
    'upstream',
    'conns',
    'target',
    'req/s',
    'p50 ms',
    'p99 ms',
    '+p50 ms',
    '+p99 ms',
    'CPU us/req',
    'upstream CPU us/req',
    '+CPU us',
    'upstream calls/req',
    'errors',
  ];
  const lines = writes.map((row) => [
    `${row.latencyMs} ms`,
    String(row.connections),
    row.target,
    row.rps.toFixed(0),
    row.p50Ms.toFixed(3),
    row.p99Ms.toFixed(3),
    show(row.addedP50VsUpstreamMs, 3),
    show(row.addedP99VsUpstreamMs, 3),
    row.cpuUsPerRequest.toFixed(0),
    show(row.upstreamCpuUsPerRequest, 0),
    show(row.addedCpuUsVsUpstream, 0),
    row.upstreamPerRequest.toFixed(3),
    String(row.errors),
  ]);
  return [
    'Writes: updatePhoneNumber (relabel) through each target, against the same PATCH sent to the upstream directly',
    '(+p50/+p99/+CPU: over the upstream row of the same cell; +CPU counts the gateway and the upstream together):',
    table(header, lines, 3),
  ].join('\n');
}

/** The delete+import cycles: each write's latency, and CPU per cycle; empty when none ran. */
export function formatCycles(cycles: readonly CycleRow[]): string {
  if (cycles.length === 0) return '';
  const header = ['upstream', 'target', 'cycles', 'delete p50', 'delete p99', 'import p50', 'import p99'];
  const lines = cycles.map((c) => [
    `${c.latencyMs} ms`,
    c.target,
    String(c.cycles),
    c.deleteP50Ms.toFixed(3),
    c.deleteP99Ms.toFixed(3),
    c.importP50Ms.toFixed(3),
    c.importP99Ms.toFixed(3),
  ]);
  const cpu = cycles.map((c) => [
    String(c.cpuUsPerCycle),
    String(c.upstreamCpuUsPerCycle),
    c.upstreamCallsPerCycle.toFixed(3),
  ]);
  return [
    'Delete + import of one number, one request at a time (ms; CPU us per cycle of two writes):',
    table(
      [...header, 'CPU us/cycle', 'upstream CPU us/cycle', 'upstream calls/cycle'],
      lines.map((line, i) => [...line, ...cpu[i]!]),
      2,
    ),
  ].join('\n');
}

/** The results as plain-text tables. */
export function formatReport(
  rows: readonly Row[],
  bursts: readonly Burst[],
  peakGatewayRssMiB: number,
  cycles: readonly CycleRow[] = [],
): string {
  const header = [
    'upstream',
    'case',
    'conns',
    'target',
    'req/s',
    'p50 ms',
    'p99 ms',
    'CPU us/req',
    'kernel %',
    'errors',
    'peak RSS MiB',
    'upstream/req',
    'x pass-through',
    'x upstream',
    '+p50 ms',
  ];
  const lines = rows.map((row) => [
    `${row.latencyMs} ms`,
    row.case,
    String(row.connections),
    row.target,
    row.rps.toFixed(0),
    row.p50Ms.toFixed(3),
    row.p99Ms.toFixed(3),
    row.cpuUsPerRequest.toFixed(0),
    Number.isNaN(row.kernelShare) ? '' : (row.kernelShare * 100).toFixed(0),
    String(row.errors),
    row.peakRssMiB.toFixed(1),
    row.upstreamPerRequest.toFixed(3),
    show(row.rpsVsPassthrough),
    show(row.rpsVsUpstream),
    show(row.addedP50Ms, 3),
  ]);
  const burstLines = bursts.map((b) => [
    `${b.latencyMs} ms`,
    b.target,
    String(b.clients),
    String(b.upstreamRequests),
    String(b.errors),
  ]);
  const verdictLines = verdicts(rows).map((v) => [
    `${v.latencyMs} ms`,
    v.case,
    v.throughputRatio === undefined
      ? ''
      : `${(v.throughputRatio * 100).toFixed(0)} % ${v.throughputOk ? 'ok' : 'MISSED'}`,
    v.addedP50Ms === undefined ? '' : `${v.addedP50Ms.toFixed(3)} ms ${v.addedP50Ok ? 'ok' : 'MISSED'}`,
  ]);
  const rssOk = peakGatewayRssMiB < TARGETS.peakRssMiB ? 'ok' : 'MISSED';
  const writes = formatWrites(rows);
  const cycleTable = formatCycles(cycles);
  return [
    table(header, lines),
    ...(writes ? ['', writes] : []),
    ...(cycleTable ? ['', cycleTable] : []),
    '',
    'Identical requests sent at once (same first page):',
    table(['upstream', 'target', 'clients', 'upstream calls', 'errors'], burstLines),
    '',
    `Targets: throughput >= ${TARGETS.throughputRatio * 100} % of pass-through at max connections, ` +
      `p50 <= +${TARGETS.addedP50Ms} ms at 1 connection, peak RSS < ${TARGETS.peakRssMiB} MiB`,
    table(['upstream', 'case', 'throughput', 'added p50'], verdictLines),
    `gateway peak RSS under load: ${peakGatewayRssMiB.toFixed(1)} MiB ${rssOk}`,
  ].join('\n');
}

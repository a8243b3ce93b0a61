import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

// `npm run bench -- --smoke` keeps working: every case against every target,
// the write case (a relabel through the gateway, the same PATCH sent directly)
// included, no failed request, a complete report. Timings are not checked
// here: the benchmark measures them, tests check behaviour.

const ROOT = path.resolve(__dirname, '../..');
const run = promisify(execFile);

interface Row {
  case: string;
  connections: number;
  target: string;
  rps: number;
  p50Ms: number;
  errors: number;
  peakRssMiB: number;
  cpuUsPerRequest: number;
  upstreamCpuUsPerRequest: number;
  upstreamPerRequest: number;
  rpsVsPassthrough?: number;
  rpsVsUpstream?: number;
  addedP50Ms?: number;
  addedP50VsUpstreamMs?: number;
  addedP99VsUpstreamMs?: number;
  addedCpuUsVsUpstream?: number;
}

let dir: string;
let stdout: string;
let report: {
  machine: Record<string, unknown>;
  rows: Row[];
  bursts: Array<Record<string, number | string>>;
  cycles: Array<Record<string, number | string>>;
  verdicts: unknown[];
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'pngw-bench-smoke-'));
  const out = path.join(dir, 'smoke.json');
  ({ stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'bench/run.ts', '--smoke', '--gateway=source', `--out=${out}`],
    { cwd: ROOT, timeout: 150_000 },
  ));
  report = JSON.parse(readFileSync(out, 'utf8'));
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the benchmark in smoke mode', () => {
  it('records the machine it ran on', () => {
    expect(report.machine).toEqual(
      expect.objectContaining({ cpuModel: expect.any(String), nproc: expect.any(Number), node: process.version }),
    );
  });

  it('measures every case at 1 and 32 connections on every target, without a single failed request', () => {
    const cells = report.rows.map((row) => `${row.case} ${row.connections} ${row.target}`).sort();
    const expected = ['list', 'filtered', 'lookup', 'samePage', 'write'].flatMap((name) =>
      [1, 32].flatMap((connections) =>
        ['upstream', 'passthrough', 'gateway', ...(['list', 'samePage'].includes(name) ? ['gateway+cache'] : [])].map(
          (target) => `${name} ${connections} ${target}`,
        ),
      ),
    );
    expect(cells).toEqual(expected.sort());
    for (const row of report.rows) {
      expect(row.errors).toBe(0);
      expect(row.rps).toBeGreaterThan(0);
      expect(row.peakRssMiB).toBeGreaterThan(0);
      expect(Number.isFinite(row.cpuUsPerRequest)).toBe(true);
      expect(Number.isFinite(row.upstreamCpuUsPerRequest)).toBe(true);
      expect(Number.isFinite(row.upstreamPerRequest)).toBe(true);
    }
  });

  it('puts the ratios to the pass-through and the upstream on every gateway row', () => {
    for (const row of report.rows.filter((r) => r.target.startsWith('gateway'))) {
      expect(row).toEqual(
        expect.objectContaining({
          rpsVsPassthrough: expect.any(Number),
          rpsVsUpstream: expect.any(Number),
          addedP50Ms: expect.any(Number),
        }),
      );
    }
    // The targets are for reads: list, filtered, lookup (the write case has none).
    expect(report.verdicts).toHaveLength(3);
  });

  it('sends every relabel as one real write: the gateway reads the number fresh, then PATCHes it', () => {
    const writes = report.rows.filter((row) => row.case === 'write');
    // The load counts a refused mutation (userErrors) as an error, so none means every one wrote.
    for (const row of writes) expect(row.errors).toBe(0);
    for (const row of writes.filter((r) => r.target !== 'gateway')) expect(row.upstreamPerRequest).toBe(1);
    for (const row of writes.filter((r) => r.target === 'gateway')) expect(row.upstreamPerRequest).toBe(2);
  });

  it('puts the write case against the direct PATCH: added p50, p99 and CPU on every row but the upstream', () => {
    for (const row of report.rows.filter((r) => r.case === 'write' && r.target !== 'upstream')) {
      expect(row).toEqual(
        expect.objectContaining({
          addedP50VsUpstreamMs: expect.any(Number),
          addedP99VsUpstreamMs: expect.any(Number),
          addedCpuUsVsUpstream: expect.any(Number),
        }),
      );
    }
    expect(stdout).toContain('Writes: updatePhoneNumber (relabel)');
  });

  it('deletes and imports numbers again, directly and through the gateway (which reads fresh before each write)', () => {
    expect(report.cycles.map((row) => row.target)).toEqual(['upstream', 'gateway']);
    for (const row of report.cycles) {
      for (const field of ['deleteP50Ms', 'deleteP99Ms', 'importP50Ms', 'importP99Ms', 'cpuUsPerCycle']) {
        expect(Number.isFinite(row[field])).toBe(true);
      }
    }
    const calls = Object.fromEntries(report.cycles.map((row) => [row.target, row.upstreamCallsPerCycle]));
    // Directly: DELETE, POST. The gateway: GET, DELETE; the search for the number, POST.
    expect(calls).toEqual({ upstream: 2, gateway: 4 });
  });

  it('reports how many upstream calls 100 identical requests at once cost', () => {
    const byTarget = Object.fromEntries(report.bursts.map((burst) => [burst.target, burst]));
    expect(Object.keys(byTarget).sort()).toEqual(['gateway', 'gateway+cache', 'passthrough']);
    for (const burst of report.bursts) expect(burst.errors).toBe(0);
    // The pass-through cannot share calls; the gateway coalesces them.
    expect(byTarget.passthrough!.upstreamRequests).toBe(100);
    expect(byTarget.gateway!.upstreamRequests).toBeLessThan(100);
  });
});

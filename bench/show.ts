// `npx tsx bench/show.ts <results.json>`: prints a recorded run's tables again.
import { readFileSync } from 'node:fs';
import type { CycleRow } from './lib/cycles';
import { formatReport, type Burst, type Row } from './lib/report';

interface Recorded {
  label?: string;
  startedAt: string;
  machine: { cpuModel: string; nproc: number; node: string; commit: string };
  loadAverage?: { atStart: number[]; atEnd: number[] };
  rows: Row[];
  bursts: Burst[];
  /** Absent in runs recorded before the write case. */
  cycles?: CycleRow[];
  peakGatewayRssMiB: number;
}

const file = process.argv[2];
if (!file) throw new Error('usage: show <results.json>');
const run = JSON.parse(readFileSync(file, 'utf8')) as Recorded;
const { cpuModel, nproc, node, commit } = run.machine;
const load = run.loadAverage
  ? `, load average ${run.loadAverage.atStart.join(' ')} -> ${run.loadAverage.atEnd.join(' ')}`
  : '';
console.log(
  `${run.label ? `${run.label}\n` : ''}${run.startedAt}: ${nproc} x ${cpuModel}, node ${node}, commit ${commit}${load}\n`,
);
console.log(formatReport(run.rows, run.bursts, run.peakGatewayRssMiB, run.cycles));

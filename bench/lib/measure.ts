// One measurement each: a sanity check, a timed load run, a burst of identical requests.
import os from 'node:os';
import { Pool } from 'undici';
import { answeredLabel, countItems, sentLabel, type BenchCase } from './cases';
import type { IpcChild } from './children';
import { bodyOf, runLoad } from './load';
import type { Burst, Sample } from './report';
import type { Target } from './targets';

/** Before measuring: the first few variants must give good answers (a write: the record as written). */
export async function verify(target: Target, benchCase: BenchCase): Promise<void> {
  const plan = target.plan(benchCase);
  for (const request of plan.requests.slice(0, 3)) {
    const body = bodyOf(request);
    const response = await fetch(plan.url + request.path, { method: plan.method, headers: plan.headers, body });
    const text = await response.text();
    const items = response.ok ? countItems(target.kind, text) : undefined;
    const landed = !benchCase.write || answeredLabel(target.kind, text) === sentLabel(target.kind, body!);
    if (items !== benchCase.expectedItems || !landed) {
      throw new Error(
        `${target.name} ${benchCase.name}: expected ${benchCase.expectedItems} items${benchCase.write ? ' with the new label' : ''}, ` +
          `got HTTP ${response.status}: ${text.slice(0, 300)}`,
      );
    }
  }
}

/** Upstream requests served so far (the upstream child counts them). */
const served = (upstream: IpcChild) => upstream.ask<number>('served');

/** `clients` identical requests at once, over connections opened beforehand; how many reached the upstream. */
export async function burst(
  target: Target,
  benchCase: BenchCase,
  clients: number,
  upstream: IpcChild,
): Promise<Omit<Burst, 'latencyMs'>> {
  const plan = target.plan(benchCase);
  const request = plan.requests[0]!;
  const pool = new Pool(plan.url, { connections: clients });
  try {
    // Open every connection first: the burst must not be spread out by handshakes.
    const warm =
      target.kind === 'graphql'
        ? { method: 'GET' as const, path: '/healthz' }
        : { method: 'GET' as const, path: request.path, headers: plan.headers };
    await Promise.all(Array.from({ length: clients }, () => pool.request(warm).then(({ body }) => body.dump())));
    const send = async () => {
      const { statusCode, body } = await pool.request({
        path: request.path,
        body: bodyOf(request),
        method: plan.method,
        headers: plan.headers,
      });
      return statusCode === 200 && countItems(target.kind, await body.text()) ? 0 : 1;
    };
    const before = await served(upstream);
    const failures = await Promise.all(Array.from({ length: clients }, send));
    return {
      target: target.name,
      clients,
      upstreamRequests: (await served(upstream)) - before,
      errors: failures.reduce<number>((sum, failed) => sum + failed, 0),
    };
  } finally {
    await pool.close();
  }
}

/** CPU µs per answered request, NaN for none. */
const perRequest = (cpuSeconds: number, requests: number) => (requests ? (cpuSeconds * 1e6) / requests : Number.NaN);

/** One load run on a target, with its peak RSS, CPU time (its own and the upstream's) and upstream calls. */
export async function measure(
  target: Target,
  benchCase: BenchCase,
  load: { connections: number; durationS?: number; amount?: number },
  upstream: IpcChild,
): Promise<Omit<Sample, 'latencyMs' | 'round'>> {
  target.process.resetPeakRss();
  const cpuBefore = target.process.cpuSeconds();
  const upstreamCpuBefore = upstream.cpuSeconds();
  const timesBefore = target.process.cpuTimes();
  const before = await served(upstream);
  const result = await runLoad({ ...target.plan(benchCase), ...load });
  const upstreamRequests = (await served(upstream)) - before;
  const cpuSeconds = target.process.cpuSeconds() - cpuBefore;
  const upstreamCpuSeconds = upstream.cpuSeconds() - upstreamCpuBefore;
  const timesAfter = target.process.cpuTimes();
  const user = timesAfter.user - timesBefore.user;
  const system = timesAfter.system - timesBefore.system;
  return {
    ...result,
    cpuUsPerRequest: perRequest(cpuSeconds, result.requests),
    upstreamCpuUsPerRequest: perRequest(upstreamCpuSeconds, result.requests),
    kernelShare: user + system > 0 ? system / (user + system) : Number.NaN,
    case: benchCase.name,
    connections: load.connections,
    target: target.name,
    peakRssMiB: target.process.peakRssMiB(),
    upstreamRequests,
    loadAverage: Math.round(os.loadavg()[0]! * 100) / 100,
  };
}

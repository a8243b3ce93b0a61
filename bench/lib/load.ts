// One load run: autocannon drives a server with a fixed number of
// connections, round-robin over a case's variants, and we keep latency in
// microseconds (autocannon's own histogram has millisecond resolution, too
// coarse for "added latency under 1 ms").
import autocannon from 'autocannon';
import * as hdr from 'hdr-histogram-js';

/** One request of a plan: a body made at send time when each request must differ (writes). */
export interface PlannedRequest {
  readonly path: string;
  readonly body?: string | (() => string);
}

/** The body to send for `request` now. */
export const bodyOf = (request: PlannedRequest): string | undefined =>
  typeof request.body === 'function' ? request.body() : request.body;

/** What to send: the same method and headers, a path and body per variant. */
export interface LoadPlan {
  readonly url: string;
  readonly method: 'GET' | 'POST' | 'PATCH';
  readonly headers: Record<string, string>;
  readonly requests: readonly PlannedRequest[];
  readonly connections: number;
  /** Run for this long… */
  readonly durationS?: number;
  /** …or until this many responses (smoke mode). */
  readonly amount?: number;
}

export interface LoadResult {
  readonly requests: number;
  readonly durationS: number;
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Transport errors, timeouts, non-2xx answers and 2xx answers carrying GraphQL `errors` or `userErrors`. */
  readonly errors: number;
}

/**
 * A GraphQL failure can come with 200: any `"errors"` key counts, and so does
 * a refused mutation (a non-empty `userErrors`: nothing was written).
 */
function isGoodBody(body: unknown): boolean {
  const text = String(body);
  return !text.includes('"errors"') && !text.includes('"userErrors":[{');
}

/** Runs one load and resolves with its numbers. */
export function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const latencies = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 60_000_000,
    numberOfSignificantValueDigits: 3,
  });
  let next = 0;
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: plan.url,
        connections: plan.connections,
        ...(plan.amount ? { amount: plan.amount } : { duration: plan.durationS ?? 1 }),
        method: plan.method,
        headers: plan.headers,
        timeout: 10,
        // The run ends on a sampling tick: short ticks keep short (smoke) runs short.
        sampleInt: 100,
        requests: [
          {
            setupRequest: (request) => {
              const variant = plan.requests[next++ % plan.requests.length]!;
              return { ...request, path: variant.path, body: bodyOf(variant) };
            },
          },
        ],
        verifyBody: isGoodBody,
      },
      (error, result) => {
        if (error) return reject(error);
        const durationS = Number(process.hrtime.bigint() - started) / 1e9;
        const completed = result.requests.total;
        resolve({
          requests: completed,
          durationS,
          rps: completed / durationS,
          p50Ms: latencies.getValueAtPercentile(50) / 1000,
          p99Ms: latencies.getValueAtPercentile(99) / 1000,
          errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTimeMs) => {
      latencies.recordValue(Math.max(1, Math.round(responseTimeMs * 1000)));
    });
  });
}

import type { FastifyBaseLogger } from 'fastify';
import { reportStoreFallbacks } from '../../src/observability/store-fallbacks';

// The stores' onFallback as the gateway wires it: every fallback counted,
// at most one log line per store a minute.

describe('reportStoreFallbacks', () => {
  it('counts every fallback but logs the first of each store, then one line a minute with the count since', () => {
    const counted: string[] = [];
    const lines: Array<Record<string, unknown>> = [];
    const log = { warn: (fields: Record<string, unknown>) => lines.push(fields) } as unknown as FastifyBaseLogger;
    let now = 0;
    const report = reportStoreFallbacks(log, { sharedStateFallback: (store) => counted.push(store) }, () => now);
    const failure = new Error("Stream isn't writeable");

    for (let i = 0; i < 5; i += 1) report('rate_limit', 'increment', failure);
    report('response_cache', 'get', failure);
    now = 60_000;
    report('rate_limit', 'increment', failure);

    expect(counted).toEqual([...Array<string>(5).fill('rate_limit'), 'response_cache', 'rate_limit']);
    expect(lines).toEqual([
      { store: 'rate_limit', operation: 'increment', reason: failure.message, fallbacksSinceLastLine: 0 },
      { store: 'response_cache', operation: 'get', reason: failure.message, fallbacksSinceLastLine: 0 },
      { store: 'rate_limit', operation: 'increment', reason: failure.message, fallbacksSinceLastLine: 4 },
    ]);
  });
});

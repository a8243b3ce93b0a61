import type { FastifyBaseLogger } from 'fastify';
import type { FallbackHandler } from '../stores';
import type { GatewayMetrics } from './metrics';

// While Redis is down every request falls back, several times: one log line
// per store this often is enough to see it, the metric counts every one.
const LOG_INTERVAL_MS = 60_000;

/**
 * The stores' `onFallback`: counts every fallback in
 * `gateway_shared_state_fallbacks_total{store}` and logs the first of each
 * store, then at most one line per store a minute with how many happened
 * since the last line. The message starts with "redis " so it reads as a
 * process-level line, like the connection's own state changes.
 */
export function reportStoreFallbacks(
  log: FastifyBaseLogger,
  metrics: Pick<GatewayMetrics, 'sharedStateFallback'>,
  now: () => number = Date.now,
): FallbackHandler {
  const lastLine = new Map<string, { at: number; since: number }>();
  return (store, operation, error) => {
    metrics.sharedStateFallback(store);
    const last = lastLine.get(store);
    if (last && now() - last.at < LOG_INTERVAL_MS) {
      last.since += 1;
      return;
    }
    lastLine.set(store, { at: now(), since: 0 });
    const reason = error instanceof Error ? error.message : String(error);
    log.warn(
      { store, operation, reason, fallbacksSinceLastLine: last?.since ?? 0 },
      'redis command failed: store answered from memory',
    );
  };
}

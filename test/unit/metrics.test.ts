import { GatewayMetrics } from '../../src/observability/metrics';
import { parseExposition } from '../helpers/metrics';

// The recording API other modules call (breaker, caches, shared-state
// stores), read back through the exposition text.

const render = async (metrics: GatewayMetrics) => parseExposition(await metrics.render());

describe('GatewayMetrics', () => {
  it('shows exactly one current circuit-breaker state', async () => {
    const metrics = new GatewayMetrics({ processMetrics: false });
    metrics.breakerState('open');
    metrics.breakerState('half-open');
    const scrape = await render(metrics);
    const state = (name: string) => scrape.value('gateway_upstream_circuit_breaker_state', { state: name });
    expect([state('closed'), state('open'), state('half_open')]).toEqual([0, 0, 1]);
  });

  it('counts cache lookups and shared-state fallbacks by name, and flips redis_up', async () => {
    const metrics = new GatewayMetrics({ processMetrics: false });
    metrics.cacheLookup('response', 'hit');
    metrics.cacheLookup('response', 'miss');
    metrics.cacheLookup('response', 'hit');
    metrics.sharedStateFallback('rate_limit');
    metrics.redisAvailable('shared-state', true);
    metrics.redisAvailable('shared-state', false);
    const scrape = await render(metrics);
    expect(scrape.value('gateway_cache_lookups_total', { cache: 'response', result: 'hit' })).toBe(2);
    expect(scrape.value('gateway_cache_lookups_total', { cache: 'response', result: 'miss' })).toBe(1);
    expect(scrape.value('gateway_shared_state_fallbacks_total', { store: 'rate_limit' })).toBe(1);
    expect(scrape.value('gateway_redis_up', { connection: 'shared-state' })).toBe(0);
  });

  it('caps distinct operation names, so clients cannot blow up the series count', async () => {
    const metrics = new GatewayMetrics({ processMetrics: false });
    for (let i = 0; i < 250; i += 1) {
      metrics.operation({ name: `Op${i}`, type: 'query', outcome: 'success', errorCodes: [], durationMs: 1 });
    }
    const scrape = await render(metrics);
    expect(scrape.value('gateway_graphql_operations_total', { operation_name: 'Op199' })).toBe(1);
    expect(scrape.value('gateway_graphql_operations_total', { operation_name: 'Op200' })).toBeUndefined();
    expect(scrape.value('gateway_graphql_operations_total', { operation_name: 'other' })).toBe(50);
  });
});

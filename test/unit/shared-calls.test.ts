import { CartesiaContractError } from '../../src/cartesia/errors';
import { UpstreamEvents, type SharedLookup } from '../../src/cartesia/events';
import { SharedCalls, type FetchedBody, type PayloadStore } from '../../src/cartesia/shared-calls';

// Shared calls over a fake fetch and a Map as the store: no HTTP.

const OP = 'GET /things';
const decode = (body: unknown) => {
  if (typeof body !== 'object' || body === null || !('id' in body)) throw new CartesiaContractError(OP, 'no id');
  return body as { id: string };
};

function mapStore(): PayloadStore & { entries: Map<string, unknown> } {
  const entries = new Map<string, unknown>();
  return {
    entries,
    get: async (key) => entries.get(key),
    set: async (key, value) => void entries.set(key, value),
  };
}

function setup(store?: PayloadStore) {
  const events = new UpstreamEvents();
  const lookups: SharedLookup[] = [];
  events.on('shared', (lookup) => lookups.push(lookup));
  const fetch = jest.fn(async (): Promise<FetchedBody> => ({ body: { id: 'fresh' }, bytes: 14 }));
  return { shared: new SharedCalls(events, store), fetch, lookups };
}

describe('SharedCalls', () => {
  it('joins identical calls in flight, and says so', async () => {
    const { shared, fetch, lookups } = setup();
    const results = await Promise.all([1, 2, 3].map(() => shared.load(OP, 'k', {}, fetch, decode)));
    expect(results).toEqual([{ id: 'fresh' }, { id: 'fresh' }, { id: 'fresh' }]);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(lookups).toEqual([
      { operation: OP, cache: 'coalesced', result: 'hit' },
      { operation: OP, cache: 'coalesced', result: 'hit' },
    ]);
  });

  it('stores a fresh payload and serves it next time, as a hit', async () => {
    const store = mapStore();
    const { shared, fetch, lookups } = setup(store);
    await shared.load(OP, 'k', {}, fetch, decode);
    await expect(shared.load(OP, 'k', {}, fetch, decode)).resolves.toEqual({ id: 'fresh' });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(lookups.map((l) => l.result)).toEqual(['miss', 'hit']);
  });

  it('validates a stored payload like a fresh one: one that no longer fits is a miss, fetched again', async () => {
    const store = mapStore();
    store.entries.set('k', { written: 'by another contract' });
    const { shared, fetch, lookups } = setup(store);
    await expect(shared.load(OP, 'k', {}, fetch, decode)).resolves.toEqual({ id: 'fresh' });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(lookups).toEqual([{ operation: OP, cache: 'response', result: 'miss' }]);
    expect(store.entries.get('k')).toEqual({ id: 'fresh' });
  });

  it('stores neither errors nor absent resources', async () => {
    const store = mapStore();
    const { shared } = setup(store);
    const missing = async () => ({ body: undefined, bytes: 0 });
    await shared.load(OP, 'gone', {}, missing, (body) => (body === undefined ? null : decode(body)));
    await expect(shared.load(OP, 'bad', {}, async () => ({ body: {}, bytes: 2 }), decode)).rejects.toBeInstanceOf(
      CartesiaContractError,
    );
    expect([...store.entries.keys()]).toEqual([]);
  });
});

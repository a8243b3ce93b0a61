import { CartesiaContractError } from '../../src/cartesia/errors';
import { UpstreamEvents, type SharedLookup } from '../../src/cartesia/events';
import {
  localWriteGenerations,
  SharedCalls,
  type FetchedBody,
  type PayloadStore,
  type SharedGet,
} from '../../src/cartesia/shared-calls';

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
  let served = 0;
  const fetch = jest.fn(async (): Promise<FetchedBody> => ({ body: { id: `fresh-${++served}` }, bytes: 14 }));
  const generations = localWriteGenerations();
  const get = (overrides: Partial<SharedGet<{ id: string } | null>> = {}): SharedGet<{ id: string } | null> => ({
    operation: OP,
    key: 'k',
    ttlMs: 60_000,
    fetch,
    decode,
    ...overrides,
  });
  return { shared: new SharedCalls(events, generations, store), generations, fetch, lookups, get };
}

describe('SharedCalls', () => {
  it('joins identical calls in flight, and says so', async () => {
    const { shared, fetch, lookups, get } = setup();
    const results = await Promise.all([1, 2, 3].map(() => shared.load(get(), {})));
    expect(results).toEqual([{ id: 'fresh-1' }, { id: 'fresh-1' }, { id: 'fresh-1' }]);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(lookups).toEqual([
      { operation: OP, cache: 'coalesced', result: 'hit' },
      { operation: OP, cache: 'coalesced', result: 'hit' },
    ]);
  });

  it('stores a fresh payload and serves it next time, as a hit', async () => {
    const store = mapStore();
    const { shared, fetch, lookups, get } = setup(store);
    await shared.load(get(), {});
    await expect(shared.load(get(), {})).resolves.toEqual({ id: 'fresh-1' });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(lookups.map((l) => l.result)).toEqual(['miss', 'hit']);
  });

  it('validates a stored payload like a fresh one: one that no longer fits is a miss, fetched again', async () => {
    const store = mapStore();
    store.entries.set('k', { generation: '0', body: { written: 'by another contract' } });
    const { shared, fetch, lookups, get } = setup(store);
    await expect(shared.load(get(), {})).resolves.toEqual({ id: 'fresh-1' });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(lookups).toEqual([{ operation: OP, cache: 'response', result: 'miss' }]);
    expect(store.entries.get('k')).toEqual({ generation: '0', body: { id: 'fresh-1' } });
  });

  it('stores neither errors nor absent resources', async () => {
    const store = mapStore();
    const { shared, get } = setup(store);
    const missing = async () => ({ body: undefined, bytes: 0 });
    await shared.load(get({ key: 'gone', fetch: missing, decode: (body) => (body === undefined ? null : decode(body)) }), {});
    await expect(shared.load(get({ key: 'bad', fetch: async () => ({ body: {}, bytes: 2 }) }), {})).rejects.toBeInstanceOf(
      CartesiaContractError,
    );
    expect([...store.entries.keys()]).toEqual([]);
  });

  it('keeps nothing when the TTL is 0', async () => {
    const store = mapStore();
    const { shared, fetch, get } = setup(store);
    await shared.load(get({ ttlMs: 0 }), {});
    await shared.load(get({ ttlMs: 0 }), {});
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(store.entries.size).toBe(0);
  });

  it('after a write, a read neither uses a payload stored before it nor joins a call started before it', async () => {
    const store = mapStore();
    const { shared, generations, fetch, get } = setup(store);
    await shared.load(get(), {});
    let release!: () => void;
    const slow = jest.fn(
      () => new Promise<FetchedBody>((resolve) => (release = () => resolve({ body: { id: 'before-write' }, bytes: 9 }))),
    );
    await generations.advance();
    const before = shared.load(get({ fetch: slow }), {});
    await new Promise((resolve) => setImmediate(resolve));
    await generations.advance();
    const after = shared.load(get(), {});
    release();
    await expect(before).resolves.toEqual({ id: 'before-write' });
    await expect(after).resolves.toEqual({ id: 'fresh-2' });
    expect(slow).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('a fresh read skips the store and calls in flight', async () => {
    const store = mapStore();
    const { shared, fetch, get } = setup(store);
    await shared.load(get(), {});
    await expect(shared.load(get(), { fresh: true })).resolves.toEqual({ id: 'fresh-2' });
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

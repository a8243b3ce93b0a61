import DataLoader from 'dataloader';
import { canonicalQueryString, type CallOptions, type CartesiaClient } from '../cartesia/client';
import type { PhoneNumberListPage, PhoneNumberListQuery, PhoneNumberRecord } from '../cartesia/types';
import { CountingCacheMap, type CacheLookupListener } from './counting-cache';

/** Per-request loaders: never shared between requests, so nothing leaks across callers. */
export interface PhoneNumberLoaders {
  /** By id; null for a number Cartesia does not have. */
  readonly byId: DataLoader<string, PhoneNumberRecord | null>;
  /** By the canonical upstream query: the same page asked twice in one operation is fetched once. */
  readonly page: DataLoader<PhoneNumberListQuery, PhoneNumberListPage, string>;
}

/** The upstream calls the loaders need; CartesiaClient is the real one. */
export type PhoneNumberSource = Pick<CartesiaClient, 'listPhoneNumbers' | 'getPhoneNumber'>;

// Cartesia has no batch endpoint: a batch becomes parallel GETs, one per
// distinct id (DataLoader has already removed duplicates). A failure stays
// with its own key instead of failing the whole batch.
async function settleAll<K, V>(keys: readonly K[], load: (key: K) => Promise<V>): Promise<(V | Error)[]> {
  const results = await Promise.allSettled(keys.map(load));
  return results.map((result) => {
    if (result.status === 'fulfilled') return result.value;
    return result.reason instanceof Error ? result.reason : new Error(String(result.reason));
  });
}

const ignoreLookup: CacheLookupListener = () => {};

export function createPhoneNumberLoaders(
  source: PhoneNumberSource,
  call: CallOptions = {},
  onCacheLookup: CacheLookupListener = ignoreLookup,
): PhoneNumberLoaders {
  // Records that list calls of this request returned, and list calls still
  // under way: a lookup of a listed id is served from them at no extra call,
  // even when both were asked for side by side in one operation.
  const listed = new Map<string, PhoneNumberRecord>();
  const pagesInFlight = new Set<Promise<unknown>>();

  const byId = new DataLoader<string, PhoneNumberRecord | null>(
    async (ids) => {
      // Let list batches scheduled in the same tick dispatch first, whatever
      // the field order in the operation.
      await new Promise((resolve) => setImmediate(resolve));
      if (pagesInFlight.size > 0) await Promise.allSettled([...pagesInFlight]);
      return settleAll(ids, async (id) => {
        const record = listed.get(id);
        onCacheLookup('listed_record', record ? 'hit' : 'miss');
        return record ?? source.getPhoneNumber(id, call);
      });
    },
    { cacheMap: new CountingCacheMap('loader_by_id', onCacheLookup) },
  );

  const loadPage = async (query: PhoneNumberListQuery) => {
    const result = await source.listPhoneNumbers(query, call);
    for (const record of result.data) listed.set(record.id, record);
    return result;
  };
  const page = new DataLoader<PhoneNumberListQuery, PhoneNumberListPage, string>(
    (queries) =>
      settleAll(queries, (query) => {
        const pending = loadPage(query);
        pagesInFlight.add(pending);
        return pending.finally(() => pagesInFlight.delete(pending));
      }),
    { cacheKeyFn: canonicalQueryString, cacheMap: new CountingCacheMap('loader_page', onCacheLookup) },
  );
  return { byId, page };
}

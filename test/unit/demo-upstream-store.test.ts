// The store answers list/get queries; writes (for the coming write endpoints)
// must keep list order, cursors and lookups correct.
import type { PhoneNumberRecord } from '../../src/cartesia/types';
import { compareListOrder, seedPhoneNumbers } from '../../src/demo-upstream';
import { PhoneNumberStore } from '../../src/demo-upstream/store';
import { minimalRecord } from './demo-upstream-fixtures';

const seed = seedPhoneNumbers(30, 5);
const ids = (records: readonly PhoneNumberRecord[]): string[] => records.map((r) => r.id);

function page(store: PhoneNumberStore, query: Parameters<PhoneNumberStore['list']>[0]): string[] {
  const result = store.list(query);
  if (!result.ok) throw new Error(result.error);
  return ids(JSON.parse(result.json).data);
}

const record = minimalRecord;

describe('PhoneNumberStore', () => {
  it('serves records in list order whatever order they come in', () => {
    const store = new PhoneNumberStore([...seed].reverse());
    expect(ids(store.records)).toEqual(ids([...seed].sort(compareListOrder)));
  });

  it('insert puts a record at its place in list order; cursors around it stay right', () => {
    const store = new PhoneNumberStore(seed);
    const middle = seed[10]!;
    const inserted = record('pn_new', middle.created_at); // ties are broken by id, descending
    store.insert(inserted);
    const expected = ids([...seed, inserted].sort(compareListOrder));
    expect(ids(store.records)).toEqual(expected);
    const at = expected.indexOf('pn_new');
    expect(page(store, { starting_after: expected[at - 1], limit: 1 })).toEqual(['pn_new']);
    expect(page(store, { ending_before: expected[at + 1], limit: 1 })).toEqual(['pn_new']);
    expect(JSON.parse(store.get('pn_new')!)).toEqual(inserted);
  });

  it('remove drops a record from lists, get and cursors', () => {
    const store = new PhoneNumberStore(seed);
    const gone = seed[3]!;
    expect(store.remove(gone.id)).toBe(true);
    expect(store.remove(gone.id)).toBe(false);
    expect(store.get(gone.id)).toBeUndefined();
    expect(page(store, { limit: 100 })).toEqual(ids(seed).filter((id) => id !== gone.id));
    expect(store.list({ starting_after: gone.id })).toEqual({ ok: false, error: expect.stringMatching(/existing/) });
    expect(page(store, { starting_after: seed[2]!.id, limit: 1 })).toEqual([seed[4]!.id]);
  });

  it('replace updates a record in place, or moves it when created_at changes', () => {
    const store = new PhoneNumberStore(seed);
    const target = seed[5]!;
    expect(store.replace({ ...target, label: 'Renamed' })).toBe(true);
    expect(JSON.parse(store.get(target.id)!).label).toBe('Renamed');
    expect(ids(store.records)).toEqual(ids(seed));
    const oldest = seed.at(-1)!;
    expect(store.replace({ ...target, created_at: '2000-01-01T00:00:00Z' })).toBe(true);
    expect(store.records.at(-1)?.id).toBe(target.id);
    expect(store.records.at(-2)?.id).toBe(oldest.id);
    expect(store.replace(record('pn_absent', '2025-01-01T00:00:00Z'))).toBe(false);
  });

  it('refuses writes that break the contract or repeat an id, and stays unchanged', () => {
    const store = new PhoneNumberStore(seed);
    const broken = { ...seed[0]!, provider: { type: 'sip' } } as unknown as PhoneNumberRecord;
    expect(() => store.insert(seed[0]!)).toThrow(/repeats id/);
    expect(() => store.replace(broken)).toThrow(/contract/);
    expect(ids(store.records)).toEqual(ids(seed));
    expect(JSON.parse(store.get(seed[0]!.id)!)).toEqual(seed[0]);
  });

  it('serves private frozen copies: mutating the input does not change what is served', () => {
    const input = structuredClone(seed);
    const store = new PhoneNumberStore(input);
    (input[0] as { label: string | null }).label = 'mutated';
    expect(store.records[0]?.label).toBe(seed[0]!.label);
    expect(Object.isFrozen(store.records[0])).toBe(true);
  });
});

// The demo upstream's data: phone-number records in list order, with the
// list/get queries of Cartesia's API. Kept free of HTTP so the write
// endpoints can reuse it; every write keeps the order and lookups correct.
import { describeViolations, upstreamContract } from '../cartesia/contract';
import type { PhoneNumberListQuery, PhoneNumberRecord } from '../cartesia/types';

/** Cartesia's page size when `limit` is absent ("The default page limit is 10"). */
export const DEFAULT_PAGE_SIZE = 10;

/** A list page as JSON, or why the query cannot be answered (a client error). */
export type ListResult = { ok: true; json: string } | { ok: false; error: string };

/** A record with what serving it needs, computed once per write instead of once per request. */
interface Entry {
  readonly record: PhoneNumberRecord;
  readonly json: string;
  readonly createdMs: number;
  /** Number, label and agent name, folded for search. */
  readonly searchFields: readonly string[];
}

/** Case-insensitive, and NFC so 'Zu\u0308rich' finds 'Zürich' whichever way the client composed it. */
const foldForSearch = (text: string): string => text.normalize('NFC').toLowerCase();

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  Object.values(value).forEach(deepFreeze);
  return Object.freeze(value);
}

/** A private, deeply frozen copy: callers can't mutate what is served, and their objects stay unfrozen. */
export const frozenCopy = <T>(value: T): T => deepFreeze(structuredClone(value));

function toEntry(record: PhoneNumberRecord): Entry {
  const own = frozenCopy(record);
  return {
    record: own,
    json: JSON.stringify(own),
    createdMs: Date.parse(own.created_at),
    searchFields: [own.number, own.label ?? '', own.agent?.name ?? ''].map(foldForSearch),
  };
}

/** List order: newest first, ties broken by id descending (the same rule as `compareListOrder`). */
function compareEntries(a: Entry, b: Entry): number {
  if (a.createdMs !== b.createdMs) return b.createdMs - a.createdMs;
  if (a.record.id === b.record.id) return 0;
  return a.record.id < b.record.id ? 1 : -1;
}

function assertServable(record: PhoneNumberRecord, where: string): void {
  const { isPhoneNumber } = upstreamContract();
  if (!isPhoneNumber(record)) {
    throw new TypeError(`${where} violates the contract: ${describeViolations(isPhoneNumber.errors)}`);
  }
}

function matcher(query: PhoneNumberListQuery): (entry: Entry) => boolean {
  const needle = query.q == null ? undefined : foldForSearch(query.q);
  return ({ record, searchFields }) => {
    if (query.agent_id != null && record.agent?.id !== query.agent_id) return false;
    if (query.type != null && record.provider.type !== query.type) return false;
    // Only Twilio links have ids; a Cartesia-provided number never matches provider_id.
    if (query.provider_id != null && (record.provider.type !== 'twilio' || record.provider.id !== query.provider_id)) {
      return false;
    }
    return needle === undefined || searchFields.some((field) => field.includes(needle));
  };
}

/** Phone numbers in list order, with Cartesia's list (filters, cursors) and get semantics. */
export class PhoneNumberStore {
  /** Sorted by `compareEntries`; positions are found by binary search, so no index goes stale on writes. */
  private readonly entries: Entry[] = [];
  private readonly byId = new Map<string, Entry>();
  /** How many records carry each number (custom data sets may repeat one). */
  private readonly numberCounts = new Map<string, number>();
  private snapshot: readonly PhoneNumberRecord[] | undefined;

  /** @throws if a record violates the OpenAPI contract or repeats an id (that would make cursors ambiguous) */
  constructor(records: readonly PhoneNumberRecord[] = []) {
    // One sort instead of one insert per record: seeding 50 000 records stays fast.
    records.forEach((record, i) => {
      const entry = this.admit(record, `records[${i}]`);
      this.index(entry, `records[${i}]`);
      this.entries.push(entry);
    });
    this.entries.sort(compareEntries);
  }

  /** Every record in list order (newest first), frozen. */
  get records(): readonly PhoneNumberRecord[] {
    this.snapshot ??= Object.freeze(this.entries.map((entry) => entry.record));
    return this.snapshot;
  }

  /** The record as JSON, or undefined when there is none with this id. */
  get(id: string): string | undefined {
    return this.byId.get(id)?.json;
  }

  /** The record itself (frozen), or undefined when there is none with this id. */
  find(id: string): PhoneNumberRecord | undefined {
    return this.byId.get(id)?.record;
  }

  hasId(id: string): boolean {
    return this.byId.has(id);
  }

  /** Whether a record carries this exact number (E.164 strings compare as they are). */
  hasNumber(number: string): boolean {
    return this.numberCounts.has(number);
  }

  /** Adds a record at its place in list order. @throws on a contract violation or a taken id */
  insert(record: PhoneNumberRecord): void {
    this.place(this.admit(record, 'record'));
  }

  /** Replaces the record with the same id (moving it if created_at changed). @returns false when there is none */
  replace(record: PhoneNumberRecord): boolean {
    if (!this.byId.has(record.id)) return false;
    // Checked before removing, so a bad record leaves the store as it was.
    const entry = this.admit(record, 'record');
    this.remove(record.id);
    this.place(entry);
    return true;
  }

  /** @returns false when there is no record with this id */
  remove(id: string): boolean {
    const entry = this.byId.get(id);
    if (!entry) return false;
    this.entries.splice(this.positionOf(entry), 1);
    this.byId.delete(id);
    this.countNumber(entry.record.number, -1);
    this.snapshot = undefined;
    return true;
  }

  /** A list page, in list order whichever direction the cursor walks. */
  list(query: PhoneNumberListQuery): ListResult {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const matches = matcher(query);
    const { starting_after: after, ending_before: before } = query;
    if (after != null && before != null) {
      return { ok: false, error: 'starting_after and ending_before cannot be used together.' };
    }
    const cursorId = before ?? after;
    const cursor = cursorId == null ? undefined : this.byId.get(cursorId);
    if (cursorId != null && !cursor) {
      return { ok: false, error: 'starting_after / ending_before must be the id of an existing phone number.' };
    }
    if (before != null && cursor) {
      // Walk backwards from the cursor, then flip so the page is in list order.
      const found = this.collect(this.positionOf(cursor) - 1, -1, limit + 1, matches);
      return this.page(found.slice(0, limit).reverse(), found.length > limit);
    }
    const start = cursor ? this.positionOf(cursor) + 1 : 0;
    const found = this.collect(start, 1, limit + 1, matches);
    return this.page(found.slice(0, limit), found.length > limit);
  }

  private admit(record: PhoneNumberRecord, where: string): Entry {
    assertServable(record, where);
    return toEntry(record);
  }

  /** Registers the id (the caller places the entry in `entries`). @throws on a taken id */
  private index(entry: Entry, where: string): void {
    const { id } = entry.record;
    if (this.byId.has(id)) throw new TypeError(`${where} repeats id ${id}`);
    this.byId.set(id, entry);
    this.countNumber(entry.record.number, +1);
    this.snapshot = undefined;
  }

  private countNumber(number: string, change: 1 | -1): void {
    const count = (this.numberCounts.get(number) ?? 0) + change;
    if (count > 0) this.numberCounts.set(number, count);
    else this.numberCounts.delete(number);
  }

  private place(entry: Entry): void {
    this.index(entry, 'record');
    this.entries.splice(this.insertionPoint(entry), 0, entry);
  }

  /** Up to `max` matching entries, walking from `start` by `step`. Stops early: pages stay cheap on big data sets. */
  private collect(start: number, step: 1 | -1, max: number, matches: (entry: Entry) => boolean): Entry[] {
    const found: Entry[] = [];
    for (let i = start; i >= 0 && i < this.entries.length && found.length < max; i += step) {
      const entry = this.entries[i];
      if (entry && matches(entry)) found.push(entry);
    }
    return found;
  }

  private page(entries: Entry[], hasMore: boolean): ListResult {
    // Spliced from cached JSON; must stay equivalent to JSON.stringify of a PhoneNumberListPage.
    return { ok: true, json: `{"data":[${entries.map((entry) => entry.json).join(',')}],"has_more":${hasMore}}` };
  }

  /** Index of the first entry that sorts after `entry` (binary search: list order is a total order). */
  private insertionPoint(entry: Entry): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const other = this.entries[mid];
      if (other && compareEntries(other, entry) <= 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Index of an entry known to be stored. */
  private positionOf(entry: Entry): number {
    return this.insertionPoint(entry) - 1;
  }
}

// The seeded data set is what demo mode shows and what every integration test
// compares against: it must be deterministic, contract-valid and varied enough
// to exercise filters, escaping and pagination.
import { describeViolations, upstreamContract } from '../../src/cartesia/contract';
import type { PhoneNumberRecord, TwilioProviderRecord } from '../../src/cartesia/types';
import { DEMO_API_KEY, MAX_SEED_COUNT, compareListOrder, seedPhoneNumbers } from '../../src/demo-upstream';

const records = seedPhoneNumbers();
const twilio = records.flatMap((r) => (r.provider.type === 'twilio' ? [{ record: r, provider: r.provider }] : []));

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

describe('seedPhoneNumbers: determinism', () => {
  it('returns identical data for the same seed and different data for another', () => {
    expect(seedPhoneNumbers()).toEqual(records);
    expect(seedPhoneNumbers(240, 42)).toEqual(records);
    expect(seedPhoneNumbers(240, 7).map((r) => r.id)).not.toEqual(records.map((r) => r.id));
  });

  it('uses neither Math.random nor the clock', () => {
    const random = jest.spyOn(Math, 'random');
    const now = jest.spyOn(Date, 'now');
    try {
      seedPhoneNumbers(50, 3);
      expect(random).not.toHaveBeenCalled();
      expect(now).not.toHaveBeenCalled();
    } finally {
      random.mockRestore();
      now.mockRestore();
    }
  });

  it('honours count, including 0 and large data sets', () => {
    expect(records).toHaveLength(240);
    expect(seedPhoneNumbers(0)).toEqual([]);
    const big = seedPhoneNumbers(5000, 1);
    expect(new Set(big.map((r) => r.id)).size).toBe(5000);
    expect(new Set(big.map((r) => r.number)).size).toBe(5000);
  });

  it.each([-1, 1.5, Number.NaN, MAX_SEED_COUNT + 1])('rejects count %p', (count) => {
    expect(() => seedPhoneNumbers(count)).toThrow(RangeError);
  });

  it('exposes a demo key shaped like a Cartesia key', () => {
    expect(DEMO_API_KEY).toMatch(/^sk_car_/);
  });
});

describe('seedPhoneNumbers: shape', () => {
  it('every record satisfies the OpenAPI contract', () => {
    const { isPhoneNumber } = upstreamContract();
    const failures: string[] = [];
    // Validated as unknown: the static type already claims what we are checking at runtime.
    for (const r of records)
      if (!isPhoneNumber(r as unknown)) failures.push(`${r.id}: ${describeViolations(isPhoneNumber.errors)}`);
    expect(failures).toEqual([]);
  });

  it('the contract refuses a timestamp that is not an RFC 3339 date-time', () => {
    const { isPhoneNumber } = upstreamContract();
    for (const created_at of ['yesterday', '2026-03-01', '2026-03-01 10:00', '1772323200']) {
      expect(isPhoneNumber({ ...records[0]!, created_at } as unknown)).toBe(false);
      expect(describeViolations(isPhoneNumber.errors)).toMatch(/created_at/);
    }
  });

  it('is in list order: created_at descending, all distinct', () => {
    expect([...records].sort(compareListOrder)).toEqual(records);
    expect(new Set(records.map((r) => r.created_at)).size).toBe(records.length);
  });

  it('uses second-precision UTC timestamps spread over about two years, updated_at >= created_at', () => {
    const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
    for (const r of records) {
      expect(r.created_at).toMatch(iso);
      expect(r.updated_at).toMatch(iso);
      expect(Date.parse(r.updated_at)).toBeGreaterThanOrEqual(Date.parse(r.created_at));
    }
    const times = records.map((r) => Date.parse(r.created_at));
    const spanDays = (Math.max(...times) - Math.min(...times)) / 86_400_000;
    expect(spanDays).toBeGreaterThan(600);
    expect(spanDays).toBeLessThanOrEqual(731);
    expect(records.some((r) => r.updated_at === r.created_at)).toBe(true);
    expect(records.some((r) => r.updated_at !== r.created_at)).toBe(true);
  });

  it('has unique pn_ ids of 24 base62 characters', () => {
    expect(records.every((r) => /^pn_[0-9A-Za-z]{24}$/.test(r.id))).toBe(true);
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
  });

  it('has unique E.164 numbers whose country matches the provider region', () => {
    const prefix: Record<TwilioProviderRecord['region'], string> = { us1: '+1', ie1: '+353', au1: '+61' };
    expect(new Set(records.map((r) => r.number)).size).toBe(records.length);
    for (const r of records) {
      expect(r.number).toMatch(/^\+[1-9]\d{7,14}$/);
      // Cartesia-managed numbers are US-only.
      const expected = r.provider.type === 'twilio' ? prefix[r.provider.region] : '+1';
      expect(r.number.startsWith(expected)).toBe(true);
    }
  });
});

describe('seedPhoneNumbers: variety', () => {
  it('mixes providers (~60 % Twilio) and covers all three regions', () => {
    const share = twilio.length / records.length;
    expect(share).toBeGreaterThan(0.5);
    expect(share).toBeLessThan(0.7);
    expect(new Set(twilio.map((t) => t.provider.region))).toEqual(new Set(['us1', 'ie1', 'au1']));
  });

  it('shares a handful of consistent, masked Twilio links across many numbers', () => {
    const byId = new Map<string, TwilioProviderRecord>();
    for (const { provider } of twilio) {
      expect(byId.get(provider.id) ?? provider).toEqual(provider); // same id, same link
      byId.set(provider.id, provider);
      expect(provider.id).toMatch(/^tp_[0-9A-Za-z]+$/);
      expect(provider.account_sid).toMatch(/^AC[0-9a-f]{32}$/);
      expect(provider.api_key_sid).toMatch(/^SK[0-9a-f]{4}\*{20}[0-9a-f]{4}$/);
    }
    expect(byId.size).toBeGreaterThanOrEqual(3);
    expect(byId.size).toBeLessThanOrEqual(8);
    const perLink = countBy(twilio, (t) => t.provider.id);
    expect(Math.min(...perLink.values())).toBeGreaterThanOrEqual(5);
  });

  it('assigns ~8 shared agents and leaves some numbers unassigned', () => {
    const assigned = records.flatMap((r) => (r.agent ? [r.agent] : []));
    const names = new Map(assigned.map((a) => [a.id, a.name]));
    expect(names.size).toBeGreaterThanOrEqual(6);
    expect(names.size).toBeLessThanOrEqual(10);
    expect(assigned.every((a) => a.id.startsWith('agent_') && names.get(a.id) === a.name)).toBe(true);
    expect(Math.min(...countBy(assigned, (a) => a.id).values())).toBeGreaterThanOrEqual(5);
    expect(records.filter((r) => r.agent === null).length).toBeGreaterThan(10);
  });

  it('includes null, non-ASCII and HTML-like labels', () => {
    const labels = records.map((r: PhoneNumberRecord) => r.label);
    expect(labels).toContain(null);
    expect(labels).toEqual(
      expect.arrayContaining(['Zürich Empfang', '東京サポート', 'Café ☕ line', '<b>Sales</b> & "VIP"']),
    );
  });
});

describe('compareListOrder', () => {
  const at = (id: string, created_at: string): PhoneNumberRecord => ({
    id,
    number: '+14155550100',
    agent: null,
    provider: { type: 'cartesia' },
    created_at,
    updated_at: created_at,
  });

  it('puts newer first and breaks ties by id, descending', () => {
    const sorted = [
      at('pn_a', '2025-01-01T00:00:00Z'),
      at('pn_b', '2025-01-01T00:00:00Z'),
      at('pn_c', '2024-01-01T00:00:00Z'),
    ]
      .reverse()
      .sort(compareListOrder);
    expect(sorted.map((r) => r.id)).toEqual(['pn_b', 'pn_a', 'pn_c']);
  });
});

// Deterministic, realistic-looking phone-number data for the demo upstream.
// Everything is derived from one seeded PRNG so tests, benchmarks and demo
// mode all see byte-identical data for the same (count, seed).
import type {
  AgentRecord,
  AgentSummaryRecord,
  CartesiaProviderRecord,
  PhoneNumberRecord,
  TelephonyRegion,
  TwilioProviderRecord,
} from '../cartesia/types';

/** The Bearer key `npm start` uses when it runs against the demo upstream (no real key configured). */
export const DEMO_API_KEY = 'sk_car_demo_local_only';

/** Upper bound for `seedPhoneNumbers(count)`: keeps the unique-number draws far below each range's capacity. */
export const MAX_SEED_COUNT = 50_000;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const HEX = '0123456789abcdef';

const DAY_MS = 86_400_000;
// A fixed window instead of Date.now(): the data must not change with the clock.
const WINDOW_START_MS = Date.UTC(2024, 0, 1);
const WINDOW_END_MS = WINDOW_START_MS + 730 * DAY_MS; // 2026-01-01T00:00:00Z
const MAX_EDIT_GAP_MS = 120 * DAY_MS;

const TWILIO_SHARE = 0.6;
const UNASSIGNED_SHARE = 0.15;
const UNLABELLED_SHARE = 0.2;
const NEVER_EDITED_SHARE = 0.3;

const AGENT_NAMES = [
  'Front Desk Receptionist',
  'Support Triage',
  'Sales Qualifier',
  'After-Hours Concierge',
  'Billing Assistant',
  'Appointment Scheduler',
  'Réservations Bot',
  'Survey Caller',
] as const;

// Deliberately includes non-ASCII and HTML-like labels: they exercise escaping
// and case-insensitive search in the gateway.
const LABELS = [
  'Main line',
  'Support',
  'Sales',
  'Billing',
  'After-hours',
  'Front desk',
  'Appointments',
  'Outbound campaigns',
  'Press & media',
  'Zürich Empfang',
  '東京サポート',
  'Café ☕ line',
  '<b>Sales</b> & "VIP"',
  'São Paulo vendas',
] as const;

/** Twilio links: few, so each is shared by many numbers and the provider_id filter means something. */
const TWILIO_LINKS: readonly { region: TelephonyRegion; weight: number }[] = [
  { region: 'us1', weight: 5 },
  { region: 'us1', weight: 3 },
  { region: 'ie1', weight: 3 },
  { region: 'ie1', weight: 1 },
  { region: 'au1', weight: 3 },
];

/** Number formats per region, E.164 without spaces. `x` is a random digit. */
const NUMBER_PATTERNS: Record<TelephonyRegion, readonly string[]> = {
  // US: real area codes with the 555 exchange, which is not dialable in practice.
  us1: ['415', '212', '646', '312', '512', '206', '617', '303', '305', '404', '213', '702'].map(
    (area) => `+1${area}555xxxx`,
  ),
  // Ireland: Dublin, Cork and Galway geographic numbers (7 subscriber digits).
  ie1: ['+3531xxxxxxx', '+35321xxxxxxx', '+35391xxxxxxx'],
  // Australia: ACMA's ranges reserved for fiction (02/03/07/08 5550 / 7010 xxxx).
  au1: ['+6125550xxxx', '+6137010xxxx', '+6175550xxxx', '+6187010xxxx'],
};

/** mulberry32: tiny, fast, and good enough for demo data. Returns floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new Error('pick() from an empty list');
    return item;
  }

  pickWeighted<T extends { weight: number }>(items: readonly T[]): T {
    const total = items.reduce((sum, item) => sum + item.weight, 0);
    let roll = this.next() * total;
    for (const item of items) {
      roll -= item.weight;
      if (roll < 0) return item;
    }
    return this.pick(items);
  }

  chars(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i += 1) out += alphabet.charAt(this.int(0, alphabet.length - 1));
    return out;
  }

  /** Draws until `draw` yields a value not in `seen`, and adds it; the caller guarantees the space is large enough. */
  unique<T>(seen: Set<T>, draw: () => T): T {
    const value = this.fresh((candidate) => seen.has(candidate), draw);
    seen.add(value);
    return value;
  }

  /** Draws until `draw` yields a value that `isTaken` refuses (for spaces held elsewhere, e.g. the live store). */
  fresh<T>(isTaken: (value: T) => boolean, draw: () => T): T {
    for (;;) {
      const value = draw();
      if (!isTaken(value)) return value;
    }
  }

  /** A shuffled copy (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i -= 1) {
      const j = this.int(0, i);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
}

/** `2025-01-02T03:04:05Z`: second precision, like the real API. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function makeAgents(rng: Rng): AgentRecord[] {
  return AGENT_NAMES.map((name) => ({ id: `agent_${rng.chars(BASE62, 20)}`, name }));
}

function makeTwilioProviders(rng: Rng): TwilioProviderRecord[] {
  return TWILIO_LINKS.map(({ region }) => ({
    type: 'twilio',
    id: `tp_${rng.chars(BASE62, 24)}`,
    account_sid: `AC${rng.chars(HEX, 32)}`,
    // The real API masks the middle of the key SID; never a usable value.
    api_key_sid: `SK${rng.chars(HEX, 4)}${'*'.repeat(20)}${rng.chars(HEX, 4)}`,
    region,
  }));
}

/**
 * Orders records the way the list endpoint does: newest first, ties broken
 * by id (descending, so the tie-break runs the same direction as the sort).
 */
export function compareListOrder(a: PhoneNumberRecord, b: PhoneNumberRecord): number {
  const byTime = Date.parse(b.created_at) - Date.parse(a.created_at);
  if (byTime !== 0) return byTime;
  if (a.id === b.id) return 0;
  return a.id < b.id ? 1 : -1;
}

interface Catalog {
  agents: AgentRecord[];
  twilio: TwilioProviderRecord[];
  weightedTwilio: { provider: TwilioProviderRecord; weight: number }[];
}

function makeCatalog(rng: Rng): Catalog {
  const agents = makeAgents(rng);
  const twilio = makeTwilioProviders(rng);
  const weightedTwilio = twilio.map((provider, i) => ({ provider, weight: TWILIO_LINKS[i]?.weight ?? 1 }));
  return { agents, twilio, weightedTwilio };
}

interface Uniques {
  ids: Set<string>;
  numbers: Set<string>;
  createdAt: Set<number>;
}

function drawProvider(rng: Rng, catalog: Catalog): TwilioProviderRecord | CartesiaProviderRecord {
  if (!rng.chance(TWILIO_SHARE)) return { type: 'cartesia' };
  return rng.pickWeighted(catalog.weightedTwilio).provider;
}

function randomNumber(rng: Rng, region: TelephonyRegion): string {
  return rng.pick(NUMBER_PATTERNS[region]).replace(/x/g, () => String(rng.int(0, 9)));
}

function drawNumber(rng: Rng, region: TelephonyRegion, seen: Set<string>): string {
  return rng.unique(seen, () => randomNumber(rng, region));
}

function drawTimestamps(rng: Rng, seen: Set<number>): { created_at: string; updated_at: string } {
  const windowSeconds = (WINDOW_END_MS - WINDOW_START_MS) / 1000;
  // Distinct seconds: the list order must not hinge on the tie-break for seeded data.
  const created = WINDOW_START_MS + 1000 * rng.unique(seen, () => rng.int(0, windowSeconds - 1));
  if (rng.chance(NEVER_EDITED_SHARE)) return { created_at: isoSeconds(created), updated_at: isoSeconds(created) };
  const latest = Math.min(created + MAX_EDIT_GAP_MS, WINDOW_END_MS);
  const updated = created + 1000 * rng.int(1, Math.max(1, (latest - created) / 1000));
  return { created_at: isoSeconds(created), updated_at: isoSeconds(updated) };
}

function drawRecord(rng: Rng, catalog: Catalog, uniques: Uniques): PhoneNumberRecord {
  const id = rng.unique(uniques.ids, () => `pn_${rng.chars(BASE62, 24)}`);
  const provider = drawProvider(rng, catalog);
  // Cartesia-managed numbers are US-only; Twilio numbers follow their link's region.
  const region: TelephonyRegion = provider.type === 'twilio' ? provider.region : 'us1';
  const number = drawNumber(rng, region, uniques.numbers);
  const agent = rng.chance(UNASSIGNED_SHARE) ? null : { ...rng.pick(catalog.agents) };
  const label = rng.chance(UNLABELLED_SHARE) ? null : rng.pick(LABELS);
  const { created_at, updated_at } = drawTimestamps(rng, uniques.createdAt);
  return { id, label, number, agent, provider: { ...provider }, created_at, updated_at };
}

/**
 * Deterministic demo phone numbers, in list order (newest first).
 *
 * The same `(count, seed)` always yields the same records: ids, numbers,
 * timestamps and assignments come from a seeded PRNG, never Math.random or
 * the clock. About 60 % use a handful of shared Twilio links (regions us1,
 * ie1, au1 with matching +1 / +353 / +61 numbers), the rest the Cartesia
 * provider (US numbers only); ~8 agents are shared, ~15 % of numbers are
 * unassigned and ~20 % unlabelled.
 *
 * @param count how many records, 0..MAX_SEED_COUNT
 * @param seed any 32-bit integer
 */
export function seedPhoneNumbers(count = 240, seed = 42): PhoneNumberRecord[] {
  if (!Number.isInteger(count) || count < 0 || count > MAX_SEED_COUNT) {
    throw new RangeError(`count must be an integer in 0..${MAX_SEED_COUNT}, got ${count}`);
  }
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const rng = new Rng(seed);
  const catalog = makeCatalog(rng);
  const uniques: Uniques = { ids: new Set(), numbers: new Set(), createdAt: new Set() };
  const records = Array.from({ length: count }, () => drawRecord(rng, catalog, uniques));
  return records.sort(compareListOrder);
}

// ---------------------------------------------------------------------------
// The account around the numbers: its agents, its Twilio links and the numbers
// those links could import. Drawn from a second PRNG stream (the first one's
// catalog draws replayed for ids and names), so adding detail here never
// changes a seeded phone-number record.

/** Agents no seeded number uses: List Agents must show more than the numbers reference. */
const IDLE_AGENT_NAMES = [
  'Collections Reminder',
  'Onboarding Guide',
  'Feedback Collector',
  'Voicemail Screener',
] as const;

const AGENT_DESCRIPTIONS = [
  'Answers the main line and routes callers to the right team.',
  'Sorts inbound support calls by urgency before a human picks up.',
  'Asks the qualifying questions and books a follow-up.',
  'Takes messages outside office hours.',
  'Handles invoices, refunds & payment plans.',
  'Books, moves and cancels appointments.',
] as const;

const UNDESCRIBED_AGENT_SHARE = 0.3;

/** How many numbers each seeded Twilio link can import. */
export const IMPORTABLE_NUMBERS_PER_PROVIDER = 5;

/** Separates the detail stream from the records' stream (any odd constant would do). */
const DETAIL_STREAM_SALT = 0x9e3779b9;

/** The seeded account: what List Agents, Import and Update consult. */
export interface DemoCatalog {
  /** Every agent, in List Agents order (a seeded shuffle: deliberately not by name). */
  agents: AgentSummaryRecord[];
  /** The Twilio links, in the order the records' stream drew them. */
  twilioProviders: TwilioProviderRecord[];
  /**
   * Per Twilio provider id: numbers its account holds that no record uses at
   * start. Links of one region share their first number (one account number
   * visible through two links), so a number can move between them.
   */
  importableNumbers: Map<string, string[]>;
}

const detailRng = (seed: number): Rng => new Rng((seed ^ DETAIL_STREAM_SALT) >>> 0);

function describeAgent(rng: Rng, agent: AgentRecord, seconds: Set<number>): AgentSummaryRecord {
  const description = rng.chance(UNDESCRIBED_AGENT_SHARE) ? null : rng.pick(AGENT_DESCRIPTIONS);
  return { ...agent, description, ...drawTimestamps(rng, seconds) };
}

function importableNumbers(
  rng: Rng,
  providers: readonly TwilioProviderRecord[],
  taken: ReadonlySet<string>,
): Map<string, string[]> {
  const seen = new Set(taken);
  const firstOfRegion = new Map<TelephonyRegion, string>();
  const out = new Map<string, string[]>();
  for (const { id, region } of providers) {
    const shared = firstOfRegion.get(region);
    const numbers = shared === undefined ? [] : [shared];
    while (numbers.length < IMPORTABLE_NUMBERS_PER_PROVIDER) numbers.push(drawNumber(rng, region, seen));
    firstOfRegion.set(region, numbers[0] as string);
    out.set(id, numbers);
  }
  return out;
}

/**
 * The account `seedPhoneNumbers(count, seed)` belongs to: the same agents
 * (same ids and names) and Twilio links its records use, plus agents no
 * number uses and each link's importable numbers.
 *
 * @param takenNumbers numbers already in use (the store's): importable numbers avoid them
 */
export function seedCatalog(seed = 42, takenNumbers: ReadonlySet<string> = new Set()): DemoCatalog {
  const { agents, twilio } = makeCatalog(new Rng(seed));
  const rng = detailRng(seed);
  const idle = IDLE_AGENT_NAMES.map((name) => ({ id: `agent_${rng.chars(BASE62, 20)}`, name }));
  const seconds = new Set<number>();
  const summaries = [...agents, ...idle].map((agent) => describeAgent(rng, agent, seconds));
  return {
    agents: rng.shuffle(summaries),
    twilioProviders: twilio,
    importableNumbers: importableNumbers(rng, twilio, takenNumbers),
  };
}

/** Ids and numbers for records the write endpoints create: seeded, so a run's writes are repeatable. */
export interface WriteDraws {
  phoneNumberId(isTaken: (id: string) => boolean): string;
  /** A Cartesia-managed number: +1 and ten digits. */
  usNumber(isTaken: (number: string) => boolean): string;
}

export function writeDraws(seed = 42): WriteDraws {
  // A third stream: the detail stream's draws depend on the data set (taken numbers).
  const rng = detailRng(~seed);
  return {
    phoneNumberId: (isTaken) => rng.fresh(isTaken, () => `pn_${rng.chars(BASE62, 24)}`),
    usNumber: (isTaken) => rng.fresh(isTaken, () => randomNumber(rng, 'us1')),
  };
}

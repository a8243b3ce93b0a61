// What the demo upstream received, for tests to assert on. Bounded: demo mode
// runs for days and benchmarks send millions of requests, so only the newest
// `capacity` entries are kept.

/** One request as the upstream received it. */
export interface RecordedRequest {
  method: string;
  /** Pathname only, as received (still percent-encoded), e.g. '/agents/phone-numbers'. */
  path: string;
  /** Search params as received, decoded; the last value wins for repeated names. */
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  /**
   * The parsed JSON body, once it was read: absent for requests without one,
   * and for requests answered before their body is read (faults that fire on
   * arrival, 401, 404, 405).
   */
  body?: unknown;
}

/** How many requests a log keeps unless told otherwise. */
export const DEFAULT_REQUEST_LOG_SIZE = 1000;

/** A fixed-capacity ring of recorded requests: recording is O(1) and never allocates a bigger buffer. */
export class RequestLog {
  private readonly ring: (RecordedRequest | undefined)[];
  /** Slot the next entry goes to. */
  private next = 0;
  private size = 0;
  private received = 0;
  /** The ordered copy handed out by `entries`, rebuilt only after a change (tests read it in polling loops). */
  private snapshot: readonly RecordedRequest[] | undefined;

  constructor(readonly capacity = DEFAULT_REQUEST_LOG_SIZE) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`requestLogSize must be a positive integer, got ${capacity}`);
    }
    this.ring = new Array<RecordedRequest | undefined>(capacity);
  }

  record(request: RecordedRequest): void {
    this.ring[this.next] = request;
    this.next = (this.next + 1) % this.capacity;
    this.size = Math.min(this.size + 1, this.capacity);
    this.received += 1;
    this.snapshot = undefined;
  }

  /** The retained requests, oldest first. */
  get entries(): readonly RecordedRequest[] {
    this.snapshot ??= this.ordered();
    return this.snapshot;
  }

  /** Every request recorded since the log was created, including evicted and cleared ones. */
  get total(): number {
    return this.received;
  }

  /** Forgets the retained entries (`total` keeps counting). */
  clear(): void {
    this.ring.fill(undefined);
    this.next = 0;
    this.size = 0;
    this.snapshot = undefined;
  }

  private ordered(): RecordedRequest[] {
    const oldest = (this.next - this.size + this.capacity) % this.capacity;
    const out: RecordedRequest[] = [];
    for (let i = 0; i < this.size; i += 1) {
      const entry = this.ring[(oldest + i) % this.capacity];
      if (entry) out.push(entry);
    }
    return out;
  }
}

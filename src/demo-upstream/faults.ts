// Fault injection for the demo upstream: lets tests and benchmarks make the
// "Cartesia" side misbehave in the specific ways a real upstream can.

/** One way for the upstream to misbehave on a request. */
export type Fault =
  /** Answer with this status (and optional headers/body) instead of the real response, e.g. 503 or 429 + retry-after. */
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: unknown }
  /** Answer normally, but only after `ms` milliseconds. */
  | { kind: 'delay'; ms: number }
  /** Never answer: the request stays open until the client aborts or the server closes. */
  | { kind: 'hang' }
  /** Destroy the socket without sending any response. */
  | { kind: 'reset' }
  /** 200 with `content-type: application/json` but a body that is not JSON. */
  | { kind: 'malformed' }
  /** 200 with valid JSON that violates the OpenAPI contract (schema drift). */
  | { kind: 'drift' };

/** When and how often a fault fires. */
export interface FaultRule {
  fault: Fault;
  /** How many matching requests it applies to; unlimited when omitted. */
  times?: number;
  /** Only requests whose pathname starts with this prefix; all requests when omitted. */
  path?: string;
}

/** What a rule needs to know about a request to decide whether it matches. */
export interface FaultTarget {
  path: string;
}

interface ActiveRule {
  fault: Fault;
  remaining: number;
  path: string;
}

function assertValidFault(fault: Fault): void {
  // 1xx are interim responses, not answers; node cannot send them as one.
  if (fault.kind === 'status' && !(Number.isInteger(fault.status) && fault.status >= 200 && fault.status <= 599)) {
    throw new RangeError(`status fault needs an HTTP status 200..599, got ${fault.status}`);
  }
  if (fault.kind === 'delay' && !(Number.isFinite(fault.ms) && fault.ms >= 0)) {
    throw new RangeError(`delay fault needs ms >= 0, got ${fault.ms}`);
  }
}

function assertValidTimes(times: number | undefined): void {
  if (times === undefined) return;
  // times: 0 would be a rule that never fires, almost certainly a test bug.
  if (!Number.isInteger(times) || times < 1) throw new RangeError(`times must be a positive integer, got ${times}`);
}

/**
 * Holds the active fault rules of one demo upstream. Rules are checked in
 * injection order; the first one matching the request's path fires and
 * uses up one of its `times`.
 */
export class FaultInjector {
  private rules: ActiveRule[] = [];

  /** Adds a rule after the existing ones. Throws on nonsensical rules (bad status, negative delay, times < 1). */
  inject(rule: FaultRule): void {
    assertValidFault(rule.fault);
    assertValidTimes(rule.times);
    this.rules.push({ fault: rule.fault, remaining: rule.times ?? Infinity, path: rule.path ?? '' });
  }

  /** Removes every rule, including ones that have not fired yet. */
  clear(): void {
    this.rules = [];
  }

  /** How many rules can still fire (handy for asserting a `times`-limited rule was used up). */
  get pending(): number {
    return this.rules.length;
  }

  /**
   * The fault for this request, if any, consuming one use of its rule.
   * @internal called by the server once per request.
   */
  take(request: FaultTarget): Fault | undefined {
    const index = this.rules.findIndex((rule) => request.path.startsWith(rule.path));
    const rule = this.rules[index];
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules.splice(index, 1);
    return rule.fault;
  }
}

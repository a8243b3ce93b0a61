// Fault injection for the demo upstream: lets tests and benchmarks make the
// "Cartesia" side misbehave in the specific ways a real upstream can. Rules
// and payloads live here; the app (app.ts) decides when and how they are sent.
import { STATUS_CODES, validateHeaderName, validateHeaderValue } from 'node:http';
import type { PhoneNumberRecord } from '../cartesia/types';

/** One way for the upstream to misbehave on a request. */
export type Fault = FaultKind & {
  /**
   * Fire only once the request was handled in full (authenticated, validated,
   * a write applied), replacing whatever it would have answered: "the write
   * happened but the answer was lost". Default false: fire on arrival, before
   * auth, so nothing is applied.
   */
  afterApply?: boolean;
};

/** What the upstream does instead of answering normally. */
export type FaultKind =
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
  /** Only requests with this method (case-insensitive), e.g. 'POST'; every method when omitted. */
  method?: string;
}

/** What a rule needs to know about a request to decide whether it matches. */
export interface FaultTarget {
  path: string;
  /** A rule with a `method` never matches a target without one. */
  method?: string;
}

interface ActiveRule {
  fault: Fault;
  remaining: number;
  path: string;
  /** Upper case; undefined for every method. */
  method: string | undefined;
}

function assertValidFault(fault: Fault): void {
  // 1xx are interim responses, not answers; node cannot send them as one.
  if (fault.kind === 'status' && !(Number.isInteger(fault.status) && fault.status >= 200 && fault.status <= 599)) {
    throw new RangeError(`status fault needs an HTTP status 200..599, got ${fault.status}`);
  }
  if (fault.kind === 'delay' && !(Number.isFinite(fault.ms) && fault.ms >= 0)) {
    throw new RangeError(`delay fault needs ms >= 0, got ${fault.ms}`);
  }
  // Thrown here, in the test that wrote the rule, rather than as a 500 on some later request.
  if (fault.kind === 'status') {
    Object.entries(fault.headers ?? {}).forEach(([name, value]) => {
      validateHeaderName(name);
      validateHeaderValue(name, value);
    });
  }
}

function assertValidMethod(method: string | undefined): void {
  if (method === undefined) return;
  // An empty or spaced method would be a rule that never fires.
  if (!/^[A-Za-z]+$/.test(method))
    throw new RangeError(`method must be an HTTP method name, got ${JSON.stringify(method)}`);
}

function assertValidTimes(times: number | undefined): void {
  if (times === undefined) return;
  // times: 0 would be a rule that never fires, almost certainly a test bug.
  if (!Number.isInteger(times) || times < 1) throw new RangeError(`times must be a positive integer, got ${times}`);
}

/**
 * Holds the active fault rules of one demo upstream. Rules are checked in
 * injection order; the first one matching the request's path and method fires and
 * uses up one of its `times`.
 */
export class FaultInjector {
  private rules: ActiveRule[] = [];

  /** Adds a rule after the existing ones. Throws on nonsensical rules (bad status, negative delay, times < 1, bad method). */
  inject(rule: FaultRule): void {
    assertValidFault(rule.fault);
    assertValidTimes(rule.times);
    assertValidMethod(rule.method);
    this.rules.push({
      fault: rule.fault,
      remaining: rule.times ?? Infinity,
      path: rule.path ?? '',
      method: rule.method?.toUpperCase(),
    });
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
    const method = request.method?.toUpperCase();
    const index = this.rules.findIndex(
      (rule) => request.path.startsWith(rule.path) && (rule.method === undefined || rule.method === method),
    );
    const rule = this.rules[index];
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules.splice(index, 1);
    return rule.fault;
  }
}

/** The body of a status fault: the given one verbatim (a string can mimic e.g. a proxy's HTML page), else a JSON error. */
export function statusFaultBody(fault: Extract<FaultKind, { kind: 'status' }>): string {
  if (typeof fault.body === 'string') return fault.body;
  if (fault.body !== undefined) return JSON.stringify(fault.body);
  return JSON.stringify({ error: `Injected fault: HTTP ${fault.status} ${STATUS_CODES[fault.status] ?? ''}`.trim() });
}

/** Truncated mid-document: a parser must fail, not return partial data. */
export const MALFORMED_BODY = '{"data":[{"id":"pn_';

/**
 * Valid JSON shaped like the answer for `isList` (a page) or a single record,
 * with two independent contract violations: no `number`, an unknown provider type.
 */
export function driftBody(isList: boolean, base: PhoneNumberRecord | undefined): string {
  const drifted = {
    id: base?.id ?? 'pn_drift',
    label: base?.label ?? null,
    agent: base?.agent ?? null,
    provider: { type: 'sip', id: 'sp_drift', uri: 'sip:demo@example.invalid' },
    created_at: base?.created_at ?? '2025-01-01T00:00:00Z',
    updated_at: base?.updated_at ?? '2025-01-01T00:00:00Z',
  };
  return JSON.stringify(isList ? { data: [drifted], has_more: false } : drifted);
}

// A strict, deterministic stand-in for Cartesia's phone-number API, served
// over real HTTP. Demo mode, integration tests and benchmarks point the
// gateway at it; it rejects anything the real contract would not accept so
// gateway bugs surface as 400s instead of passing silently.
import { timingSafeEqual } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { components } from '../__generated__/cartesia-openapi';
import { describeViolations, upstreamContract } from '../cartesia/contract';
import type {
  PhoneNumberListPage,
  PhoneNumberListQuery,
  PhoneNumberRecord,
  ProviderTypeValue,
} from '../cartesia/types';
import { compareListOrder, seedPhoneNumbers } from './data';
import { FaultInjector, type Fault } from './faults';

/** The only `Cartesia-Version` the OpenAPI enum allows (typed from it, so a schema bump breaks the build here). */
export const CARTESIA_VERSION: components['parameters']['CartesiaVersionHeader'] = '2026-03-01';

/** How to start a demo upstream. */
export interface DemoUpstreamOptions {
  /** The Bearer key every request must present. */
  apiKey: string;
  /** Interface to listen on; default '127.0.0.1'. */
  host?: string;
  /** Port; default 0 (an ephemeral port, see `url`). */
  port?: number;
  /** The data set; default `seedPhoneNumbers()`. Served in list order whatever order it is given in. */
  records?: readonly PhoneNumberRecord[];
  /** Fixed latency added to every response, for benchmarks; default 0. */
  latencyMs?: number;
}

/** One request as the upstream received it. */
export interface RecordedRequest {
  method: string;
  /** Pathname only, as received (still percent-encoded), e.g. '/agents/phone-numbers'. */
  path: string;
  /** Search params as received, decoded; the last value wins for repeated names. */
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
}

/** A running demo upstream. */
export interface DemoUpstream {
  /** Base URL without trailing slash, e.g. 'http://127.0.0.1:41234'. */
  readonly url: string;
  /** The full data set in list order (newest first). */
  readonly records: readonly PhoneNumberRecord[];
  /** Every request received, in arrival order, including faulted and rejected ones. */
  readonly requests: RecordedRequest[];
  readonly faults: FaultInjector;
  /** Empties `requests` (in place: references to the array stay valid). */
  clearRequests(): void;
  /** Accepts only `apiKey` from now on (key rotation on the Cartesia side). */
  rotateApiKey(apiKey: string): void;
  /** Stops listening and destroys every open socket, hanging ones included. Idempotent. */
  close(): Promise<void>;
}

const LIST_PATH = '/agents/phone-numbers';
const ITEM_PREFIX = `${LIST_PATH}/`;
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;
const PROVIDER_TYPES: readonly ProviderTypeValue[] = ['twilio', 'cartesia'];

// `satisfies` makes the compiler fail if the OpenAPI file gains or loses a list parameter.
const LIST_PARAMS = {
  agent_id: true,
  provider_id: true,
  type: true,
  q: true,
  starting_after: true,
  ending_before: true,
  limit: true,
} as const satisfies Record<keyof PhoneNumberListQuery, true>;

// ---------------------------------------------------------------------------
// Replies: computed as plain values, written (maybe later) by the server.

interface Reply {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

type ErrorCode = 'invalid_request' | 'unauthorized' | 'not_found' | 'method_not_allowed' | 'internal_error';

function errorReply(
  status: number,
  error: ErrorCode | string,
  message: string,
  headers?: Record<string, string>,
): Reply {
  return { status, body: JSON.stringify({ error, message }), headers };
}

const badRequest = (message: string): Reply => errorReply(400, 'invalid_request', message);

/** Quotes user input for an error message without letting a huge value bloat the reply. */
function preview(value: string): string {
  return JSON.stringify(value.length > 64 ? `${value.slice(0, 64)}…` : value);
}

// ---------------------------------------------------------------------------
// The data set and its queries.

interface ListQuery {
  agentId?: string;
  providerId?: string;
  type?: ProviderTypeValue;
  q?: string;
  startingAfter?: string;
  endingBefore?: string;
  limit: number;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; reply: Reply };

function parseLimit(raw: string | undefined): number | undefined {
  if (raw === undefined) return DEFAULT_LIMIT;
  // Digits only: rejects '1.5', '1e2', ' 5', '+5', '05' — forms a well-behaved client never sends.
  if (!/^[1-9][0-9]{0,2}$/.test(raw)) return undefined;
  const limit = Number(raw);
  return limit <= MAX_LIMIT ? limit : undefined;
}

function isProviderType(value: string): value is ProviderTypeValue {
  return (PROVIDER_TYPES as readonly string[]).includes(value);
}

function parseListQuery(query: Record<string, string>): Parsed<ListQuery> {
  const unknown = Object.keys(query).find((name) => !Object.hasOwn(LIST_PARAMS, name));
  if (unknown !== undefined) return { ok: false, reply: badRequest(`Unknown query parameter ${preview(unknown)}.`) };
  const limit = parseLimit(query.limit);
  if (limit === undefined) return { ok: false, reply: badRequest(`limit must be an integer from 1 to ${MAX_LIMIT}.`) };
  const { type } = query;
  if (type !== undefined && !isProviderType(type)) {
    return { ok: false, reply: badRequest(`type must be one of ${PROVIDER_TYPES.join(', ')}.`) };
  }
  if (query.starting_after !== undefined && query.ending_before !== undefined) {
    return { ok: false, reply: badRequest('starting_after and ending_before cannot be used together.') };
  }
  return {
    ok: true,
    value: {
      agentId: query.agent_id,
      providerId: query.provider_id,
      type,
      q: query.q,
      startingAfter: query.starting_after,
      endingBefore: query.ending_before,
      limit,
    },
  };
}

/** Case-insensitive, and NFC so 'Zu\u0308rich' finds 'Zürich' whichever way the client composed it. */
const foldForSearch = (text: string): string => text.normalize('NFC').toLowerCase();

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  Object.values(value).forEach(deepFreeze);
  return Object.freeze(value);
}

function assertServable(records: readonly PhoneNumberRecord[]): void {
  const { isPhoneNumber } = upstreamContract();
  const seen = new Set<string>();
  records.forEach((record, i) => {
    if (!isPhoneNumber(record))
      throw new TypeError(`records[${i}] violates the contract: ${describeViolations(isPhoneNumber.errors)}`);
    // Duplicate ids would make cursors ambiguous.
    if (seen.has(record.id)) throw new TypeError(`records[${i}] repeats id ${record.id}`);
    seen.add(record.id);
  });
}

/** The served data: immutable, in list order, with lookups and pre-serialized JSON. */
class PhoneNumberStore {
  readonly records: readonly PhoneNumberRecord[];
  private readonly indexById = new Map<string, number>();
  private readonly json: string[];
  private readonly searchFields: string[][];

  constructor(records: readonly PhoneNumberRecord[]) {
    assertServable(records);
    // A private frozen copy: callers can't mutate what we serve, and we don't freeze their objects.
    this.records = deepFreeze(structuredClone([...records]).sort(compareListOrder));
    this.records.forEach((record, i) => this.indexById.set(record.id, i));
    this.json = this.records.map((record) => JSON.stringify(record));
    this.searchFields = this.records.map((r) => [r.number, r.label ?? '', r.agent?.name ?? ''].map(foldForSearch));
  }

  get(id: string): string | undefined {
    const index = this.indexById.get(id);
    return index === undefined ? undefined : this.json[index];
  }

  /** A list page as JSON, or undefined when a cursor names an id not in the data set. */
  list(query: ListQuery): string | undefined {
    const matches = this.matcher(query);
    if (query.endingBefore !== undefined) {
      const end = this.indexById.get(query.endingBefore);
      if (end === undefined) return undefined;
      // Walk backwards from the cursor, then flip so the page is in list order.
      const before = this.collect(end - 1, -1, query.limit + 1, matches);
      return this.page(before.slice(0, query.limit).reverse(), before.length > query.limit);
    }
    const after = query.startingAfter === undefined ? -1 : this.indexById.get(query.startingAfter);
    if (after === undefined) return undefined;
    const items = this.collect(after + 1, 1, query.limit + 1, matches);
    return this.page(items.slice(0, query.limit), items.length > query.limit);
  }

  private matcher(query: ListQuery): (index: number) => boolean {
    const needle = query.q === undefined ? undefined : foldForSearch(query.q);
    return (index) => {
      const record = this.records[index];
      if (!record) return false;
      if (query.agentId !== undefined && record.agent?.id !== query.agentId) return false;
      if (query.type !== undefined && record.provider.type !== query.type) return false;
      // Only Twilio links have ids; a Cartesia-provided number never matches provider_id.
      if (
        query.providerId !== undefined &&
        (record.provider.type !== 'twilio' || record.provider.id !== query.providerId)
      ) {
        return false;
      }
      return needle === undefined || (this.searchFields[index] ?? []).some((field) => field.includes(needle));
    };
  }

  /** Up to `max` matching indexes, walking from `start` by `step`. Stops early: pages stay cheap on big data sets. */
  private collect(start: number, step: 1 | -1, max: number, matches: (index: number) => boolean): number[] {
    const found: number[] = [];
    for (let i = start; i >= 0 && i < this.records.length && found.length < max; i += step) {
      if (matches(i)) found.push(i);
    }
    return found;
  }

  private page(indexes: number[], hasMore: boolean): string {
    // Spliced from cached JSON; must stay equivalent to JSON.stringify of a PhoneNumberListPage.
    return `{"data":[${indexes.map((i) => this.json[i]).join(',')}],"has_more":${hasMore}}`;
  }
}

// ---------------------------------------------------------------------------
// Routing: a pure function of the recorded request.

interface RouteContext {
  apiKey: string;
  store: PhoneNumberStore;
}

type Route = { kind: 'list' } | { kind: 'get'; rawId: string };

function matchRoute(path: string): Route | undefined {
  if (path === LIST_PATH) return { kind: 'list' };
  if (!path.startsWith(ITEM_PREFIX)) return undefined;
  const rawId = path.slice(ITEM_PREFIX.length);
  if (rawId === '' || rawId.includes('/')) return undefined;
  return { kind: 'get', rawId };
}

function isAuthorized(authorization: string | string[] | undefined, apiKey: string): boolean {
  if (typeof authorization !== 'string') return false;
  const presented = Buffer.from(authorization);
  const expected = Buffer.from(`Bearer ${apiKey}`);
  // Constant-time compare: a demo server, but tests copy patterns from here.
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

function listReply(request: RecordedRequest, store: PhoneNumberStore): Reply {
  const parsed = parseListQuery(request.query);
  if (!parsed.ok) return parsed.reply;
  const body = store.list(parsed.value);
  if (body === undefined)
    return badRequest('starting_after / ending_before must be the id of an existing phone number.');
  return { status: 200, body };
}

function getReply(request: RecordedRequest, rawId: string, store: PhoneNumberStore): Reply {
  const names = Object.keys(request.query);
  if (names[0] !== undefined) return badRequest(`Unknown query parameter ${preview(names[0])}.`);
  const id = safeDecode(rawId);
  const body = id === undefined ? undefined : store.get(id);
  if (body === undefined) return errorReply(404, 'not_found', `Phone number ${preview(id ?? rawId)} not found.`);
  return { status: 200, body };
}

function safeDecode(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined; // malformed percent-encoding: no record can have that id
  }
}

/** The reply for a request that no fault intercepted. Order: auth, route, method, version, parameters. */
function route(request: RecordedRequest, context: RouteContext): Reply {
  if (!isAuthorized(request.headers.authorization, context.apiKey)) {
    // Never echo the presented key: it may be a real one sent to the wrong place.
    return errorReply(401, 'unauthorized', 'Missing or invalid API key; send "Authorization: Bearer <key>".', {
      'www-authenticate': 'Bearer',
    });
  }
  const matched = matchRoute(request.path);
  if (!matched) return errorReply(404, 'not_found', `No route for ${preview(request.path)}.`);
  if (request.method !== 'GET') {
    return errorReply(405, 'method_not_allowed', `${preview(request.method)} is not allowed here; use GET.`, {
      allow: 'GET',
    });
  }
  if (request.headers['cartesia-version'] !== CARTESIA_VERSION) {
    return badRequest(`The Cartesia-Version header is required and must be ${CARTESIA_VERSION}.`);
  }
  return matched.kind === 'list' ? listReply(request, context.store) : getReply(request, matched.rawId, context.store);
}

// ---------------------------------------------------------------------------
// Faults that produce a reply (the others act on the socket or the clock).

// Truncated mid-document: a parser must fail, not return partial data.
const MALFORMED_BODY = '{"data":[{"id":"pn_';

function statusFaultReply(fault: Extract<Fault, { kind: 'status' }>): Reply {
  const reason = http.STATUS_CODES[fault.status] ?? 'Injected fault';
  // Strings go out verbatim so a test can mimic e.g. a proxy's HTML error page.
  const body =
    fault.body === undefined
      ? JSON.stringify({
          error: reason.toLowerCase().replace(/[^a-z0-9]+/g, '_'),
          message: `Injected fault: HTTP ${fault.status}.`,
        })
      : typeof fault.body === 'string'
        ? fault.body
        : JSON.stringify(fault.body);
  return { status: fault.status, body, headers: fault.headers };
}

function driftReply(path: string, store: PhoneNumberStore): Reply {
  const base = store.records[0];
  // Missing `number` and an unknown provider type: two independent contract violations.
  const drifted = {
    id: base?.id ?? 'pn_drift',
    label: base?.label ?? null,
    agent: base?.agent ?? null,
    provider: { type: 'sip', id: 'sp_drift', uri: 'sip:demo@example.invalid' },
    created_at: base?.created_at ?? '2025-01-01T00:00:00Z',
    updated_at: base?.updated_at ?? '2025-01-01T00:00:00Z',
  };
  const body = path === LIST_PATH ? { data: [drifted], has_more: false } : drifted;
  return { status: 200, body: JSON.stringify(body) };
}

// ---------------------------------------------------------------------------
// The HTTP server.

/** Splits a request target into pathname and search, tolerating absolute-form targets and fragments. */
function splitTarget(target: string): { path: string; search: string } {
  const relative = target.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').replace(/#.*$/s, '');
  const queryAt = relative.indexOf('?');
  const path = queryAt === -1 ? relative : relative.slice(0, queryAt);
  return { path: path || '/', search: queryAt === -1 ? '' : relative.slice(queryAt + 1) };
}

function recordRequest(req: IncomingMessage): RecordedRequest {
  const { path, search } = splitTarget(req.url ?? '/');
  // URLSearchParams never throws on bad escapes; Object.fromEntries keeps the last value
  // and makes '__proto__' an ordinary key.
  const query = Object.fromEntries(new URLSearchParams(search));
  return { method: req.method ?? '', path, query, headers: { ...req.headers } };
}

function writeReply(res: ServerResponse, reply: Reply): void {
  if (res.destroyed || res.writableEnded) return;
  const noBody = reply.status === 204 || reply.status === 304;
  const body = Buffer.from(noBody ? '' : reply.body);
  res.writeHead(reply.status, {
    'content-type': 'application/json',
    ...(noBody ? {} : { 'content-length': String(body.length) }),
    ...reply.headers,
  });
  res.end(body);
}

function assertValidOptions(options: DemoUpstreamOptions): void {
  if (typeof options.apiKey !== 'string' || options.apiKey === '')
    throw new TypeError('apiKey must be a non-empty string');
  const latency = options.latencyMs ?? 0;
  if (!Number.isFinite(latency) || latency < 0) throw new RangeError(`latencyMs must be >= 0, got ${latency}`);
}

function formatUrl(address: AddressInfo): string {
  const host = address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

function listen(server: http.Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/**
 * Starts a Cartesia-compatible upstream serving `GET /agents/phone-numbers`
 * and `GET /agents/phone-numbers/{id}` over plain HTTP.
 *
 * Every request is recorded first, then checked against the fault rules,
 * then authenticated (exact `Authorization: Bearer <apiKey>`), routed
 * (404 / 405), version-checked (`Cartesia-Version: 2026-03-01`, else 400)
 * and validated (unknown or malformed query parameters are 400s).
 *
 * @throws if `records` violate the OpenAPI contract or repeat an id, or the port is taken
 */
export async function startDemoUpstream(options: DemoUpstreamOptions): Promise<DemoUpstream> {
  assertValidOptions(options);
  const store = new PhoneNumberStore(options.records ?? seedPhoneNumbers());
  const context: RouteContext = { apiKey: options.apiKey, store };
  const latencyMs = options.latencyMs ?? 0;
  const faults = new FaultInjector();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  /** Runs `fn` after `ms`, unless the response closes first (client abort or close()). */
  function later(res: ServerResponse, ms: number, fn: () => void): void {
    if (ms <= 0) return guarded(res, fn);
    const timer = setTimeout(() => {
      timers.delete(timer);
      guarded(res, fn);
    }, ms);
    timers.add(timer);
    res.once('close', () => {
      clearTimeout(timer);
      timers.delete(timer);
    });
  }

  /** A bug here (or a bad fault header) must cost one request, never the process. */
  function guarded(res: ServerResponse, fn: () => void): void {
    try {
      fn();
    } catch {
      if (!res.headersSent) writeReply(res, errorReply(500, 'internal_error', 'The demo upstream failed.'));
      else res.destroy();
    }
  }

  const respond = (res: ServerResponse, reply: Reply): void => later(res, latencyMs, () => writeReply(res, reply));

  function applyFault(fault: Fault, request: RecordedRequest, res: ServerResponse): void {
    switch (fault.kind) {
      case 'status':
        return respond(res, statusFaultReply(fault));
      case 'delay':
        return later(res, fault.ms, () => respond(res, route(request, context)));
      case 'hang':
        return; // the socket stays open until the client gives up or close() destroys it
      case 'reset':
        res.socket?.destroy();
        return;
      case 'malformed':
        return respond(res, { status: 200, body: MALFORMED_BODY });
      case 'drift':
        return respond(res, driftReply(request.path, store));
    }
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    // We never read bodies, but draining them keeps keep-alive sockets reusable.
    req.resume();
    const request = recordRequest(req);
    requests.push(request);
    const fault = faults.take(request);
    if (fault) return applyFault(fault, request, res);
    respond(res, route(request, context));
  }

  const server = http.createServer((req, res) => guarded(res, () => handle(req, res)));
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const address = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');

  let closing: Promise<void> | undefined;
  return {
    url: formatUrl(address),
    records: store.records,
    requests,
    faults,
    clearRequests: () => {
      requests.length = 0;
    },
    rotateApiKey: (apiKey: string) => {
      if (!apiKey) throw new TypeError('apiKey must be a non-empty string');
      context.apiKey = apiKey;
    },
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        timers.forEach(clearTimeout);
        timers.clear();
        // server.close() alone would wait for idle keep-alive and hanging requests.
        sockets.forEach((socket) => socket.destroy());
      });
      return closing;
    },
  };
}

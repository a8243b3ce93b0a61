// Starting and stopping the demo upstream: a strict, deterministic stand-in
// for Cartesia's phone-number API, served over real HTTP. Demo mode,
// integration tests and benchmarks point the gateway at it.
import type { AddressInfo } from 'node:net';
import type { PhoneNumberRecord } from '../cartesia/types';
import { buildApp } from './app';
import { BearerKey } from './auth';
import { seedPhoneNumbers } from './data';
import { FaultInjector } from './faults';
import { DEFAULT_REQUEST_LOG_SIZE, RequestLog, type RecordedRequest } from './request-log';
import { PhoneNumberStore } from './store';

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
  /** How many of the latest requests `requests` keeps; default 1000. */
  requestLogSize?: number;
}

/** A running demo upstream. */
export interface DemoUpstream {
  /** Base URL without trailing slash, e.g. 'http://127.0.0.1:41234'. */
  readonly url: string;
  /** The full data set in list order (newest first). */
  readonly records: readonly PhoneNumberRecord[];
  /** The latest requests received (up to `requestLogSize`), in arrival order, including faulted and rejected ones. */
  readonly requests: readonly RecordedRequest[];
  /** How many requests arrived since start, evicted and cleared ones included (e.g. to count calls in a benchmark). */
  readonly requestCount: number;
  readonly faults: FaultInjector;
  /** Forgets the recorded requests (`requestCount` keeps counting). */
  clearRequests(): void;
  /** Accepts only `apiKey` from now on (key rotation on the Cartesia side). */
  rotateApiKey(apiKey: string): void;
  /** Stops listening and destroys every open socket, hanging ones included. Idempotent. */
  close(): Promise<void>;
}

function assertValidLatency(latencyMs: number): void {
  if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new RangeError(`latencyMs must be >= 0, got ${latencyMs}`);
}

function formatUrl(address: AddressInfo): string {
  const host = address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/**
 * Starts a Cartesia-compatible upstream serving `GET /agents/phone-numbers`
 * and `GET /agents/phone-numbers/{id}` over plain HTTP.
 *
 * Every request is recorded first, then checked against the fault rules,
 * then authenticated (exact `Authorization: Bearer <apiKey>`: else 401),
 * routed (404 / 405) and validated against the OpenAPI file
 * (`Cartesia-Version`, unknown or malformed parameters: 400).
 *
 * @throws if `records` violate the OpenAPI contract or repeat an id, or the port is taken
 */
export async function startDemoUpstream(options: DemoUpstreamOptions): Promise<DemoUpstream> {
  const key = new BearerKey(options.apiKey);
  const latencyMs = options.latencyMs ?? 0;
  assertValidLatency(latencyMs);
  const log = new RequestLog(options.requestLogSize ?? DEFAULT_REQUEST_LOG_SIZE);
  const store = new PhoneNumberStore(options.records ?? seedPhoneNumbers());
  const faults = new FaultInjector();
  const app = buildApp({ store, faults, log, key, latencyMs });
  await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });

  let closing: Promise<void> | undefined;
  return {
    url: formatUrl(app.server.address() as AddressInfo),
    get records() {
      return store.records;
    },
    get requests() {
      return log.entries;
    },
    get requestCount() {
      return log.total;
    },
    faults,
    clearRequests: () => log.clear(),
    rotateApiKey: (apiKey: string) => key.rotate(apiKey),
    close: () => {
      closing ??= app.close();
      return closing;
    },
  };
}

// Starting and stopping the demo upstream: a strict, deterministic stand-in
// for Cartesia's phone-number and agent API, served over real HTTP. Demo
// mode, integration tests and benchmarks point the gateway at it.
import type { AddressInfo } from 'node:net';
import type {
  AgentSummaryRecord,
  PhoneNumberRecord,
  ProvisioningUsageRecord,
  TwilioProviderRecord,
} from '../cartesia/types';
import { DemoAccount, type ProvisioningAllowance } from './account';
import { buildApp } from './app';
import { BearerKey } from './auth';
import { seedCatalog, seedPhoneNumbers, writeDraws } from './data';
import { FaultInjector } from './faults';
import { DEFAULT_REQUEST_LOG_SIZE, RequestLog, type RecordedRequest } from './request-log';
import { PhoneNumberStore } from './store';
import { PhoneNumberWrites } from './writes';

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
  /** This month's provisioning allowance; default `{ limit: 10, used: 7 }` (3 left). */
  provisioning?: ProvisioningAllowance;
  /** The time writes stamp on created_at / updated_at, in epoch ms; default `Date.now`. */
  clock?: () => number;
}

/** A running demo upstream. */
export interface DemoUpstream {
  /** Base URL without trailing slash, e.g. 'http://127.0.0.1:41234'. */
  readonly url: string;
  /** The full data set in list order (newest first), as it is now (writes included). */
  readonly records: readonly PhoneNumberRecord[];
  /** Every agent of the account, in List Agents order; the agents the records reference are among them. */
  readonly agents: readonly AgentSummaryRecord[];
  /** The account's Twilio links (those the records use included). */
  readonly twilioProviders: readonly TwilioProviderRecord[];
  /**
   * Per Twilio provider id: the numbers Import accepts through that link that
   * no record used at start (5 per seeded link; links of one region share
   * their first number, so Update can move it between them).
   */
  readonly importableNumbers: ReadonlyMap<string, readonly string[]>;
  /** This month's provisioning, as GET /agents/phone-numbers/provision answers it now. */
  readonly provisioningUsage: ProvisioningUsageRecord;
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
 * Starts a Cartesia-compatible upstream serving every operation of
 * schema/cartesia-openapi.yaml over plain HTTP, in memory:
 *
 * - `GET /agents/phone-numbers` (filters, cursors) and `GET /agents/phone-numbers/{id}`;
 * - `POST /agents/phone-numbers` (Import: provider by id or Twilio account, else 404;
 *   agent unknown 404; number already stored 409; not held by that account 400; 201);
 * - `GET /agents/phone-numbers/provision` (usage) and `POST` (Provision: agent 404;
 *   no slot left 409; 201 with a new +1 number and no provider field);
 * - `PATCH /agents/phone-numbers/{id}` (number, agent or provider unknown 404;
 *   provider of another type or not holding the number 400; 200, updated_at
 *   moved only when something changed);
 * - `DELETE /agents/phone-numbers/{id}` (unknown 404; assigned 409; 204);
 * - `GET /agents` (every agent, not sorted by name).
 *
 * Every request is recorded first, then checked against the fault rules,
 * then authenticated (exact `Authorization: Bearer <apiKey>`: else 401),
 * routed (404 / 405) and validated against the OpenAPI file
 * (`Cartesia-Version`, unknown or malformed parameters or bodies: 400).
 * Faults marked `afterApply` fire last instead, replacing the answer.
 *
 * @throws if `records` violate the OpenAPI contract, repeat an id, or define a catalog agent or link
 *   differently; if `provisioning` is not sensible; or if the port is taken
 */
export async function startDemoUpstream(options: DemoUpstreamOptions): Promise<DemoUpstream> {
  const key = new BearerKey(options.apiKey);
  const latencyMs = options.latencyMs ?? 0;
  assertValidLatency(latencyMs);
  const log = new RequestLog(options.requestLogSize ?? DEFAULT_REQUEST_LOG_SIZE);
  const records = options.records ?? seedPhoneNumbers();
  const store = new PhoneNumberStore(records);
  const catalog = seedCatalog(undefined, new Set(records.map((record) => record.number)));
  const account = new DemoAccount(catalog, records, options.provisioning);
  const writes = new PhoneNumberWrites({ store, account, draws: writeDraws(), clock: options.clock ?? Date.now });
  const faults = new FaultInjector();
  const app = buildApp({ store, account, writes, faults, log, key, latencyMs });
  await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });

  let closing: Promise<void> | undefined;
  return {
    url: formatUrl(app.server.address() as AddressInfo),
    get records() {
      return store.records;
    },
    agents: account.agents,
    twilioProviders: account.twilioProviders,
    // A copy: the account keeps its own, so a test changing this one changes nothing served.
    importableNumbers: new Map(
      [...catalog.importableNumbers].map(([id, numbers]) => [id, Object.freeze([...numbers])]),
    ),
    get provisioningUsage() {
      return account.provisioningUsage;
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

import type { ApiKeySource } from './api-key';
import type { PayloadStore, WriteGenerations } from './shared-calls';

/** The client's settings, shaped as the config's upstream group so it is passed through as is. */
export interface UpstreamOptions {
  /** e.g. https://api.cartesia.ai; a path prefix is kept. */
  readonly baseUrl: string;
  /** Sent as `Cartesia-Version`. */
  readonly version: string;
  /** Budget for one attempt: connect, headers and body together. */
  readonly timeoutMs: number;
  readonly connectTimeoutMs: number;
  readonly headersTimeoutMs: number;
  /** Longest silence between body chunks. */
  readonly bodyTimeoutMs: number;
  /** Keep-alive sockets: at most this many attempts in flight. */
  readonly connections: number;
  /** Attempts allowed to wait for a free socket; one more is CartesiaOverloadedError. */
  readonly maxQueue: number;
  readonly retry: {
    /** Further attempts after the first; 0 turns retries off. */
    readonly retries: number;
    readonly baseDelayMs: number;
    readonly maxDelayMs: number;
    /** A longer `Retry-After` is not waited for. */
    readonly retryAfterMaxMs: number;
  };
  /** How long a validated phone-number or usage payload is shared; 0: not kept (still coalesced). */
  readonly cacheTtlMs: number;
  /** How long the agents list is shared between requests. */
  readonly agentsCacheTtlMs: number;
  readonly breaker: {
    /** Consecutive upstream failures that open the circuit. */
    readonly threshold: number;
    /** How long the open circuit answers without calling, before one trial call. */
    readonly cooldownMs: number;
  };
}

/** Where the client writes its lines (a pino logger fits). */
export interface UpstreamLog {
  debug(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

/** The client's collaborators. */
export interface UpstreamDeps {
  /** A fixed key, or a source that can change it at run time (key rotation). */
  readonly apiKey: string | ApiKeySource;
  /** Validated GET payloads reused between calls; none by default. */
  readonly cache?: PayloadStore;
  /** The write generation, shared by the fleet when it lives in Redis; this process's alone by default. */
  readonly generations?: WriteGenerations;
  readonly log?: UpstreamLog;
}

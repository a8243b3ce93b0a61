// Typed failures of the upstream client. Messages name the method and the
// path template, never the API key, query values or the upstream's body.

/**
 * Whether the failed request may have reached Cartesia. A write that failed
 * with `false` was provably not applied and may be sent again; with `true`
 * its outcome is unknown.
 */
export interface Delivery {
  readonly mayHaveReachedUpstream?: boolean;
}

/** Any failure to get a usable answer from Cartesia. */
export abstract class CartesiaError extends Error {
  abstract readonly code: string;
  /** False only when the request provably never left the gateway (refused, queue full, circuit open). */
  readonly mayHaveReachedUpstream: boolean;
  constructor(
    message: string,
    readonly operation: string,
    options?: { cause?: unknown } & Delivery,
  ) {
    super(`${operation}: ${message}`, options);
    this.mayHaveReachedUpstream = options?.mayHaveReachedUpstream ?? true;
  }
}

/** Cartesia answered with a non-success status. */
export class CartesiaHttpError extends CartesiaError {
  override readonly name = 'CartesiaHttpError';
  readonly code = 'CARTESIA_HTTP';
  constructor(
    operation: string,
    readonly status: number,
    /** Seconds from a `Retry-After` header, when one came with the answer. */
    readonly retryAfterSeconds?: number,
  ) {
    super(`upstream answered HTTP ${status}`, operation);
  }
}

/** No complete answer within the configured timeout. */
export class CartesiaTimeoutError extends CartesiaError {
  override readonly name = 'CartesiaTimeoutError';
  readonly code = 'CARTESIA_TIMEOUT';
  constructor(operation: string, timeoutMs: number, options?: { cause?: unknown; deadline?: boolean } & Delivery) {
    super(options?.deadline ? 'request deadline passed' : `no answer within ${timeoutMs} ms`, operation, options);
  }
}

/** The connection failed (refused, reset, DNS, TLS). */
export class CartesiaNetworkError extends CartesiaError {
  override readonly name = 'CartesiaNetworkError';
  readonly code = 'CARTESIA_NETWORK';
  constructor(operation: string, options?: { cause?: unknown } & Delivery) {
    super('connection to upstream failed', operation, options);
  }
}

/** The caller went away; the request was aborted on its behalf. */
export class CartesiaAbortedError extends CartesiaError {
  override readonly name = 'CartesiaAbortedError';
  readonly code = 'CARTESIA_ABORTED';
  constructor(operation: string, options?: { cause?: unknown } & Delivery) {
    super('request aborted by the caller', operation, options);
  }
}

/**
 * The request succeeded but the payload breaks the OpenAPI contract (not JSON,
 * or the wrong shape). Kept apart from transport failures: retrying won't help.
 */
export class CartesiaContractError extends CartesiaError {
  override readonly name = 'CartesiaContractError';
  readonly code = 'CARTESIA_CONTRACT';
  constructor(
    operation: string,
    readonly violation: string,
    options?: Delivery,
  ) {
    super(`payload violates the OpenAPI contract (${violation})`, operation, options);
  }
}

/**
 * Recent calls kept failing, so the circuit is open: the call was not made.
 * Answered at once instead of piling sockets up on a dead upstream.
 */
export class CartesiaCircuitOpenError extends CartesiaError {
  override readonly name = 'CartesiaCircuitOpenError';
  readonly code = 'CARTESIA_CIRCUIT_OPEN';
  constructor(operation: string) {
    super('circuit open after repeated failures; call not made', operation, { mayHaveReachedUpstream: false });
  }
}

/** Every upstream socket is busy and the wait queue is full: the call was not made. */
export class CartesiaOverloadedError extends CartesiaError {
  override readonly name = 'CartesiaOverloadedError';
  readonly code = 'CARTESIA_OVERLOADED';
  constructor(
    operation: string,
    readonly queued: number,
  ) {
    super(`upstream queue full (${queued} calls waiting); call not made`, operation, { mayHaveReachedUpstream: false });
  }
}

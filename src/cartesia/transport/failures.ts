// How a failed exchange becomes a typed CartesiaError, and whether the
// request may have reached Cartesia: a write needs to know whether its
// outcome is "not applied" or "unknown".
import { errors as undiciErrors } from 'undici';
import {
  CartesiaAbortedError,
  CartesiaError,
  CartesiaHttpError,
  CartesiaNetworkError,
  CartesiaTimeoutError,
} from '../errors';

/** Failures of connection setup: the socket never carried a byte of the request. */
const NOT_CONNECTED_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
]);

/** Why an attempt's own signal fired, as the transport saw it. */
export interface AbortCause {
  readonly timedOut: boolean;
  readonly callerAborted: boolean;
}

function neverConnected(error: unknown): boolean {
  if (error instanceof undiciErrors.ConnectTimeoutError) return true;
  const { code, syscall } = (error ?? {}) as { code?: unknown; syscall?: unknown };
  return (typeof code === 'string' && NOT_CONNECTED_CODES.has(code)) || syscall === 'connect';
}

function isUndiciTimeout(error: unknown): boolean {
  return (
    error instanceof undiciErrors.ConnectTimeoutError ||
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError
  );
}

/**
 * A transport failure (undici threw, or the attempt's signal fired) as a
 * CartesiaError. Anything but a failed connect may have reached Cartesia:
 * a reset or a timeout after the request was written says nothing about
 * whether it was applied.
 */
export function transportFailure(
  operation: string,
  error: unknown,
  abort: AbortCause,
  timeoutMs: number,
): CartesiaError {
  const mayHaveReachedUpstream = !neverConnected(error);
  if (abort.callerAborted) return new CartesiaAbortedError(operation, { cause: error, mayHaveReachedUpstream });
  if (abort.timedOut || isUndiciTimeout(error)) {
    return new CartesiaTimeoutError(operation, timeoutMs, { cause: error, mayHaveReachedUpstream });
  }
  return new CartesiaNetworkError(operation, { cause: error, mayHaveReachedUpstream });
}

/** Seconds from a `Retry-After` header (delta-seconds or an HTTP date); undefined when absent or unreadable. */
export function retryAfterSeconds(header: string | string[] | undefined, now = Date.now()): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** A non-success status as a CartesiaHttpError (it reached Cartesia by definition). */
export function statusFailure(
  operation: string,
  status: number,
  retryAfter: string | string[] | undefined,
): CartesiaHttpError {
  return new CartesiaHttpError(operation, status, retryAfterSeconds(retryAfter));
}

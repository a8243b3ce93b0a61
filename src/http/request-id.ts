import { randomUUID } from 'node:crypto';

/** The header that carries a request id in and out (and on to Cartesia). */
export const REQUEST_ID_HEADER = 'x-request-id';

// Ids from clients end up in logs and upstream headers: accept only plain
// tokens of sane length, so a header cannot inject log lines or huge values.
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's `X-Request-Id` when it is a plain token, else a new UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && ACCEPTABLE_ID.test(value) ? value : randomUUID();
}

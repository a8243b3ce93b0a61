// The registry of every `extensions.code` the gateway emits, GraphQL errors
// and HTTP-edge refusals alike (README lists them). Its own module, so the
// HTTP edge and the GraphQL layer share it without importing each other.

/** Every `extensions.code` the gateway emits (README lists them). */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UPSTREAM_AUTH_FAILED: 'UPSTREAM_AUTH_FAILED',
  UPSTREAM_NOT_FOUND: 'UPSTREAM_NOT_FOUND',
  UPSTREAM_BAD_REQUEST: 'UPSTREAM_BAD_REQUEST',
  UPSTREAM_RATE_LIMITED: 'UPSTREAM_RATE_LIMITED',
  UPSTREAM_ERROR: 'UPSTREAM_ERROR',
  UPSTREAM_TIMEOUT: 'UPSTREAM_TIMEOUT',
  UPSTREAM_UNAVAILABLE: 'UPSTREAM_UNAVAILABLE',
  UPSTREAM_BAD_RESPONSE: 'UPSTREAM_BAD_RESPONSE',
  CLIENT_CLOSED_REQUEST: 'CLIENT_CLOSED_REQUEST',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** Trusted-documents mode: the operation text is not in the manifest (HTTP 403). */
  PERSISTED_QUERY_NOT_ALLOWED: 'PERSISTED_QUERY_NOT_ALLOWED',
  /** Trusted-documents mode: no document has the requested id or hash (HTTP 404). */
  TRUSTED_DOCUMENT_NOT_FOUND: 'TRUSTED_DOCUMENT_NOT_FOUND',
  // Production hardening: upstream protection, operation limits, the HTTP edge.
  UPSTREAM_OVERLOADED: 'UPSTREAM_OVERLOADED',
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  TOO_MANY_ROOT_FIELDS: 'TOO_MANY_ROOT_FIELDS',
  TOO_MANY_DIRECTIVES: 'TOO_MANY_DIRECTIVES',
  UPSTREAM_BUDGET_EXCEEDED: 'UPSTREAM_BUDGET_EXCEEDED',
  REQUEST_TOO_LARGE: 'REQUEST_TOO_LARGE',
  BATCH_TOO_LARGE: 'BATCH_TOO_LARGE',
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  AUTH_UNAVAILABLE: 'AUTH_UNAVAILABLE',
  RATE_LIMITED: 'RATE_LIMITED',
  // Writes.
  /** The caller may not run mutations (no write token or scope; anonymous writes off in production). HTTP 403. */
  FORBIDDEN: 'FORBIDDEN',
  /** More mutation root fields than GRAPHQL_MAX_MUTATIONS in one operation. */
  TOO_MANY_MUTATIONS: 'TOO_MANY_MUTATIONS',
  /** The write may or may not have happened (timeout, or a reset after it was sent): read before retrying. */
  WRITE_OUTCOME_UNKNOWN: 'WRITE_OUTCOME_UNKNOWN',
  /** A request with the same idempotencyKey is still running; retry shortly to get its answer. */
  IDEMPOTENCY_KEY_IN_USE: 'IDEMPOTENCY_KEY_IN_USE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

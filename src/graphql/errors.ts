import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import {
  CartesiaAbortedError,
  CartesiaCircuitOpenError,
  CartesiaContractError,
  CartesiaError,
  CartesiaHttpError,
  CartesiaNetworkError,
  CartesiaOverloadedError,
  CartesiaTimeoutError,
} from '../cartesia/errors';
import { ErrorCode } from '../error-codes';

/** The frontend asked for something that cannot be served; the message says what to change. */
export class UserInputError extends Error {
  override readonly name = 'UserInputError';
  constructor(message: string, readonly argumentName?: string) {
    super(message);
  }
}


/** A refusal or failure of the gateway's own, with its code and a sentence that is safe to show. */
export class GatewayError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    httpStatus?: number,
  ) {
    super(message, { extensions: { code, ...(httpStatus ? { http: { status: httpStatus } } : {}) } });
  }
}

/** Codes of the limits an operation is checked against before anything runs. */
export type OperationLimitCode =
  | typeof ErrorCode.TOO_MANY_MUTATIONS
  | typeof ErrorCode.QUERY_TOO_DEEP
  | typeof ErrorCode.TOO_MANY_ALIASES
  | typeof ErrorCode.TOO_MANY_ROOT_FIELDS
  | typeof ErrorCode.TOO_MANY_DIRECTIVES
  | typeof ErrorCode.UPSTREAM_BUDGET_EXCEEDED;

/** The operation is too big or too expensive; reported during validation, so nothing ran. */
export class OperationLimitError extends GraphQLError {
  constructor(
    readonly code: OperationLimitCode,
    message: string,
  ) {
    super(message, { extensions: { code } });
  }
}

interface PublicError {
  code: ErrorCode;
  message: string;
  extensions?: Record<string, unknown>;
}

function fromHttpStatus(error: CartesiaHttpError): PublicError {
  const { status } = error;
  const upstreamStatus = { upstreamStatus: status };
  if (status === 401 || status === 403) {
    // Our key, not the frontend's credentials: an operator problem.
    return {
      code: ErrorCode.UPSTREAM_AUTH_FAILED,
      message: 'The gateway could not authenticate with Cartesia; an operator must check its API key.',
      extensions: upstreamStatus,
    };
  }
  if (status === 404) {
    return { code: ErrorCode.UPSTREAM_NOT_FOUND, message: 'Cartesia has no such resource.', extensions: upstreamStatus };
  }
  if (status === 400 || status === 422) {
    return {
      code: ErrorCode.UPSTREAM_BAD_REQUEST,
      message: 'Cartesia rejected the request; check the filter values and cursors (a cursor may point at a deleted number).',
      extensions: upstreamStatus,
    };
  }
  if (status === 429) {
    return {
      code: ErrorCode.UPSTREAM_RATE_LIMITED,
      message: 'Cartesia is rate limiting the gateway; retry later.',
      extensions: { ...upstreamStatus, retryAfterSeconds: error.retryAfterSeconds ?? null },
    };
  }
  return {
    code: ErrorCode.UPSTREAM_ERROR,
    message: `Cartesia failed to answer (HTTP ${status}); retry later.`,
    extensions: upstreamStatus,
  };
}

function fromCartesiaError(error: CartesiaError): PublicError {
  if (error instanceof CartesiaHttpError) return fromHttpStatus(error);
  if (error instanceof CartesiaTimeoutError) {
    return { code: ErrorCode.UPSTREAM_TIMEOUT, message: 'Cartesia did not answer in time; retry later.' };
  }
  if (error instanceof CartesiaNetworkError) {
    return { code: ErrorCode.UPSTREAM_UNAVAILABLE, message: 'Cartesia cannot be reached; retry later.' };
  }
  if (error instanceof CartesiaContractError) {
    return { code: ErrorCode.UPSTREAM_BAD_RESPONSE, message: 'Cartesia sent a response the gateway cannot use.' };
  }
  if (error instanceof CartesiaAbortedError) {
    return { code: ErrorCode.CLIENT_CLOSED_REQUEST, message: 'The request was cancelled.' };
  }
  if (error instanceof CartesiaCircuitOpenError) {
    return {
      code: ErrorCode.UPSTREAM_UNAVAILABLE,
      message: 'Cartesia is failing; the gateway pauses calls to it for a moment. Retry later.',
    };
  }
  if (error instanceof CartesiaOverloadedError) {
    return { code: ErrorCode.UPSTREAM_OVERLOADED, message: 'The gateway has too many Cartesia calls waiting; retry shortly.' };
  }
  return { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal server error.' };
}

/** Codes graphql-js and Apollo set themselves for malformed operations; their messages are safe and useful. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

function toPublicError(formatted: GraphQLFormattedError, error: unknown): PublicError {
  const original = unwrapResolverError(error);
  if (original instanceof UserInputError) {
    return {
      code: ErrorCode.BAD_USER_INPUT,
      message: original.message,
      extensions: original.argumentName ? { argumentName: original.argumentName } : undefined,
    };
  }
  if (original instanceof CartesiaError) return fromCartesiaError(original);
  const gateway = original instanceof GraphQLError && original.originalError instanceof GatewayError ? original.originalError : original;
  if (gateway instanceof GatewayError) return { code: gateway.code, message: gateway.message };
  // Apollo wraps validation errors; the limit that was hit is the original.
  const limit = original instanceof GraphQLError ? original.originalError : undefined;
  if (limit instanceof OperationLimitError) return { code: limit.code, message: limit.message };
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    return { code: code as ErrorCode, message: formatted.message, extensions: formatted.extensions };
  }
  if (original instanceof GraphQLError && !original.originalError && !original.path) {
    // Raised by graphql-js itself about the operation as a whole (e.g. a
    // mutation against a schema that has none): the request is at fault.
    return { code: ErrorCode.BAD_USER_INPUT, message: formatted.message };
  }
  return { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal server error.' };
}

/**
 * Apollo's formatError: the one place where internal errors become public
 * ones. Anything unknown is masked; no stack traces, upstream bodies or keys.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const { code, message, extensions } = toPublicError(formatted, error);
  const { stacktrace: _stacktrace, ...safeExtensions } = extensions ?? {};
  return {
    message,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { ...safeExtensions, code },
  };
}

/** The public code an error will be answered with (audit lines, metrics). */
export function errorCodeOf(error: unknown): ErrorCode {
  return toPublicError({ message: '' }, error).code;
}

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode } from '../error-codes';

/**
 * A request refused at the HTTP edge, before GraphQL runs (auth, rate limit,
 * body size, bad JSON). Answered in the GraphQL error shape with a stable
 * code and the request id, like every other error the gateway emits.
 */
export class EdgeError extends Error {
  override readonly name = 'EdgeError';
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The body of an edge refusal: `{ errors: [{ message, extensions: { code, requestId } }] }`. */
export function edgeErrorBody(error: EdgeError, requestId: string) {
  return { errors: [{ message: error.message, extensions: { ...error.extensions, code: error.code, requestId } }] };
}

// Fastify's own codes for bodies it refused to parse; its messages may quote input, ours don't.
function fromFastifyError(error: FastifyError, bodyLimit: number): EdgeError {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new EdgeError(413, ErrorCode.REQUEST_TOO_LARGE, `The request body is larger than ${bodyLimit} bytes.`, {
        limit: bodyLimit,
      });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new EdgeError(415, ErrorCode.BAD_REQUEST, 'Send operations as application/json.');
    default:
      break;
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const message =
      status === 400 ? 'The request body is not a valid GraphQL request (check the JSON).' : 'Bad request.';
    return new EdgeError(status, ErrorCode.BAD_REQUEST, message);
  }
  return new EdgeError(500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error.');
}

/** Writes an edge refusal (status, headers, GraphQL-shaped body). */
export function sendEdgeError(request: FastifyRequest, reply: FastifyReply, error: EdgeError): FastifyReply {
  request.stats?.errorCodes.push(error.code);
  if (request.stats) request.stats.outcome = 'rejected';
  return reply
    .code(error.statusCode)
    .headers(error.headers)
    .type('application/json; charset=utf-8')
    .send(edgeErrorBody(error, request.id));
}

/** Fastify's error handler: every error that escapes a route or hook ends up here, masked. */
export function edgeErrorHandler(bodyLimit: number) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const edge = error instanceof EdgeError ? error : fromFastifyError(error, bodyLimit);
    if (edge.statusCode >= 500) request.log.error({ err: error }, 'request failed at the HTTP edge');
    return sendEdgeError(request, reply, edge);
  };
}

import type { FastifyInstance } from 'fastify';

type ErrorBody = { errors?: Array<{ extensions?: Record<string, unknown> }>; requestId?: unknown };

/** The body with the request id added: into each GraphQL error's extensions, or beside Fastify's error fields. */
function withRequestId(body: ErrorBody, requestId: string): ErrorBody {
  if (Array.isArray(body.errors)) {
    return {
      ...body,
      errors: body.errors.map((error) => ({ ...error, extensions: { ...error.extensions, requestId } })),
    };
  }
  return { ...body, requestId };
}

/**
 * Puts the request id into error answers that never reach GraphQL execution
 * (Fastify's 400/404/413..., Apollo's HTTP-level BAD_REQUEST, CSRF blocks), so
 * every error body quotes it, not only the `X-Request-Id` header. Errors from
 * execution already carry it (graphql/plugins/request-id-in-errors.ts).
 */
export function requestIdInErrorBodies(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode < 400 || typeof payload !== 'string') return payload;
    if (!String(reply.getHeader('content-type') ?? '').includes('json')) return payload;
    let body: unknown;
    try {
      body = JSON.parse(payload);
    } catch {
      return payload;
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return payload;
    return JSON.stringify(withRequestId(body as ErrorBody, request.id));
  });
}

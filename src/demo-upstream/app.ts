// The demo upstream's HTTP side: a Fastify app serving the OpenAPI
// operations it implements, with faults, auth and the request log in front.
// Order per request: record, fault, auth, route (404), method (405), then
// the OpenAPI validation (Cartesia-Version, parameters: 400) and the handler.
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { operations } from '../__generated__/cartesia-openapi';
import type { PhoneNumberListQuery } from '../cartesia/types';
import { UNAUTHORIZED_MESSAGE, type BearerKey } from './auth';
import { MALFORMED_BODY, driftBody, statusFaultBody, type Fault, type FaultInjector } from './faults';
import type { RecordedRequest, RequestLog } from './request-log';
import type { PhoneNumberStore } from './store';
import { compileRequestValidator, openApiRoute, preview } from './validation';

/** What the app serves and consults; owned by the caller (server.ts), shared by reference. */
export interface AppContext {
  store: PhoneNumberStore;
  faults: FaultInjector;
  log: RequestLog;
  key: BearerKey;
  /** Added to every response; 0 for none. */
  latencyMs: number;
}

type Next = () => void;
type GetParams = operations['phone_numbers_get']['parameters']['path'];

/** Strips an absolute-form target's scheme and authority, and any fragment: routing sees path and query only. */
function originForm(url = '/'): string {
  const relative = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').replace(/#.*$/s, '');
  return relative === '' || relative.startsWith('?') ? `/${relative}` : relative;
}

/** Never throws on bad escapes; the last value wins; '__proto__' becomes an ordinary key. */
const parseQuery = (search: string): Record<string, string> => Object.fromEntries(new URLSearchParams(search));

function recordOf(request: FastifyRequest): RecordedRequest {
  const at = request.url.indexOf('?');
  const path = at === -1 ? request.url : request.url.slice(0, at);
  // Fastify leaves `query` null on requests it could not route (bad URLs).
  const query =
    (request.query as Record<string, string> | null) ?? parseQuery(at === -1 ? '' : request.url.slice(at + 1));
  return { method: request.method, path, query, headers: { ...request.headers } };
}

function sendJson(reply: FastifyReply, status: number, body: string, headers?: Record<string, string>): void {
  reply.code(status).header('content-type', 'application/json');
  if (headers) reply.headers(headers);
  // A Buffer, because Fastify appends '; charset=utf-8' to JSON sent as a string, and Cartesia sends none.
  void reply.send(Buffer.from(body));
}

/** Error bodies as the OpenAPI file has them: an object with a human-readable "error" string. */
function sendError(reply: FastifyReply, status: number, message: string, headers?: Record<string, string>): void {
  sendJson(reply, status, JSON.stringify({ error: message }), headers);
}

/** Runs `fn` after `ms`, unless the response closes first (client abort, or close() destroying the socket). */
function afterDelay(reply: FastifyReply, ms: number, fn: () => void): void {
  const timer = setTimeout(() => {
    // A bug past this point must cost one request (a 500), never the process.
    try {
      fn();
    } catch (error) {
      void reply.send(error);
    }
  }, ms);
  reply.raw.once('close', () => clearTimeout(timer));
}

function notFound(request: FastifyRequest, reply: FastifyReply): void {
  sendError(reply, 404, `No route for ${preview(request.url.split('?')[0])}.`);
}

/** Drains a body nobody reads (405s, 404s, GETs with a body), so the keep-alive socket stays usable. */
function drainBody(
  _request: FastifyRequest,
  payload: NodeJS.ReadableStream,
  done: (error: Error | null) => void,
): void {
  payload.on('error', done);
  payload.on('end', () => done(null));
  payload.resume();
}

/** The implemented operations, as Fastify routes; returns the methods served per url (for 405's Allow). */
function registerOperations(app: FastifyInstance, { store }: AppContext): Map<string, string[]> {
  const list = openApiRoute('phone_numbers_list');
  const get = openApiRoute('phone_numbers_get');
  app.route<{ Querystring: PhoneNumberListQuery }>({
    ...list,
    handler: (request, reply) => {
      const result = store.list(request.query);
      if (!result.ok) return sendError(reply, 400, result.error);
      sendJson(reply, 200, result.json);
    },
  });
  app.route<{ Params: GetParams }>({
    ...get,
    handler: (request, reply) => {
      const json = store.get(request.params.id);
      if (json === undefined) return sendError(reply, 404, `Phone number ${preview(request.params.id)} not found.`);
      sendJson(reply, 200, json);
    },
  });
  const served = new Map<string, string[]>();
  for (const { url, method } of [list, get]) served.set(url, [...(served.get(url) ?? []), String(method)]);
  return served;
}

/** Every other method on a served url is a 405 naming the allowed ones, answered before any body is parsed. */
function registerMethodNotAllowed(app: FastifyInstance, served: Map<string, string[]>): void {
  for (const [url, allowed] of served) {
    const answer = (request: FastifyRequest, reply: FastifyReply): void =>
      sendError(reply, 405, `${preview(request.method)} is not allowed here; use ${allowed.join(', ')}.`, {
        allow: allowed.join(', '),
      });
    app.route({
      method: app.supportedMethods.filter((method) => !allowed.includes(method)),
      url,
      // Route-level onRequest runs after the global one (faults, auth) and before body parsing.
      onRequest: (request, reply) => answer(request, reply),
      handler: answer,
    });
  }
}

/** Record, fault, auth: the global onRequest hook, also run for requests Fastify cannot route. */
function gate(context: AppContext): (request: FastifyRequest, reply: FastifyReply, next: Next) => void {
  const { log, faults, key, store } = context;
  const listUrl = openApiRoute('phone_numbers_list').url;

  function authorize(request: FastifyRequest, reply: FastifyReply, next: Next): void {
    if (key.accepts(request.headers.authorization)) return next();
    sendError(reply, 401, UNAUTHORIZED_MESSAGE, { 'www-authenticate': 'Bearer' });
  }

  function applyFault(fault: Fault, request: FastifyRequest, reply: FastifyReply, next: Next, path: string): void {
    switch (fault.kind) {
      case 'status':
        return sendJson(reply, fault.status, statusFaultBody(fault), fault.headers);
      case 'delay':
        return afterDelay(reply, fault.ms, () => authorize(request, reply, next));
      case 'hang':
        return; // the socket stays open until the client gives up or close() destroys it
      case 'reset':
        request.raw.socket.destroy();
        return;
      case 'malformed':
        return sendJson(reply, 200, MALFORMED_BODY);
      case 'drift':
        return sendJson(reply, 200, driftBody(path === listUrl, store.records[0]));
    }
  }

  return (request, reply, next) => {
    const recorded = recordOf(request);
    log.record(recorded);
    const fault = faults.take(recorded);
    if (fault) return applyFault(fault, request, reply, next, recorded.path);
    authorize(request, reply, next);
  };
}

/** The demo upstream as a Fastify app (not listening yet). */
export function buildApp(context: AppContext): FastifyInstance {
  const admit = gate(context);
  const app = Fastify({
    // Benchmarks use this server as their upstream: no per-request logging.
    logger: false,
    // close() must not wait for hanging or keep-alive requests.
    forceCloseConnections: true,
    // HEAD is not in the contract: a 405 like any other method.
    exposeHeadRoutes: false,
    rewriteUrl: (req) => originForm(req.url),
    routerOptions: {
      querystringParser: parseQuery,
      // Ids are opaque: an over-long one is a 404, not Fastify's 414.
      maxParamLength: 2048,
    },
    // Malformed percent-encoding or an over-long id: no such record, once faults and auth had their say.
    frameworkErrors: (_error, request, reply) => admit(request, reply, () => notFound(request, reply)),
  });
  app.setValidatorCompiler(compileRequestValidator);
  app.addContentTypeParser('*', drainBody);
  app.addHook('onRequest', admit);
  if (context.latencyMs > 0) {
    app.addHook('onSend', (_request, reply, payload, done) =>
      afterDelay(reply, context.latencyMs, () => done(null, payload)),
    );
  }
  registerMethodNotAllowed(app, registerOperations(app, context));
  app.setNotFoundHandler(notFound);
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = error.statusCode ?? 500;
    // Client errors (validation, Fastify's 413/415...) say why; anything else is our bug and says nothing.
    if (status >= 400 && status < 500) return sendError(reply, status, error.message);
    sendError(reply, 500, 'The demo upstream failed.');
  });
  return app;
}

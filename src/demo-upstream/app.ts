// The demo upstream's HTTP side: a Fastify app serving every operation of the
// OpenAPI file, with faults, auth and the request log in front.
// Order per request: record, fault, auth, route (404), method (405), body
// (recorded), the OpenAPI validation (Cartesia-Version, parameters, body:
// 400) and the handler; faults marked afterApply replace the answer last.
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { operations } from '../__generated__/cartesia-openapi';
import type {
  AgentListRecord,
  ImportPhoneNumberBody,
  PhoneNumberListQuery,
  ProvisionPhoneNumberBody,
  UpdatePhoneNumberBody,
} from '../cartesia/types';
import type { DemoAccount } from './account';
import { UNAUTHORIZED_MESSAGE, type BearerKey } from './auth';
import { MALFORMED_BODY, driftBody, statusFaultBody, type Fault, type FaultInjector } from './faults';
import type { RecordedRequest, RequestLog } from './request-log';
import type { PhoneNumberStore } from './store';
import { MISSING_BODY, compileRequestValidator, openApiRoute, preview, type OperationId } from './validation';
import type { PhoneNumberWrites, WriteOutcome } from './writes';

/** What the app serves and consults; owned by the caller (server.ts), shared by reference. */
export interface AppContext {
  store: PhoneNumberStore;
  account: DemoAccount;
  writes: PhoneNumberWrites;
  faults: FaultInjector;
  log: RequestLog;
  key: BearerKey;
  /** Added to every response; 0 for none. */
  latencyMs: number;
}

type Next = () => void;
type Handler = (request: FastifyRequest, reply: FastifyReply) => void;
type IdParams = operations['phone_numbers_get']['parameters']['path'];

/** What happens to a request on its way, keyed by Fastify's per-request object. */
interface RequestState {
  recorded: RecordedRequest;
  /** A fault that replaces the answer once the request was handled. */
  afterApply?: Fault;
}

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

function sendOutcome<T>(reply: FastifyReply, outcome: WriteOutcome<T>): void {
  if (!outcome.ok) return sendError(reply, outcome.status, outcome.error);
  if (outcome.body === undefined) return void reply.code(outcome.status).send();
  sendJson(reply, outcome.status, JSON.stringify(outcome.body));
}

/** One handler per operation of the OpenAPI file: a new operation there breaks the build here until it is served. */
function operationHandlers({ store, account, writes }: AppContext): Record<OperationId, Handler> {
  // Bodies and parameters are typed by the schemas Fastify validated them against before the handler runs.
  const id = (request: FastifyRequest): string => (request.params as IdParams).id;
  return {
    phone_numbers_list: (request, reply) => {
      const result = store.list(request.query as PhoneNumberListQuery);
      if (!result.ok) return sendError(reply, 400, result.error);
      sendJson(reply, 200, result.json);
    },
    phone_numbers_get: (request, reply) => {
      const json = store.get(id(request));
      if (json === undefined) return sendError(reply, 404, `Phone number ${preview(id(request))} not found.`);
      sendJson(reply, 200, json);
    },
    agents_list: (_request, reply) => {
      const body: AgentListRecord = { summaries: account.agents };
      sendJson(reply, 200, JSON.stringify(body));
    },
    phone_numbers_provisioning_usage: (_request, reply) =>
      sendJson(reply, 200, JSON.stringify(account.provisioningUsage)),
    phone_numbers_import: (request, reply) =>
      sendOutcome(reply, writes.importNumber(request.body as ImportPhoneNumberBody)),
    phone_numbers_provision: (request, reply) =>
      sendOutcome(reply, writes.provisionNumber(request.body as ProvisionPhoneNumberBody)),
    phone_numbers_update: (request, reply) =>
      sendOutcome(reply, writes.updateNumber(id(request), request.body as UpdatePhoneNumberBody)),
    phone_numbers_delete: (request, reply) => sendOutcome(reply, writes.deleteNumber(id(request))),
  };
}

/** Every operation as a Fastify route; returns the methods served per url (for 405's Allow). */
function registerOperations(app: FastifyInstance, context: AppContext): Map<string, string[]> {
  const served = new Map<string, string[]>();
  for (const [operationId, handler] of Object.entries(operationHandlers(context))) {
    const route = openApiRoute(operationId as OperationId);
    app.route({ ...route, handler });
    served.set(route.url, [...(served.get(route.url) ?? []), String(route.method)]);
  }
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

/** What a status, malformed or drift fault answers in place of the real answer. */
interface SubstituteAnswer {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/** How a fault's effect reaches the client, wherever it fires. */
interface FaultEffects {
  /** Answer this instead. */
  substitute: (answer: SubstituteAnswer) => void;
  /** Carry on as without the fault (after a delay). */
  proceed: Next;
}

/** Enacts a fault; the same for faults firing on arrival and those replacing an answer (afterApply). */
function enactFault(
  fault: Fault,
  request: FastifyRequest,
  reply: FastifyReply,
  effects: FaultEffects,
  store: PhoneNumberStore,
): void {
  switch (fault.kind) {
    case 'status':
      return effects.substitute({ status: fault.status, body: statusFaultBody(fault), headers: fault.headers });
    case 'malformed':
      return effects.substitute({ status: 200, body: MALFORMED_BODY });
    case 'drift': {
      const isList = request.url.split('?')[0] === openApiRoute('phone_numbers_list').url;
      return effects.substitute({ status: 200, body: driftBody(isList, store.records[0]) });
    }
    case 'delay':
      return afterDelay(reply, fault.ms, effects.proceed);
    case 'hang':
      return; // the socket stays open until the client gives up or close() destroys it
    case 'reset':
      request.raw.socket.destroy();
      return;
  }
}

/** Record, fault, auth: the global onRequest hook, also run for requests Fastify cannot route. */
function gate(
  context: AppContext,
  states: WeakMap<FastifyRequest, RequestState>,
): (request: FastifyRequest, reply: FastifyReply, next: Next) => void {
  const { log, faults, key, store } = context;

  function authorize(request: FastifyRequest, reply: FastifyReply, next: Next): void {
    if (key.accepts(request.headers.authorization)) return next();
    sendError(reply, 401, UNAUTHORIZED_MESSAGE, { 'www-authenticate': 'Bearer' });
  }

  return (request, reply, next) => {
    const recorded = recordOf(request);
    log.record(recorded);
    const fault = faults.take(recorded);
    states.set(request, { recorded, afterApply: fault?.afterApply ? fault : undefined });
    if (!fault || fault.afterApply) return authorize(request, reply, next);
    enactFault(
      fault,
      request,
      reply,
      {
        substitute: (answer) => sendJson(reply, answer.status, answer.body, answer.headers),
        proceed: () => authorize(request, reply, next),
      },
      store,
    );
  };
}

/** The onSend hook for afterApply faults: the request was handled, its answer is replaced (or lost). */
function replaceAnswers(context: AppContext, states: WeakMap<FastifyRequest, RequestState>) {
  return (
    request: FastifyRequest,
    reply: FastifyReply,
    payload: unknown,
    done: (error: null, payload: unknown) => void,
  ): void => {
    const state = states.get(request);
    const fault = state?.afterApply;
    if (!state || !fault) return done(null, payload);
    state.afterApply = undefined; // once: an error answer sent instead must not be replaced again
    enactFault(
      fault,
      request,
      reply,
      {
        substitute: (answer) => {
          // Nothing of the lost answer survives (e.g. an Allow or www-authenticate header).
          Object.keys(reply.getHeaders()).forEach((name) => reply.removeHeader(name));
          reply.code(answer.status).header('content-type', 'application/json');
          if (answer.headers) reply.headers(answer.headers);
          done(null, Buffer.from(answer.body));
        },
        proceed: () => done(null, payload),
      },
      context.store,
    );
  };
}

/** The demo upstream as a Fastify app (not listening yet). */
export function buildApp(context: AppContext): FastifyInstance {
  const states = new WeakMap<FastifyRequest, RequestState>();
  const admit = gate(context, states);
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
  // JSON only, as the OpenAPI file has it: a text body is drained unread like any other type.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('*', drainBody);
  app.addHook('onRequest', admit);
  app.addHook('preValidation', (request, reply, done) => {
    // After parsing, before validation: a test sees what was sent, valid or not.
    const recorded = states.get(request)?.recorded;
    if (recorded && request.body !== undefined) recorded.body = request.body;
    // Fastify validates a missing body as null, and "must be object" would not say what to do.
    if (request.body === undefined && request.routeOptions.schema?.body) return sendError(reply, 400, MISSING_BODY);
    done();
  });
  app.addHook('onSend', replaceAnswers(context, states));
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

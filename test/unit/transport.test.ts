import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errors as undiciErrors } from 'undici';
import {
  CartesiaAbortedError,
  CartesiaHttpError,
  CartesiaNetworkError,
  CartesiaOverloadedError,
  CartesiaTimeoutError,
} from '../../src/cartesia/errors';
import { transportFailure } from '../../src/cartesia/transport/failures';
import { Transport, type AttemptRequest, type TransportOptions } from '../../src/cartesia/transport/transport';
import { pollUntil } from '../helpers/wait';

// One attempt against a real server on loopback; each test says how it answers.

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

let server: Server;
let baseUrl: string;
let handler: Handler;
const seen: Array<{ method?: string; url?: string; headers: IncomingMessage['headers']; body: string }> = [];
const transports: Transport[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      seen.push({ method: request.method, url: request.url, headers: request.headers, body });
      handler(request, body, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  seen.length = 0;
});
afterEach(async () => {
  await Promise.all(transports.splice(0).map((t) => t.close(true)));
  server.closeAllConnections();
});

function transport(overrides: Partial<TransportOptions> = {}): Transport {
  const created = new Transport({
    baseUrl,
    version: '2026-03-01',
    connectTimeoutMs: 1_000,
    headersTimeoutMs: 5_000,
    bodyTimeoutMs: 5_000,
    connections: 4,
    maxQueue: 4,
    ...overrides,
  });
  transports.push(created);
  return created;
}

const request = (overrides: Partial<AttemptRequest> = {}): AttemptRequest => ({
  operation: 'GET /things',
  method: 'GET',
  path: '/things?limit=1',
  apiKey: 'sk_test',
  timeoutMs: 5_000,
  ...overrides,
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Handler => {
  return (_request, _body, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
};

describe('Transport', () => {
  it('sends method, path below the base URL, key, version and extra headers; parses the JSON answer', async () => {
    handler = json(200, { ok: true });
    const answer = await transport().send(request({ headers: { 'x-request-id': 'r1' } }));
    expect(answer).toEqual({ status: 200, body: { ok: true }, bytes: 11 });
    expect(seen[0]).toMatchObject({
      method: 'GET',
      url: '/v1/things?limit=1',
      headers: { authorization: 'Bearer sk_test', 'cartesia-version': '2026-03-01', 'x-request-id': 'r1' },
    });
    expect(seen[0]!.headers).not.toHaveProperty('content-type');
  });

  it('sends a JSON body with its content type for writes', async () => {
    handler = json(201, { id: 'pn_1' });
    const answer = await transport().send(request({ method: 'POST', body: { number: '+1415' } }));
    expect(answer.body).toEqual({ id: 'pn_1' });
    expect(seen[0]).toMatchObject({ method: 'POST', body: '{"number":"+1415"}' });
    expect(seen[0]!.headers['content-type']).toBe('application/json');
  });

  it('answers 404 and 204 without a body', async () => {
    handler = json(404, { error: 'nope' });
    await expect(transport().send(request())).resolves.toEqual({ status: 404, body: undefined, bytes: 0 });
    handler = (_request, _body, response) => response.writeHead(204).end();
    await expect(transport().send(request({ method: 'DELETE' }))).resolves.toMatchObject({ status: 204 });
  });

  it('turns another status into CartesiaHttpError with Retry-After, which reached Cartesia', async () => {
    handler = json(503, { error: 'busy' }, { 'retry-after': '2' });
    const error = await transport()
      .send(request())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CartesiaHttpError);
    expect(error).toMatchObject({ status: 503, retryAfterSeconds: 2, mayHaveReachedUpstream: true });
  });

  it('a refused connection was not sent', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await transport({ baseUrl: `http://127.0.0.1:${port}` })
      .send(request())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CartesiaNetworkError);
    expect(error).toMatchObject({ mayHaveReachedUpstream: false });
  });

  it('a connection reset after the request was read may have reached Cartesia', async () => {
    handler = (incoming) => incoming.socket.destroy();
    const error = await transport()
      .send(request({ method: 'POST', body: {} }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CartesiaNetworkError);
    expect(error).toMatchObject({ mayHaveReachedUpstream: true });
  });

  it("undici's headers timeout and the attempt's budget are timeouts that may have reached Cartesia", async () => {
    handler = () => undefined; // never answers
    const headers = await transport({ headersTimeoutMs: 50 })
      .send(request())
      .catch((e: unknown) => e);
    expect(headers).toBeInstanceOf(CartesiaTimeoutError);
    expect(headers).toMatchObject({ mayHaveReachedUpstream: true });
    const budget = await transport()
      .send(request({ timeoutMs: 50 }))
      .catch((e: unknown) => e);
    expect(budget).toBeInstanceOf(CartesiaTimeoutError);
    expect(budget).toMatchObject({ message: 'GET /things: no answer within 50 ms', mayHaveReachedUpstream: true });
  });

  it("the caller's abort is CartesiaAbortedError", async () => {
    handler = () => undefined;
    const controller = new AbortController();
    const pending = transport().send(request({ signal: controller.signal }));
    await pollUntil(() => seen.length === 1, 'the request to arrive');
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(CartesiaAbortedError);
  });

  it('refuses an attempt beyond sockets + queue, as not sent', async () => {
    handler = () => undefined;
    const small = transport({ connections: 1, maxQueue: 1 });
    const controller = new AbortController();
    const held = [
      small.send(request({ signal: controller.signal })),
      small.send(request({ signal: controller.signal })),
    ];
    const refused = await small.send(request()).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CartesiaOverloadedError);
    expect(refused).toMatchObject({ queued: 1, mayHaveReachedUpstream: false });
    controller.abort();
    await Promise.allSettled(held);
  });
});

describe('transportFailure', () => {
  const notAborted = { timedOut: false, callerAborted: false };

  it("a connect timeout (undici's, which a loopback server cannot produce) was not sent", () => {
    const error = transportFailure('GET /x', new undiciErrors.ConnectTimeoutError(), notAborted, 100);
    expect(error).toBeInstanceOf(CartesiaTimeoutError);
    expect(error.mayHaveReachedUpstream).toBe(false);
  });

  it('a body timeout or a socket error after the write may have reached Cartesia', () => {
    const body = transportFailure('GET /x', new undiciErrors.BodyTimeoutError(), notAborted, 100);
    expect(body).toBeInstanceOf(CartesiaTimeoutError);
    expect(body.mayHaveReachedUpstream).toBe(true);
    const socket = transportFailure('GET /x', new undiciErrors.SocketError('other side closed'), notAborted, 100);
    expect(socket).toBeInstanceOf(CartesiaNetworkError);
    expect(socket.mayHaveReachedUpstream).toBe(true);
  });

  it('DNS failures were not sent', () => {
    const dns = Object.assign(new Error('getaddrinfo ENOTFOUND x'), { code: 'ENOTFOUND', syscall: 'getaddrinfo' });
    expect(transportFailure('GET /x', dns, notAborted, 100).mayHaveReachedUpstream).toBe(false);
  });
});

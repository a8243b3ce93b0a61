// Benchmark child: the floor a gateway is compared with. A minimal proxy that
// holds the key and turns each request into exactly one upstream request of
// the same method and path (a write's body streamed along), streaming the
// answer back: no GraphQL, no validation, no logging.
// Env: BENCH_UPSTREAM_URL, BENCH_API_KEY, BENCH_CARTESIA_VERSION.
import http from 'node:http';
import { pipeline } from 'node:stream/promises';
import { Pool } from 'undici';

async function main(): Promise<void> {
  const pool = new Pool(process.env.BENCH_UPSTREAM_URL!, { keepAliveTimeout: 30_000 });
  const headers = {
    authorization: `Bearer ${process.env.BENCH_API_KEY}`,
    'cartesia-version': process.env.BENCH_CARTESIA_VERSION!,
    accept: 'application/json',
  };
  const server = http.createServer((req, res) => {
    // GETs exactly as before the write case existed: no body, no content-type.
    const write = req.method !== 'GET' && req.method !== 'HEAD';
    pool
      .request({
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: write ? { ...headers, 'content-type': req.headers['content-type'] ?? 'application/json' } : headers,
        body: write ? req : undefined,
      })
      .then(({ statusCode, body }) => {
        res.writeHead(statusCode, { 'content-type': 'application/json' });
        return pipeline(body, res);
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  process.once('SIGTERM', () => {
    server.closeAllConnections();
    server.close(() => void pool.close().then(() => process.exit(0)));
  });
  process.once('disconnect', () => process.exit(0));
  process.send!({ type: 'ready', url: `http://127.0.0.1:${port}` });
}

void main();

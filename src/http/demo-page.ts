import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The demo page's files: plain HTML, CSS and JS, served as they are (no build step). */
export const DEMO_PAGE_DIR = path.resolve(__dirname, '../../public');

// The page loads only its own files and talks only to this origin's /graphql;
// the policy makes the browser enforce that (and blocks inline script).
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Serves the demo page at `GET /` (development only: see config.demoPage). */
export async function registerDemoPage(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, {
    root: DEMO_PAGE_DIR,
    // One route per file found at start instead of a catch-all, so unknown
    // paths stay plain 404s and nothing else under `/` is shadowed.
    wildcard: false,
    cacheControl: false,
    setHeaders: (response) => {
      response.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
      response.setHeader('cache-control', 'no-cache');
      response.setHeader('x-content-type-options', 'nosniff');
    },
  });
}

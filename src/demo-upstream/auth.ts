// Who may call the demo upstream. The Cartesia-Version check is not here: it
// is a header parameter of every operation, so the OpenAPI validation
// (validation.ts) enforces it like any other parameter.
import { timingSafeEqual } from 'node:crypto';
import type { components } from '../__generated__/cartesia-openapi';

/** The only `Cartesia-Version` the OpenAPI enum allows (typed from it, so a schema bump breaks the build here). */
export const CARTESIA_VERSION: components['parameters']['CartesiaVersionHeader'] = '2026-03-01';

/** Told to clients that send no or a wrong key; never echoes the presented key (it may be a real one sent astray). */
export const UNAUTHORIZED_MESSAGE = 'Missing or invalid API key; send "Authorization: Bearer <key>".';

/** The exact Authorization header value that `apiKey` stands for. */
function bearerHeader(apiKey: unknown): Buffer {
  if (typeof apiKey !== 'string' || apiKey === '') throw new TypeError('apiKey must be a non-empty string');
  return Buffer.from(`Bearer ${apiKey}`);
}

/** The one Bearer key accepted, replaceable at runtime (key rotation on the Cartesia side). */
export class BearerKey {
  private expected: Buffer;

  constructor(apiKey: string) {
    this.expected = bearerHeader(apiKey);
  }

  rotate(apiKey: string): void {
    this.expected = bearerHeader(apiKey);
  }

  /** Exactly `Bearer <key>`: no other scheme, casing, prefix or suffix. */
  accepts(authorization: string | string[] | undefined): boolean {
    if (typeof authorization !== 'string') return false;
    const presented = Buffer.from(authorization);
    // Constant-time compare: a demo server, but tests copy patterns from here.
    return presented.length === this.expected.length && timingSafeEqual(presented, this.expected);
  }
}

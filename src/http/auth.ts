import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import { ErrorCode } from '../error-codes';
import { EdgeError } from './edge-errors';

/** How the gateway authenticates its own clients (not Cartesia). */
export type AuthOptions =
  | { readonly mode: 'none' }
  /** Only SHA-256 digests are kept, so tokens compare in constant time and sit in memory hashed. */
  | { readonly mode: 'static'; readonly tokenSha256: readonly string[] }
  | {
      readonly mode: 'jwt';
      readonly jwksUrl: string;
      readonly issuer: string;
      readonly audience: string;
      readonly algorithms: readonly string[];
    };

const SHA256_ENTRY = /^sha256:([0-9a-f]{64})$/i;

/** Static tokens as SHA-256 hex digests: `sha256:<hex>` entries are taken as given, others hashed here. */
export function staticTokenDigests(tokens: readonly string[]): string[] {
  return tokens.map((token) => {
    const digest = SHA256_ENTRY.exec(token)?.[1];
    return digest ? digest.toLowerCase() : createHash('sha256').update(token).digest('hex');
  });
}

/** Resolves who is calling from the Authorization header; throws EdgeError (401/503) when it can't. */
export type Authenticator = (authorization: string | undefined) => Promise<string | undefined>;

const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i;
const CHALLENGE = { 'www-authenticate': 'Bearer realm="phone-numbers-gateway"' };

function unauthenticated(message: string): EdgeError {
  return new EdgeError(401, ErrorCode.UNAUTHENTICATED, message, {}, CHALLENGE);
}

function bearerToken(authorization: string | undefined): string {
  const token = authorization ? BEARER.exec(authorization)?.[1] : undefined;
  if (!token) throw unauthenticated('Send "Authorization: Bearer <token>" to use this API.');
  return token;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest();

/**
 * Static tokens: only SHA-256 digests are held, and the presented token's
 * digest is compared with each in constant time (equal lengths by
 * construction), so neither timing nor a heap dump gives a token away.
 */
function staticTokens(digestsHex: readonly string[]): Authenticator {
  const digests = digestsHex.map((hex) => Buffer.from(hex, 'hex'));
  return async (authorization) => {
    const presented = sha256(bearerToken(authorization));
    // No early exit: every digest is compared whatever matched.
    let matched = false;
    for (const digest of digests) matched = timingSafeEqual(presented, digest) || matched;
    if (!matched) throw unauthenticated('The access token is not valid.');
    return `token:${presented.toString('hex').slice(0, 12)}`;
  };
}

/** Errors that mean the key set could not be had, not that the token is bad. */
function isJwksUnavailable(error: unknown): boolean {
  if (error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid) return true;
  return !(error instanceof joseErrors.JOSEError);
}

/** JWTs checked against a JWKS (cached and refreshed by jose), issuer, audience, algorithm and expiry. */
function jwtTokens(config: Extract<AuthOptions, { mode: 'jwt' }>): Authenticator {
  const keySet = createRemoteJWKSet(new URL(config.jwksUrl), { timeoutDuration: 2_000, cooldownDuration: 30_000 });
  return async (authorization) => {
    const token = bearerToken(authorization);
    try {
      const { payload } = await jwtVerify(token, keySet, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: [...config.algorithms],
      });
      return `jwt:${payload.sub ?? 'no-subject'}`;
    } catch (error) {
      if (isJwksUnavailable(error)) {
        throw new EdgeError(
          503,
          ErrorCode.AUTH_UNAVAILABLE,
          'Tokens cannot be verified right now; retry shortly.',
          {},
          {
            'retry-after': '5',
          },
        );
      }
      throw unauthenticated('The access token is not valid (signature, issuer, audience or expiry).');
    }
  };
}

/** The authenticator for the configured AUTH_MODE; undefined for `none`. */
export function createAuthenticator(config: AuthOptions): Authenticator | undefined {
  if (config.mode === 'static') return staticTokens(config.tokenSha256);
  if (config.mode === 'jwt') return jwtTokens(config);
  return undefined;
}

/**
 * Requires a valid client credential on the routes `isProtected` names
 * (GraphQL), before the body is read. Probes stay open, and so do CORS
 * preflights (browsers send them without credentials).
 */
export function registerAuth(
  app: FastifyInstance,
  config: AuthOptions,
  isProtected: (request: FastifyRequest) => boolean,
): void {
  const authenticate = createAuthenticator(config);
  if (!authenticate) return;
  app.addHook('onRequest', async (request) => {
    if (request.method === 'OPTIONS' || !isProtected(request)) return;
    const client = await authenticate(request.headers.authorization);
    if (request.stats) request.stats.client = client;
  });
}

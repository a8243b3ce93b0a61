import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import { ErrorCode } from '../error-codes';
import { EdgeError } from './edge-errors';

/** How the gateway authenticates its own clients (not Cartesia). */
export type AuthOptions =
  /** `anonymousWrites`: whether mutations run for anyone (demo mode; production only with ALLOW_ANONYMOUS_WRITES). */
  | { readonly mode: 'none'; readonly anonymousWrites: boolean }
  /**
   * Only SHA-256 digests are kept, so tokens compare in constant time and sit
   * in memory hashed. `tokenSha256` may read; `writeTokenSha256` may also write.
   */
  | { readonly mode: 'static'; readonly tokenSha256: readonly string[]; readonly writeTokenSha256: readonly string[] }
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

/** Who is calling, as far as the gateway knows, and whether they may write. */
export interface Principal {
  /** Token digest prefix, JWT subject, or `ip:<address>` for anonymous callers. */
  readonly client: string;
  readonly mayWrite: boolean;
}

/** The JWT scope (in `scope`, space-separated, or `scp`, a list) that lets a caller run mutations. */
export const WRITE_SCOPE = 'phone_numbers:write';

/** Resolves who is calling from the Authorization header; throws EdgeError (401/503) when it can't. */
export type Authenticator = (authorization: string | undefined) => Promise<Principal>;

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
function staticTokens(config: Extract<AuthOptions, { mode: 'static' }>): Authenticator {
  const readers = config.tokenSha256.map((hex) => Buffer.from(hex, 'hex'));
  const writers = config.writeTokenSha256.map((hex) => Buffer.from(hex, 'hex'));
  return async (authorization) => {
    const presented = sha256(bearerToken(authorization));
    const mayWrite = matchesAny(presented, writers);
    if (!(matchesAny(presented, readers) || mayWrite)) throw unauthenticated('The access token is not valid.');
    return { client: `token:${presented.toString('hex').slice(0, 12)}`, mayWrite };
  };
}

function matchesAny(presented: Buffer, digests: readonly Buffer[]): boolean {
  // No early exit: every digest is compared whatever matched.
  let matched = false;
  for (const digest of digests) matched = timingSafeEqual(presented, digest) || matched;
  return matched;
}

/** Whether a verified JWT's claims grant the write scope. */
export function grantsWrite(payload: Record<string, unknown>): boolean {
  if (typeof payload.scope === 'string' && payload.scope.split(' ').includes(WRITE_SCOPE)) return true;
  return Array.isArray(payload.scp) && payload.scp.includes(WRITE_SCOPE);
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
      return { client: `jwt:${payload.sub ?? 'no-subject'}`, mayWrite: grantsWrite(payload) };
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
  if (config.mode === 'static') return staticTokens(config);
  if (config.mode === 'jwt') return jwtTokens(config);
  return undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set on protected routes before the body is read. */
    principal: Principal | undefined;
  }
}

/**
 * Requires a valid client credential on the routes `isProtected` names
 * (GraphQL), before the body is read. Probes stay open, and so do CORS
 * preflights (browsers send them without credentials). Without AUTH_MODE,
 * everyone is an anonymous principal keyed by address.
 */
export function registerAuth(
  app: FastifyInstance,
  config: AuthOptions,
  isProtected: (request: FastifyRequest) => boolean,
): void {
  const authenticate = createAuthenticator(config);
  app.decorateRequest('principal', undefined);
  app.addHook('onRequest', async (request) => {
    if (request.method === 'OPTIONS' || !isProtected(request)) return;
    request.principal = authenticate
      ? await authenticate(request.headers.authorization)
      : { client: `ip:${request.ip}`, mayWrite: config.mode === 'none' && config.anonymousWrites };
    if (request.stats && authenticate) request.stats.client = request.principal.client;
  });
}

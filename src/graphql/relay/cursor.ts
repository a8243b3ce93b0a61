import { UserInputError } from '../errors';

// The only code that knows the cursor format: base64url of a versioned,
// typed prefix plus the upstream id. Opaque to clients; validated on decode.
const PREFIX = 'PhoneNumber:v1:';
const AGENT_PREFIX = 'Agent:v1:';
const UPSTREAM_ID = /^[A-Za-z0-9_-]{1,128}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Upstream ids the gateway will put into a URL: plain tokens, nothing that could change the path. */
export function isUpstreamId(id: string): boolean {
  return UPSTREAM_ID.test(id);
}

/** The cursor for a phone number with the given upstream id. */
export function encodeCursor(id: string, prefix = PREFIX): string {
  return Buffer.from(prefix + id, 'utf8').toString('base64url');
}

/** The cursor for an agent in the agents list. */
export const encodeAgentCursor = (id: string) => encodeCursor(id, AGENT_PREFIX);
export const decodeAgentCursor = (cursor: string, argumentName: string) => decodeCursor(cursor, argumentName, AGENT_PREFIX);

/** The upstream id inside a cursor; a UserInputError naming the argument when it is not one of ours. */
export function decodeCursor(cursor: string, argumentName: string, prefix = PREFIX): string {
  const invalid = () =>
    new UserInputError(
      `Argument "${argumentName}" is not a valid cursor; pass a cursor from a previous page's edges or pageInfo.`,
      argumentName,
    );
  if (!BASE64URL.test(cursor) || cursor.length > 256) throw invalid();
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith(prefix)) throw invalid();
  const id = decoded.slice(prefix.length);
  if (!isUpstreamId(id) || encodeCursor(id, prefix) !== cursor) throw invalid();
  return id;
}

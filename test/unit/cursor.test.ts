import { decodeCursor, encodeCursor, isUpstreamId } from '../../src/graphql/relay/cursor';
import { UserInputError } from '../../src/graphql/errors';

// Literal cursors pin the wire format: changing it breaks every client's saved cursor.
const CURSOR_PN_ABC = 'UGhvbmVOdW1iZXI6djE6cG5fYWJj';

describe('cursor codec', () => {
  it('encodes an upstream id as base64url of a versioned prefix', () => {
    expect(encodeCursor('pn_abc')).toBe(CURSOR_PN_ABC);
    expect(Buffer.from(CURSOR_PN_ABC, 'base64url').toString()).toBe('PhoneNumber:v1:pn_abc');
  });

  it('round-trips ids', () => {
    for (const id of ['pn_abc', 'pn_0123456789abcdefABCDEF', 'x', 'pn-with-dash_and_underscore']) {
      expect(decodeCursor(encodeCursor(id), 'after')).toBe(id);
    }
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'abc$%^'],
    ['padding', `${CURSOR_PN_ABC}==`],
    ['wrong prefix', Buffer.from('Agent:v1:pn_abc').toString('base64url')],
    ['old version', Buffer.from('PhoneNumber:v0:pn_abc').toString('base64url')],
    ['raw upstream id', 'pn_abc'],
    ['id with a slash', Buffer.from('PhoneNumber:v1:pn/../x').toString('base64url')],
    ['empty id', Buffer.from('PhoneNumber:v1:').toString('base64url')],
    ['too long', 'A'.repeat(300)],
  ])('rejects %s with a UserInputError naming the argument', (_name, cursor) => {
    expect(() => decodeCursor(cursor, 'before')).toThrow(UserInputError);
    try {
      decodeCursor(cursor, 'before');
    } catch (error) {
      expect((error as UserInputError).argumentName).toBe('before');
      expect((error as Error).message).toMatch(/"before" is not a valid cursor/);
    }
  });

  it('accepts only path-safe upstream ids', () => {
    expect(isUpstreamId('pn_abc')).toBe(true);
    expect(isUpstreamId('..')).toBe(false);
    expect(isUpstreamId('pn abc')).toBe(false);
    expect(isUpstreamId('pn_ä')).toBe(false);
    expect(isUpstreamId('a'.repeat(129))).toBe(false);
  });
});

import { createHash } from 'node:crypto';

/** Hex SHA-256 of an operation's text: its APQ hash (computed here independently of the gateway). */
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The `extensions` of an APQ request naming this hash. */
export const apqExtensions = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

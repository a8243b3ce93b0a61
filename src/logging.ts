import pino, { type DestinationStream, type Logger } from 'pino';

/** Values that must never appear in a log line, whatever object carried them there. */
export interface SecretSource {
  /** The current secrets (e.g. the Cartesia key, which can rotate). */
  secrets(): Iterable<string>;
}

export interface LoggerOptions {
  readonly level: string;
  /** Default: stdout. Tests pass a stream to read every line. */
  readonly destination?: DestinationStream;
  readonly secrets?: SecretSource;
}

// Known places for credentials in the objects we log (requests, upstream
// calls, errors). Exact paths only: a wildcard path makes pino clone every
// logged object, about 6 µs and 19 KiB per request line (bench/allocations.ts).
// Credentials anywhere else are caught by value, below.
const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'headers.cookie',
  'upstream.headers.authorization',
  'authorization',
  'apiKey',
  'token',
];

// Last line of defence for credentials in places nobody thought of (an error
// message, a cause, a debug dump): bearer credentials and JWT-shaped strings.
const BEARER_VALUE = /(Bearer)(\s|\\[tn])+[^\s"\\]+/gi;
const JWT_SHAPE = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;

/** A serialized log line with every credential replaced by [redacted]. */
export function scrubSecrets(line: string, secrets: Iterable<string> = []): string {
  let scrubbed = line.replace(BEARER_VALUE, '$1 [redacted]').replace(JWT_SHAPE, '[redacted]');
  for (const secret of secrets) {
    if (secret.length >= 8 && scrubbed.includes(secret)) scrubbed = scrubbed.split(secret).join('[redacted]');
  }
  return scrubbed;
}

/**
 * The process logger: pino, JSON lines, with credentials removed twice:
 * by path (pino's redact) and, for whatever still slips into a line, by
 * value (the configured secrets, bearer credentials, JWTs) just before the
 * line is written.
 */
export function createLogger(options: LoggerOptions): Logger {
  const { secrets } = options;
  return pino(
    {
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      hooks: { streamWrite: (line) => scrubSecrets(line, secrets?.secrets()) },
    },
    // Synchronous stdout by default, so nothing is lost when the process exits.
    options.destination ?? pino.destination(1),
  );
}

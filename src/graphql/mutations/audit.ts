/** One audit line per mutation: who, what, which number, how it ended. Never a token or a secret. */
export interface AuditEntry {
  readonly requestId: string;
  /** The principal: token digest prefix, JWT subject, or `ip:<address>`. */
  readonly client: string;
  readonly mutation: string;
  readonly phoneNumberId?: string;
  /** ok: changed (or nothing to change); user_error: refused with userErrors; replayed: an idempotent replay; error: a top-level error. */
  readonly outcome: 'ok' | 'user_error' | 'replayed' | 'error';
  readonly userErrorCodes: readonly string[];
  readonly upstreamStatus?: number;
  /** The top-level error's code, for outcome error. */
  readonly errorCode?: string;
}

export type AuditSink = (entry: AuditEntry) => void;

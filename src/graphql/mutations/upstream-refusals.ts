// Cartesia's refusals of a write, as user errors: the fallback after the
// gateway's own checks. Anything else that may have reached Cartesia leaves
// the outcome unknown, and says so.
import { CartesiaError, CartesiaHttpError } from '../../cartesia/errors';
import { ErrorCode } from '../../error-codes';
import { GatewayError } from '../errors';
import type { UserError } from './input-rules';

/** A write's result: its value, or the user error Cartesia's status stands for. */
export type Refusable<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly userError: UserError; readonly status: number };

/** User errors by upstream status, for one write. */
export type Refusals = Readonly<Partial<Record<number, UserError>>>;

export function outcomeUnknown(): GatewayError {
  return new GatewayError(
    ErrorCode.WRITE_OUTCOME_UNKNOWN,
    'Cartesia did not confirm the change, so it may or may not have happened; reload the number before trying again.',
  );
}

/** Whether a failed write may have changed something: it may have reached Cartesia and was not refused (4xx). */
function mayHaveWritten(error: unknown): boolean {
  if (!(error instanceof CartesiaError) || !error.mayHaveReachedUpstream) return false;
  return !(error instanceof CartesiaHttpError && error.status < 500);
}

/** Whether an error is the one `refusable` ends an ambiguous write with. */
export function isOutcomeUnknown(error: unknown): boolean {
  return error instanceof GatewayError && error.code === ErrorCode.WRITE_OUTCOME_UNKNOWN;
}

/** Runs a write; a refusal becomes its user error, an ambiguous failure WRITE_OUTCOME_UNKNOWN. */
export async function refusable<T>(write: () => Promise<T>, refusals: Refusals): Promise<Refusable<T>> {
  try {
    return { ok: true, value: await write() };
  } catch (error) {
    const userError = error instanceof CartesiaHttpError ? refusals[error.status] : undefined;
    if (userError && error instanceof CartesiaHttpError) return { ok: false, userError, status: error.status };
    if (mayHaveWritten(error)) throw outcomeUnknown();
    throw error;
  }
}

// The rules an input must meet before anything is sent: each broken rule is
// a user error naming its field, and costs no upstream call.
import type { PhoneNumberUserError } from '../../__generated__/resolvers-types';
import { isUpstreamId } from '../relay/cursor';

export const MAX_LABEL_LENGTH = 255;
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;
// E.164: a plus, a country code that does not start with 0, at most 15 digits.
const E164 = /^\+[1-9]\d{6,14}$/;
const TWILIO_ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;

export type UserError = PhoneNumberUserError;

export const invalid = (field: string[] | null, message: string): UserError => ({ code: 'INVALID', field, message });

/** Collects broken rules; `ok` when there are none. */
export class InputCheck {
  readonly errors: UserError[] = [];

  get ok(): boolean {
    return this.errors.length === 0;
  }

  /** A label of 1 to 255 characters after trimming; returns the trimmed label. */
  label(value: string, field: string[]): string {
    const label = value.trim();
    if (!label) this.errors.push(invalid(field, 'Give the number a label.'));
    else if (label.length > MAX_LABEL_LENGTH) {
      this.errors.push(invalid(field, `Keep the label to ${MAX_LABEL_LENGTH} characters or fewer.`));
    }
    return label;
  }

  /** An ID the gateway will put into a URL (upstream ids are plain tokens). */
  id(value: string | null | undefined, field: string[], what: string): void {
    if (value === undefined || value === null) return;
    if (!isUpstreamId(value)) this.errors.push(invalid(field, `That is not a valid ${what} ID.`));
  }

  e164(value: string, field: string[]): string {
    const number = value.trim();
    if (!E164.test(number)) {
      this.errors.push(invalid(field, 'Enter the number in E.164 form: a plus, the country code and the number, e.g. +14155551234.'));
    }
    return number;
  }

  twilioAccountSid(value: string, field: string[]): void {
    if (!TWILIO_ACCOUNT_SID.test(value.trim())) {
      this.errors.push(invalid(field, 'A Twilio account SID is AC followed by 32 hexadecimal characters.'));
    }
  }

  idempotencyKey(value: string | null | undefined, field: string[]): void {
    if (value === undefined || value === null) return;
    if (value.length === 0 || value.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
      this.errors.push(invalid(field, `An idempotency key has 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`));
    }
  }

  /** A rule about the input as a whole. */
  require(holds: boolean, field: string[] | null, message: string): void {
    if (!holds) this.errors.push(invalid(field, message));
  }
}

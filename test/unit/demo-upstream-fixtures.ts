// Shared by the demo upstream's unit and contract tests.
import type { PhoneNumberRecord } from '../../src/cartesia/types';

/** The smallest contract-valid record: unassigned, unlabelled, Cartesia-provided, never edited. */
export const minimalRecord = (id: string, createdAt: string): PhoneNumberRecord => ({
  id,
  label: null,
  number: '+14155550100',
  agent: null,
  provider: { type: 'cartesia' },
  created_at: createdAt,
  updated_at: createdAt,
});

import {
  PRINTED_SCHEMA,
  changeLine,
  printGatewaySchema,
  readCommitted,
  unacknowledgedBreakingChanges,
} from '../../scripts/schema-print';

// The committed printed schema is the last acknowledged public contract.
// Breaking changes against it need a SCHEMA_CHANGELOG.md line; any change at
// all needs `npm run schema:print`.

describe('the printed schema', () => {
  const committed = readCommitted();

  it('has no breaking change against the committed one that SCHEMA_CHANGELOG.md does not acknowledge', () => {
    const unacknowledged = unacknowledgedBreakingChanges(committed.printed, printGatewaySchema(), committed.changelog);
    expect(unacknowledged.map(changeLine)).toEqual([]);
  });

  it(`is current: ${PRINTED_SCHEMA} is what \`npm run schema:print\` writes`, () => {
    expect(committed.printed).toBe(printGatewaySchema());
  });
});

describe('breaking-change detection', () => {
  const before = /* GraphQL */ `
    type Query {
      phoneNumber(id: ID!): PhoneNumber
    }
    type PhoneNumber {
      id: ID!
      label: String
      number: String!
    }
    enum ProviderType {
      TWILIO
      CARTESIA
    }
  `;
  const after = /* GraphQL */ `
    type Query {
      phoneNumber(id: ID!, region: String!): PhoneNumber
    }
    type PhoneNumber {
      id: ID!
      number: String!
    }
    enum ProviderType {
      TWILIO
    }
  `;

  it('reports removed fields, removed enum values and new required arguments', () => {
    expect(unacknowledgedBreakingChanges(before, after, '').map(changeLine)).toEqual([
      'REQUIRED_ARG_ADDED: A required arg region on Query.phoneNumber was added.',
      'FIELD_REMOVED: PhoneNumber.label was removed.',
      'VALUE_REMOVED_FROM_ENUM: CARTESIA was removed from enum type ProviderType.',
    ]);
  });

  it('accepts a change once the changelog names it, and only that change', () => {
    const changelog = '## Unreleased\n- FIELD_REMOVED: PhoneNumber.label was removed. Use `number`.\n';
    expect(unacknowledgedBreakingChanges(before, after, changelog).map((change) => change.type)).toEqual([
      'REQUIRED_ARG_ADDED',
      'VALUE_REMOVED_FROM_ENUM',
    ]);
  });

  it('does not count additions as breaking', () => {
    expect(unacknowledgedBreakingChanges(after, `${after}\n extend type PhoneNumber { label: String }`, '')).toEqual(
      [],
    );
  });
});

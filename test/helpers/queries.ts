// Operations the tests send, written as a frontend would.

export const PHONE_NUMBER_FIELDS = /* GraphQL */ `
  fragment PhoneNumberFields on PhoneNumber {
    id
    label
    number
    agent { id name }
    provider {
      __typename
      ... on TwilioProvider { type id accountSid apiKeySid region }
      ... on CartesiaProvider { type }
    }
    createdAt
    updatedAt
  }
`;

export const PHONE_NUMBERS = /* GraphQL */ `
  query PhoneNumbers($filter: PhoneNumberFilter, $first: Int, $after: String, $last: Int, $before: String) {
    phoneNumbers(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      edges { cursor node { ...PhoneNumberFields } }
      nodes { id }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
  ${PHONE_NUMBER_FIELDS}
`;

export const PHONE_NUMBER = /* GraphQL */ `
  query PhoneNumber($id: ID!) { phoneNumber(id: $id) { ...PhoneNumberFields } }
  ${PHONE_NUMBER_FIELDS}
`;

export const NODE = /* GraphQL */ `
  query Node($id: ID!) { node(id: $id) { __typename id ... on PhoneNumber { number } } }
`;

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface PhoneNumbersData {
  phoneNumbers: {
    edges: Array<{ cursor: string; node: { id: string } & Record<string, unknown> }>;
    nodes: Array<{ id: string }>;
    pageInfo: PageInfo;
  };
}

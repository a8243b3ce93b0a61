// Operations a phone-number screen sends, written as a frontend team would.
// `npm run examples:codegen` turns them into typed documents (./gql) and the
// gateway's trusted-documents manifest (./gql/persisted-documents.json).
import { graphql } from './gql';

/** What a provider badge shows: Twilio with its region, or Cartesia. */
export const ProviderBadgeFragment = graphql(`
  fragment ProviderBadge on Provider {
    __typename
    ... on TwilioProvider {
      region
    }
    ... on CartesiaProvider {
      type
    }
  }
`);

/** One page of the list, with filters; pass `pageInfo.endCursor` as `after` for the next. */
export const PhoneNumberListQuery = graphql(`
  query PhoneNumberList($filter: PhoneNumberFilter, $first: Int!, $after: String) {
    phoneNumbers(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          label
          number
          agent {
            id
            name
          }
          provider {
            ...ProviderBadge
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** The detail view of one number; `phoneNumber` is null when the id does not exist. */
export const PhoneNumberDetailQuery = graphql(`
  query PhoneNumberDetail($id: ID!) {
    phoneNumber(id: $id) {
      id
      label
      number
      agent {
        id
        name
      }
      provider {
        ...ProviderBadge
        ... on TwilioProvider {
          id
          accountSid
        }
      }
      createdAt
      updatedAt
    }
  }
`);

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

/** One page of the agent picker, ordered by name; `search` matches the name (case-insensitive). */
export const AgentListQuery = graphql(`
  query AgentList($first: Int, $after: String, $search: String) {
    agents(first: $first, after: $after, search: $search) {
      edges {
        cursor
        node {
          id
          name
          description
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** "2 of 10 left this month", shown next to the provision button. */
export const ProvisioningUsageQuery = graphql(`
  query ProvisioningUsage {
    phoneNumberProvisioningUsage {
      monthlyUsage
      monthlyLimit
      remaining
    }
  }
`);

// Mutations. User errors come back as data (`userErrors`, typed by code), so
// every payload selects them; `clientMutationId` lets a caller match answers
// to requests. Create payloads select `phoneNumberEdge` with the same node
// fields as PhoneNumberList, so a client can insert it into a cached list
// and render it without refetching.

/** Provision a new Cartesia number (uses one of this month's slots). */
export const ProvisionPhoneNumberMutation = graphql(`
  mutation ProvisionPhoneNumber($input: ProvisionPhoneNumberInput!) {
    provisionPhoneNumber(input: $input) {
      clientMutationId
      phoneNumberEdge {
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
      userErrors {
        code
        field
        message
      }
    }
  }
`);

/** Import a number held by a linked Twilio account (by provider id or by account). */
export const ImportPhoneNumberMutation = graphql(`
  mutation ImportPhoneNumber($input: ImportPhoneNumberInput!) {
    importPhoneNumber(input: $input) {
      clientMutationId
      phoneNumberEdge {
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
      userErrors {
        code
        field
        message
      }
    }
  }
`);

/** Change a number's label and/or move it to another provider of the same type. */
export const UpdatePhoneNumberMutation = graphql(`
  mutation UpdatePhoneNumber($input: UpdatePhoneNumberInput!) {
    updatePhoneNumber(input: $input) {
      clientMutationId
      phoneNumber {
        id
        label
        provider {
          ...ProviderBadge
          ... on TwilioProvider {
            id
          }
        }
        updatedAt
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

/**
 * The label editor's save: updatePhoneNumber with only a label. It selects
 * only what a relabel changes, so a client can answer it optimistically from
 * the id and the new label alone.
 */
export const RelabelPhoneNumberMutation = graphql(`
  mutation RelabelPhoneNumber($id: ID!, $label: String!, $clientMutationId: String) {
    updatePhoneNumber(input: { id: $id, label: $label, clientMutationId: $clientMutationId }) {
      clientMutationId
      phoneNumber {
        # Selected so the typed optimistic response carries it: the cache
        # normalizes PhoneNumber:<id> by __typename and id.
        __typename
        id
        label
        updatedAt
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

/** Route a number's inbound calls to an agent (replacing any it had). */
export const AssignAgentToPhoneNumberMutation = graphql(`
  mutation AssignAgentToPhoneNumber($input: AssignAgentToPhoneNumberInput!) {
    assignAgentToPhoneNumber(input: $input) {
      clientMutationId
      phoneNumber {
        id
        agent {
          id
          name
        }
        updatedAt
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

/** Stop routing a number's inbound calls to its agent. */
export const UnassignAgentFromPhoneNumberMutation = graphql(`
  mutation UnassignAgentFromPhoneNumber($input: UnassignAgentFromPhoneNumberInput!) {
    unassignAgentFromPhoneNumber(input: $input) {
      clientMutationId
      phoneNumber {
        id
        agent {
          id
          name
        }
        updatedAt
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

/** Delete a number (unassign it first; STILL_ASSIGNED otherwise). */
export const DeletePhoneNumberMutation = graphql(`
  mutation DeletePhoneNumber($input: DeletePhoneNumberInput!) {
    deletePhoneNumber(input: $input) {
      clientMutationId
      deletedPhoneNumberId
      userErrors {
        code
        field
        message
      }
    }
  }
`);

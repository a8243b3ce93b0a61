// One row of the list. @refetchable lets the row reload itself by id through
// Query.node (the gateway implements Relay object identification).
import { graphql } from 'react-relay';

export const PhoneNumberRowFragment = graphql`
  fragment PhoneNumberRow_phoneNumber on PhoneNumber @refetchable(queryName: "PhoneNumberRowRefetchQuery") {
    id
    label
    number
    agent {
      name
    }
    provider {
      __typename
      ... on TwilioProvider {
        region
      }
    }
  }
`;

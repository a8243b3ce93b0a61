// Import a number from a linked Twilio account; like provision, @prependEdge
// inserts the new edge into the connections the caller names.
import { graphql } from 'react-relay';

export const ImportPhoneNumberMutation = graphql`
  mutation ImportPhoneNumberMutation($input: ImportPhoneNumberInput!, $connections: [ID!]!) {
    importPhoneNumber(input: $input) {
      phoneNumberEdge @prependEdge(connections: $connections) {
        cursor
        node {
          id
          ...PhoneNumberRow_phoneNumber
        }
      }
      userErrors {
        code
        field
        message
      }
      clientMutationId
    }
  }
`;

// Provision, Relay style: @prependEdge puts the payload's phoneNumberEdge at
// the top of each connection in $connections (the list is newest first). The
// list screen passes its connection's __id (see PhoneNumberList_query), e.g.
//   commitMutation({ variables: { input: { label }, connections: [data.phoneNumbers.__id] } })
// A filtered list may not include the new number: pass only the connections it belongs to.
import { graphql } from 'react-relay';

export const ProvisionPhoneNumberMutation = graphql`
  mutation ProvisionPhoneNumberMutation($input: ProvisionPhoneNumberInput!, $connections: [ID!]!) {
    provisionPhoneNumber(input: $input) {
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

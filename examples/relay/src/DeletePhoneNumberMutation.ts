// Delete a number: @deleteRecord removes the record whose id the payload
// returns, so it drops out of every connection that showed it (Relay skips
// edges whose node is deleted). Null on a user error: nothing is removed.
import { graphql } from 'react-relay';

export const DeletePhoneNumberMutation = graphql`
  mutation DeletePhoneNumberMutation($input: DeletePhoneNumberInput!) {
    deletePhoneNumber(input: $input) {
      deletedPhoneNumberId @deleteRecord
      userErrors {
        code
        field
        message
      }
      clientMutationId
    }
  }
`;

// Relabel or move a number. The payload's number has an id, so Relay's store
// updates the record in place and every fragment showing it re-renders; an
// optimisticResponse of the same shape shows the new label at once.
import { graphql } from 'react-relay';

export const UpdatePhoneNumberMutation = graphql`
  mutation UpdatePhoneNumberMutation($input: UpdatePhoneNumberInput!) {
    updatePhoneNumber(input: $input) {
      phoneNumber {
        id
        updatedAt
        ...PhoneNumberRow_phoneNumber
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

// Stop routing a number's inbound calls to its agent; the returned number updates its record (by id).
import { graphql } from 'react-relay';

export const UnassignAgentFromPhoneNumberMutation = graphql`
  mutation UnassignAgentFromPhoneNumberMutation($input: UnassignAgentFromPhoneNumberInput!) {
    unassignAgentFromPhoneNumber(input: $input) {
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

// Route a number's inbound calls to an agent; the returned number updates its record (by id).
import { graphql } from 'react-relay';

export const AssignAgentToPhoneNumberMutation = graphql`
  mutation AssignAgentToPhoneNumberMutation($input: AssignAgentToPhoneNumberInput!) {
    assignAgentToPhoneNumber(input: $input) {
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

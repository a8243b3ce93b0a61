// The screen's query: the entry point that spreads the list fragment.
import { graphql } from 'react-relay';

export const PhoneNumberListScreenQuery = graphql`
  query PhoneNumberListScreenQuery($filter: PhoneNumberFilter) {
    ...PhoneNumberList_query @arguments(filter: $filter)
  }
`;

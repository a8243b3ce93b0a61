// The list screen's data, Relay style: a paginated @connection that
// usePaginationFragment pages with loadNext(20); filter changes refetch it
// through the generated PhoneNumberListPaginationQuery.
import { graphql } from 'react-relay';

export const PhoneNumberListFragment = graphql`
  fragment PhoneNumberList_query on Query
  @argumentDefinitions(
    count: { type: "Int", defaultValue: 20 }
    cursor: { type: "String" }
    filter: { type: "PhoneNumberFilter" }
  )
  @refetchable(queryName: "PhoneNumberListPaginationQuery") {
    phoneNumbers(first: $count, after: $cursor, filter: $filter) @connection(key: "PhoneNumberList_phoneNumbers", filters: ["filter"]) {
      edges {
        node {
          id
          ...PhoneNumberRow_phoneNumber
        }
      }
    }
  }
`;

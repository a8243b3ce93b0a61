// The list screen's data, Relay style: a paginated @connection that
// usePaginationFragment pages with loadNext(20); filter changes refetch it
// through the generated PhoneNumberListPaginationQuery. `__id` names the
// connection for the mutations' @prependEdge.
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
      # The connection's store id: what ProvisionPhoneNumberMutation and
      # ImportPhoneNumberMutation take in $connections (@prependEdge).
      __id
      edges {
        node {
          id
          ...PhoneNumberRow_phoneNumber
        }
      }
    }
  }
`;

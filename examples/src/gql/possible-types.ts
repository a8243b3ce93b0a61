export type PossibleTypesResultData = {
  possibleTypes: {
    Node: ['Agent', 'PhoneNumber'];
    Provider: ['CartesiaProvider', 'TwilioProvider'];
  };
};
const result: PossibleTypesResultData = {
  possibleTypes: {
    Node: ['Agent', 'PhoneNumber'],
    Provider: ['CartesiaProvider', 'TwilioProvider'],
  },
};
export default result;

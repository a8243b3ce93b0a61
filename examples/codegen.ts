// GraphQL Code Generator for a frontend of this gateway: typed documents for
// the operations in examples/src/, the persisted-documents manifest the
// gateway takes as TRUSTED_DOCUMENTS, and Apollo Client's possibleTypes.
// Paths are relative to the project root:
//   npm run examples:codegen          (or: npx graphql-codegen --config examples/codegen.ts)
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  // The committed printed schema: what clients build against.
  schema: 'schema/printed/schema.graphql',
  documents: ['examples/src/**/*.ts', '!examples/src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'examples/src/gql/': {
      preset: 'client',
      presetConfig: {
        // Writes persisted-documents.json ({ "<sha256>": "<document>" }) and
        // embeds each document's hash in it (`__meta__.hash`) to send as `documentId`.
        persistedDocuments: { hashAlgorithm: 'sha256' },
        fragmentMasking: { unmaskFunctionName: 'getFragmentData' },
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string' },
      },
    },
    // Apollo Client's `possibleTypes`: which object types each union and
    // interface has. Without it InMemoryCache cannot tell that a
    // CartesiaProvider matches `fragment ProviderBadge on Provider` and caches
    // the badge without its fields (examples/src/apollo.ts).
    'examples/src/gql/possible-types.ts': {
      plugins: ['fragment-matcher'],
      config: { apolloClientVersion: 3, useExplicitTyping: true },
    },
  },
};

export default config;

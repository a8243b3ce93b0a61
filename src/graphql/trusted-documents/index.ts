// Trusted documents (a persisted-operation safelist): TRUSTED_DOCUMENTS names
// a client-preset manifest; only its operations run.
export { TrustedDocumentManifest, TrustedDocumentsError, loadTrustedDocuments, sha256Hex } from './manifest';
export { trustedDocumentsGate } from './gate';
export { trustedDocumentsPlugin } from './plugin';

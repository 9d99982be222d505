export {
  createCredentialsService,
  CredentialsError,
  ResultValidationError,
  type CredentialsService,
} from './credentials-service.ts';
export { credentialsDocuments } from './credentials-documents.ts';
export { vcApi } from './vc-api.ts';
export { learnerCredentialPages } from './learner-pages.tsx';
export { verifyPages } from './verify-pages.tsx';
export { registryPages } from './registry-pages.tsx';

export {
  createCredentialsService,
  CredentialsError,
  ResultValidationError,
  type CredentialsService,
} from './credentials-service.ts';
export { credentialsDocuments } from './credentials-documents.ts';

export {
  createAccountsService,
  AccountsError,
  hashSecret,
  type AccountsService,
  type InstitutionDirectory,
} from './accounts-service.ts';
export { accountsPages, showSignedInAccount } from './accounts-pages.tsx';
export * from './accounts-model.ts';
export { sectorAdminPages } from './sector-admin-pages.tsx';

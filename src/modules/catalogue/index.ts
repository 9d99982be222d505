export {
  createCatalogueService,
  type CatalogueService,
  CatalogueValidationError,
  CatalogueConflictError,
} from './catalogue-service.ts';
export { catalogueApi } from './catalogue-api.ts';
export { emptyQuery, type SearchQuery } from './catalogue-search.ts';
export { cataloguePages } from './catalogue-pages.tsx';
export * from './catalogue-model.ts';
export type { Institution, PublishedVersion, Offering } from './catalogue-repository.ts';
export { renderDetailPage } from './views/detail-page.tsx';

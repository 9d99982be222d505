export {
  createCatalogueService,
  type CatalogueService,
  CatalogueValidationError,
} from './catalogue-service.ts';
export { catalogueApi } from './catalogue-api.ts';
export { emptyQuery, type SearchQuery } from './catalogue-search.ts';
export { cataloguePages } from './catalogue-pages.tsx';

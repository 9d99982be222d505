export { createCatalogueService, type CatalogueService, CatalogueValidationError } from './catalogue-service.ts';
export { seedDemoCatalogue } from './catalogue-seed.ts';
export { catalogueApi } from './catalogue-api.ts';

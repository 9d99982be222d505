export { createFrameworkService, type FrameworkService, type GlossaryPhrase } from './framework-service.ts';
export type { GlossaryEntry, GlossaryCategory } from './glossary-data.ts';
export { glossaryIndex } from './glossary-model.ts';
export * from './scqf-model.ts';
export { frameworkApi } from './framework-api.ts';
export { frameworkPages } from './framework-pages.tsx';

/**
 * What a catalogue search asks for and what it answers, shared by the search page and the API so
 * both offer the same filters, facets and sort orders. Pure: no I/O.
 */
import {
  CREDIT_SIZES,
  DELIVERY_MODES,
  DURATIONS,
  INSTITUTION_KINDS,
  KINDS,
  PRICE_BANDS,
  type CreditSize,
  type DeliveryMode,
  type DurationBand,
  type InstitutionKind,
  type Kind,
  type PriceBand,
} from './catalogue-model.ts';

export const SORT_ORDERS = {
  // Without search words there is nothing to match, so "best match" lists the soonest starts first.
  relevance: 'Best match',
  'start-date': 'Starting soonest',
  title: 'Title A to Z',
  'price-low': 'Price, lowest first',
  'level-low': 'SCQF level, lowest first',
  'level-high': 'SCQF level, highest first',
  newest: 'Newest first',
} as const;
export type SortOrder = keyof typeof SORT_ORDERS;

export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;
/** Deep pages cost the database more than they help anyone: beyond this, refine the search. */
export const PAGE_MAX = 500;

export interface SearchFilters {
  subject: string[];
  level: number[];
  creditSize: CreditSize[];
  delivery: DeliveryMode[];
  duration: DurationBand[];
  price: PriceBand[];
  institution: string[];
  institutionType: InstitutionKind[];
  kind: Kind[];
  funded: boolean | undefined;
  stackable: boolean | undefined;
  transferable: boolean | undefined;
}

export interface SearchQuery extends SearchFilters {
  q: string;
  sort: SortOrder;
  page: number;
  pageSize: number;
}

export const FACET_NAMES = [
  'subject',
  'level',
  'creditSize',
  'delivery',
  'duration',
  'price',
  'funded',
  'institution',
  'institutionType',
  'kind',
  'stackable',
  'transferable',
] as const;
export type FacetName = (typeof FACET_NAMES)[number];

export interface FacetValue {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

export interface Facet {
  name: FacetName;
  label: string;
  values: FacetValue[];
}

export const FACET_LABELS: Record<FacetName, string> = {
  subject: 'Subject',
  level: 'SCQF level',
  creditSize: 'Size (SCQF credits)',
  delivery: 'How it is taught',
  duration: 'How long it takes',
  price: 'Price',
  funded: 'Funding',
  institution: 'Institution',
  institutionType: 'Type of institution',
  kind: 'Type of course',
  stackable: 'Counts towards an award',
  transferable: 'Recognised elsewhere',
};

export const INSTITUTION_KIND_LABELS: Record<InstitutionKind, string> = {
  university: 'University',
  college: 'College',
  other: 'Other credit-rating body',
};

export const KIND_LABELS: Record<Kind, string> = {
  'micro-credential': 'Micro-credential (credit-rated)',
  'small-qualification': 'Small qualification (not credit-rated)',
};

/** The fixed values of each enumerated facet, in the order they are shown. */
export const FACET_OPTIONS = {
  creditSize: CREDIT_SIZES,
  delivery: DELIVERY_MODES,
  duration: DURATIONS,
  price: PRICE_BANDS,
  institutionType: INSTITUTION_KIND_LABELS,
  kind: KIND_LABELS,
} as const;

export const ENUM_VALUES = {
  creditSize: Object.keys(CREDIT_SIZES) as CreditSize[],
  delivery: Object.keys(DELIVERY_MODES) as DeliveryMode[],
  duration: Object.keys(DURATIONS) as DurationBand[],
  price: Object.keys(PRICE_BANDS) as PriceBand[],
  institutionType: [...INSTITUTION_KINDS],
  kind: [...KINDS],
};

export function emptyQuery(): SearchQuery {
  return {
    q: '',
    subject: [],
    level: [],
    creditSize: [],
    delivery: [],
    duration: [],
    price: [],
    institution: [],
    institutionType: [],
    kind: [],
    funded: undefined,
    stackable: undefined,
    transferable: undefined,
    sort: 'relevance',
    page: 1,
    pageSize: PAGE_SIZE_DEFAULT,
  };
}

export function isFacetActive(query: SearchFilters, name: FacetName): boolean {
  const value = query[name];
  return Array.isArray(value) ? value.length > 0 : value !== undefined;
}

export function activeFacetNames(query: SearchFilters): FacetName[] {
  return FACET_NAMES.filter((name) => isFacetActive(query, name));
}

/** The query as URL parameters, in a stable order, leaving defaults out so links stay short. */
export function toSearchParams(query: SearchQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q.trim()) params.set('q', query.q.trim());
  for (const name of FACET_NAMES) {
    const value = query[name];
    if (Array.isArray(value)) for (const item of value) params.append(name, String(item));
    else if (value !== undefined) params.set(name, String(value));
  }
  if (query.sort !== 'relevance') params.set('sort', query.sort);
  if (query.pageSize !== PAGE_SIZE_DEFAULT) params.set('pageSize', String(query.pageSize));
  if (query.page > 1) params.set('page', String(query.page));
  return params;
}

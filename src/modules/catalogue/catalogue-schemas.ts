import { Type, type Static, type TSchema } from 'typebox';
import {
  ENUM_VALUES,
  FACET_NAMES,
  PAGE_MAX,
  PAGE_SIZE_DEFAULT,
  PAGE_SIZE_MAX,
  SORT_ORDERS,
  emptyQuery,
  type SearchQuery,
} from './catalogue-search.ts';
import { INSTITUTION_KINDS, KINDS } from './catalogue-model.ts';

const SLUG = '^[a-z0-9]+(?:-[a-z0-9]+)*$';

const list = <T extends TSchema>(item: T, description: string) =>
  Type.Optional(
    Type.Array(item, { maxItems: 50, description: `${description} Repeat the parameter to choose several.` }),
  );

/** The search's parameters: the page and the API accept exactly these, and refuse any other. */
export const SearchQuerystring = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        maxLength: 200,
        description: 'Words to search for. Synonyms from the glossary are included.',
      }),
    ),
    subject: list(Type.String({ pattern: SLUG }), 'Subject slug, e.g. computing-and-digital.'),
    level: list(Type.Integer({ minimum: 1, maximum: 12 }), 'SCQF level, 1 to 12.'),
    creditSize: list(Type.Enum(ENUM_VALUES.creditSize), 'Size in SCQF credits.'),
    delivery: list(Type.Enum(ENUM_VALUES.delivery), 'How it is taught.'),
    duration: list(Type.Enum(ENUM_VALUES.duration), 'How long it takes.'),
    price: list(Type.Enum(ENUM_VALUES.price), 'Price band of the cheapest upcoming offering.'),
    institution: list(Type.String({ pattern: SLUG }), 'Institution slug, e.g. edinburgh-napier-university.'),
    institutionType: list(Type.Enum([...INSTITUTION_KINDS]), 'Type of institution.'),
    kind: list(Type.Enum([...KINDS]), 'Credit-rated micro-credential or small qualification.'),
    funded: Type.Optional(
      Type.Boolean({ description: 'Only courses with fully funded places (true), or without (false).' }),
    ),
    stackable: Type.Optional(
      Type.Boolean({ description: 'Only courses that count towards a larger award.' }),
    ),
    transferable: Type.Optional(
      Type.Boolean({ description: 'Only courses recognised by other institutions.' }),
    ),
    sort: Type.Optional(
      Type.Enum(Object.keys(SORT_ORDERS), { description: 'Order of results; relevance by default.' }),
    ),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE_MAX, description: 'Page number, from 1.' })),
    pageSize: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: PAGE_SIZE_MAX,
        description: `Results per page, ${PAGE_SIZE_DEFAULT} by default.`,
      }),
    ),
  },
  { additionalProperties: false },
);
export type SearchQuerystring = Static<typeof SearchQuerystring>;

export function toSearchQuery(params: SearchQuerystring): SearchQuery {
  const query = emptyQuery();
  return {
    ...query,
    q: params.q?.trim() ?? '',
    subject: params.subject ?? [],
    level: params.level ?? [],
    creditSize: (params.creditSize ?? []) as SearchQuery['creditSize'],
    delivery: (params.delivery ?? []) as SearchQuery['delivery'],
    duration: (params.duration ?? []) as SearchQuery['duration'],
    price: (params.price ?? []) as SearchQuery['price'],
    institution: params.institution ?? [],
    institutionType: (params.institutionType ?? []) as SearchQuery['institutionType'],
    kind: (params.kind ?? []) as SearchQuery['kind'],
    funded: params.funded,
    stackable: params.stackable,
    transferable: params.transferable,
    sort: (params.sort ?? 'relevance') as SearchQuery['sort'],
    page: params.page ?? 1,
    pageSize: params.pageSize ?? PAGE_SIZE_DEFAULT,
  };
}

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const InstitutionSummary = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  kind: Type.Enum([...INSTITUTION_KINDS]),
});

export const SearchItem = Type.Object({
  slug: Type.String(),
  url: Type.String({ description: 'The public page of the micro-credential.' }),
  title: Type.String(),
  summary: Type.String(),
  institution: InstitutionSummary,
  subject: Type.String(),
  kind: Type.Enum([...KINDS]),
  providerTerm: Type.String({ description: "The institution's own name for this kind of course." }),
  scqfLevel: Nullable(Type.Integer()),
  scqfCredits: Nullable(Type.Integer()),
  notionalHours: Type.Integer(),
  ects: Nullable(Type.Number()),
  duration: Type.Object({ band: Type.String(), label: Type.String() }),
  deliveryModes: Type.Array(Type.String()),
  priceFromPence: Nullable(
    Type.Integer({ description: 'Cheapest upcoming price in pence; 0 when fully funded.' }),
  ),
  isFunded: Type.Boolean(),
  isStackable: Type.Boolean(),
  isTransferable: Type.Boolean(),
  nextStartsOn: Nullable(Type.String({ format: 'date' })),
});

export const FacetSchema = Type.Object({
  name: Type.Enum([...FACET_NAMES]),
  label: Type.String(),
  values: Type.Array(
    Type.Object({
      value: Type.String(),
      label: Type.String(),
      count: Type.Integer(),
      selected: Type.Boolean(),
    }),
  ),
});

export const SearchResponse = Type.Object({
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  pageCount: Type.Integer(),
  correctedQuery: Type.Optional(
    Type.String({
      description: 'Set when the words as typed matched nothing and a spelling correction did.',
    }),
  ),
  items: Type.Array(SearchItem),
  facets: Type.Array(FacetSchema),
});

const Partner = Type.Object({ name: Type.String(), kind: Type.String(), role: Type.String() });

export const OfferingSchema = Type.Object({
  startsOn: Nullable(Type.String({ format: 'date' })),
  endsOn: Nullable(Type.String({ format: 'date' })),
  enrolBy: Nullable(Type.String({ format: 'date' })),
  deliveryMode: Type.String(),
  location: Nullable(Type.String()),
  synchronousHours: Type.Integer(),
  pricePence: Type.Integer(),
  feeNotes: Nullable(Type.String()),
  funding: Type.String(),
  places: Nullable(Type.Integer()),
  thirdPartyPlatform: Nullable(Type.String()),
});

export const MicroCredentialDetail = Type.Object({
  slug: Type.String(),
  url: Type.String(),
  code: Nullable(Type.String({ description: 'Module code.' })),
  version: Type.Integer(),
  title: Type.String(),
  summary: Type.String(),
  description: Type.String(),
  institution: InstitutionSummary,
  subject: Type.Object({ slug: Type.String(), name: Type.String() }),
  kind: Type.Enum([...KINDS]),
  providerTerm: Type.String(),
  scqfLevel: Nullable(Type.Integer()),
  scqfCredits: Nullable(Type.Integer()),
  notionalHours: Type.Integer(),
  ects: Nullable(Type.Number()),
  eqfLevel: Nullable(Type.Integer()),
  duration: Type.Object({
    kind: Type.String(),
    amount: Type.Integer(),
    unit: Type.String(),
    label: Type.String(),
  }),
  learningOutcomes: Type.Array(Type.Object({ text: Type.String(), characteristic: Type.String() })),
  assessment: Type.String(),
  assessmentKind: Type.String(),
  supervision: Type.String(),
  identityChecked: Type.Boolean(),
  prerequisites: Type.String(),
  language: Type.String(),
  qualityAssurance: Type.Object({
    body: Type.String(),
    route: Type.String(),
    approvedOn: Nullable(Type.String()),
  }),
  creditRatingBody: Nullable(Type.String()),
  recognition: Type.String(),
  hasTranscript: Type.Boolean(),
  transferability: Type.String(),
  stackability: Type.String(),
  countsTowards: Type.Array(Type.String()),
  accreditation: Nullable(Type.String()),
  nextReviewOn: Nullable(Type.String()),
  partners: Type.Array(Partner),
  upcomingOfferings: Type.Array(OfferingSchema),
});

export const InstitutionSchema = Type.Object({
  slug: Type.String(),
  url: Type.String(),
  name: Type.String(),
  kind: Type.Enum([...INSTITUTION_KINDS]),
  region: Type.String(),
  website: Nullable(Type.String()),
  summary: Type.String(),
  courseCount: Type.Integer(),
});

export const SlugParams = Type.Object({ slug: Type.String({ pattern: SLUG, maxLength: 200 }) });

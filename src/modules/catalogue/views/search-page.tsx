import type { VNode } from 'preact';
import {
  CheckboxGroup,
  ErrorSummary,
  FilterPanel,
  InsetText,
  PageHeader,
  Pagination,
  SearchBox,
  SearchResult,
  SearchResults,
  type FormError,
  type HiddenField,
  type KeyValue,
} from '../../../platform/views/components.tsx';
import { LayoutArea } from '../../../platform/views/layout.tsx';
import { Term, renderHubPage } from '../../site/index.ts';
import { DELIVERY_MODES, formatPrice } from '../catalogue-model.ts';
import type { CatalogueEntry } from '../catalogue-read-model.ts';
import {
  FACET_NAMES,
  SORT_ORDERS,
  emptyQuery,
  toSearchParams,
  type Facet,
  type FacetName,
  type SearchQuery,
} from '../catalogue-search.ts';
import type { SearchResult as SearchOutcome } from '../catalogue-service.ts';
import { formatDate } from './format.ts';

const number = new Intl.NumberFormat('en-GB');

export function searchHref(query: SearchQuery, changes: Partial<SearchQuery> = {}): string {
  const params = toSearchParams({ ...query, page: 1, ...changes });
  const text = params.toString();
  return text ? `/micro-credentials?${text}` : '/micro-credentials';
}

/** The query with one selected value of a facet taken away. */
function withoutValue(query: SearchQuery, name: FacetName, value: string): SearchQuery {
  const current = query[name];
  if (!Array.isArray(current)) return { ...query, [name]: undefined };
  return { ...query, [name]: (current as (string | number)[]).filter((item) => String(item) !== value) };
}

function hiddenFieldsFor(query: SearchQuery, keep: 'filters' | 'text'): HiddenField[] {
  const params = toSearchParams({ ...query, page: 1 });
  const fields: HiddenField[] = [];
  for (const [name, value] of params) {
    const isFilter = (FACET_NAMES as readonly string[]).includes(name);
    if (keep === 'filters' && (isFilter || name === 'sort' || name === 'pageSize'))
      fields.push({ name, value });
    if (keep === 'text' && !isFilter) fields.push({ name, value });
  }
  return fields;
}

export function resultMetadata(entry: CatalogueEntry): KeyValue[] {
  const modes = [
    entry.isOnline && DELIVERY_MODES.online,
    entry.isHybrid && 'Hybrid',
    entry.isInPerson && DELIVERY_MODES['in-person'],
    entry.isWorkplace && 'Workplace',
  ].filter(Boolean);
  return [
    { key: 'SCQF level', value: entry.scqfLevel === null ? 'Not credit-rated' : `Level ${entry.scqfLevel}` },
    {
      key: 'Size',
      value:
        entry.scqfCredits === null
          ? `${entry.notionalHours} hours`
          : `${entry.scqfCredits} credits (${entry.notionalHours} hours)`,
    },
    { key: 'Length', value: entry.durationLabel },
    { key: 'Taught', value: modes.join(', ') || 'Not stated' },
    {
      key: 'Starts',
      value: entry.nextStartsOn
        ? formatDate(entry.nextStartsOn)
        : entry.priceBand === 'no-dates'
          ? 'No dates yet'
          : 'Any time',
    },
    {
      key: 'Cost',
      value:
        entry.minPricePence === null
          ? 'Not announced'
          : entry.isFunded && entry.minPricePence === 0
            ? 'Fully funded places'
            : `From ${formatPrice(entry.minPricePence)}`,
    },
  ];
}

/** Filters named with the sector's words link to what the words mean. */
const FACET_TERMS: Partial<Record<FacetName, [slug: string, words: string]>> = {
  level: ['scqf-level', 'What is an SCQF level?'],
  creditSize: ['scqf-credit', 'What is a credit?'],
  delivery: ['delivery-mode', 'Online, hybrid and in person explained'],
  kind: ['micro-credential', 'Micro-credentials and small qualifications'],
  funded: ['fully-funded', 'What fully funded means'],
  stackable: ['stackable', 'What stackable means'],
  transferable: ['transferable', 'What transferable means'],
};

function FacetFilter({ facet }: { facet: Facet }): VNode | null {
  if (facet.values.length === 0) return null;
  const term = FACET_TERMS[facet.name];
  return (
    <CheckboxGroup
      name={facet.name}
      legend={facet.label}
      hint={term ? <Term slug={term[0]}>{term[1]}</Term> : undefined}
      isFilter
      items={facet.values.map((value) => ({ value: value.value, label: value.label, count: value.count }))}
      values={facet.values.filter((value) => value.selected).map((value) => value.value)}
    />
  );
}

function SelectedFilters({ result }: { result: SearchOutcome }): VNode | null {
  const selected = result.facets.flatMap((facet) =>
    facet.values.filter((value) => value.selected).map((value) => ({ facet, value })),
  );
  if (selected.length === 0) return null;
  return (
    <div class="hub_selected-filters">
      <h3 class="ds_h4 ds_!_margin-bottom--1">Filters in use</h3>
      <ul class="hub_selected-filters__list">
        {selected.map(({ facet, value }) => (
          <li key={`${facet.name}-${value.value}`}>
            <a class="hub_filter-tag" href={searchHref(withoutValue(result.query, facet.name, value.value))}>
              <span class="visually-hidden">Remove filter </span>
              {facet.label}: {value.label}
              <span aria-hidden="true"> ✕</span>
            </a>
          </li>
        ))}
        <li>
          <a href={searchHref({ ...emptyQuery(), q: result.query.q, sort: result.query.sort })}>
            Clear all filters
          </a>
        </li>
      </ul>
    </div>
  );
}

function SortForm({ query }: { query: SearchQuery }): VNode {
  return (
    <form method="get" action="/micro-credentials" class="hub_sort" data-auto-submit="">
      {hiddenFieldsFor(query, 'filters')
        .filter((field) => field.name !== 'sort')
        .concat(query.q ? [{ name: 'q', value: query.q }] : [])
        .map((field, index) => (
          <input type="hidden" name={field.name} value={field.value} key={index} />
        ))}
      <label class="ds_label" for="sort">
        Sort by
      </label>
      <div class="ds_select-wrapper ds_input--fluid-one-third">
        <select class="ds_select" id="sort" name="sort">
          {Object.entries(SORT_ORDERS).map(([value, label]) => (
            <option value={value} selected={value === query.sort} key={value}>
              {label}
            </option>
          ))}
        </select>
        <span class="ds_select-arrow" aria-hidden="true"></span>
      </div>
      <button type="submit" class="ds_button ds_button--secondary ds_button--small js-apply-filter">
        Sort
      </button>
    </form>
  );
}

function NoResults({ result }: { result: SearchOutcome }): VNode {
  const selected = result.facets.flatMap((facet) =>
    facet.values.filter((value) => value.selected).map((value) => ({ facet, value })),
  );
  return (
    <div class="hub_no-results" data-testid="no-results">
      <h2 class="ds_h3">No courses match your search</h2>
      <p>To find more courses, you could:</p>
      <ul>
        {result.query.q && (
          <li>check the spelling of “{result.query.q}”, or use fewer or more general words</li>
        )}
        {selected.map(({ facet, value }) => (
          <li key={`${facet.name}-${value.value}`}>
            <a href={searchHref(withoutValue(result.query, facet.name, value.value))}>
              remove the filter “{facet.label}: {value.label}”
            </a>
          </li>
        ))}
        {selected.length > 1 && (
          <li>
            <a href={searchHref({ ...emptyQuery(), q: result.query.q })}>clear all filters</a>
          </li>
        )}
        {result.query.q && (
          <li>
            <a href="/micro-credentials">browse every course</a> by subject, level or institution
          </li>
        )}
        <li>
          look words up in the <a href="/glossary">glossary</a>: providers use different names for the same
          kind of course
        </li>
      </ul>
    </div>
  );
}

export interface SearchPageProps {
  result: SearchOutcome;
  subjectNames: Map<string, string>;
  currentPath: string;
  isDemo: boolean;
  publicUrl: string;
  errors?: FormError[];
}

export function renderSearchPage({
  result,
  subjectNames,
  currentPath,
  isDemo,
  publicUrl,
  errors = [],
}: SearchPageProps): string {
  const { query } = result;
  const pageCount = Math.max(1, Math.ceil(result.total / query.pageSize));
  const first = (query.page - 1) * query.pageSize + 1;
  const last = Math.min(result.total, query.page * query.pageSize);
  const shownQuery = result.correctedQuery ?? query.q;
  const heading =
    result.total === 0
      ? 'No results'
      : `Showing ${number.format(first)} to ${number.format(last)} of ${number.format(result.total)} ${result.total === 1 ? 'course' : 'courses'}`;
  const title = query.q ? `Courses matching “${query.q}”` : 'Find a micro-credential or short course';
  return renderHubPage({
    title: query.page > 1 ? `${title} (page ${query.page})` : title,
    description:
      'Search every micro-credential and short course offered by Scotland’s colleges and universities.',
    currentPath,
    isDemo,
    publicUrl,
    layout: 'search-results--filters',
    breadcrumbs: [{ href: '/', label: 'Home' }, { label: 'Find a course' }],
    children: (
      <>
        <LayoutArea area="header">
          <PageHeader title="Find a micro-credential or short course" />
        </LayoutArea>
        <LayoutArea area="content">
          <ErrorSummary errors={errors} />
          <SearchBox
            label="Search by subject, skill or course name"
            value={query.q}
            action="/micro-credentials"
            hiddenFields={hiddenFieldsFor(query, 'filters')}
          />
          <p class="ds_hint-text">
            Courses are called many things: short course,{' '}
            <Term slug="micro-credential">micro-credential</Term>, CPD award, skills boost. Search finds them
            all.
          </p>
        </LayoutArea>
        <LayoutArea area="sidebar">
          <FilterPanel
            form={{
              action: '/micro-credentials',
              hiddenFields: hiddenFieldsFor(query, 'text'),
              id: 'filters',
            }}
          >
            {result.facets.map((facet) => (
              <FacetFilter facet={facet} key={facet.name} />
            ))}
          </FilterPanel>
        </LayoutArea>
        <LayoutArea area="list">
          {result.correctedQuery && (
            <InsetText>
              <p data-testid="corrected-query">
                No courses matched “{query.q}”, so these are the results for “
                <strong>{result.correctedQuery}</strong>”.
              </p>
            </InsetText>
          )}
          {result.synonymsUsed.length > 0 && result.total > 0 && (
            <p class="ds_hint-text" data-testid="synonyms-used">
              Also searched for words that mean the same:{' '}
              {result.synonymsUsed.map((phrase, index) => (
                <span key={phrase.slug}>
                  {index > 0 && '; '}
                  <Term slug={phrase.slug}>{phrase.matched}</Term> (
                  {phrase.alternatives
                    .filter((alternative) => alternative.toLowerCase() !== phrase.matched.toLowerCase())
                    .slice(0, 4)
                    .join(', ')}
                  )
                </span>
              ))}
            </p>
          )}
          <SelectedFilters result={result} />
          {result.total === 0 ? (
            <>
              <h2 class="ds_search-results__title" aria-live="polite">
                {heading}
              </h2>
              <NoResults result={result} />
            </>
          ) : (
            <SearchResults
              title={
                <>
                  {heading}
                  {shownQuery && <span class="visually-hidden"> for {shownQuery}</span>}
                </>
              }
              start={first}
              controls={<SortForm query={query} />}
            >
              {result.items.map((entry) => (
                <SearchResult
                  key={entry.slug}
                  href={`/micro-credentials/${entry.slug}`}
                  title={entry.title}
                  label={`${entry.institutionName} · ${subjectNames.get(entry.subjectSlug) ?? entry.subjectSlug}`}
                  summary={entry.summary}
                  metadata={resultMetadata(entry)}
                />
              ))}
            </SearchResults>
          )}
          {query.page > pageCount && result.total > 0 && (
            <p>
              There are only {pageCount} pages of results.{' '}
              <a href={searchHref(query, { page: 1 })}>Go to the first page</a>.
            </p>
          )}
          <Pagination
            current={query.page}
            total={pageCount}
            href={(page) => searchHref(query, { page })}
            label="Result pages"
          />
        </LayoutArea>
      </>
    ),
  });
}

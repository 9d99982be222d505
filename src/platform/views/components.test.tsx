import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import {
  Button,
  ButtonLink,
  Card,
  CheckboxGroup,
  Details,
  ErrorSummary,
  FilterPanel,
  InsetText,
  Metadata,
  NotificationBanner,
  NotificationMessage,
  PageHeader,
  Pagination,
  paginationSlots,
  RadioGroup,
  SearchBox,
  SearchResult,
  SearchResults,
  Select,
  SummaryList,
  Table,
  Tag,
  Textarea,
  TextInput,
  WarningText,
  fieldId,
} from './components.tsx';
import { ErrorPage } from './error-page.tsx';
import { Layout, LayoutArea } from './layout.tsx';
import { renderPage } from './render.ts';

const navigation = [
  { href: '/', label: 'Home' },
  { href: '/search', label: 'Find a course' },
  { href: '/glossary', label: 'Glossary' },
];

function count(html: string, pattern: RegExp): number {
  return html.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
}

/** The opening tag of the element with this id. */
function tagWithId(html: string, id: string): string {
  const match = html.match(new RegExp(`<[a-z]+[^>]*\\sid="${id}"[^>]*>`));
  if (!match) throw new Error(`no element with id ${id}`);
  return match[0];
}

describe('fieldId', () => {
  it('when a field path has indexes and dots, it becomes a plain id', () => {
    expect(fieldId('learningOutcomes[2].text')).toBe('learningOutcomes-2-text');
  });

  it('when a field path starts with a digit or symbol, the id still starts with a letter', () => {
    expect(fieldId('2nd choice')).toBe('field-2nd-choice');
    expect(fieldId('[0]')).toBe('field-0');
  });
});

describe('ErrorSummary', () => {
  it('when there are errors, each links to its field id under the title "There is a problem"', () => {
    const html = render(
      <ErrorSummary
        errors={[
          { field: 'title', message: 'Enter a title' },
          { field: 'learningOutcomes[2].text', message: 'Enter the third learning outcome' },
        ]}
      />,
    );
    expect(html).toContain('There is a problem');
    expect(html).toContain('role="alert"');
    expect(html).toContain('<a href="#title">Enter a title</a>');
    expect(html).toContain('<a href="#learningOutcomes-2-text">Enter the third learning outcome</a>');
  });

  it('when there are no errors, nothing is rendered', () => {
    expect(render(<ErrorSummary errors={[]} />)).toBe('');
  });

  it('the summary link lands on the input that TextInput renders for the same field', () => {
    const field = 'learningOutcomes[2].text';
    const summary = render(<ErrorSummary errors={[{ field, message: 'Enter it' }]} />);
    const input = render(<TextInput name={field} label="Outcome" error="Enter it" />);
    const target = summary.match(/href="#([^"]+)"/)?.[1] ?? '';
    expect(tagWithId(input, target)).toMatch(/^<input/);
  });
});

describe('Question fields', () => {
  it('when a text input has an error, the question shows the error state and the input is described by the message', () => {
    const html = render(
      <TextInput name="title" label="Title" hint="As learners will see it" error="Enter a title" />,
    );
    expect(html).toContain('class="ds_question ds_question--error"');
    expect(html).toContain(
      '<p class="ds_question__error-message" id="title-error"><span class="visually-hidden">Error:</span> Enter a title</p>',
    );
    const input = tagWithId(html, 'title');
    expect(input).toContain('aria-describedby="title-hint title-error"');
    expect(input).toContain('aria-invalid="true"');
    expect(input).toContain('ds_input--error');
    expect(html).toContain('<label class="ds_label" for="title">Title</label>');
  });

  it('when a text input has no error, there is no error state and no error message', () => {
    const html = render(<TextInput name="title" label="Title" value="Care" />);
    expect(html).not.toContain('ds_question--error');
    expect(html).not.toContain('Error:');
    expect(tagWithId(html, 'title')).not.toContain('aria-describedby');
    expect(tagWithId(html, 'title')).toContain('value="Care"');
  });

  it('a textarea keeps what the person typed, escaped', () => {
    const html = render(
      <Textarea name="summary" label="Summary" value={'a </textarea><script>x</script>'} />,
    );
    expect(html).toContain('a &lt;/textarea>&lt;script>x&lt;/script></textarea>');
  });

  it('a select marks the chosen option and its error', () => {
    const html = render(
      <Select
        name="level"
        label="SCQF level"
        value="7"
        emptyOption="Any level"
        error="Choose a level"
        options={[
          { value: '6', label: 'Level 6' },
          { value: '7', label: 'Level 7' },
        ]}
      />,
    );
    expect(html).toContain('<option value="7" selected>Level 7</option>');
    expect(html).toContain('ds_select ds_select--error');
    expect(tagWithId(html, 'level')).toContain('aria-describedby="level-error"');
  });

  it('a radio group in error describes its fieldset by the message and checks the chosen item', () => {
    const html = render(
      <RadioGroup
        name="kind"
        legend="Kind"
        value="small"
        error="Choose a kind"
        items={[
          { value: 'credit', label: 'Credit-rated' },
          { value: 'small', label: 'Not credit-rated' },
        ]}
      />,
    );
    expect(html).toContain('<fieldset aria-describedby="kind-error">');
    expect(tagWithId(html, 'kind')).not.toContain('checked');
    expect(tagWithId(html, 'kind-2')).toContain('checked');
    expect(html).toContain('<legend>Kind</legend>');
  });
});

describe('CheckboxGroup', () => {
  const items = [
    { value: 'online', label: 'Online', count: 1234 },
    { value: 'hybrid', label: 'Hybrid', count: 0 },
    { value: 'in-person', label: 'In person', count: 12 },
  ];

  it('keeps the ticked boxes ticked and shows each count', () => {
    const html = render(
      <CheckboxGroup name="delivery" legend="Delivery" items={items} values={['online', 'in-person']} />,
    );
    expect(tagWithId(html, 'delivery')).toContain('checked');
    expect(tagWithId(html, 'delivery-2')).not.toContain('checked');
    expect(tagWithId(html, 'delivery-3')).toContain('checked');
    expect(html).toContain('Online<span class="hub_count"> (1,234)</span>');
    expect(html).toContain('Hybrid<span class="hub_count"> (0)</span>');
    expect(html).toContain('<legend>Delivery</legend>');
    expect(count(html, /class="ds_checkbox__input"/)).toBe(3);
  });

  it('each box is labelled and named for the GET form', () => {
    const html = render(<CheckboxGroup name="delivery" legend="Delivery" items={items} />);
    expect(html).toContain('<label class="ds_checkbox__label" for="delivery-2">');
    expect(count(html, /name="delivery"/)).toBe(3);
  });

  it('in a filter panel it uses the small filter style', () => {
    const html = render(<CheckboxGroup name="delivery" legend="Delivery" items={items} isFilter />);
    expect(html).toContain('ds_search-filters__checkboxes');
    expect(html).toContain('ds_checkbox ds_checkbox--small');
  });
});

describe('Pagination', () => {
  const href = (page: number) => `/search?q=care&page=${page}`;

  it('marks the current page and links to the previous and next pages', () => {
    const html = render(<Pagination current={5} total={12} href={href} label="Search result pages" />);
    expect(html).toContain('aria-label="Search result pages"');
    expect(html).toMatch(
      /<a class="ds_pagination__link ds_current" href="\/search\?q=care&amp;page=5"[^>]*aria-current="page"/,
    );
    expect(count(html, /aria-current="page"/)).toBe(1);
    expect(html).toMatch(/href="\/search\?q=care&amp;page=4" rel="prev"/);
    expect(html).toMatch(/href="\/search\?q=care&amp;page=6" rel="next"/);
    expect(count(html, /ds_pagination__link--ellipsis/)).toBe(2);
  });

  it('on the first page there is no previous link, and on the last no next link', () => {
    expect(render(<Pagination current={1} total={3} href={href} />)).not.toContain('rel="prev"');
    expect(render(<Pagination current={3} total={3} href={href} />)).not.toContain('rel="next"');
  });

  it('with one page there is no pagination', () => {
    expect(render(<Pagination current={1} total={1} href={href} />)).toBe('');
  });

  it('shows a page instead of an ellipsis that would hide only one page', () => {
    expect(paginationSlots(1, 1)).toEqual([1]);
    expect(paginationSlots(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(paginationSlots(1, 10)).toEqual([1, 2, 'gap', 10]);
    expect(paginationSlots(6, 12)).toEqual([1, 'gap', 5, 6, 7, 'gap', 12]);
  });
});

describe('escaping', () => {
  it('a script in a title renders as text, not markup', () => {
    const html = render(
      <SearchResult href="/x" title={'<script>alert(1)</script>'} summary={'"quoted" & <b>bold</b>'} />,
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(html).toContain('&lt;b>bold&lt;/b>');
  });

  it('an attribute value cannot break out of its quotes', () => {
    const html = render(<TextInput name="q" label="Search" value={'"><script>alert(1)</script>'} />);
    expect(html).not.toContain('<script>');
    expect(html).toContain('value="&quot;>&lt;script>');
  });
});

describe('content components', () => {
  it('PageHeader renders one h1, its label and metadata', () => {
    const html = render(
      <PageHeader
        title="Care"
        label="Micro-credential"
        metadata={[{ key: 'Provider', value: 'A college' }]}
      />,
    );
    expect(count(html, /<h1/)).toBe(1);
    expect(html).toContain('<span class="ds_page-header__label ds_content-label">Micro-credential</span>');
    expect(html).toContain('<dl class="ds_page-header__metadata ds_metadata">');
    expect(html).toContain(
      '<dt class="ds_metadata__key">Provider</dt> <dd class="ds_metadata__value">A college</dd>',
    );
  });

  it('SummaryList renders rows and completes the action text for screen readers', () => {
    const html = render(
      <SummaryList
        items={[
          { key: 'Title', value: 'Care', action: { href: '/edit#title', label: 'Change' } },
          { key: 'Level', value: '7' },
        ]}
      />,
    );
    expect(count(html, /class="ds_summary-list__item"/)).toBe(2);
    expect(html).toContain(
      '<a class="ds_link" href="/edit#title">Change<span class="visually-hidden"> title</span></a>',
    );
  });

  it('SearchResults numbers its list from the first result on the page', () => {
    const html = render(
      <SearchResults title="Showing 21 to 40 of 93 results" start={21}>
        <SearchResult
          href="/c/1"
          title="First"
          summary="About it"
          label="Provider"
          metadata={[{ key: 'SCQF level', value: '7' }]}
        />
      </SearchResults>,
    );
    expect(html).toContain('<ol class="ds_search-results__list" start="21">');
    expect(html).toContain('<div class="ds_search-results" id="search-results">');
    expect(html).toContain(
      '<h3 class="ds_search-result__title"><a class="ds_search-result__link" href="/c/1">First</a></h3>',
    );
    expect(html).toContain('<dt class="ds_metadata__key">SCQF level</dt>');
  });

  it('FilterPanel with a form is a GET form that submits itself and keeps an apply button for no JavaScript', () => {
    const html = render(
      <FilterPanel form={{ action: '/search', hiddenFields: [{ name: 'q', value: 'care' }] }}>
        <CheckboxGroup
          name="delivery"
          legend="Delivery"
          items={[{ value: 'online', label: 'Online' }]}
          isFilter
        />
      </FilterPanel>,
    );
    expect(html).toContain('<form method="get" action="/search" data-auto-submit>');
    expect(html).toContain('<input type="hidden" name="q" value="care"/>');
    expect(html).toMatch(/<button type="submit" class="[^"]*js-apply-filter">Apply filters<\/button>/);
    expect(html).toContain('href="#search-results"');
    expect(html).toContain('<details class="ds_details ds_no-margin" data-module="ds-details">');
  });

  it('SearchBox is a labelled search form whose button has a text name', () => {
    const html = render(<SearchBox label="Search courses" value="care" action="/search" />);
    expect(html).toContain('<form role="search" class="ds_site-search__form" method="get" action="/search">');
    expect(html).toContain('<label class="ds_label" for="q">Search courses</label>');
    expect(html).toContain('<span class="visually-hidden">Search</span>');
    expect(html).toContain('icons.stack.svg#search');
  });

  it('Table has a caption, column headers with scope and row headers when asked', () => {
    const html = render(
      <Table
        caption="Levels"
        headers={['Level', 'Credits']}
        rows={[['7', 120]]}
        hasRowHeaders
        numericColumns={[1]}
      />,
    );
    expect(html).toContain('<caption>Levels</caption>');
    expect(html).toContain('<th scope="col">Level</th>');
    expect(html).toContain('<th scope="row">7</th>');
    expect(html).toContain('<td class="hub_numeric" data-heading="Credits">120</td>');
  });

  it('small components render the design system classes', () => {
    expect(render(<Tag colour="green">Open</Tag>)).toBe('<strong class="ds_tag ds_tag--green">Open</strong>');
    expect(render(<Button>Save</Button>)).toBe('<button type="submit" class="ds_button">Save</button>');
    expect(
      render(
        <Button variant="secondary" type="button">
          Back
        </Button>,
      ),
    ).toContain('class="ds_button ds_button--secondary"');
    expect(render(<ButtonLink href="/start">Start</ButtonLink>)).toBe(
      '<a href="/start" class="ds_button">Start</a>',
    );
    expect(render(<InsetText>Note</InsetText>)).toContain(
      '<div class="ds_inset-text"><div class="ds_inset-text__text">Note</div></div>',
    );
    expect(render(<WarningText>Careful</WarningText>)).toContain(
      '<strong class="visually-hidden">Warning</strong>',
    );
    expect(render(<Details summary="More">Text</Details>)).toContain(
      '<summary class="ds_details__summary">More</summary>',
    );
    expect(render(<Metadata items={[{ key: 'A', value: 'B' }]} isInline />)).toContain(
      'ds_metadata ds_metadata--inline',
    );
    expect(render(<NotificationBanner>News</NotificationBanner>)).toContain(
      'class="ds_notification hub_notification--inline"',
    );
    expect(render(<NotificationMessage title="Saved" />)).toContain('role="status"');
    expect(
      render(
        <Card title="Care" href="/c">
          Body
        </Card>,
      ),
    ).toContain('class="ds_card__link ds_card__link--cover" href="/c"');
  });
});

describe('Layout', () => {
  function page(extra: { isDemo?: boolean; currentPath?: string } = {}): string {
    return renderPage(
      <Layout
        title="Find a course"
        currentPath={extra.currentPath ?? '/search?q=care'}
        navigation={navigation}
        isDemo={extra.isDemo}
        description="Search short courses"
        publicUrl="https://hub.example"
        breadcrumbs={[{ href: '/', label: 'Home' }, { label: 'Find a course' }]}
      >
        <LayoutArea area="header">
          <PageHeader title="Find a course" />
        </LayoutArea>
        <LayoutArea area="content">
          <p>Body</p>
        </LayoutArea>
      </Layout>,
    );
  }

  it('is an English (UK) HTML document with the site name in its title', () => {
    const html = page();
    expect(html.startsWith('<!DOCTYPE html><html lang="en-GB">')).toBe(true);
    expect(html).toContain('<title>Find a course - Micro-credentials Hub</title>');
    expect(html).toContain('<meta name="description" content="Search short courses"/>');
    expect(html).toContain('<link rel="canonical" href="https://hub.example/search"/>');
  });

  it('has one h1 when given a PageHeader, a skip link to the main content and the main landmark', () => {
    const html = page();
    expect(count(html, /<h1/)).toBe(1);
    expect(html).toContain('<a class="ds_skip-links__link" href="#main-content">Skip to main content</a>');
    expect(html).toContain('<main id="main-content" class="ds_layout ds_layout--article">');
  });

  it('marks the current navigation item with aria-current="page" and no other', () => {
    const html = page();
    expect(html).toMatch(
      /<a href="\/search" class="ds_site-navigation__link ds_current" aria-current="page">/,
    );
    // once in the small-screen menu, once in the wide-screen navigation
    expect(count(html, /aria-current="page">Find a course<\/a>/)).toBe(2);
    expect(html).not.toMatch(/<a href="\/" class="ds_site-navigation__link ds_current"/);
  });

  it('when the hub shows demonstration data, the phase banner says Demo and explains it', () => {
    const html = page({ isDemo: true });
    expect(html).toContain('<strong class="ds_tag ds_phase-banner__tag">Demo</strong>');
    expect(html).toContain(
      'This hub shows demonstration data: courses, dates and prices are examples, not real offers.',
    );
  });

  it('otherwise the phase banner says Beta', () => {
    const html = page();
    expect(html).toContain('<strong class="ds_tag ds_phase-banner__tag">Beta</strong>');
    expect(html).not.toContain('demonstration data');
  });

  it('has breadcrumbs, footer links and the design system assets', () => {
    const html = page();
    expect(html).toContain('<nav aria-label="Breadcrumb"><ol class="ds_breadcrumbs">');
    expect(html).toContain('<span aria-current="page">Find a course</span>');
    for (const link of ['/about', '/glossary', '/api/docs', '/accessibility']) {
      expect(html).toContain(`<li class="ds_site-items__item"><a href="${link}">`);
    }
    expect(html).toContain('<link rel="stylesheet" href="/assets/ds/css/design-system.min.css"/>');
    expect(html).toContain('<link rel="stylesheet" href="/assets/hub.css"/>');
    expect(html).toContain('<script type="module" src="/assets/ds/scripts/design-system.js"></script>');
    expect(html).toContain('<script type="module" src="/assets/hub.js"></script>');
  });

  it('a title with markup stays text in the document title', () => {
    const html = renderPage(
      <Layout title="<script>alert(1)</script>" currentPath="/" navigation={navigation}>
        <p>x</p>
      </Layout>,
    );
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('<title>&lt;script>alert(1)&lt;/script> - Micro-credentials Hub</title>');
  });
});

describe('ErrorPage', () => {
  it('a missing page says so in plain words, links home and shows no stack', () => {
    const html = renderPage(<ErrorPage status={404} currentPath="/nowhere" />);
    expect(html).toContain('<h1 class="ds_page-header__title">Page not found</h1>');
    expect(html).toContain('<title>Page not found - Micro-credentials Hub</title>');
    expect(html).toContain('<a href="/">Go to the home page</a>');
    expect(html).not.toContain('hub_stack');
  });

  it('a server error gives a reference and no internal detail unless a stack is passed in development', () => {
    const html = renderPage(<ErrorPage status={500} currentPath="/x" reference="req-7" />);
    expect(html).toContain('Sorry, there is a problem with the service');
    expect(html).toContain('<strong>req-7</strong>');
    expect(html).not.toContain('hub_stack');
  });

  it('a bad request shows what was wrong', () => {
    const html = renderPage(
      <ErrorPage status={400} currentPath="/search?page=0" detail="'page' must be at least 1" />,
    );
    expect(html).toContain('There is a problem with this request');
    expect(html).toContain("<p>'page' must be at least 1</p>");
  });
});

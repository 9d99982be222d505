import type { VNode } from 'preact';
import {
  ButtonLink,
  PageHeader,
  SearchResult,
  SearchResults,
  SummaryList,
} from '../../../platform/views/components.tsx';
import { LayoutArea } from '../../../platform/views/layout.tsx';
import { renderHubPage } from '../../site/index.ts';
import type { CatalogueEntry } from '../catalogue-read-model.ts';
import type { Institution } from '../catalogue-repository.ts';
import { INSTITUTION_KIND_LABELS } from '../catalogue-search.ts';
import { resultMetadata } from './search-page.tsx';

type InstitutionWithCount = Institution & { courseCount: number };

function InstitutionList({
  institutions,
  heading,
}: {
  institutions: InstitutionWithCount[];
  heading: string;
}): VNode {
  return (
    <>
      <h2>{heading}</h2>
      <ul class="ds_no-bullets hub_institution-list">
        {institutions.map((institution) => (
          <li key={institution.slug}>
            <a href={`/institutions/${institution.slug}`}>{institution.name}</a>{' '}
            <span class="ds_hint-text">
              {institution.region} · {institution.courseCount}{' '}
              {institution.courseCount === 1 ? 'course' : 'courses'}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

export function renderInstitutionsPage(props: {
  institutions: InstitutionWithCount[];
  currentPath: string;
  isDemo: boolean;
  publicUrl: string;
}): string {
  const byKind = (kind: Institution['kind']) =>
    props.institutions.filter((institution) => institution.kind === kind);
  return renderHubPage({
    title: 'Institutions',
    description: 'The colleges and universities that offer micro-credentials through the hub.',
    currentPath: props.currentPath,
    isDemo: props.isDemo,
    publicUrl: props.publicUrl,
    breadcrumbs: [{ href: '/', label: 'Home' }, { label: 'Institutions' }],
    children: (
      <>
        <LayoutArea area="header">
          <PageHeader title="Institutions" />
        </LayoutArea>
        <LayoutArea area="content">
          <p class="ds_leader">
            {props.institutions.length} colleges and universities describe their micro-credentials and short
            courses here to one standard.
          </p>
          <InstitutionList institutions={byKind('university')} heading="Universities" />
          <InstitutionList institutions={byKind('college')} heading="Colleges" />
          {byKind('other').length > 0 && (
            <InstitutionList institutions={byKind('other')} heading="Other credit-rating bodies" />
          )}
        </LayoutArea>
      </>
    ),
  });
}

export function renderInstitutionPage(props: {
  institution: Institution;
  courses: CatalogueEntry[];
  total: number;
  subjectNames: Map<string, string>;
  currentPath: string;
  isDemo: boolean;
  publicUrl: string;
}): string {
  const { institution } = props;
  return renderHubPage({
    title: institution.name,
    description: institution.summary,
    currentPath: props.currentPath,
    isDemo: props.isDemo,
    publicUrl: props.publicUrl,
    breadcrumbs: [
      { href: '/', label: 'Home' },
      { href: '/institutions', label: 'Institutions' },
      { label: institution.name },
    ],
    children: (
      <>
        <LayoutArea area="header">
          <PageHeader title={institution.name} label={INSTITUTION_KIND_LABELS[institution.kind]} />
        </LayoutArea>
        <LayoutArea area="content">
          <p class="ds_leader">{institution.summary}</p>
          <SummaryList
            items={[
              { key: 'Type', value: INSTITUTION_KIND_LABELS[institution.kind] },
              { key: 'Where', value: institution.region },
              ...(institution.website
                ? [
                    {
                      key: 'Website',
                      value: (
                        <a href={institution.website} rel="external">
                          {institution.website.replace(/^https?:\/\//, '')}
                        </a>
                      ),
                    },
                  ]
                : []),
              { key: 'Module code prefix', value: institution.codePrefix },
            ]}
          />
          {props.total === 0 ? (
            <p>{institution.name} has no published courses in the hub yet.</p>
          ) : (
            <>
              <h2>Courses</h2>
              <SearchResults
                title={`${props.total} ${props.total === 1 ? 'course' : 'courses'}, starting soonest first`}
              >
                {props.courses.map((entry) => (
                  <SearchResult
                    key={entry.slug}
                    href={`/micro-credentials/${entry.slug}`}
                    title={entry.title}
                    label={props.subjectNames.get(entry.subjectSlug) ?? entry.subjectSlug}
                    summary={entry.summary}
                    metadata={resultMetadata(entry)}
                  />
                ))}
              </SearchResults>
              {props.total > props.courses.length && (
                <ButtonLink href={`/micro-credentials?institution=${institution.slug}`} variant="secondary">
                  See and filter all {props.total} courses
                </ButtonLink>
              )}
            </>
          )}
        </LayoutArea>
      </>
    ),
  });
}

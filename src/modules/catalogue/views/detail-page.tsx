import type { VNode } from 'preact';
import {
  NotificationBanner,
  InsetText,
  PageHeader,
  SummaryList,
  Table,
  Tag,
} from '../../../platform/views/components.tsx';
import { LayoutArea } from '../../../platform/views/layout.tsx';
import { Term, renderHubPage } from '../../site/index.ts';
import { scqfLevel } from '../../framework/index.ts';
import {
  ASSESSMENT_KINDS,
  DELIVERY_MODES,
  FUNDING,
  PARTNER_KINDS,
  QA_ROUTES,
  RECOGNITION,
  SCQF_CHARACTERISTICS,
  SUPERVISION,
  describeDuration,
  formatPrice,
  type MicroCredentialInput,
} from '../catalogue-model.ts';
import type { Institution, Offering, PublishedVersion } from '../catalogue-repository.ts';
import { formatDate, formatShortDate, listInWords } from './format.ts';

export interface DetailPageProps {
  institution: Institution;
  version: PublishedVersion;
  subjectName: string;
  facts: { ects: number | null; eqfLevel: number | null; creditsInWords: string | null };
  upcomingOfferings: Offering[];
  slug: string;
  currentPath: string;
  publicUrl: string;
  isDemo: boolean;
  /** Glossary slug of the provider's own term, when the glossary has one. */
  providerTermSlug: string | undefined;
  /** Set when an author previews a proposal: the page says so and links back, and carries no course markup. */
  preview?: { backHref: string };
}

const TRANSFER_WORDS = {
  'internal-and-external': 'Yes: the credit is recognised by this and other institutions',
  internal: 'Within this institution only',
  none: 'No: other institutions decide case by case',
} as const;

/** The hub's own words need no "the institution calls it" note. */
function isCanonicalTerm(term: string): boolean {
  return ['micro-credential', 'small qualification'].includes(term.toLowerCase());
}

function LevelExplained({
  input,
  eqfLevel,
}: {
  input: MicroCredentialInput;
  eqfLevel: number | null;
}): VNode {
  if (input.scqfLevel === null) {
    return (
      <>
        Not credit-rated: a <Term slug="small-qualification">small qualification</Term> has no SCQF level
      </>
    );
  }
  const level = scqfLevel(input.scqfLevel);
  return (
    <>
      <strong>Level {level.level}</strong>: {level.meaning}. Like {listInWords(level.examples)}.
      {eqfLevel !== null && (
        <>
          {' '}
          Equivalent to <Term slug="eqf">EQF</Term> level {eqfLevel}.
        </>
      )}
    </>
  );
}

function courseJsonLd(props: DetailPageProps): string {
  const { version, institution, publicUrl, slug, upcomingOfferings } = props;
  const input = version.input;
  const url = `${publicUrl}/micro-credentials/${slug}`;
  const document = {
    '@context': 'https://schema.org',
    '@type': 'Course',
    '@id': url,
    url,
    name: input.title,
    description: input.summary,
    courseCode: version.code ?? undefined,
    inLanguage: input.language === 'English' ? 'en-GB' : input.language,
    provider: {
      '@type': institution.kind === 'other' ? 'EducationalOrganization' : 'CollegeOrUniversity',
      name: institution.name,
      url: institution.website ?? `${publicUrl}/institutions/${institution.slug}`,
    },
    educationalLevel: input.scqfLevel === null ? undefined : `SCQF level ${input.scqfLevel}`,
    numberOfCredits:
      input.scqfCredits === null
        ? undefined
        : { '@type': 'StructuredValue', value: input.scqfCredits, unitText: 'SCQF credit points' },
    timeRequired: `PT${input.notionalHours}H`,
    teaches: input.learningOutcomes.map((outcome) => outcome.text),
    coursePrerequisites: input.prerequisites || undefined,
    educationalCredentialAwarded: RECOGNITION[input.recognition],
    about: props.subjectName,
    hasCourseInstance: upcomingOfferings.map((offering) => ({
      '@type': 'CourseInstance',
      courseMode:
        offering.deliveryMode === 'in-person' || offering.deliveryMode === 'workplace'
          ? 'onsite'
          : offering.deliveryMode === 'hybrid'
            ? 'blended'
            : 'online',
      startDate: offering.startsOn ?? undefined,
      endDate: offering.endsOn ?? undefined,
      location: offering.location ?? undefined,
      offers: {
        '@type': 'Offer',
        price: (offering.funding === 'fully-funded' ? 0 : offering.pricePence / 100).toFixed(2),
        priceCurrency: 'GBP',
        category: FUNDING[offering.funding],
      },
    })),
  };
  // JSON inside a script element must not be able to close it.
  return JSON.stringify(document).replace(/</g, '\\u003c');
}

function OfferingsTable({ offerings }: { offerings: Offering[] }): VNode {
  if (offerings.length === 0) {
    return <p>No dates have been announced yet. Contact the institution to register your interest.</p>;
  }
  return (
    <Table
      caption="Upcoming dates"
      isCaptionHidden
      smallScreen="boxes"
      headers={['Dates', 'Apply by', 'How it is taught', 'Live sessions', 'Price', 'Places']}
      rows={offerings.map((offering) => [
        offering.startsOn ? (
          <>
            <span class="hub_nowrap">{formatShortDate(offering.startsOn)}</span> to{' '}
            <span class="hub_nowrap">
              {offering.endsOn ? formatShortDate(offering.endsOn) : 'when you finish'}
            </span>
          </>
        ) : (
          'Any time, at your own pace'
        ),
        offering.enrolBy ? <span class="hub_nowrap">{formatShortDate(offering.enrolBy)}</span> : 'Any time',
        <>
          {DELIVERY_MODES[offering.deliveryMode]}
          {offering.location && offering.deliveryMode !== 'online' && <>, {offering.location}</>}
          {offering.thirdPartyPlatform && <>, on {offering.thirdPartyPlatform}</>}
        </>,
        offering.synchronousHours > 0 ? `${offering.synchronousHours} hours` : 'None: study in your own time',
        <>
          {offering.funding === 'fully-funded' ? (
            <Tag colour="green">Fully funded</Tag>
          ) : (
            formatPrice(offering.pricePence)
          )}
          {offering.funding === 'part-funded' && ' (part funded)'}
          {offering.feeNotes && <span class="ds_hint-text hub_fee-notes">{offering.feeNotes}</span>}
        </>,
        offering.places === null ? 'Not limited' : String(offering.places),
      ])}
    />
  );
}

export function renderDetailPage(props: DetailPageProps): string {
  const { version, institution, facts, subjectName, upcomingOfferings } = props;
  const input = version.input;
  const isCreditRated = input.kind === 'micro-credential';
  const cheapest = upcomingOfferings.reduce<number | null>((lowest, offering) => {
    const price = offering.funding === 'fully-funded' ? 0 : offering.pricePence;
    return lowest === null || price < lowest ? price : lowest;
  }, null);
  const modes = [...new Set(upcomingOfferings.map((offering) => DELIVERY_MODES[offering.deliveryMode]))];
  const glance = [
    {
      key: 'Type of course',
      value: (
        <>
          {isCreditRated ? (
            <>
              <Term slug="micro-credential">Micro-credential</Term> (credit-rated)
            </>
          ) : (
            <>
              <Term slug="small-qualification">Small qualification</Term> (not credit-rated)
            </>
          )}
          .
          {!isCanonicalTerm(input.providerTerm) && (
            <>
              {' '}
              {institution.name} calls it a{/^[aeiou]/i.test(input.providerTerm) ? 'n' : ''}{' '}
              {props.providerTermSlug ? (
                <Term slug={props.providerTermSlug}>{input.providerTerm}</Term>
              ) : (
                input.providerTerm
              )}
              .
            </>
          )}
        </>
      ),
    },
    {
      key: <Term slug="scqf-level">SCQF level</Term>,
      value: <LevelExplained input={input} eqfLevel={facts.eqfLevel} />,
    },
    {
      key: 'Size',
      value: facts.creditsInWords ? (
        <>
          {input.scqfCredits} <Term slug="scqf-credit">SCQF credits</Term> = {input.notionalHours}{' '}
          <Term slug="notional-hours">hours of learning</Term> = {facts.ects}{' '}
          <Term slug="ects">ECTS credits</Term>
        </>
      ) : (
        <>
          About {input.notionalHours} <Term slug="notional-hours">hours of learning</Term>
        </>
      ),
    },
    {
      key: 'How long it takes',
      value:
        input.duration.kind === 'within' ? (
          <>
            <Term slug="complete-within">{describeDuration(input.duration)}</Term>, studying at your own pace
          </>
        ) : (
          describeDuration(input.duration)
        ),
    },
    {
      key: <Term slug="delivery-mode">How it is taught</Term>,
      value: modes.length > 0 ? modes.join('; ') : 'No upcoming dates',
    },
    {
      key: 'Cost',
      value:
        cheapest === null ? (
          'No upcoming dates'
        ) : cheapest === 0 ? (
          <Term slug="fully-funded">Fully funded places available</Term>
        ) : (
          `From ${formatPrice(cheapest)}`
        ),
    },
    {
      key: <Term slug="awarding-body">Awarded by</Term>,
      value: <a href={`/institutions/${institution.slug}`}>{institution.name}</a>,
    },
    {
      key: 'What you get',
      value: (
        <>
          <Term slug={input.recognition}>{RECOGNITION[input.recognition]}</Term>
          {input.hasTranscript && (
            <>
              {' '}
              and a <Term slug="transcript">transcript</Term>
            </>
          )}
        </>
      ),
    },
    {
      key: <Term slug="stackable">Counts towards</Term>,
      value:
        input.countsTowards.length > 0 ? (
          <ul class="ds_no-bullets ds_no-margin">
            {input.countsTowards.map((award) => (
              <li key={award}>{award}</li>
            ))}
          </ul>
        ) : (
          'Does not count towards a larger award'
        ),
    },
    {
      key: <Term slug="transferable">Recognised elsewhere</Term>,
      value: TRANSFER_WORDS[input.transferability],
    },
  ];

  return renderHubPage({
    title: input.title,
    description: input.summary,
    currentPath: props.currentPath,
    publicUrl: props.publicUrl,
    isDemo: props.isDemo,
    breadcrumbs: [
      { href: '/', label: 'Home' },
      { href: '/micro-credentials', label: 'Find a course' },
      { label: input.title },
    ],
    ...(props.preview
      ? {}
      : {
          head: (
            <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: courseJsonLd(props) }} />
          ),
        }),
    children: (
      <>
        <LayoutArea area="header">
          <PageHeader
            title={input.title}
            label={isCreditRated ? 'Micro-credential' : 'Small qualification'}
            metadata={[
              {
                key: 'Institution',
                value: <a href={`/institutions/${institution.slug}`}>{institution.name}</a>,
              },
              {
                key: 'Subject',
                value: <a href={`/micro-credentials?subject=${input.subjectSlug}`}>{subjectName}</a>,
              },
              ...(version.code
                ? [{ key: <Term slug="module-code">Module code</Term>, value: version.code }]
                : []),
            ]}
          />
        </LayoutArea>
        <LayoutArea area="content">
          {props.preview && (
            <NotificationBanner title="Preview">
              <p>
                This is a preview: the page is not published.{' '}
                <a href={props.preview.backHref}>Back to the proposal</a>
              </p>
            </NotificationBanner>
          )}
          <p class="ds_leader">{input.summary}</p>
          {props.isDemo && (
            <InsetText>
              <p>This is an example course in the demonstration hub. Its dates and prices are not real.</p>
            </InsetText>
          )}
          <h2>At a glance</h2>
          <SummaryList items={glance} id="at-a-glance" />

          <h2 id="dates">Upcoming dates</h2>
          <OfferingsTable offerings={upcomingOfferings} />

          <h2>About this course</h2>
          <p>{input.description}</p>

          <h2>What you will learn</h2>
          <p>
            By the end, you will be able to do these things, the course’s{' '}
            <Term slug="learning-outcome">learning outcomes</Term>:
          </p>
          <ul>
            {input.learningOutcomes.map((outcome, index) => (
              <li key={index}>
                {outcome.text}
                <br />
                <span class="ds_hint-text">
                  <Term slug="scqf-characteristics">Skill area</Term>:{' '}
                  {SCQF_CHARACTERISTICS[outcome.characteristic]}
                </span>
              </li>
            ))}
          </ul>

          <h2>How you are assessed</h2>
          <p>{input.assessment}</p>
          <SummaryList
            items={[
              {
                key: <Term slug="assessment">Main type</Term>,
                value: ASSESSMENT_KINDS[input.assessmentKind],
              },
              {
                key: <Term slug="supervised-assessment">Supervision</Term>,
                value: SUPERVISION[input.supervision],
              },
              { key: 'Identity checked', value: input.identityChecked ? 'Yes' : 'No' },
            ]}
          />

          <h2>Before you start</h2>
          <SummaryList
            items={[
              { key: 'What you need', value: input.prerequisites || 'Nothing: anyone can apply' },
              { key: 'Language', value: input.language },
            ]}
          />

          {(input.partners.length > 0 || input.accreditation) && (
            <>
              <h2>Partners and accreditation</h2>
              {input.partners.length > 0 && (
                <ul>
                  {input.partners.map((partner) => (
                    <li key={partner.name}>
                      <strong>{partner.name}</strong> (
                      {partner.kind === 'psrb' ? (
                        <Term slug="psrb">PSRB</Term>
                      ) : (
                        PARTNER_KINDS[partner.kind].toLowerCase()
                      )}
                      ): {partner.role}
                    </li>
                  ))}
                </ul>
              )}
              {input.accreditation && (
                <p>
                  <Term slug="accreditation">Accredited</Term> by {input.accreditation}.
                </p>
              )}
            </>
          )}

          <h2>Quality assurance</h2>
          <p>
            How the institution checks the course meets the standard: its{' '}
            <Term slug="quality-assurance">quality assurance</Term>.
          </p>
          <SummaryList
            items={[
              { key: 'Checked by', value: input.qaBody },
              { key: 'Approval route', value: QA_ROUTES[input.qaRoute] },
              ...(input.qaApprovedOn ? [{ key: 'Approved on', value: formatDate(input.qaApprovedOn) }] : []),
              ...(input.creditRatingBody
                ? [
                    {
                      key: <Term slug="credit-rating-body">Credit-rated by</Term>,
                      value: input.creditRatingBody,
                    },
                  ]
                : []),
              ...(input.nextReviewOn ? [{ key: 'Next review', value: formatDate(input.nextReviewOn) }] : []),
              {
                key: 'Version',
                value: `${version.versionNumber}${version.publishedAt ? `, published ${formatDate(version.publishedAt.toISOString().slice(0, 10))}` : ''}`,
              },
            ]}
          />
        </LayoutArea>
      </>
    ),
  });
}

/**
 * How a published micro-credential is flattened into the search read model. Pure, so the demo
 * seed, the publishing service and the search benchmark all build rows the same way.
 */
import {
  creditSizeOf,
  describeDuration,
  durationBandOf,
  priceBandOf,
  type InstitutionKind,
  type MicroCredentialInput,
  type OfferingInput,
} from './catalogue-model.ts';

export interface CatalogueEntry {
  microCredentialId: string;
  versionId: string;
  slug: string;
  title: string;
  summary: string;
  institutionId: string;
  institutionSlug: string;
  institutionName: string;
  institutionKind: InstitutionKind;
  subjectSlug: string;
  kind: MicroCredentialInput['kind'];
  providerTerm: string;
  scqfLevel: number | null;
  scqfCredits: number | null;
  notionalHours: number;
  creditSize: string;
  duration: string;
  durationLabel: string;
  isOnline: boolean;
  isHybrid: boolean;
  isInPerson: boolean;
  isWorkplace: boolean;
  priceBand: string;
  minPricePence: number | null;
  isFunded: boolean;
  isStackable: boolean;
  isTransferable: boolean;
  nextStartsOn: string | null;
  publishedAt: Date;
}

/** The words that feed the search index beyond the entry's own columns, by weight. */
export interface EntryText {
  /** Weight B: learning outcomes, keywords, the provider's own term, subject and kind. */
  outcomes: string;
  /** Weight C: summary and description. */
  description: string;
}

export interface EntrySource {
  microCredentialId: string;
  versionId: string;
  slug: string;
  institution: { id: string; slug: string; name: string; kind: InstitutionKind };
  subjectName: string;
  input: MicroCredentialInput;
  offerings: OfferingInput[];
  publishedAt: Date;
  /** ISO date: offerings that have finished before it no longer count. */
  today: string;
}

/**
 * An offering is still open to a learner until its enrolment deadline (or, without one, its
 * start), or always when it runs at the learner's own pace.
 */
export function isUpcoming(offering: Pick<OfferingInput, 'startsOn' | 'enrolBy'>, today: string): boolean {
  if (offering.startsOn === null) return true;
  return (offering.enrolBy ?? offering.startsOn) >= today;
}

export function toCatalogueEntry(source: EntrySource): { entry: CatalogueEntry; text: EntryText } {
  const { input, institution } = source;
  const upcoming = source.offerings.filter((offering) => isUpcoming(offering, source.today));
  // How a course is taught is a fact of the course even between intakes, so every offering counts.
  const modes = new Set(source.offerings.map((offering) => offering.deliveryMode));
  const prices = upcoming.map((offering) => (offering.funding === 'fully-funded' ? 0 : offering.pricePence));
  const minPricePence = prices.length > 0 ? Math.min(...prices) : null;
  const starts = upcoming
    .map((offering) => offering.startsOn)
    .filter((start): start is string => start !== null)
    .sort();
  const isFunded = upcoming.some((offering) => offering.funding === 'fully-funded');
  return {
    entry: {
      microCredentialId: source.microCredentialId,
      versionId: source.versionId,
      slug: source.slug,
      title: input.title,
      summary: input.summary,
      institutionId: institution.id,
      institutionSlug: institution.slug,
      institutionName: institution.name,
      institutionKind: institution.kind,
      subjectSlug: input.subjectSlug,
      kind: input.kind,
      providerTerm: input.providerTerm,
      scqfLevel: input.scqfLevel,
      scqfCredits: input.scqfCredits,
      notionalHours: input.notionalHours,
      creditSize: creditSizeOf(input.scqfCredits),
      duration: durationBandOf(input.duration),
      durationLabel: describeDuration(input.duration),
      isOnline: modes.has('online'),
      isHybrid: modes.has('hybrid'),
      isInPerson: modes.has('in-person'),
      isWorkplace: modes.has('workplace'),
      priceBand: priceBandOf(minPricePence, isFunded && minPricePence === 0),
      minPricePence,
      isFunded,
      isStackable: input.stackability !== 'none',
      isTransferable: input.transferability !== 'none',
      nextStartsOn: starts[0] ?? null,
      publishedAt: source.publishedAt,
    },
    text: {
      outcomes: [
        ...input.learningOutcomes.map((outcome) => outcome.text),
        ...input.keywords,
        input.providerTerm,
        source.subjectName,
        input.kind === 'micro-credential' ? 'micro-credential' : 'small qualification',
      ].join('. '),
      description: `${input.summary} ${input.description}`,
    },
  };
}

/** Lower-case words of a title and keywords, for correcting misspelt searches. */
export function vocabularyOf(input: Pick<MicroCredentialInput, 'title' | 'keywords'>): string[] {
  return `${input.title} ${input.keywords.join(' ')}`
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 3);
}

import type { MicroCredentialInput, OfferingInput } from '../../src/modules/catalogue/catalogue-model.ts';
import { slugify } from '../../src/modules/catalogue/catalogue-model.ts';
import type { NewInstitution } from '../../src/modules/catalogue/catalogue-repository.ts';

/** Valid inputs a test changes one thing of, so each test shows only what it is about. */
export function aMicroCredential(overrides: Partial<MicroCredentialInput> = {}): MicroCredentialInput {
  return {
    title: 'Introduction to Cyber Security',
    summary: 'For people working in any organisation who want to understand and reduce everyday cyber risks.',
    description: 'Covers common threats, safe habits and how organisations respond to incidents.',
    learningOutcomes: [
      {
        text: 'Explain the most common cyber threats to small organisations',
        characteristic: 'knowledge-and-understanding',
      },
      { text: 'Apply basic controls to protect accounts and devices', characteristic: 'applied-knowledge' },
    ],
    subjectSlug: 'computing',
    keywords: ['security', 'IT'],
    kind: 'micro-credential',
    providerTerm: 'micro-credential',
    scqfLevel: 7,
    scqfCredits: 10,
    notionalHours: 100,
    duration: { kind: 'fixed', amount: 10, unit: 'weeks' },
    assessment: 'A short report and an online test.',
    assessmentKind: 'coursework',
    supervision: 'unsupervised',
    identityChecked: false,
    prerequisites: 'None.',
    language: 'English',
    qaBody: 'Test University Quality Committee',
    qaRoute: 'standard',
    qaApprovedOn: '2026-01-15',
    creditRatingBody: 'Test University',
    recognition: 'certificate-of-study',
    hasTranscript: true,
    transferability: 'internal-and-external',
    stackability: 'internal',
    countsTowards: ['Certificate of Higher Education in Computing'],
    accreditation: null,
    nextReviewOn: '2029-01-15',
    partners: [],
    ...overrides,
  };
}

export function aSmallQualification(overrides: Partial<MicroCredentialInput> = {}): MicroCredentialInput {
  return aMicroCredential({
    title: 'Food Hygiene Refresher',
    kind: 'small-qualification',
    providerTerm: 'short course',
    scqfLevel: null,
    scqfCredits: null,
    notionalHours: 6,
    duration: { kind: 'fixed', amount: 1, unit: 'days' },
    assessmentKind: 'attendance',
    creditRatingBody: null,
    recognition: 'certificate-of-attendance',
    hasTranscript: false,
    stackability: 'none',
    countsTowards: [],
    ...overrides,
  });
}

export function anOffering(overrides: Partial<OfferingInput> = {}): OfferingInput {
  return {
    startsOn: '2027-01-11',
    endsOn: '2027-03-19',
    enrolBy: '2027-01-04',
    deliveryMode: 'online',
    location: null,
    synchronousHours: 10,
    pricePence: 25_000,
    feeNotes: null,
    funding: 'self-funded',
    places: 30,
    thirdPartyPlatform: null,
    ...overrides,
  };
}

export function anInstitution(overrides: Partial<NewInstitution> = {}): NewInstitution {
  const name = overrides.name ?? 'Test University';
  return {
    slug: slugify(name),
    name,
    kind: 'university',
    region: 'Edinburgh',
    website: null,
    summary: `${name} is an institution created for a test.`,
    codePrefix: name.replace(/[^A-Z]/g, '').slice(0, 4) || 'TEST',
    isDemo: false,
    ...overrides,
  };
}

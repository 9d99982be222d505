import { describe, expect, it } from 'vitest';
import {
  creditSizeOf,
  durationBandOf,
  formatPrice,
  frameworkFacts,
  missingMandatoryElements,
  priceBandOf,
  slugify,
  validateMicroCredential,
  validateOffering,
  type MicroCredentialInput,
  type OfferingInput,
} from './catalogue-model.ts';
import { aMicroCredential, aSmallQualification, anOffering } from '../../../test/support/builders.ts';

function fieldsOf(input: MicroCredentialInput) {
  return validateMicroCredential(input).map((error) => error.field);
}

function offeringFieldsOf(input: OfferingInput) {
  return validateOffering(input).map((error) => error.field);
}

describe('a micro-credential version', () => {
  it('is valid when it states everything the framework asks for', () => {
    expect(validateMicroCredential(aMicroCredential())).toEqual([]);
    expect(validateMicroCredential(aSmallQualification())).toEqual([]);
  });

  it('must have an SCQF level from 1 to 12 when credit-rated', () => {
    expect(fieldsOf(aMicroCredential({ scqfLevel: 13 }))).toEqual(['scqfLevel']);
    expect(fieldsOf(aMicroCredential({ scqfLevel: 0 }))).toEqual(['scqfLevel']);
    expect(fieldsOf(aMicroCredential({ scqfLevel: 6.5 }))).toEqual(['scqfLevel']);
    expect(fieldsOf(aMicroCredential({ scqfLevel: null }))).toEqual(['scqfLevel']);
  });

  it('must carry whole credits when credit-rated', () => {
    expect(fieldsOf(aMicroCredential({ scqfCredits: null }))).toContain('scqfCredits');
    expect(fieldsOf(aMicroCredential({ scqfCredits: 0, notionalHours: 0 }))).toContain('scqfCredits');
    expect(fieldsOf(aMicroCredential({ scqfCredits: 2.5, notionalHours: 25 }))).toEqual(['scqfCredits']);
    expect(fieldsOf(aMicroCredential({ scqfCredits: 240, notionalHours: 2400 }))).toEqual(['scqfCredits']);
  });

  it('refuses credits that do not match the notional hours, saying the right number', () => {
    const errors = validateMicroCredential(aMicroCredential({ scqfCredits: 10, notionalHours: 80 }));
    expect(errors).toEqual([
      { field: 'notionalHours', message: expect.stringContaining('10 credits means 100 hours') },
    ]);
  });

  it('refuses credits or a level on a small qualification, which is not credit-rated', () => {
    expect(fieldsOf(aSmallQualification({ scqfCredits: 5 }))).toEqual(['scqfCredits']);
    expect(fieldsOf(aSmallQualification({ scqfLevel: 5 }))).toEqual(['scqfLevel']);
  });

  it('gives a small qualification a certificate of attendance, and a micro-credential a certificate of study', () => {
    expect(fieldsOf(aSmallQualification({ recognition: 'certificate-of-study' }))).toEqual(['recognition']);
    expect(fieldsOf(aMicroCredential({ recognition: 'certificate-of-attendance' }))).toEqual(['recognition']);
  });

  it('does not let a small qualification stack into an award', () => {
    expect(fieldsOf(aSmallQualification({ stackability: 'internal', countsTowards: ['An award'] }))).toEqual([
      'stackability',
    ]);
  });

  it('asks what a stackable course counts towards', () => {
    expect(fieldsOf(aMicroCredential({ stackability: 'internal', countsTowards: [] }))).toEqual([
      'countsTowards',
    ]);
  });

  it('needs a credit-rating body for a credit-rated course', () => {
    expect(fieldsOf(aMicroCredential({ creditRatingBody: ' ' }))).toEqual(['creditRatingBody']);
  });

  it('does not accept attendance alone as assessment for credit', () => {
    expect(fieldsOf(aMicroCredential({ assessmentKind: 'attendance' }))).toEqual(['assessmentKind']);
  });

  it('names each learning outcome that is too short or untagged by its position', () => {
    const input = aMicroCredential({
      learningOutcomes: [
        { text: 'Explain the main threats to a network', characteristic: 'knowledge-and-understanding' },
        { text: 'Do it', characteristic: 'applied-knowledge' },
        { text: 'Evaluate security policies', characteristic: 'made-up' as never },
      ],
    });
    expect(fieldsOf(input)).toEqual(['learningOutcomes[1].text', 'learningOutcomes[2].characteristic']);
    expect(fieldsOf(aMicroCredential({ learningOutcomes: [] }))).toEqual(['learningOutcomes']);
  });

  it('checks titles, summaries, durations and dates', () => {
    expect(fieldsOf(aMicroCredential({ title: 'Hi' }))).toEqual(['title']);
    expect(fieldsOf(aMicroCredential({ summary: 'Too short' }))).toEqual(['summary']);
    expect(fieldsOf(aMicroCredential({ duration: { kind: 'fixed', amount: 0, unit: 'weeks' } }))).toEqual([
      'duration.amount',
    ]);
    expect(fieldsOf(aMicroCredential({ qaApprovedOn: '2026-02-30' }))).toEqual(['qaApprovedOn']);
    expect(fieldsOf(aMicroCredential({ qaApprovedOn: '2026-05-01', nextReviewOn: '2026-04-01' }))).toEqual([
      'nextReviewOn',
    ]);
  });

  it('names every problem at once, each with a fix', () => {
    const errors = validateMicroCredential(aMicroCredential({ title: '', scqfLevel: 20, language: '' }));
    expect(errors.map((error) => error.field)).toEqual(['title', 'scqfLevel', 'language']);
    for (const error of errors) expect(error.message.length).toBeGreaterThan(15);
  });
});

describe('the EU mandatory elements', () => {
  it('are all present in a complete micro-credential', () => {
    expect(missingMandatoryElements(aMicroCredential(), 'Test University')).toEqual([]);
  });

  it('are listed by name when missing', () => {
    const missing = missingMandatoryElements(
      aMicroCredential({ learningOutcomes: [], assessment: '', scqfLevel: null }),
      null,
    );
    expect(missing).toEqual([
      'Awarding body',
      'Learning outcomes',
      'Level of learning',
      'Type of assessment',
    ]);
  });
});

describe('derived framework facts', () => {
  it('give ECTS, EQF and the size in words for a credit-rated course', () => {
    expect(frameworkFacts({ scqfLevel: 7, scqfCredits: 10 })).toEqual({
      ects: 5,
      eqfLevel: 5,
      creditsInWords: '10 SCQF credits = 100 hours of learning = 5 ECTS credits',
    });
  });

  it('are empty for a course without credit', () => {
    expect(frameworkFacts({ scqfLevel: null, scqfCredits: null })).toEqual({
      ects: null,
      eqfLevel: null,
      creditsInWords: null,
    });
  });
});

describe('an offering', () => {
  it('is valid with real dates in order', () => {
    expect(validateOffering(anOffering())).toEqual([]);
  });

  it('refuses an end before its start and a deadline after the start', () => {
    expect(offeringFieldsOf(anOffering({ startsOn: '2027-02-01', endsOn: '2027-01-01' }))).toEqual([
      'endsOn',
    ]);
    expect(offeringFieldsOf(anOffering({ enrolBy: '2027-02-01' }))).toEqual(['enrolBy']);
  });

  it('needs a place for in-person teaching', () => {
    expect(offeringFieldsOf(anOffering({ deliveryMode: 'in-person', location: null }))).toEqual(['location']);
    expect(offeringFieldsOf(anOffering({ deliveryMode: 'in-person', location: 'Dundee campus' }))).toEqual(
      [],
    );
  });

  it('refuses negative prices and places, and unexplained funding of a priced course', () => {
    expect(offeringFieldsOf(anOffering({ pricePence: -1 }))).toEqual(['pricePence']);
    expect(offeringFieldsOf(anOffering({ places: 0 }))).toEqual(['places']);
    expect(offeringFieldsOf(anOffering({ funding: 'fully-funded' }))).toEqual(['feeNotes']);
    expect(
      offeringFieldsOf(anOffering({ funding: 'fully-funded', feeNotes: 'Funded by the Upskilling Fund' })),
    ).toEqual([]);
    expect(offeringFieldsOf(anOffering({ startsOn: '2027-13-01', endsOn: null, enrolBy: null }))).toEqual([
      'startsOn',
    ]);
  });
});

describe('search bands', () => {
  it('sort credits into sizes', () => {
    expect([null, 1, 5, 6, 10, 15, 20, 40].map(creditSizeOf)).toEqual([
      'not-credit-rated',
      'up-to-5',
      'up-to-5',
      '6-to-10',
      '6-to-10',
      '11-to-20',
      '11-to-20',
      'over-20',
    ]);
  });

  it('sort durations by how long they take in the calendar', () => {
    expect(durationBandOf({ kind: 'fixed', amount: 6, unit: 'hours' })).toBe('up-to-a-day');
    expect(durationBandOf({ kind: 'fixed', amount: 2, unit: 'days' })).toBe('up-to-a-week');
    expect(durationBandOf({ kind: 'fixed', amount: 6, unit: 'weeks' })).toBe('2-to-6-weeks');
    expect(durationBandOf({ kind: 'fixed', amount: 10, unit: 'weeks' })).toBe('7-to-12-weeks');
    expect(durationBandOf({ kind: 'fixed', amount: 6, unit: 'months' })).toBe('over-12-weeks');
    expect(durationBandOf({ kind: 'within', amount: 1, unit: 'months' })).toBe('own-pace');
  });

  it('sort prices into bands, treating funded places as free to the learner', () => {
    expect(priceBandOf(null, false)).toBe('no-dates');
    expect(priceBandOf(0, false)).toBe('free');
    expect(priceBandOf(50_000, true)).toBe('free');
    expect(priceBandOf(9_999, false)).toBe('under-100');
    expect(priceBandOf(10_000, false)).toBe('100-to-499');
    expect(priceBandOf(99_999, false)).toBe('500-to-999');
    expect(priceBandOf(150_000, false)).toBe('1000-or-more');
  });

  it('show prices as people write them', () => {
    expect(formatPrice(0)).toBe('Free');
    expect(formatPrice(25_000)).toBe('£250');
    expect(formatPrice(125_050)).toBe('£1,250.50');
  });

  it('make readable slugs from names with accents and symbols', () => {
    expect(slugify('Sabhal Mòr Ostaig')).toBe('sabhal-mor-ostaig');
    expect(slugify("Scotland's Rural College (SRUC)")).toBe('scotland-s-rural-college-sruc');
    expect(slugify('Health & Safety')).toBe('health-and-safety');
  });
});

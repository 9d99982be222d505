import { describe, expect, it } from 'vitest';
import { goodPracticeChecklist, type ChecklistItem, type Draft } from './checklist-model.ts';
import { GLOSSARY } from '../framework/glossary-data.ts';

const context = { awardingBody: 'University of the Highlands', today: '2026-03-01' };

/** A micro-credential an experienced quality officer would wave through. */
function aGoodDraft(overrides: Draft = {}): Draft {
  return {
    title: 'Data Analysis with Spreadsheets',
    summary:
      'For people in any job who work with figures. You will learn to clean, analyse and chart data in spreadsheets, and present what it shows.',
    description: 'Ten weeks of online study with weekly tasks based on real workplace data.',
    learningOutcomes: [
      { text: 'Clean and structure a raw data set in a spreadsheet', characteristic: 'applied-knowledge' },
      {
        text: 'Learners will be able to explain the choice of a summary statistic',
        characteristic: 'knowledge-and-understanding',
      },
      {
        text: 'Present findings in charts suited to their audience',
        characteristic: 'communication-numeracy-ict',
      },
    ],
    subjectSlug: 'computing',
    keywords: ['data', 'spreadsheets'],
    kind: 'micro-credential',
    providerTerm: 'micro-credential',
    scqfLevel: 7,
    scqfCredits: 10,
    notionalHours: 100,
    duration: { kind: 'fixed', amount: 10, unit: 'weeks' },
    assessment: 'A portfolio of three analyses of workplace data, marked against the outcomes.',
    assessmentKind: 'portfolio',
    supervision: 'unsupervised',
    identityChecked: false,
    prerequisites: 'None.',
    language: 'English',
    qaBody: 'Academic Quality Committee',
    qaRoute: 'standard',
    qaApprovedOn: null,
    creditRatingBody: 'University of the Highlands',
    recognition: 'certificate-of-study',
    hasTranscript: true,
    transferability: 'internal-and-external',
    stackability: 'internal',
    countsTowards: ['Certificate of Higher Education in Data Skills'],
    accreditation: null,
    nextReviewOn: '2029-03-01',
    partners: [],
    ...overrides,
  };
}

function aGoodSmallQualification(overrides: Draft = {}): Draft {
  return aGoodDraft({
    title: 'Food Hygiene Refresher',
    kind: 'small-qualification',
    scqfLevel: null,
    scqfCredits: null,
    notionalHours: 6,
    duration: { kind: 'fixed', amount: 1, unit: 'days' },
    learningOutcomes: [
      { text: 'Apply safe food storage rules in a kitchen', characteristic: 'applied-knowledge' },
    ],
    assessment: 'Attendance at the full day and a short practical demonstration.',
    assessmentKind: 'attendance',
    creditRatingBody: null,
    recognition: 'certificate-of-attendance',
    hasTranscript: false,
    stackability: 'none',
    countsTowards: [],
    ...overrides,
  });
}

function itemOf(draft: Draft, id: string): ChecklistItem {
  const found = goodPracticeChecklist(draft, context).items.find((item) => item.id === id);
  if (!found) throw new Error(`No checklist item ${id}`);
  return found;
}

function missingOf(draft: Draft, id: string): string[] {
  return itemOf(draft, id).missing;
}

const CREDIT_RATED_ITEMS = [
  'eu-mandatory-elements',
  'scqf-level-and-credits',
  'outcomes-as-outcomes',
  'assessment-stated',
  'quality-assurance-route',
  'review-date',
  'plain-summary',
  'recognition-stated',
];

const SMALL_QUALIFICATION_ITEMS = [
  'eu-mandatory-elements',
  'not-credit-rated',
  'outcomes-as-outcomes',
  'assessment-stated',
  'quality-assurance-route',
  'review-date',
  'plain-summary',
];

describe('the good-practice checklist', () => {
  it('passes a complete, well-written micro-credential', () => {
    const checklist = goodPracticeChecklist(aGoodDraft(), context);
    expect(checklist.kind).toBe('micro-credential');
    expect(checklist.items.map((item) => item.id)).toEqual(CREDIT_RATED_ITEMS);
    expect(checklist.items.filter((item) => !item.isMet)).toEqual([]);
    expect(checklist.items.every((item) => item.missing.length === 0)).toBe(true);
    expect(checklist.isPassed).toBe(true);
  });

  it('fails every item of an empty draft, without throwing, and treats it as a micro-credential', () => {
    const checklist = goodPracticeChecklist({}, context);
    expect(checklist.kind).toBe('micro-credential');
    expect(checklist.items.map((item) => item.id)).toEqual(CREDIT_RATED_ITEMS);
    for (const item of checklist.items) {
      expect(item.isMet, item.id).toBe(false);
      expect(item.missing.length, item.id).toBeGreaterThan(0);
    }
    expect(checklist.isPassed).toBe(false);
  });

  it('fails every item of an empty small qualification', () => {
    const checklist = goodPracticeChecklist({ kind: 'small-qualification' }, context);
    expect(checklist.items.map((item) => item.id)).toEqual(SMALL_QUALIFICATION_ITEMS);
    expect(checklist.items.filter((item) => item.isMet)).toEqual([]);
  });

  it('links every item to an entry that exists in the glossary', () => {
    const slugs = new Set(GLOSSARY.map((entry) => entry.slug));
    const items = [
      ...goodPracticeChecklist({}, context).items,
      ...goodPracticeChecklist({ kind: 'small-qualification' }, context).items,
    ];
    for (const item of items) expect(slugs, item.id).toContain(item.glossarySlug);
    expect(Object.fromEntries(items.map((item) => [item.id, item.glossarySlug]))).toEqual({
      'eu-mandatory-elements': 'eu-mandatory-elements',
      'scqf-level-and-credits': 'scqf-credit',
      'outcomes-as-outcomes': 'learning-outcome',
      'assessment-stated': 'assessment',
      'quality-assurance-route': 'quality-assurance',
      'review-date': 'quality-assurance',
      'plain-summary': 'micro-credential',
      'recognition-stated': 'certificate-of-study',
      'not-credit-rated': 'small-qualification',
    });
  });

  it('uses stable kebab-case ids and plain labels', () => {
    for (const item of goodPracticeChecklist({}, context).items) {
      expect(item.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(item.label).toMatch(/^[A-Z]/);
    }
  });

  it('fails when only one item fails, and only that item', () => {
    const checklist = goodPracticeChecklist(aGoodDraft({ qaBody: '' }), context);
    expect(checklist.isPassed).toBe(false);
    expect(checklist.items.filter((item) => !item.isMet).map((item) => item.id)).toEqual([
      'eu-mandatory-elements',
      'quality-assurance-route',
    ]);
  });
});

describe('the EU mandatory elements item', () => {
  it('names each missing element', () => {
    expect(missingOf({}, 'eu-mandatory-elements')).toEqual([
      'Title',
      'Learning outcomes',
      'Notional workload (notional hours)',
      'Level (SCQF level)',
      'Type of assessment',
      'Form of participation (how long the course takes)',
      'Type of quality assurance (quality assurance body)',
    ]);
  });

  it.each([
    [{ title: '  ' }, 'Title', 'about'],
    [{ learningOutcomes: [] }, 'Learning outcomes', 'outcomes'],
    [{ notionalHours: 0 }, 'Notional workload (notional hours)', 'size'],
    [{ scqfLevel: null }, 'Level (SCQF level)', 'size'],
    [{ assessment: '' }, 'Type of assessment', 'assessment'],
    [{ assessmentKind: undefined }, 'Type of assessment', 'assessment'],
    [{ duration: undefined }, 'Form of participation (how long the course takes)', 'size'],
    [
      { duration: { kind: 'fixed', amount: 0, unit: 'weeks' } },
      'Form of participation (how long the course takes)',
      'size',
    ],
    [{ qaBody: '' }, 'Type of quality assurance (quality assurance body)', 'quality'],
  ] as const)('when %o, names %s and points to the %s step', (overrides, name, step) => {
    const item = itemOf(aGoodDraft(overrides as Draft), 'eu-mandatory-elements');
    expect(item).toMatchObject({ isMet: false, missing: [name], step });
  });

  it('points to the step of the first missing element', () => {
    expect(itemOf(aGoodDraft({ assessment: '', qaBody: '' }), 'eu-mandatory-elements').step).toBe(
      'assessment',
    );
    expect(itemOf({}, 'eu-mandatory-elements').step).toBe('about');
  });

  it('names the awarding body when the institution has none, without blaming a step', () => {
    const item = goodPracticeChecklist(aGoodDraft(), { ...context, awardingBody: '' }).items[0];
    expect(item).toMatchObject({ id: 'eu-mandatory-elements', missing: ['Awarding body'], step: 'about' });
  });

  it('does not ask a small qualification for a level', () => {
    expect(itemOf(aGoodSmallQualification(), 'eu-mandatory-elements').isMet).toBe(true);
    expect(missingOf({ kind: 'small-qualification' }, 'eu-mandatory-elements')).not.toContain(
      'Level (SCQF level)',
    );
  });
});

describe('the SCQF level and credits item', () => {
  it('asks for the level, the credits and the hours when none is entered', () => {
    expect(missingOf({}, 'scqf-level-and-credits')).toEqual([
      'Enter the SCQF level',
      'Enter the SCQF credits',
      'Enter the notional hours of learning',
    ]);
    expect(itemOf({}, 'scqf-level-and-credits').step).toBe('size');
  });

  it.each([0, 13, 6.5, Number.NaN])('refuses SCQF level %s', (scqfLevel) => {
    expect(missingOf(aGoodDraft({ scqfLevel }), 'scqf-level-and-credits')).toEqual([
      expect.stringMatching(/^SCQF level .* does not exist: enter a whole number from 1 to 12$/),
    ]);
  });

  it('accepts the lowest and highest levels', () => {
    expect(itemOf(aGoodDraft({ scqfLevel: 1 }), 'scqf-level-and-credits').isMet).toBe(true);
    expect(itemOf(aGoodDraft({ scqfLevel: 12 }), 'scqf-level-and-credits').isMet).toBe(true);
  });

  it.each([0, -5, 2.5, 121])('refuses %s credits', (scqfCredits) => {
    expect(missingOf(aGoodDraft({ scqfCredits }), 'scqf-level-and-credits')).toEqual([
      `${scqfCredits} credits is not possible: enter a whole number from 1 to 120`,
    ]);
  });

  it('accepts 1 and 120 credits with matching hours', () => {
    expect(itemOf(aGoodDraft({ scqfCredits: 1, notionalHours: 10 }), 'scqf-level-and-credits').isMet).toBe(
      true,
    );
    expect(
      itemOf(aGoodDraft({ scqfCredits: 120, notionalHours: 1200 }), 'scqf-level-and-credits').isMet,
    ).toBe(true);
  });

  it('says how many hours the credits mean when they do not match', () => {
    expect(missingOf(aGoodDraft({ scqfCredits: 20, notionalHours: 150 }), 'scqf-level-and-credits')).toEqual([
      '20 credits means 200 notional hours, not 150',
    ]);
    expect(missingOf(aGoodDraft({ scqfCredits: 1, notionalHours: 12 }), 'scqf-level-and-credits')).toEqual([
      '1 credit means 10 notional hours, not 12',
    ]);
  });

  it('asks for the notional hours when they are missing', () => {
    expect(missingOf(aGoodDraft({ notionalHours: undefined }), 'scqf-level-and-credits')).toEqual([
      'Enter the notional hours of learning',
    ]);
  });
});

describe('the learning outcomes item', () => {
  const outcome = (text: string) => ({ text, characteristic: 'cognitive-skills' as const });
  const good = [
    outcome('Evaluate the reliability of a data source'),
    outcome('Design a survey that answers a business question'),
    outcome('Interpret a chart for a non-specialist reader'),
  ];

  it('asks for 3 to 8 outcomes on a micro-credential', () => {
    expect(missingOf(aGoodDraft({ learningOutcomes: [] }), 'outcomes-as-outcomes')).toEqual([
      'Add at least 3 learning outcomes',
    ]);
    expect(missingOf(aGoodDraft({ learningOutcomes: good.slice(0, 2) }), 'outcomes-as-outcomes')).toEqual([
      'Add at least 3 learning outcomes: there are only 2',
    ]);
    const nine = Array.from({ length: 9 }, (_, index) => outcome(`Analyse data set number ${index + 1}`));
    expect(missingOf(aGoodDraft({ learningOutcomes: nine }), 'outcomes-as-outcomes')).toEqual([
      'Keep to 8 learning outcomes or fewer: there are 9. Combine outcomes that overlap',
    ]);
    expect(itemOf(aGoodDraft({ learningOutcomes: nine.slice(0, 8) }), 'outcomes-as-outcomes').isMet).toBe(
      true,
    );
  });

  it.each([
    ['Understand the principles of data protection', 'understand'],
    ['understanding how charts mislead', 'understanding'],
    ['Know the main spreadsheet functions', 'know'],
    ['Be aware of bias in samples', 'be aware'],
    ['Appreciate the value of clean data', 'appreciate'],
    ['Learn to use pivot tables', 'learn'],
    ['Become familiar with statistical terms', 'become familiar'],
    ['Have knowledge of data formats', 'have knowledge'],
    ['Learners will be able to understand regression', 'understand'],
    ['You will be able to KNOW the formulas', 'know'],
    ['Be able to: appreciate good charts', 'appreciate'],
  ])('flags "%s" as starting with %s, naming the outcome by number', (text, verb) => {
    const learningOutcomes = [good[0]!, outcome(text), good[2]!];
    expect(missingOf(aGoodDraft({ learningOutcomes }), 'outcomes-as-outcomes')).toEqual([
      `Outcome 2 starts with '${verb}', which cannot be assessed: start with what the learner will do, such as 'explain' or 'apply'`,
    ]);
  });

  it.each([
    'Knowledgeably advise a client on data formats',
    'Learners will be able to explain regression',
    'Apply learning theories to a lesson plan',
  ])('accepts "%s"', (text) => {
    const learningOutcomes = [good[0]!, outcome(text), good[2]!];
    expect(itemOf(aGoodDraft({ learningOutcomes }), 'outcomes-as-outcomes').isMet).toBe(true);
  });

  it('flags an outcome shorter than 10 characters', () => {
    const learningOutcomes = [good[0]!, good[1]!, outcome(' Analyse ')];
    expect(missingOf(aGoodDraft({ learningOutcomes }), 'outcomes-as-outcomes')).toEqual([
      'Outcome 3 is too short: write what the learner will be able to do in at least 10 characters',
    ]);
  });

  it('flags an outcome without an SCQF characteristic', () => {
    const untagged = {
      text: 'Evaluate a model',
      characteristic: undefined,
    } as unknown as (typeof good)[number];
    const learningOutcomes = [untagged, good[1]!, good[2]!];
    expect(missingOf(aGoodDraft({ learningOutcomes }), 'outcomes-as-outcomes')).toEqual([
      'Outcome 1 has no SCQF characteristic: choose the one it develops',
    ]);
  });

  it('lists every problem with every outcome, pointing to the outcomes step', () => {
    const item = itemOf(aGoodDraft({ learningOutcomes: [outcome('Know')] }), 'outcomes-as-outcomes');
    expect(item.step).toBe('outcomes');
    expect(item.missing).toHaveLength(3);
  });

  it('asks a small qualification for 1 to 8 outcomes', () => {
    expect(
      itemOf(aGoodSmallQualification({ learningOutcomes: [good[0]!] }), 'outcomes-as-outcomes').isMet,
    ).toBe(true);
    expect(missingOf(aGoodSmallQualification({ learningOutcomes: [] }), 'outcomes-as-outcomes')).toEqual([
      'Add at least 1 learning outcome',
    ]);
  });
});

describe('the assessment item', () => {
  it('asks for a description, a kind and supervision when none is given', () => {
    expect(missingOf({}, 'assessment-stated')).toEqual([
      'Describe how learning is assessed',
      'Choose the main type of assessment',
      'Choose how assessment is supervised',
    ]);
    expect(itemOf({}, 'assessment-stated').step).toBe('assessment');
  });

  it('asks for more than a few words of description', () => {
    expect(missingOf(aGoodDraft({ assessment: 'An essay.' }), 'assessment-stated')).toEqual([
      expect.stringContaining('Say more about how learning is assessed (at least 30 characters)'),
    ]);
    expect(itemOf(aGoodDraft({ assessment: 'x'.repeat(30) }), 'assessment-stated').isMet).toBe(true);
  });

  it('refuses attendance alone for a credit-rated micro-credential', () => {
    expect(missingOf(aGoodDraft({ assessmentKind: 'attendance' }), 'assessment-stated')).toEqual([
      expect.stringContaining('cannot be assessed by attendance alone'),
    ]);
  });

  it('refuses a kind or supervision that is not one of the choices', () => {
    const draft = aGoodDraft({ assessmentKind: 'constructor' as never, supervision: '' as never });
    expect(missingOf(draft, 'assessment-stated')).toEqual([
      'Choose the main type of assessment',
      'Choose how assessment is supervised',
    ]);
  });

  it('accepts attendance alone for a small qualification that leads to a certificate of attendance', () => {
    expect(itemOf(aGoodSmallQualification(), 'assessment-stated').isMet).toBe(true);
  });

  it('asks a small qualification for a certificate of attendance', () => {
    expect(
      missingOf(aGoodSmallQualification({ recognition: 'certificate-of-study' }), 'assessment-stated'),
    ).toEqual([expect.stringContaining('Choose a certificate of attendance')]);
    expect(missingOf(aGoodSmallQualification({ recognition: undefined }), 'assessment-stated')).toHaveLength(
      1,
    );
  });
});

describe('the quality assurance item', () => {
  it('asks for the quality assurance body', () => {
    expect(missingOf(aGoodDraft({ qaBody: ' ' }), 'quality-assurance-route')).toEqual([
      'Enter the body responsible for quality assurance',
    ]);
  });

  it('asks a micro-credential for its credit-rating body', () => {
    expect(missingOf(aGoodDraft({ creditRatingBody: null }), 'quality-assurance-route')).toEqual([
      'Enter the body that credit-rated this micro-credential',
    ]);
    expect(itemOf({}, 'quality-assurance-route').step).toBe('quality');
    expect(missingOf({}, 'quality-assurance-route')).toHaveLength(2);
  });

  it('does not ask a small qualification for a credit-rating body', () => {
    expect(itemOf(aGoodSmallQualification({ creditRatingBody: null }), 'quality-assurance-route').isMet).toBe(
      true,
    );
    expect(missingOf({ kind: 'small-qualification' }, 'quality-assurance-route')).toEqual([
      'Enter the body responsible for quality assurance',
    ]);
  });
});

describe('the review date item', () => {
  it.each([
    [null, 'Enter the date of the next review'],
    [undefined, 'Enter the date of the next review'],
    ['2027-02-30', 'Enter the next review date as a real date, for example 2029-03-01'],
    ['next year', 'Enter the next review date as a real date, for example 2029-03-01'],
    ['2026-03-01', 'The next review date must be after today (2026-03-01)'],
    ['2025-12-31', 'The next review date must be after today (2026-03-01)'],
    ['2031-03-02', 'Review at least every 5 years: choose a date on or before 2031-03-01'],
  ])('when the next review is %s, says "%s"', (nextReviewOn, message) => {
    const item = itemOf(aGoodDraft({ nextReviewOn }), 'review-date');
    expect(item).toMatchObject({ isMet: false, missing: [message], step: 'quality' });
  });

  it('accepts tomorrow and exactly five years from today', () => {
    expect(itemOf(aGoodDraft({ nextReviewOn: '2026-03-02' }), 'review-date').isMet).toBe(true);
    expect(itemOf(aGoodDraft({ nextReviewOn: '2031-03-01' }), 'review-date').isMet).toBe(true);
  });

  it('counts five years from 29 February as ending on 28 February', () => {
    const leapDay = { ...context, today: '2028-02-29' };
    const item = (nextReviewOn: string) =>
      goodPracticeChecklist(aGoodDraft({ nextReviewOn }), leapDay).items.find((i) => i.id === 'review-date');
    expect(item('2033-02-28')?.isMet).toBe(true);
    expect(item('2033-03-01')?.missing).toEqual([
      'Review at least every 5 years: choose a date on or before 2033-02-28',
    ]);
  });
});

describe('the plain summary item', () => {
  it('asks for a summary when there is none', () => {
    expect(itemOf({}, 'plain-summary')).toMatchObject({
      step: 'about',
      missing: ['Write a summary: who the course is for and what they will gain'],
    });
  });

  it('asks for at least 20 characters', () => {
    expect(missingOf(aGoodDraft({ summary: 'Learn spreadsheets.' }), 'plain-summary')).toEqual([
      expect.stringContaining('Lengthen the summary to at least 20 characters'),
    ]);
  });

  it('asks for 400 characters or fewer, saying how many there are', () => {
    const summary = `${'Spreadsheets help. '.repeat(22)}`.trim();
    expect(summary.length).toBeGreaterThan(400);
    expect(missingOf(aGoodDraft({ summary }), 'plain-summary')).toEqual([
      `Shorten the summary to 400 characters or fewer: it has ${summary.length}`,
    ]);
  });

  it('asks for 60 words or fewer', () => {
    const summary = 'Data work is fun. '.repeat(16).trim();
    expect(missingOf(aGoodDraft({ summary }), 'plain-summary')).toEqual([
      'Shorten the summary to 60 words or fewer: it has 64',
    ]);
  });

  it('asks for sentences of 30 words or fewer, naming the long one', () => {
    const long = `${'data '.repeat(31).trim()}.`;
    expect(missingOf(aGoodDraft({ summary: `A short opening. ${long}` }), 'plain-summary')).toEqual([
      'Split sentence 2 of the summary: it has 31 words, and sentences of 30 words or fewer are easier to read',
    ]);
    const thirty = `${'data '.repeat(30).trim()}.`;
    expect(itemOf(aGoodDraft({ summary: thirty }), 'plain-summary').isMet).toBe(true);
  });
});

describe('the recognition item', () => {
  it('asks for recognition, transferability and stackability when none is chosen', () => {
    expect(missingOf({}, 'recognition-stated')).toEqual([
      'Choose the recognition: a certificate of study',
      'Choose where the credential is recognised (transferability)',
      'Choose whether it counts towards a larger award (stackability)',
    ]);
    expect(itemOf({}, 'recognition-stated').step).toBe('quality');
  });

  it('asks a credit-rated micro-credential for a certificate of study', () => {
    expect(missingOf(aGoodDraft({ recognition: 'certificate-of-attendance' }), 'recognition-stated')).toEqual(
      [expect.stringContaining('Choose a certificate of study')],
    );
  });

  it('asks what a stackable micro-credential counts towards', () => {
    const message = 'Name at least one award it counts towards, or choose that it does not stack';
    expect(missingOf(aGoodDraft({ countsTowards: [] }), 'recognition-stated')).toEqual([message]);
    expect(missingOf(aGoodDraft({ countsTowards: [' '] }), 'recognition-stated')).toEqual([message]);
    expect(missingOf(aGoodDraft({ countsTowards: undefined }), 'recognition-stated')).toEqual([message]);
    expect(itemOf(aGoodDraft({ stackability: 'none', countsTowards: [] }), 'recognition-stated').isMet).toBe(
      true,
    );
  });
});

describe('a small qualification', () => {
  it('passes when complete, with a shorter list than a micro-credential', () => {
    const checklist = goodPracticeChecklist(aGoodSmallQualification(), context);
    expect(checklist.kind).toBe('small-qualification');
    expect(checklist.items.map((item) => item.id)).toEqual(SMALL_QUALIFICATION_ITEMS);
    expect(checklist.items.filter((item) => !item.isMet)).toEqual([]);
    expect(checklist.isPassed).toBe(true);
  });

  it('must not carry an SCQF level or credits', () => {
    const item = itemOf(aGoodSmallQualification({ scqfLevel: 5, scqfCredits: 10 }), 'not-credit-rated');
    expect(item).toMatchObject({ isMet: false, step: 'size', glossarySlug: 'small-qualification' });
    expect(item.missing).toEqual([
      expect.stringContaining('Remove the SCQF level'),
      expect.stringContaining('Remove the SCQF credits'),
    ]);
  });

  it('must state its notional hours', () => {
    expect(missingOf(aGoodSmallQualification({ notionalHours: undefined }), 'not-credit-rated')).toEqual([
      'Enter the notional hours of learning',
    ]);
    expect(missingOf(aGoodSmallQualification({ notionalHours: 0 }), 'not-credit-rated')).toEqual([
      'Enter the notional hours of learning as a whole number of 1 or more',
    ]);
    expect(missingOf(aGoodSmallQualification({ notionalHours: 2.5 }), 'not-credit-rated')).toHaveLength(1);
  });

  it('accepts missing level and credits as well as null ones', () => {
    const draft = aGoodSmallQualification({ scqfLevel: undefined, scqfCredits: undefined });
    expect(itemOf(draft, 'not-credit-rated').isMet).toBe(true);
  });
});

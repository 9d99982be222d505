import { describe, expect, it } from 'vitest';
import {
  GLOSSARY,
  GLOSSARY_CATEGORIES,
  GLOSSARY_CATEGORY_LABELS,
  type GlossaryEntry,
} from './glossary-data.ts';
import { findGlossaryPhrases, glossaryIndex, glossaryKey, validateGlossary } from './glossary-model.ts';

function entry(overrides: Partial<GlossaryEntry> & Pick<GlossaryEntry, 'slug'>): GlossaryEntry {
  return {
    term: overrides.slug,
    summary: 'A short summary.',
    body: ['A paragraph.'],
    synonyms: [],
    seeAlso: [],
    category: 'kinds-of-course',
    ...overrides,
  };
}

function slugsFound(query: string, glossary: Parameters<typeof findGlossaryPhrases>[1] = GLOSSARY): string[] {
  return findGlossaryPhrases(query, glossary).map((match) => match.slug);
}

describe('GLOSSARY', () => {
  it('has no problems', () => {
    expect(validateGlossary(GLOSSARY)).toEqual([]);
  });

  it('is the size the brief asks for, with two to four paragraphs per entry', () => {
    expect(GLOSSARY.length).toBeGreaterThanOrEqual(40);
    expect(GLOSSARY.length).toBeLessThanOrEqual(55);
    for (const { slug, body } of GLOSSARY) {
      expect(body.length, slug).toBeGreaterThanOrEqual(2);
      expect(body.length, slug).toBeLessThanOrEqual(4);
    }
  });

  it('files every entry under a labelled category', () => {
    for (const { slug, category } of GLOSSARY) {
      expect(GLOSSARY_CATEGORIES, slug).toContain(category);
      expect(GLOSSARY_CATEGORY_LABELS[category]).toBeTruthy();
    }
  });

  // The sector's own words from the product brief; a learner typing any of them must land on an entry.
  it.each([
    ['short course', 'short-course'],
    ['micro-credential', 'micro-credential'],
    ['bespoke course', 'bespoke-course'],
    ['CPD award', 'cpd-award'],
    ['standalone module', 'standalone-module'],
    ['skills boost', 'skills-boost'],
    ['SCQF level', 'scqf-level'],
    ['credit', 'scqf-credit'],
    ['notional hours', 'notional-hours'],
    ['stackable', 'stackable'],
    ['transferable', 'transferable'],
    ['RPL', 'recognition-of-prior-learning'],
    ['certificate of study', 'certificate-of-study'],
    ['certificate of attendance', 'certificate-of-attendance'],
    ['PSRB', 'psrb'],
  ])('has an entry for "%s"', (phrase, slug) => {
    expect(glossaryIndex(GLOSSARY).get(phrase.toLowerCase())).toBe(slug);
    expect(slugsFound(phrase)).toEqual([slug]);
  });

  it('uses kebab-case slugs the rest of the hub links to', () => {
    const slugs = GLOSSARY.map((e) => e.slug);
    for (const slug of [
      'scqf-level',
      'scqf-credit',
      'notional-hours',
      'recognition-of-prior-learning',
      'psrb',
      'ects',
      'eqf',
      'learning-outcome',
      'delivery-mode',
      'small-qualification',
    ]) {
      expect(slugs).toContain(slug);
    }
  });

  it('states the conversions correctly wherever an entry gives the worked example', () => {
    const text = GLOSSARY.flatMap((e) => [e.summary, ...e.body]).join('\n');
    expect(text).toContain('10 SCQF credits = 100 hours of learning = 5 ECTS credits');
    expect(text).not.toMatch(/1 ECTS credit = 1 SCQF/);
  });
});

describe('findGlossaryPhrases', () => {
  it('finds a synonym and offers the term and every synonym as alternatives', () => {
    const [match, ...rest] = findGlossaryPhrases('courses with APL', GLOSSARY);
    expect(rest).toEqual([]);
    expect(match?.slug).toBe('recognition-of-prior-learning');
    expect(match?.matched).toBe('APL');
    expect(match?.alternatives).toEqual(
      expect.arrayContaining([
        'Recognition of prior learning',
        'RPL',
        'APL',
        'accreditation of prior learning',
      ]),
    );
  });

  it.each([
    'micro credential',
    'micro-credential',
    'microcredential',
    'Micro-Credentials',
    'MICRO CREDENTIALS',
  ])('treats "%s" as micro-credential, keeping the words as typed', (query) => {
    expect(findGlossaryPhrases(`data ${query} online`, GLOSSARY)).toContainEqual(
      expect.objectContaining({ slug: 'micro-credential', matched: query }),
    );
  });

  it('prefers the longest phrase', () => {
    expect(slugsFound('credit rating body')).toEqual(['credit-rating-body']);
    expect(slugsFound('accreditation of prior learning')).toEqual(['recognition-of-prior-learning']);
    expect(slugsFound('credit-rated short course')).toEqual(['micro-credential']);
  });

  it('covers as much of the query as it can rather than grabbing greedily from the left', () => {
    const glossary = [
      entry({ slug: 'a', term: 'alpha beta' }),
      entry({ slug: 'b', term: 'beta gamma delta' }),
      entry({ slug: 'c', term: 'alpha' }),
    ];
    expect(slugsFound('alpha beta gamma delta', glossary)).toEqual(['c', 'b']);
  });

  it('only matches whole words', () => {
    expect(slugsFound('student projects')).toEqual([]);
    expect(slugsFound('marketing')).toEqual([]);
    expect(slugsFound('ECTS')).toEqual(['ects']);
  });

  it('finds two phrases in one query, in query order', () => {
    const matches = findGlossaryPhrases('blended CPD awards at SCQF level 9', GLOSSARY);
    expect(matches.map((m) => [m.slug, m.matched])).toEqual([
      ['hybrid', 'blended'],
      ['cpd-award', 'CPD awards'],
      ['scqf-level', 'SCQF level'],
    ]);
  });

  it('handles plurals, including -y to -ies', () => {
    expect(slugsFound('credit-rating bodies')).toEqual(['credit-rating-body']);
    expect(slugsFound('SCQF credits')).toEqual(['scqf-credit']);
  });

  it('finds nothing in an empty or blank query', () => {
    expect(findGlossaryPhrases('', GLOSSARY)).toEqual([]);
    expect(findGlossaryPhrases('   -- ', GLOSSARY)).toEqual([]);
  });

  it('does not treat quotes as part of a word', () => {
    expect(findGlossaryPhrases('"short course"', GLOSSARY)).toEqual([
      expect.objectContaining({ slug: 'short-course', matched: 'short course' }),
    ]);
  });
});

describe('glossaryIndex', () => {
  it('maps lower-case terms and synonyms to slugs', () => {
    const index = glossaryIndex(GLOSSARY);
    expect(index.get('micro-credential')).toBe('micro-credential');
    expect(index.get('microcredential')).toBe('micro-credential');
    expect(index.get('blended')).toBe('hybrid');
    expect(index.get('scottish credit and qualifications framework')).toBe('scqf');
  });
});

describe('glossaryKey', () => {
  it('ignores case, hyphens, spaces, apostrophes and accents', () => {
    expect(glossaryKey('Micro-credential')).toBe('microcredential');
    expect(glossaryKey("provider's own term")).toBe('providersownterm');
    expect(glossaryKey('Café')).toBe('cafe');
  });
});

describe('validateGlossary', () => {
  it('accepts a sound glossary', () => {
    expect(validateGlossary([entry({ slug: 'a', seeAlso: ['b'] }), entry({ slug: 'b' })])).toEqual([]);
  });

  it('reports a duplicate slug once', () => {
    const problems = validateGlossary([
      entry({ slug: 'a' }),
      entry({ slug: 'a', term: 'other' }),
      entry({ slug: 'a', term: 'x' }),
    ]);
    expect(problems).toEqual([expect.stringContaining('Slug "a" is used by more than one entry')]);
  });

  it('reports a phrase claimed by two entries, however it is spelt', () => {
    const problems = validateGlossary([
      entry({ slug: 'a', synonyms: ['short course'] }),
      entry({ slug: 'b', term: 'Short-Course' }),
    ]);
    expect(problems).toEqual([expect.stringMatching(/claimed by both "a" and "b"/)]);
  });

  it('lets one entry list spelling variants of its own phrase', () => {
    expect(
      validateGlossary([entry({ slug: 'a', term: 'micro-credential', synonyms: ['micro credential'] })]),
    ).toEqual([]);
  });

  it('reports seeAlso pointing to a missing slug or to itself', () => {
    const problems = validateGlossary([entry({ slug: 'a', seeAlso: ['nowhere', 'a'] })]);
    expect(problems).toEqual([
      expect.stringContaining('"nowhere", which is not in the glossary'),
      expect.stringContaining('lists itself in seeAlso'),
    ]);
  });

  it('reports an empty summary and one over 160 characters', () => {
    expect(validateGlossary([entry({ slug: 'a', summary: '  ' })])).toEqual([
      expect.stringContaining('empty summary'),
    ]);
    expect(validateGlossary([entry({ slug: 'a', summary: 'x'.repeat(161) })])).toEqual([
      expect.stringContaining('161 characters'),
    ]);
    expect(validateGlossary([entry({ slug: 'a', summary: 'x'.repeat(160) })])).toEqual([]);
  });

  it('reports a slug that is not kebab-case, an empty term and an empty body', () => {
    expect(validateGlossary([entry({ slug: 'Bad Slug' })])).toEqual([expect.stringContaining('kebab-case')]);
    expect(validateGlossary([entry({ slug: 'a', term: ' ' })])).toEqual([
      expect.stringContaining('empty term'),
    ]);
    expect(validateGlossary([entry({ slug: 'a', body: [] })])).toEqual([expect.stringContaining('body')]);
  });

  it('reports synonyms that are empty or too general', () => {
    expect(validateGlossary([entry({ slug: 'a', synonyms: ['course', ' '] })])).toEqual([
      expect.stringContaining('"course" is too general'),
      expect.stringContaining('empty synonym'),
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { aMicroCredential, aSmallQualification } from '../../../test/support/builders.ts';
import type { LearningOutcome } from '../catalogue/catalogue-model.ts';
import { diffVersions, type DiffPart, type FieldDiff } from './proposal-diff-model.ts';

const explain: LearningOutcome = {
  text: 'Explain the most common cyber threats to small organisations',
  characteristic: 'knowledge-and-understanding',
};
const apply: LearningOutcome = {
  text: 'Apply basic controls to protect accounts and devices',
  characteristic: 'applied-knowledge',
};
const describeResponse: LearningOutcome = {
  text: 'Describe how an organisation responds to an incident',
  characteristic: 'cognitive-skills',
};

const base = aMicroCredential({ learningOutcomes: [explain, apply] });

function only(diffs: FieldDiff[]): FieldDiff {
  expect(diffs).toHaveLength(1);
  return diffs[0]!;
}

/** The text a version reads as, rebuilt from the parts that belong to it. */
function textOf(parts: DiffPart[], side: 'before' | 'after'): string {
  const skipped = side === 'before' ? 'added' : 'removed';
  return parts
    .filter((part) => part.kind !== skipped)
    .map((part) => part.text)
    .join('');
}

describe('diffVersions', () => {
  it('when nothing changed, there are no differences', () => {
    expect(diffVersions(base, aMicroCredential({ learningOutcomes: [explain, apply] }))).toEqual([]);
  });

  it('when the summary is reworded, the changed words are marked and the rest kept', () => {
    const diff = only(
      diffVersions(
        base,
        aMicroCredential({
          learningOutcomes: [explain, apply],
          summary:
            'For people working in any organisation who want to spot and reduce everyday online risks.',
        }),
      ),
    );
    expect(diff).toMatchObject({ field: 'summary', label: 'Summary', change: 'changed' });
    expect(diff.parts).toEqual([
      { kind: 'same', text: 'For people working in any organisation who want to ' },
      { kind: 'removed', text: 'understand' },
      { kind: 'added', text: 'spot' },
      { kind: 'same', text: ' and reduce everyday ' },
      { kind: 'removed', text: 'cyber' },
      { kind: 'added', text: 'online' },
      { kind: 'same', text: ' risks.' },
    ]);
  });

  it('when a title keeps a few words, those words stay unmarked', () => {
    const diff = only(diffVersions(base, { ...base, title: 'Cyber Security Basics' }));
    expect(diff.parts).toEqual([
      { kind: 'removed', text: 'Introduction to ' },
      { kind: 'same', text: 'Cyber Security ' },
      { kind: 'added', text: 'Basics' },
    ]);
  });

  it('when a value is replaced outright, the old value is struck out whole and the new one added whole', () => {
    const diff = only(
      diffVersions(base, { ...base, duration: { kind: 'within', amount: 3, unit: 'months' } }),
    );
    expect(diff).toMatchObject({ field: 'duration', label: 'Duration', change: 'changed' });
    expect(diff.parts).toEqual([
      { kind: 'removed', text: '10 weeks' },
      { kind: 'added', text: 'Complete within 3 months' },
    ]);
  });

  it('when a field is filled in for the first time, it is added', () => {
    const diff = only(diffVersions(base, { ...base, accreditation: 'BCS, The Chartered Institute for IT' }));
    expect(diff).toEqual({
      field: 'accreditation',
      label: 'Accreditation',
      change: 'added',
      parts: [{ kind: 'added', text: 'BCS, The Chartered Institute for IT' }],
    });
  });

  it('when a field is cleared, it is removed', () => {
    const diff = only(diffVersions(base, { ...base, nextReviewOn: null }));
    expect(diff).toEqual({
      field: 'nextReviewOn',
      label: 'Next review date',
      change: 'removed',
      parts: [{ kind: 'removed', text: '15 January 2029' }],
    });
  });

  it('when a list is emptied or text is blanked, the field counts as removed, not changed', () => {
    const withPartner = {
      ...base,
      partners: [{ name: 'Acme Ltd', kind: 'employer' as const, role: 'Case study' }],
    };
    expect(only(diffVersions(withPartner, base)).change).toBe('removed');
    expect(only(diffVersions(base, { ...base, prerequisites: '  ' }))).toMatchObject({
      field: 'prerequisites',
      change: 'removed',
    });
  });

  it('when a field is missing from a partial version, it counts as absent', () => {
    const { accreditation: _accreditation, ...withoutAccreditation } = { ...base, accreditation: 'BCS' };
    expect(only(diffVersions({ ...base, accreditation: 'BCS' }, withoutAccreditation)).change).toBe(
      'removed',
    );
  });

  it('when codes change, the reader sees the catalogue labels, not the codes', () => {
    const diffs = diffVersions(base, {
      ...base,
      assessmentKind: 'exam',
      supervision: 'online-proctored',
      identityChecked: true,
      transferability: 'internal',
    });
    expect(
      diffs.map((diff) => [diff.label, textOf(diff.parts, 'before'), textOf(diff.parts, 'after')]),
    ).toEqual([
      ['Main type of assessment', 'Coursework', 'Exam'],
      ['Supervision of assessment', 'Unsupervised', 'Online, with remote invigilation'],
      ['Identity checked', 'No', 'Yes'],
      ['Where the credit is recognised', 'At this and other institutions', 'At this institution only'],
    ]);
  });

  it('when a micro-credential becomes a small qualification, fields are listed in reading order', () => {
    const diffs = diffVersions(base, aSmallQualification({ learningOutcomes: [explain, apply] }));
    expect(diffs.map((diff) => [diff.field, diff.change])).toEqual([
      ['title', 'changed'],
      ['kind', 'changed'],
      ['providerTerm', 'changed'],
      ['scqfLevel', 'removed'],
      ['scqfCredits', 'removed'],
      ['notionalHours', 'changed'],
      ['duration', 'changed'],
      ['assessmentKind', 'changed'],
      ['creditRatingBody', 'removed'],
      ['recognition', 'changed'],
      ['hasTranscript', 'changed'],
      ['stackability', 'changed'],
      ['countsTowards', 'removed'],
    ]);
    const kind = diffs.find((diff) => diff.field === 'kind')!;
    expect(textOf(kind.parts, 'before')).toBe('Micro-credential (credit-rated)');
    expect(textOf(kind.parts, 'after')).toBe('Small qualification (not credit-rated)');
    expect(kind.parts).toContainEqual({ kind: 'added', text: 'not ' });
  });

  it('when subject names are given, the subject is shown by name', () => {
    const subjectNames = new Map([
      ['computing', 'Computing'],
      ['business', 'Business and management'],
    ]);
    const diff = only(diffVersions(base, { ...base, subjectSlug: 'business' }, { subjectNames }));
    expect([textOf(diff.parts, 'before'), textOf(diff.parts, 'after')]).toEqual([
      'Computing',
      'Business and management',
    ]);
  });

  describe('learning outcomes', () => {
    it('when an outcome is added at the start, only the new outcome is marked although the others are renumbered', () => {
      const diff = only(
        diffVersions(base, { ...base, learningOutcomes: [describeResponse, explain, apply] }),
      );
      expect(diff).toMatchObject({
        field: 'learningOutcomes',
        label: 'Learning outcomes',
        change: 'changed',
      });
      expect(diff.parts).toEqual([
        {
          kind: 'added',
          text: '1. Describe how an organisation responds to an incident (Generic cognitive skills)\n',
        },
        {
          kind: 'same',
          text:
            '2. Explain the most common cyber threats to small organisations (Knowledge and understanding)' +
            '\n3. Apply basic controls to protect accounts and devices (Practice: applied knowledge, skills and understanding)',
        },
      ]);
    });

    it('when two outcomes swap places, one is shown moving: removed from its old place, added in its new one', () => {
      const diff = only(diffVersions(base, { ...base, learningOutcomes: [apply, explain] }));
      expect(diff.parts).toEqual([
        {
          kind: 'removed',
          text: '1. Explain the most common cyber threats to small organisations (Knowledge and understanding)\n',
        },
        {
          kind: 'same',
          text: '1. Apply basic controls to protect accounts and devices (Practice: applied knowledge, skills and understanding)',
        },
        {
          kind: 'added',
          text: '\n2. Explain the most common cyber threats to small organisations (Knowledge and understanding)',
        },
      ]);
      expect(textOf(diff.parts, 'after').split('\n')).toEqual([
        '1. Apply basic controls to protect accounts and devices (Practice: applied knowledge, skills and understanding)',
        '2. Explain the most common cyber threats to small organisations (Knowledge and understanding)',
      ]);
    });

    it('when one outcome is reworded, the change is marked word by word within that line', () => {
      const reworded = { ...apply, text: 'Apply basic controls to protect accounts, phones and devices' };
      const diff = only(diffVersions(base, { ...base, learningOutcomes: [explain, reworded] }));
      expect(diff.parts).toEqual([
        {
          kind: 'same',
          text:
            '1. Explain the most common cyber threats to small organisations (Knowledge and understanding)' +
            '\n2. Apply basic controls to protect accounts',
        },
        { kind: 'added', text: ', phones ' },
        { kind: 'same', text: 'and devices (Practice: applied knowledge, skills and understanding)' },
      ]);
    });

    it('when an outcome is retagged, the characteristic is marked as changed', () => {
      const retagged = { ...explain, characteristic: 'cognitive-skills' as const };
      const diff = only(diffVersions(base, { ...base, learningOutcomes: [retagged, apply] }));
      expect(diff.parts.filter((part) => part.kind !== 'same')).toEqual([
        { kind: 'removed', text: 'Knowledge and understanding' },
        { kind: 'added', text: 'Generic cognitive skills' },
      ]);
    });

    it('when several outcomes are added at the end, they read as one insertion', () => {
      const diff = only(diffVersions({ ...base, learningOutcomes: [explain] }, base));
      expect(diff.parts.map((part) => part.kind)).toEqual(['same', 'added']);
      const withMore = { ...base, learningOutcomes: [explain, apply, describeResponse] };
      const more = only(diffVersions({ ...base, learningOutcomes: [explain] }, withMore));
      expect(more.parts[1]).toEqual({
        kind: 'added',
        text:
          '\n2. Apply basic controls to protect accounts and devices (Practice: applied knowledge, skills and understanding)' +
          '\n3. Describe how an organisation responds to an incident (Generic cognitive skills)',
      });
    });
  });

  it('when partners change, each is one line with its kind and role', () => {
    const before = {
      ...base,
      partners: [{ name: 'Acme Ltd', kind: 'employer' as const, role: 'Sets the case study' }],
    };
    const after = {
      ...base,
      partners: [
        { name: 'Acme Ltd', kind: 'employer' as const, role: 'Sets the case study' },
        { name: 'BCS', kind: 'psrb' as const, role: '' },
      ],
    };
    expect(only(diffVersions(before, after)).parts).toEqual([
      { kind: 'same', text: 'Acme Ltd — Employer: Sets the case study' },
      { kind: 'added', text: '\nBCS — Professional, statutory or regulatory body (PSRB)' },
    ]);
  });

  it('when there is no earlier version, every field with a value is added', () => {
    const diffs = diffVersions(null, base);
    expect(diffs.every((diff) => diff.change === 'added')).toBe(true);
    expect(diffs.every((diff) => diff.parts.length === 1 && diff.parts[0]?.kind === 'added')).toBe(true);
    // Empty partners and no accreditation have nothing to show.
    expect(diffs.map((diff) => diff.field)).not.toContain('partners');
    expect(diffs.map((diff) => diff.field)).not.toContain('accreditation');
    expect(diffs[0]).toEqual({
      field: 'title',
      label: 'Title',
      change: 'added',
      parts: [{ kind: 'added', text: 'Introduction to Cyber Security' }],
    });
    const byField = new Map(diffs.map((diff) => [diff.field, diff.parts[0]?.text]));
    expect(byField.get('duration')).toBe('10 weeks');
    expect(byField.get('hasTranscript')).toBe('Yes');
    expect(byField.get('identityChecked')).toBe('No');
    expect(byField.get('qaApprovedOn')).toBe('15 January 2026');
    expect(byField.get('keywords')).toBe('security, IT');
    expect(byField.get('learningOutcomes')).toBe(
      '1. Explain the most common cyber threats to small organisations (Knowledge and understanding)\n' +
        '2. Apply basic controls to protect accounts and devices (Practice: applied knowledge, skills and understanding)',
    );
  });

  it('whatever changed, the parts rebuild both versions', () => {
    const withoutNumbers = (text: string) => text.replace(/^\d+\. /gm, '');
    const after = {
      ...base,
      summary: 'For anyone who wants to reduce cyber risks at work, in plain English.',
    };
    const summary = only(diffVersions(base, after));
    expect(textOf(summary.parts, 'before')).toBe(base.summary);
    expect(textOf(summary.parts, 'after')).toBe(after.summary);

    const lines = (outcomes: LearningOutcome[]) =>
      only(diffVersions(null, { learningOutcomes: outcomes })).parts[0]!.text;
    const reworded = { ...explain, text: 'Explain the threats a small organisation faces online' };
    const cases: [LearningOutcome[], LearningOutcome[]][] = [
      [
        [explain, apply],
        [apply, explain],
      ],
      [[explain, apply], [describeResponse]],
      [[explain], [describeResponse, apply, reworded]],
      [
        [explain, apply, describeResponse],
        [reworded, describeResponse],
      ],
    ];
    for (const [before, now] of cases) {
      const diff = only(diffVersions({ learningOutcomes: before }, { learningOutcomes: now }));
      // Lines both versions share carry the new number, so the old version matches but for numbering.
      expect(withoutNumbers(textOf(diff.parts, 'before'))).toBe(withoutNumbers(lines(before)));
      expect(textOf(diff.parts, 'after')).toBe(lines(now));
    }
  });

  it('when a multi-paragraph description changes in one paragraph, the other paragraphs stay unmarked', () => {
    const before = { ...base, description: 'First paragraph stays.\n\nSecond paragraph about threats.' };
    const after = {
      ...base,
      description: 'First paragraph stays.\n\nSecond paragraph about online threats.',
    };
    expect(only(diffVersions(before, after)).parts).toEqual([
      { kind: 'same', text: 'First paragraph stays.\n\nSecond paragraph about ' },
      { kind: 'added', text: 'online ' },
      { kind: 'same', text: 'threats.' },
    ]);
  });
});

import type { AuthoringStep } from '../../src/modules/approvals/checklist-model.ts';
import {
  ASSESSMENT_KINDS,
  PARTNER_KINDS,
  REACH,
  RECOGNITION,
  SCQF_CHARACTERISTICS,
  SUPERVISION,
} from '../../src/modules/catalogue/catalogue-model.ts';
import { goodStepValues } from '../../test/support/proposal-fields.ts';
import type { StepEntry } from '../pages/step-page.ts';

/** The demo catalogue's subject the story's course belongs to (the integration tests' 'computing'). */
export const STORY_SUBJECT = 'Computing and digital';

type Labels = Record<string, string>;

function labelOf(labels: Labels, value: string | undefined): string {
  const label = value === undefined ? undefined : labels[value];
  if (label === undefined) throw new Error(`No label for "${value}"`);
  return label;
}

/**
 * What a careful author types on each step, as the forms name the fields: the same values as the
 * integration tests' goodStepValues, so the browser story and the form tests describe one course.
 */
export function storyEntries(title: string): Record<AuthoringStep, StepEntry[]> {
  const good = goodStepValues(title);
  const text = (step: AuthoringStep, name: string): string => {
    const value = good[step][name];
    if (value === undefined) throw new Error(`goodStepValues has no ${step}.${name}`);
    return value;
  };
  const outcome = (index: number): StepEntry[] => [
    {
      type: 'text',
      within: `Outcome ${index + 1}`,
      label: `Outcome ${index + 1}`,
      value: text('outcomes', `learningOutcomes[${index}].text`),
    },
    {
      type: 'select',
      within: `Outcome ${index + 1}`,
      label: `SCQF characteristic of outcome ${index + 1}`,
      option: labelOf(SCQF_CHARACTERISTICS, good.outcomes[`learningOutcomes[${index}].characteristic`]),
    },
  ];
  return {
    about: [
      { type: 'text', label: 'Title', value: text('about', 'title') },
      { type: 'text', label: 'Summary', value: text('about', 'summary') },
      { type: 'text', label: 'Description', value: text('about', 'description') },
      { type: 'select', label: 'Subject', option: STORY_SUBJECT },
      { type: 'text', label: 'Keywords', value: text('about', 'keywords') },
      { type: 'radio', question: 'Kind', answer: 'Micro-credential' },
      { type: 'text', label: 'What your institution calls it', value: text('about', 'providerTerm') },
    ],
    outcomes: [...outcome(0), ...outcome(1), ...outcome(2)],
    size: [
      { type: 'text', label: 'SCQF level (1 to 12)', value: text('size', 'scqfLevel') },
      { type: 'text', label: 'SCQF credits', value: text('size', 'scqfCredits') },
      { type: 'text', label: 'Notional hours of learning', value: text('size', 'notionalHours') },
      { type: 'radio', question: 'How long it takes', answer: 'A fixed length' },
      { type: 'text', label: 'Length', value: text('size', 'duration.amount') },
      { type: 'select', label: 'Unit', option: text('size', 'duration.unit') },
    ],
    assessment: [
      { type: 'text', label: 'How learning is assessed', value: text('assessment', 'assessment') },
      {
        type: 'select',
        label: 'Main type of assessment',
        option: labelOf(ASSESSMENT_KINDS, good.assessment['assessmentKind']),
      },
      {
        type: 'select',
        label: 'Supervision of assessment',
        option: labelOf(SUPERVISION, good.assessment['supervision']),
      },
      { type: 'radio', question: 'Is the learner’s identity checked at assessment?', answer: 'Yes' },
      { type: 'text', label: 'Entry requirements', value: text('assessment', 'prerequisites') },
      { type: 'text', label: 'Language of teaching and assessment', value: text('assessment', 'language') },
    ],
    quality: [
      { type: 'text', label: 'Body responsible for quality assurance', value: text('quality', 'qaBody') },
      {
        type: 'text',
        label: 'Credit-rating body (micro-credentials only)',
        value: text('quality', 'creditRatingBody'),
      },
      {
        type: 'radio',
        question: 'What learners receive',
        answer: labelOf(RECOGNITION, good.quality['recognition']),
      },
      { type: 'radio', question: 'Is a transcript issued?', answer: 'Yes' },
      {
        type: 'radio',
        question: 'Is it transferable?',
        answer: labelOf(REACH, good.quality['transferability']),
      },
      {
        type: 'radio',
        question: 'Is it stackable into a larger award?',
        answer: labelOf(REACH, good.quality['stackability']),
      },
      { type: 'text', label: 'Next review date', value: text('quality', 'nextReviewOn') },
    ],
    partners: [
      { type: 'text', within: 'Partner 1', label: 'Name', value: text('partners', 'partners[0].name') },
      {
        type: 'select',
        within: 'Partner 1',
        label: 'Kind of partner',
        option: labelOf(PARTNER_KINDS, good.partners['partners[0].kind']),
      },
      { type: 'text', within: 'Partner 1', label: 'Their role', value: text('partners', 'partners[0].role') },
    ],
  };
}

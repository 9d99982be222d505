/**
 * The shape of one subject's demo vocabulary. Kept apart from the word lists so the lists and the
 * code that assembles them do not import each other.
 */
import type { AssessmentKind } from '../catalogue-model.ts';

/** An award a course can count towards, and the SCQF levels and providers it suits. */
export interface DemoAward {
  name: string;
  minLevel: number;
  maxLevel: number;
  /** Which kind of institution makes this award; HNCs are college awards, PgCerts university ones. */
  by: 'college' | 'university' | 'any';
}

export interface SubjectVocabulary {
  slug: string;
  /** Sentence case, as the Scottish Government design system writes headings and labels. */
  name: string;
  /** The subject's name in the survey's subjects_delivering_most, or null when the survey did not count it. */
  surveyName: string | null;
  /** Weight for subjects the survey did not count, on the same scale as its counts. */
  fallbackWeight: number;
  /** Which kind of institution teaches this subject more; null when both do. */
  leaning: 'college' | 'university' | null;
  /**
   * Title stems. "Stem|topic" gives the lower-case phrase used inside sentences when the stem
   * cannot simply be lower-cased (proper nouns, or a stem that already names an audience).
   */
  stems: string[];
  /** Lower-case noun phrases for learning outcomes and descriptions. */
  topics: string[];
  /** Who a course is for, lower case, e.g. "care workers and support workers". */
  audiences: string[];
  /** What learners gain, as a verb phrase that follows "want to", e.g. "lead a team with confidence". */
  goals: string[];
  /** Where learning is applied, e.g. "a care home". */
  settings: string[];
  /** Subject-specific title patterns with {X} for the stem, e.g. "{X} for Care Workers". */
  titlePatterns: string[];
  /** Words people search with; shared words like "data", "care" and "leadership" recur on purpose. */
  keywords: string[];
  awards: DemoAward[];
  accreditors: string[];
  employers: string[];
  psrbs: string[];
  consortia: string[];
  /** Assessment kinds that suit the subject, most typical first. */
  assessments: AssessmentKind[];
}

export function award(
  name: string,
  minLevel: number,
  maxLevel: number,
  by: DemoAward['by'] = 'any',
): DemoAward {
  return { name, minLevel, maxLevel, by };
}

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
  /** Titles a topic suits, for topics that do not suit every course in the subject. */
  topicsOnly?: Readonly<Record<string, RegExp>>;
  /** Who a course is for, each with the levels and titles it suits. */
  audiences: DemoAudience[];
  /** What learners gain, each with the titles and audiences it suits. */
  goals: DemoGoal[];
  /** Where learning is applied, e.g. "a care home". */
  settings: string[];
  /** Subject-specific title patterns with {X} for the stem, e.g. "{X} for Care Workers". */
  titlePatterns: SubjectPattern[];
  /** Stems that make sense as "{X} for Managers"; null when none do. */
  forManagers: RegExp | null;
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

/**
 * How far into a field an audience is, which decides the titles that suit it: an "Introduction
 * to" is not for experts, "Advanced" is not for newcomers and "for Managers" is for leaders.
 */
export type AudienceRole = 'new' | 'staff' | 'lead' | 'expert';

export interface DemoAudience {
  /** Lower case, e.g. "care workers and support workers". */
  text: string;
  role: AudienceRole;
  /** SCQF levels the audience studies at; a course without credit suits any level. */
  minLevel: number;
  maxLevel: number;
  /** Titles the audience suits, when not all do: unpaid carers do not study care home management. */
  only: RegExp | null;
  /** Titles the audience does not suit. */
  not: RegExp | null;
  /** Titles that name this audience ("... for Nurses"): such a title is for them and no one else. */
  named: RegExp | null;
  /** Where this audience works, when the subject's settings would not fit them. */
  settings: string[] | null;
}

export interface DemoGoal {
  /** A verb phrase that follows "want to", e.g. "lead a team with confidence". */
  text: string;
  /** Audience roles it suits; null for any. */
  roles: readonly AudienceRole[] | null;
  minLevel: number;
  maxLevel: number;
  /** Titles it suits; null for a goal that fits any course in the subject. */
  only: RegExp | null;
  /** Titles it does not suit. */
  not: RegExp | null;
  /** Audiences it suits, matched against their text; null for any. */
  who: RegExp | null;
}

/**
 * A subject's own title pattern, with the stems it suits when not all do and the SCQF levels it
 * suits when not all do ("for Support Workers" is not postgraduate study).
 */
export type SubjectPattern = string | { text: string; only?: RegExp; minLevel?: number; maxLevel?: number };

export interface AudienceOptions {
  only?: RegExp;
  not?: RegExp;
  named?: RegExp;
  settings?: string[];
}

export function audience(
  text: string,
  role: AudienceRole,
  minLevel: number,
  maxLevel: number,
  options: AudienceOptions = {},
): DemoAudience {
  return {
    text,
    role,
    minLevel,
    maxLevel,
    only: options.only ?? null,
    not: options.not ?? null,
    named: options.named ?? null,
    settings: options.settings ?? null,
  };
}

export interface GoalOptions {
  roles?: readonly AudienceRole[];
  minLevel?: number;
  maxLevel?: number;
  only?: RegExp;
  not?: RegExp;
  who?: RegExp;
}

export function goal(text: string, options: GoalOptions = {}): DemoGoal {
  return {
    text,
    roles: options.roles ?? null,
    minLevel: options.minLevel ?? 1,
    maxLevel: options.maxLevel ?? 12,
    only: options.only ?? null,
    not: options.not ?? null,
    who: options.who ?? null,
  };
}

export function award(
  name: string,
  minLevel: number,
  maxLevel: number,
  by: DemoAward['by'] = 'any',
): DemoAward {
  return { name, minLevel, maxLevel, by };
}

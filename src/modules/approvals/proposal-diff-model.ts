/**
 * The redline a reviewer reads before approving a proposal: what changed between two versions of
 * a micro-credential, field by field, in the words a reader sees on the page rather than the codes
 * stored. Pure: no I/O.
 */
import { diffArrays, diffWords } from 'diff';
import {
  ASSESSMENT_KINDS,
  PARTNER_KINDS,
  QA_ROUTES,
  REACH,
  RECOGNITION,
  SCQF_CHARACTERISTICS,
  SUPERVISION,
  describeDuration,
  type Kind,
  type MicroCredentialInput,
} from '../catalogue/catalogue-model.ts';

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export interface FieldDiff {
  /** The input's name, as in the form and the API body, e.g. `learningOutcomes`. */
  field: string;
  /** The field in plain words, e.g. `Learning outcomes`. */
  label: string;
  change: 'added' | 'removed' | 'changed';
  parts: DiffPart[];
}

export interface DiffOptions {
  /** Subject names by slug, so a reviewer reads "Nursing" rather than `nursing`. */
  subjectNames?: ReadonlyMap<string, string>;
}

/** A field's value as display text: one entry per line. */
interface Rendered {
  lines: string[];
  /** Learning outcomes are numbered: the number follows the line's position in its own version. */
  isNumbered: boolean;
}

interface FieldSpec {
  field: keyof MicroCredentialInput;
  label: string;
  render: (input: Partial<MicroCredentialInput>, options: DiffOptions) => Rendered | null;
}

/**
 * Builds one field's renderer. Absent means nothing to show: undefined, null, blank text and
 * empty lists all count as absent, so clearing a field reads as "removed" rather than as a change
 * to an empty value.
 */
function spec<K extends keyof MicroCredentialInput>(
  field: K,
  label: string,
  toText: (value: NonNullable<MicroCredentialInput[K]>, options: DiffOptions) => string | string[],
  isNumbered = false,
): FieldSpec {
  return {
    field,
    label,
    render(input, options) {
      const value = input[field];
      if (value === undefined || value === null) return null;
      const text = toText(value as NonNullable<MicroCredentialInput[K]>, options);
      const lines = Array.isArray(text) ? text : text.replace(/\r\n?/g, '\n').split('\n');
      return lines.every((line) => line.trim() === '') ? null : { lines, isNumbered };
    },
  };
}

/** Stored data may predate a label map's current keys: show the raw value rather than nothing. */
function labelOf(labels: Readonly<Record<string, string>>, key: string): string {
  return labels[key] ?? key;
}

const KIND_LABELS: Record<Kind, string> = {
  'micro-credential': 'Micro-credential (credit-rated)',
  'small-qualification': 'Small qualification (not credit-rated)',
};

const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

function formatDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : longDate.format(date);
}

const yesNo = (value: boolean): string => (value ? 'Yes' : 'No');
const text = (value: string): string => value;
const number = (value: number): string => String(value);

/** In the order a reader meets them on the micro-credential's page and form. */
const FIELDS: readonly FieldSpec[] = [
  spec('title', 'Title', text),
  spec('summary', 'Summary', text),
  spec('description', 'Description', text),
  spec('subjectSlug', 'Subject', (slug, options) => options.subjectNames?.get(slug) ?? slug),
  spec('keywords', 'Keywords', (keywords) => keywords.join(', ')),
  spec('kind', 'Type of course', (kind) => labelOf(KIND_LABELS, kind)),
  spec('providerTerm', 'What the institution calls it', text),
  spec('scqfLevel', 'SCQF level', number),
  spec('scqfCredits', 'SCQF credits', number),
  spec('notionalHours', 'Notional hours', number),
  spec('duration', 'Duration', (duration) => describeDuration(duration)),
  spec(
    'learningOutcomes',
    'Learning outcomes',
    (outcomes) =>
      outcomes.map((outcome) => `${outcome.text} (${labelOf(SCQF_CHARACTERISTICS, outcome.characteristic)})`),
    true,
  ),
  spec('assessment', 'Assessment', text),
  spec('assessmentKind', 'Main type of assessment', (kind) => labelOf(ASSESSMENT_KINDS, kind)),
  spec('supervision', 'Supervision of assessment', (supervision) => labelOf(SUPERVISION, supervision)),
  spec('identityChecked', 'Identity checked', yesNo),
  spec('prerequisites', 'Prerequisites', text),
  spec('language', 'Language', text),
  spec('qaBody', 'Quality assurance body', text),
  spec('qaRoute', 'Approval route', (route) => labelOf(QA_ROUTES, route)),
  spec('qaApprovedOn', 'Approval date', formatDate),
  spec('creditRatingBody', 'Credit-rating body', text),
  spec('recognition', 'Recognition', (recognition) => labelOf(RECOGNITION, recognition)),
  spec('hasTranscript', 'Transcript', yesNo),
  spec('transferability', 'Where the credit is recognised', (reach) => labelOf(REACH, reach)),
  spec('stackability', 'Where it counts towards a larger award', (reach) => labelOf(REACH, reach)),
  spec('countsTowards', 'Awards it counts towards', (awards) => awards),
  spec('partners', 'Partners', (partners) =>
    partners.map((partner) => {
      const kind = labelOf(PARTNER_KINDS, partner.kind);
      return partner.role.trim() ? `${partner.name} — ${kind}: ${partner.role}` : `${partner.name} — ${kind}`;
    }),
  ),
  spec('accreditation', 'Accreditation', text),
  spec('nextReviewOn', 'Next review date', formatDate),
];

/**
 * What changed from `before` to `after`, one entry per changed field in reading order. `before`
 * is null for a brand-new micro-credential, so everything it states is listed as added.
 */
export function diffVersions(
  before: Partial<MicroCredentialInput> | null,
  after: Partial<MicroCredentialInput>,
  options: DiffOptions = {},
): FieldDiff[] {
  const diffs: FieldDiff[] = [];
  for (const { field, label, render } of FIELDS) {
    const old = before === null ? null : render(before, options);
    const now = render(after, options);
    if (old === null) {
      if (now !== null) diffs.push({ field, label, change: 'added', parts: [added(displayText(now))] });
    } else if (now === null) {
      diffs.push({ field, label, change: 'removed', parts: [removed(displayText(old))] });
    } else if (displayText(old) !== displayText(now)) {
      diffs.push({ field, label, change: 'changed', parts: diffRendered(old, now) });
    }
  }
  return diffs;
}

const added = (text: string): DiffPart => ({ kind: 'added', text });
const removed = (text: string): DiffPart => ({ kind: 'removed', text });

function numbered(line: string, position: number, isNumbered: boolean): string {
  return isNumbered ? `${position}. ${line}` : line;
}

function displayText(value: Rendered): string {
  return value.lines.map((line, index) => numbered(line, index + 1, value.isNumbered)).join('\n');
}

type Line = { kind: 'whole'; part: DiffPart } | { kind: 'mixed'; parts: DiffPart[] };

/**
 * Diffs line by line, then word by word within a line that was edited rather than replaced.
 * Numbers are left out of the comparison: inserting an outcome renumbers every one after it, and
 * marking each shifted number would bury the one real change. So a line both versions share shows
 * its new number, and a removed line its old one.
 */
function diffRendered(old: Rendered, now: Rendered): DiffPart[] {
  const isNumbered = old.isNumbered || now.isNumbered;
  const lines: Line[] = [];
  let oldPosition = 0;
  let newPosition = 0;
  const whole = (kind: DiffPart['kind'], line: string, position: number): Line => ({
    kind: 'whole',
    part: { kind, text: numbered(line, position, isNumbered) },
  });

  const changes = diffArrays(old.lines, now.lines);
  for (let index = 0; index < changes.length; index++) {
    const change = changes[index];
    if (change === undefined) continue;
    const next = changes[index + 1];
    if (!change.added && !change.removed) {
      for (const line of change.value) {
        oldPosition++;
        newPosition++;
        lines.push(whole('same', line, newPosition));
      }
    } else if (change.removed && next?.added) {
      // A run of removed lines straight before a run of added ones is usually the same lines edited.
      index++;
      const count = Math.max(change.value.length, next.value.length);
      for (let offset = 0; offset < count; offset++) {
        const removed = change.value[offset];
        const added = next.value[offset];
        const words = removed !== undefined && added !== undefined ? diffLine(removed, added) : null;
        if (words !== null) {
          oldPosition++;
          newPosition++;
          const prefix: DiffPart[] = isNumbered ? [{ kind: 'same', text: `${newPosition}. ` }] : [];
          lines.push({ kind: 'mixed', parts: [...prefix, ...words] });
          continue;
        }
        if (removed !== undefined) lines.push(whole('removed', removed, ++oldPosition));
        if (added !== undefined) lines.push(whole('added', added, ++newPosition));
      }
    } else {
      for (const line of change.value) {
        lines.push(
          change.added ? whole('added', line, ++newPosition) : whole('removed', line, ++oldPosition),
        );
      }
    }
  }
  return mergeParts(joinLines(lines));
}

/**
 * Word-level parts for one edited line, or null when the two lines share too little for a word
 * diff to help: a rewritten sentence reads better as the old line struck out and the new one
 * inserted than as a confetti of alternating words.
 */
function diffLine(removed: string, added: string): DiffPart[] | null {
  const parts: DiffPart[] = diffWords(removed, added).map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }));
  const visible = (value: string) => value.replace(/\s/g, '').length;
  const shared = parts
    .filter((part) => part.kind === 'same')
    .reduce((sum, part) => sum + visible(part.text), 0);
  // A third in common keeps "Introduction to Cyber Security" -> "Cyber Security Basics" word by word.
  return shared * 3 >= Math.max(visible(removed), visible(added)) ? parts : null;
}

/**
 * Puts the line breaks back so that the parts rebuild each version: a break belongs to
 * the version(s) in which the line after it follows an earlier line. Between two lines of one
 * version it is that version's alone, so a block of new lines reads as one insertion.
 */
function joinLines(lines: readonly Line[]): DiffPart[] {
  const parts: DiffPart[] = [];
  let hasOldLine = false;
  let hasNewLine = false;
  for (const line of lines) {
    const kind = line.kind === 'whole' ? line.part.kind : 'same';
    const isOld = kind !== 'added';
    const isNew = kind !== 'removed';
    const breaksOld = isOld && hasOldLine;
    const breaksNew = isNew && hasNewLine;
    if (breaksOld || breaksNew) {
      parts.push({ kind: breaksOld && breaksNew ? 'same' : breaksOld ? 'removed' : 'added', text: '\n' });
    }
    hasOldLine ||= isOld;
    hasNewLine ||= isNew;
    if (line.kind === 'whole') parts.push(line.part);
    else parts.push(...line.parts);
  }
  return parts;
}

function mergeParts(parts: readonly DiffPart[]): DiffPart[] {
  const merged: DiffPart[] = [];
  for (const part of parts) {
    if (part.text === '') continue;
    const last = merged.at(-1);
    if (last !== undefined && last.kind === part.kind) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}

import type { VNode } from 'preact';
import {
  ButtonGroup,
  ButtonLink,
  NotificationMessage,
  SummaryList,
  Tag,
  WarningText,
  type NotificationMessageVariant,
  type SummaryListItem,
  type TagColour,
} from '../../../platform/views/components.tsx';
import { describeCredits, isScqfLevel, scqfLevel } from '../../framework/index.ts';
import { Term } from '../../site/index.ts';
import { VERDICTS, type CheckState, type Verdict } from '../verification-model.ts';
import type { VerificationReport } from '../verification.ts';

/** What a person should do next, by outcome: the headline alone does not say it. */
const NEXT_STEPS: Record<Verdict, string> = {
  valid: 'You can rely on the details below. They come from the credential itself, as its issuer signed it.',
  tampered:
    'Ask the person to send you the credential again, exactly as they received it, or contact the issuer.',
  revoked: 'Contact the issuer if you need to know more.',
  suspended: 'Contact the issuer to find out when it might be valid again.',
  expired: 'The learning it records still took place; ask the issuer whether a current credential exists.',
  'not-yet-valid': 'Check it again after the date shown under validity dates.',
  'unknown-issuer':
    'The hub cannot vouch for who issued it. Check with the issuer directly before relying on it.',
  malformed:
    'Check that you pasted or uploaded the whole credential, as the learner received it, or ask them for it again.',
};

const VERDICT_VARIANTS: Record<Verdict, NotificationMessageVariant> = {
  valid: 'success',
  tampered: 'error',
  revoked: 'error',
  suspended: 'warning',
  expired: 'warning',
  'not-yet-valid': 'warning',
  'unknown-issuer': 'warning',
  malformed: 'error',
};

const CHECK_MARKS: Record<CheckState, { text: string; colour: TagColour }> = {
  passed: { text: 'Passed', colour: 'green' },
  failed: { text: 'Failed', colour: 'red' },
  'not-checked': { text: 'Not checked', colour: 'grey' },
};

/** The facts a person looks for, read from an Open Badges 3.0 credential; absent ones are null. */
export interface CredentialMeaning {
  id: string | null;
  title: string | null;
  learnerName: string | null;
  achievementName: string | null;
  issuerName: string | null;
  moduleCode: string | null;
  scqfLevel: number | null;
  scqfCredits: number | null;
  notionalHours: number | null;
  completedOn: string | null;
  results: string[];
}

type Json = Record<string, unknown>;

function objectOf(value: unknown): Json | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function numberOf(value: unknown): number | null {
  const number = typeof value === 'string' && value.trim() ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number >= 0 ? number : null;
}

function scqfLevelOf(achievement: Json): number | null {
  const level = numberOf(achievement['scqfLevel']);
  if (level !== null) return level;
  // Other issuers align to the framework rather than use the hub's extension term.
  for (const alignment of listOf(achievement['alignment']).map(objectOf)) {
    if (!alignment) continue;
    const framework = textOf(alignment['targetFramework']) ?? '';
    if (alignment['targetType'] === 'ext:SCQFLevel' || /Scottish Credit and Qualifications/i.test(framework))
      return numberOf(alignment['targetCode']);
  }
  return null;
}

function resultsOf(subject: Json, achievement: Json): string[] {
  const descriptions = new Map<string, Json>();
  for (const description of listOf(achievement['resultDescription']).map(objectOf)) {
    const id = description ? textOf(description['id']) : null;
    if (description && id) descriptions.set(id, description);
  }
  const lines: string[] = [];
  for (const result of listOf(subject['result']).map(objectOf)) {
    if (!result) continue;
    const description = descriptions.get(textOf(result['resultDescription']) ?? '');
    const name = textOf(description?.['name']);
    const rawValue = textOf(result['value']);
    const value = rawValue && description?.['resultType'] === 'Percent' ? `${rawValue}%` : rawValue;
    const status = textOf(result['status']);
    const line = [name && value ? `${name}: ${value}` : value, status].filter(Boolean).join(', ');
    if (line) lines.push(line);
  }
  return lines;
}

/**
 * Reads what the credential says. Tolerant by design: credentials from other issuers may leave
 * out anything the hub's own include, or use a different shape.
 */
export function meaningOf(credential: Json, issuerNameFromHub: string | null): CredentialMeaning {
  const subject = objectOf(listOf(credential['credentialSubject'])[0]) ?? {};
  const achievement = objectOf(subject['achievement']) ?? {};
  const issuer = objectOf(credential['issuer']);
  const nameIdentity = listOf(subject['identifier'])
    .map(objectOf)
    .find((identity) => identity?.['identityType'] === 'name' && identity['hashed'] !== true);
  const completedOn = textOf(subject['activityEndDate']) ?? textOf(subject['awardedDate']);
  return {
    id: textOf(credential['id']),
    title: textOf(credential['name']),
    learnerName: textOf(nameIdentity?.['identityHash']) ?? textOf(subject['name']),
    achievementName: textOf(achievement['name']),
    issuerName: issuerNameFromHub ?? textOf(issuer?.['name']),
    moduleCode: textOf(achievement['humanCode']),
    scqfLevel: scqfLevelOf(achievement),
    scqfCredits:
      numberOf(achievement['scqfCredits']) ??
      numberOf(achievement['creditsAvailable']) ??
      numberOf(subject['creditsEarned']),
    notionalHours: numberOf(achievement['notionalHours']),
    completedOn,
    results: resultsOf(subject, achievement),
  };
}

export function longDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function inWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function LevelExplained({ level }: { level: number }): VNode {
  if (!isScqfLevel(level)) return <>{level}</>;
  const explained = scqfLevel(level);
  return (
    <>
      <strong>Level {explained.level}</strong>: {explained.meaning}. Like {inWords(explained.examples)}.
    </>
  );
}

function meaningItems(meaning: CredentialMeaning): SummaryListItem[] {
  const items: SummaryListItem[] = [];
  const add = (key: SummaryListItem['key'], value: SummaryListItem['value'] | null) => {
    if (value !== null) items.push({ key, value });
  };
  add('Learner', meaning.learnerName);
  add('Achievement', meaning.achievementName ?? meaning.title);
  if (meaning.achievementName && meaning.title) add('Credential', meaning.title);
  add('Issued by', meaning.issuerName);
  add('Module code', meaning.moduleCode);
  add(
    <Term slug="scqf-level">SCQF level</Term>,
    meaning.scqfLevel !== null ? <LevelExplained level={meaning.scqfLevel} /> : null,
  );
  if (meaning.scqfCredits !== null)
    add(<Term slug="scqf-credit">Credits</Term>, `${describeCredits(meaning.scqfCredits)}.`);
  else if (meaning.notionalHours !== null)
    add(
      <Term slug="notional-hours">Notional hours</Term>,
      `${meaning.notionalHours} hours of learning. Not credit-rated, so it carries no SCQF credits.`,
    );
  add('Completed on', meaning.completedOn ? longDate(meaning.completedOn) : null);
  add('Result', meaning.results.length > 0 ? meaning.results.join('; ') : null);
  add('Credential identifier', meaning.id ? <code>{meaning.id}</code> : null);
  return items;
}

export interface VerifyResultProps {
  report: VerificationReport;
  /** What was checked, in words: "the text you pasted", "the credential at https://…". */
  source: string;
}

export function VerifyResult({ report, source }: VerifyResultProps): VNode {
  const verdict = VERDICTS[report.verdict];
  const meaning = report.credential ? meaningOf(report.credential, report.issuerName) : null;
  const items = meaning ? meaningItems(meaning) : [];
  return (
    <>
      <div data-testid="verdict" data-verdict={report.verdict}>
        <NotificationMessage variant={VERDICT_VARIANTS[report.verdict]} title={verdict.title}>
          <p>{verdict.explanation}</p>
          <p>{NEXT_STEPS[report.verdict]}</p>
        </NotificationMessage>
      </div>
      <p>You checked {source}.</p>

      <h2 id="checks">Each check</h2>
      <SummaryList
        id="checks-list"
        items={report.checks.map((check) => ({
          key: check.label,
          value: (
            <>
              <Tag colour={CHECK_MARKS[check.state].colour}>{CHECK_MARKS[check.state].text}</Tag>{' '}
              {check.message}
            </>
          ),
        }))}
      />

      {meaning && (items.length > 0 || report.verdict !== 'malformed') && (
        <section aria-labelledby="meaning">
          <h2 id="meaning">What this credential means</h2>
          {!verdict.isGood && (
            <WarningText>
              This is what the credential says about itself. It did not pass every check, so do not rely on
              it.
            </WarningText>
          )}
          {items.length > 0 ? (
            <SummaryList items={items} />
          ) : (
            <p>The credential gives no details the hub can read.</p>
          )}
          {(meaning.scqfLevel !== null || meaning.scqfCredits !== null) && (
            <p>
              The glossary explains <Term slug="scqf">the SCQF</Term>,{' '}
              <Term slug="scqf-level">SCQF levels</Term>, <Term slug="scqf-credit">SCQF credits</Term>,{' '}
              <Term slug="notional-hours">notional hours</Term> and <Term slug="ects">ECTS credits</Term>.
            </p>
          )}
        </section>
      )}

      <ButtonGroup>
        <ButtonLink href="/verify" variant="secondary">
          Check another credential
        </ButtonLink>
      </ButtonGroup>
    </>
  );
}

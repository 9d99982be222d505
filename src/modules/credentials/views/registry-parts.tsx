/**
 * Small pieces shared by the registry officer's pages: dates, the tags that say where a credential
 * or a batch of issuing stands, the progress of a batch, and what a signed credential states.
 */
import type { VNode } from 'preact';
import { Tag, type TagColour } from '../../../platform/views/components.tsx';
import { CERTIFICATE_NAMES, type CertificateKind } from '../achievement-credential-model.ts';
import type { CredentialRow, JobRow } from '../credentials-repository.ts';

export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

export const dateFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeZone: 'Europe/London',
});
export const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/London',
});

/** A calendar date stored as YYYY-MM-DD, shown as people write it ("13 Nov 2026"). */
export function calendarDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime())
    ? isoDate
    : new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

export function certificateName(kind: string): string {
  return CERTIFICATE_NAMES[kind as CertificateKind] ?? (kind === 'transcript' ? 'Transcript' : 'Credential');
}

/**
 * Identifiers such as keys run to 50 characters with no spaces: break opportunities let them wrap
 * on a narrow screen instead of widening the page, and copying them still gives the exact text.
 */
export function BreakableCode({ text }: { text: string }): VNode {
  const chunks = text.match(/.{1,16}/g) ?? [text];
  return (
    <code>
      {chunks.map((chunk, index) => (
        <>
          {index > 0 && <wbr />}
          {chunk}
        </>
      ))}
    </code>
  );
}

/**
 * An email address that may wrap before its @ and after its dots (and within any long run between),
 * so that a narrow table cell wraps it rather than scrolling sideways.
 */
export function BreakableEmail({ address }: { address: string }): VNode {
  const pieces = address.split(/(?=@)|(?<=\.)/).flatMap((piece) => piece.match(/.{1,16}/g) ?? [piece]);
  return (
    <>
      {pieces.map((piece, index) => (
        <>
          {index > 0 && <wbr />}
          {piece}
        </>
      ))}
    </>
  );
}

// ---- Where a credential stands -----------------------------------------------------------------

export type CredentialStanding = 'revoked' | 'suspended' | 'claimed' | 'unclaimed' | 'claim-expired';

export function standingOf(credential: CredentialRow, now: Date): CredentialStanding {
  if (credential.revokedAt) return 'revoked';
  if (credential.suspended) return 'suspended';
  if (credential.claimedAt) return 'claimed';
  if (credential.claimExpiresAt && credential.claimExpiresAt < now) return 'claim-expired';
  return 'unclaimed';
}

const STANDING: Record<CredentialStanding, { label: string; colour: TagColour }> = {
  revoked: { label: 'Revoked', colour: 'red' },
  suspended: { label: 'Suspended', colour: 'orange' },
  claimed: { label: 'Claimed', colour: 'green' },
  unclaimed: { label: 'Not yet claimed', colour: 'grey' },
  'claim-expired': { label: 'Claim link expired', colour: 'yellow' },
};

export function CredentialStandingTag({ credential, now }: { credential: CredentialRow; now: Date }): VNode {
  const standing = STANDING[standingOf(credential, now)];
  return <Tag colour={standing.colour}>{standing.label}</Tag>;
}

// ---- Issuance batches --------------------------------------------------------------------------

const JOB_STATES: Record<string, { label: string; colour: TagColour }> = {
  queued: { label: 'Waiting to start', colour: 'grey' },
  running: { label: 'Issuing', colour: 'blue' },
  finished: { label: 'Finished', colour: 'green' },
  failed: { label: 'Stopped with an error', colour: 'red' },
};

export function isJobActive(job: Pick<JobRow, 'state'>): boolean {
  return job.state === 'queued' || job.state === 'running';
}

export function JobStateTag({ job }: { job: Pick<JobRow, 'state'> }): VNode {
  const state = JOB_STATES[job.state] ?? { label: job.state, colour: 'grey' as const };
  return <Tag colour={state.colour}>{state.label}</Tag>;
}

export function jobDone(job: Pick<JobRow, 'issued' | 'skipped' | 'failed'>): number {
  return job.issued + job.skipped + job.failed;
}

/** The bar and the same figures in words, so the progress is there without the bar too. */
export function JobProgress({ job, id }: { job: JobRow; id: string }): VNode {
  const done = jobDone(job);
  return (
    <div class="ds_question">
      <label class="ds_label" for={id}>
        {done} of {job.total} {job.total === 1 ? 'certificate' : 'certificates'} done
      </label>
      <progress id={id} max={Math.max(job.total, 1)} value={done}>
        {job.total === 0 ? 100 : Math.round((done / job.total) * 100)}%
      </progress>
    </div>
  );
}

// ---- What a signed credential says -------------------------------------------------------------

export interface CredentialFactsView {
  moduleCode: string | null;
  results: { name: string; value: string | null; status: string | null }[];
  diet: string | null;
  completedOn: string | null;
  creditsEarned: number | null;
  validFrom: string | null;
}

/**
 * The result a credential states, read from the signed JSON (the record of what was issued), so the
 * page shows what the learner's credential really says even after the result was corrected.
 */
export function credentialFactsOf(signedJson: string): CredentialFactsView {
  const empty: CredentialFactsView = {
    moduleCode: null,
    results: [],
    diet: null,
    completedOn: null,
    creditsEarned: null,
    validFrom: null,
  };
  let document: unknown;
  try {
    document = JSON.parse(signedJson);
  } catch {
    return empty;
  }
  const record = (value: unknown): Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  const credential = record(document);
  const subject = record(credential['credentialSubject']);
  const achievement = record(subject['achievement']);
  const descriptions = new Map(
    (Array.isArray(achievement['resultDescription']) ? achievement['resultDescription'] : []).map(
      (description) => [text(record(description)['id']), text(record(description)['name'])],
    ),
  );
  const results = (Array.isArray(subject['result']) ? subject['result'] : []).map((entry) => {
    const result = record(entry);
    return {
      name: descriptions.get(text(result['resultDescription'])) ?? 'Result',
      value: text(result['value']),
      status: text(result['status']),
    };
  });
  const end = text(subject['activityEndDate']);
  return {
    moduleCode: text(achievement['humanCode']),
    results,
    diet: text(subject['diet']),
    completedOn: end ? end.slice(0, 10) : null,
    creditsEarned: typeof subject['creditsEarned'] === 'number' ? subject['creditsEarned'] : null,
    validFrom: text(credential['validFrom']),
  };
}

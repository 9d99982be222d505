/**
 * The registry officer's pages about what was issued: a batch's progress, the list of issued
 * credentials, one credential with the forms that change its status, and the issuer's keys.
 */
import type { VNode } from 'preact';
import {
  Button,
  ErrorSummary,
  InsetText,
  NotificationBanner,
  Pagination,
  PostForm,
  SummaryList,
  Table,
  Textarea,
  WarningText,
  errorFor,
  type FormError,
} from '../../../platform/views/components.tsx';
import type { CredentialRow, JobRow } from '../credentials-repository.ts';
import type { IssuerKey } from '../issuer-keys.ts';
import { didKeyOf } from '../issuer-identity-model.ts';
import {
  BreakableCode,
  BreakableEmail,
  CredentialStandingTag,
  JobProgress,
  JobStateTag,
  calendarDate,
  certificateName,
  credentialFactsOf,
  dateFormat,
  dateTimeFormat,
  isJobActive,
  jobDone,
  standingOf,
} from './registry-parts.tsx';

// ---- A batch of issuing ------------------------------------------------------------------------

export function JobDetails({
  job,
  base,
  isRefreshing,
}: {
  job: JobRow;
  base: string;
  isRefreshing: boolean;
}): VNode {
  const jobUrl = `${base}/issuance/${job.id}`;
  return (
    <>
      <p>
        <JobStateTag job={job} />
      </p>
      <JobProgress job={job} id="job-progress" />
      <SummaryList
        items={[
          { key: 'Issued', value: job.issued.toLocaleString('en-GB') },
          { key: 'Skipped (already issued)', value: job.skipped.toLocaleString('en-GB') },
          { key: 'Failed', value: job.failed.toLocaleString('en-GB') },
          { key: 'Still to do', value: (job.total - jobDone(job)).toLocaleString('en-GB') },
          { key: 'Requested by', value: job.requestedByName },
          { key: 'Requested', value: dateTimeFormat.format(job.createdAt) },
          ...(job.finishedAt ? [{ key: 'Finished', value: dateTimeFormat.format(job.finishedAt) }] : []),
        ]}
      />
      {job.lastError && (
        <WarningText>
          Issuing stopped: {job.lastError} The certificates already issued are kept; record the remaining
          results again to issue theirs.
        </WarningText>
      )}
      {isJobActive(job) ? (
        <p>
          Issuing carries on if you leave this page, and after a restart of the hub.{' '}
          {isRefreshing ? (
            <>
              This page updates itself every 2 seconds.{' '}
              <a href={`${jobUrl}?refresh=off`}>Stop updating automatically</a>
            </>
          ) : (
            <a href={jobUrl}>Update this page</a>
          )}
        </p>
      ) : (
        <p>
          <a href={`${base}/credentials`}>See the issued credentials</a> or go back to{' '}
          <a href={`${base}/results`}>results and credentials</a>.
        </p>
      )}
    </>
  );
}

// ---- Issued credentials ------------------------------------------------------------------------

export function CredentialsList({
  base,
  credentials,
  page,
  hasNext,
  now,
}: {
  base: string;
  credentials: readonly CredentialRow[];
  page: number;
  hasNext: boolean;
  now: Date;
}): VNode {
  return (
    <>
      {credentials.length === 0 ? (
        <p>{page === 1 ? 'No credentials issued yet.' : 'There are no more credentials.'}</p>
      ) : (
        <Table
          caption={`Issued credentials, page ${page}`}
          isCaptionHidden
          headers={['Learner', 'Credential', 'Kind', 'Issued', 'Status']}
          smallScreen="boxes"
          rows={credentials.map((credential) => [
            <>
              {credential.learnerName ?? '–'}
              {credential.learnerEmail && (
                <>
                  <br />
                  <span class="ds_hint-text">
                    <BreakableEmail address={credential.learnerEmail} />
                  </span>
                </>
              )}
            </>,
            <a href={`${base}/credentials/${credential.id}`}>{credential.title}</a>,
            certificateName(credential.kind),
            dateFormat.format(credential.issuedAt),
            <CredentialStandingTag credential={credential} now={now} />,
          ])}
        />
      )}
      <Pagination
        current={page}
        total={hasNext ? page + 1 : page}
        href={(target) => `${base}/credentials?page=${target}`}
        label="Pages of issued credentials"
      />
    </>
  );
}

export type StatusAction = 'revoke' | 'suspend' | 'unsuspend';

export function CredentialDetail({
  credential,
  base,
  canChange,
  csrfToken,
  errors,
  reasons,
  notice,
  now,
}: {
  credential: CredentialRow;
  base: string;
  canChange: boolean;
  csrfToken: string;
  errors: readonly FormError[];
  /** What was typed into each reason box, kept when the form comes back with a problem. */
  reasons: Partial<Record<StatusAction, string>>;
  notice: string | undefined;
  now: Date;
}): VNode {
  const standing = standingOf(credential, now);
  const facts = credentialFactsOf(credential.signedJson);
  const href = `${base}/credentials/${credential.id}`;
  const resultText = facts.results
    .map((result) =>
      result.name === 'Mark' && result.value !== null
        ? `Mark ${result.value}%${result.status ? ` (${result.status})` : ''}`
        : [result.name, result.value, result.status && `(${result.status})`].filter(Boolean).join(' '),
    )
    .join('; ');
  const claimText = credential.claimedAt
    ? `Claimed on ${dateFormat.format(credential.claimedAt)}`
    : credential.claimExpiresAt
      ? credential.claimExpiresAt < now
        ? `Not claimed: the claim link ran out on ${dateFormat.format(credential.claimExpiresAt)}`
        : `Not claimed yet: the claim link works until ${dateFormat.format(credential.claimExpiresAt)}`
      : 'Not claimed yet';
  const statusText =
    standing === 'revoked' && credential.revokedAt
      ? `Revoked on ${dateFormat.format(credential.revokedAt)}. Reason: ${credential.revocationReason ?? '–'}`
      : standing === 'suspended'
        ? `Suspended. Reason: ${credential.suspensionReason ?? '–'}`
        : 'Valid';

  return (
    <>
      {notice && (
        <NotificationBanner isSuccess title="Done">
          <p>{notice}</p>
        </NotificationBanner>
      )}
      <ErrorSummary errors={errors} />
      <p>
        <CredentialStandingTag credential={credential} now={now} />
      </p>
      <SummaryList
        items={[
          { key: 'Learner', value: credential.learnerName ?? '–' },
          { key: 'Email address', value: credential.learnerEmail ?? '–' },
          {
            key: 'Module',
            value: facts.moduleCode ? `${facts.moduleCode}: ${credential.title}` : credential.title,
          },
          { key: 'Result', value: resultText || '–' },
          ...(facts.diet ? [{ key: 'Diet', value: facts.diet }] : []),
          ...(facts.completedOn ? [{ key: 'Completed on', value: calendarDate(facts.completedOn) }] : []),
          ...(facts.creditsEarned !== null
            ? [{ key: 'SCQF credits earned', value: String(facts.creditsEarned) }]
            : []),
          { key: 'Issued', value: dateTimeFormat.format(credential.issuedAt) },
          { key: 'Status', value: statusText },
          { key: 'Claim', value: claimText },
          { key: 'Credential id', value: <code>urn:uuid:{credential.id}</code> },
        ]}
      />
      {credential.claimedAt && standing !== 'revoked' && (
        <p>
          <a href={`/verify?credential=${credential.id}`}>Check it as an employer would</a>
        </p>
      )}
      {canChange && standing !== 'revoked' && (
        <div id="status-actions" tabindex={-1}>
          {!credential.claimedAt && credential.learnerEmail && (
            <>
              <h2>Send the claim link again</h2>
              <p>A new link goes to {credential.learnerEmail}; the earlier one stops working.</p>
              <PostForm action={`${href}/resend-claim`} csrfToken={csrfToken}>
                <Button variant="secondary">Send a new claim link</Button>
              </PostForm>
            </>
          )}
          {credential.suspended ? (
            <>
              <h2>Lift the suspension</h2>
              <p>The credential will verify as valid again. The learner is told by email.</p>
              <PostForm action={`${href}/unsuspend`} csrfToken={csrfToken}>
                <Button variant="secondary">Lift the suspension</Button>
              </PostForm>
            </>
          ) : (
            <>
              <h2>Suspend</h2>
              <p>
                While it is suspended, anyone who checks the credential is told so. You can lift a suspension
                later, for example once an investigation ends.
              </p>
              <PostForm action={`${href}/suspend`} csrfToken={csrfToken}>
                <Textarea
                  name="reason"
                  id="suspend-reason"
                  label="Reason for suspending"
                  hint="Recorded, and sent to the learner."
                  rows={3}
                  value={reasons.suspend}
                  error={errorFor(errors, 'suspend-reason')}
                />
                <Button variant="secondary">Suspend the credential</Button>
              </PostForm>
            </>
          )}
          <h2>Revoke</h2>
          <WarningText>
            Revoking cannot be undone. Anyone who checks the credential from then on is told it is revoked. To
            correct a result instead, record the corrected result: it revokes this credential and issues a new
            one.
          </WarningText>
          <PostForm action={`${href}/revoke`} csrfToken={csrfToken}>
            <Textarea
              name="reason"
              id="revoke-reason"
              label="Reason for revoking"
              hint="Recorded, and sent to the learner."
              rows={3}
              value={reasons.revoke}
              error={errorFor(errors, 'revoke-reason')}
            />
            <Button>Revoke the credential for good</Button>
          </PostForm>
        </div>
      )}
    </>
  );
}

// ---- Issuer identity and keys ------------------------------------------------------------------

export function IssuerKeys({
  base,
  institution,
  did,
  keys,
  csrfToken,
  isRotated,
}: {
  base: string;
  institution: { name: string; slug: string };
  did: string;
  keys: readonly IssuerKey[];
  csrfToken: string;
  isRotated: boolean;
}): VNode {
  const hasKey = keys.length > 0;
  return (
    <>
      {isRotated && (
        <NotificationBanner isSuccess title="Key created">
          <p>
            A new signing key is in use. Earlier keys stay published, so the credentials they signed keep
            verifying.
          </p>
        </NotificationBanner>
      )}
      <p>
        Credentials name {institution.name} as their issuer by this identifier (a did:web). Anyone can look up
        its public keys in the{' '}
        <a href={`/issuers/${institution.slug}/did.json`}>
          DID document<span class="visually-hidden"> of {institution.name}</span>
        </a>
        .
      </p>
      <p>
        <BreakableCode text={did} />
      </p>
      <h2>Signing keys</h2>
      {hasKey ? (
        <Table
          caption="Signing keys, oldest first"
          isCaptionHidden
          headers={['Public key', 'As a did:key', 'Created', 'Status']}
          smallScreen="boxes"
          rows={keys.map((key) => [
            <BreakableCode text={key.publicKeyMultibase} />,
            <BreakableCode text={didKeyOf(key.publicKeyMultibase)} />,
            dateTimeFormat.format(key.createdAt),
            key.retiredAt
              ? `Retired ${dateTimeFormat.format(key.retiredAt)}; still published for checking`
              : 'Signs new credentials',
          ])}
        />
      ) : (
        <InsetText>
          {institution.name} has no signing key yet. The hub creates one when it first issues a credential, or
          you can create it now.
        </InsetText>
      )}
      <h2>{hasKey ? 'Rotate the signing key' : 'Create the signing key'}</h2>
      <p>
        {hasKey
          ? 'Rotating creates a new key that signs every credential from now on. The current key stops signing but stays published in the DID document, so the credentials it signed keep verifying. Rotate when you suspect the key is exposed, or as your security policy requires.'
          : 'The key is created, encrypted and kept by the hub; only its public half is published.'}
      </p>
      <PostForm action={`${base}/keys/rotate`} csrfToken={csrfToken}>
        <Button variant={hasKey ? 'secondary' : 'primary'}>
          {hasKey ? 'Rotate the signing key' : 'Create the signing key'}
        </Button>
      </PostForm>
    </>
  );
}

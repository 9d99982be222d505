import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  Button,
  ButtonGroup,
  ButtonLink,
  InsetText,
  NotificationMessage,
  PostForm,
  SummaryList,
  Table,
  Tag,
  WarningText,
  type TagColour,
} from '../../platform/views/components.tsx';
import { csrfTokenFor } from '../../platform/http/csrf.ts';
import { HttpProblem } from '../../platform/http/problems.ts';
import type { AccountsService, Principal } from '../accounts/index.ts';
import type { CatalogueService, Institution } from '../catalogue/index.ts';
import { sendTitledPage, type TitledPageOptions } from '../site/index.ts';
import { renderCertificatePdf } from './certificate-pdf.ts';
import type { CredentialRow } from './credentials-repository.ts';
import { CredentialsError, type CredentialsService } from './credentials-service.ts';
import { createTranscripts } from './transcripts.ts';
import {
  STANDING_LABELS,
  credentialFacts,
  downloadName,
  linkedInAddUrl,
  standingOf,
  verificationUrl,
  type CredentialFacts,
  type CredentialStanding,
} from './transcript-model.ts';

export interface LearnerCredentialPagesOptions {
  credentials: CredentialsService;
  catalogue: CatalogueService;
  accounts: Pick<AccountsService, 'principalOf'>;
  clock: () => Date;
  isDemo: boolean;
  publicUrl: string;
}

type SignedInUser = Extract<Principal, { kind: 'user' }>;

const longDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' });
const shortDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Europe/London' });
const calendarDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

const STANDING_COLOURS: Record<CredentialStanding, TagColour> = {
  valid: 'green',
  suspended: 'orange',
  revoked: 'red',
  expired: 'grey',
};

const YOUR_CREDENTIALS = '/my/credentials';
const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) });
const CredentialParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const TranscriptParams = Type.Object({
  institution: Type.String({ pattern: '^[a-z0-9-]+$', maxLength: 100 }),
});
// Personal records: never kept by shared caches or the browser's back-forward cache of another user.
const PRIVATE = 'private, no-store';

function userOf(request: FastifyRequest): SignedInUser {
  const principal = request.principal;
  if (principal?.kind !== 'user') throw new HttpProblem(401, 'Sign in', 'Sign in to continue.');
  return principal;
}

function claimPath(token: string): string {
  return `/claim/${encodeURIComponent(token)}`;
}

function StandingTag({ standing }: { standing: CredentialStanding }) {
  return <Tag colour={STANDING_COLOURS[standing]}>{STANDING_LABELS[standing]}</Tag>;
}

function calendarDay(isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : calendarDate.format(date);
}

/**
 * The learner's side of issued credentials: claiming one from the mailed link, keeping them in one
 * list, downloading each as JSON or a PDF certificate, sharing it, and a signed transcript per
 * institution.
 */
export async function learnerCredentialPages(
  parent: FastifyInstance,
  { credentials, catalogue, accounts, clock, isDemo, publicUrl }: LearnerCredentialPagesOptions,
) {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const transcripts = createTranscripts({ credentials, catalogue, clock });

  const page = (request: FastifyRequest, reply: FastifyReply, options: TitledPageOptions) =>
    sendTitledPage(request, reply, { isDemo, publicUrl }, options);

  /** The learner's own credential, or 404: another person's credential is not there at all. */
  async function ownCredential(request: FastifyRequest, id: string): Promise<CredentialRow> {
    const user = userOf(request);
    const credential = await credentials.findCredential(id);
    if (!credential || credential.claimedByUserId !== user.userId)
      throw new HttpProblem(
        404,
        'Page not found',
        'There is no credential of yours at this address. Your credentials are listed under Your credentials.',
      );
    return credential;
  }

  async function institutionsOf(rows: CredentialRow[]): Promise<Map<string, Institution>> {
    const ids = [...new Set(rows.map((row) => row.institutionId))];
    const found = ids.length > 0 ? await catalogue.institutionsByIds(ids) : [];
    return new Map(found.map((institution) => [institution.id, institution]));
  }

  // ---- Claiming ---------------------------------------------------------------------------------

  app.get(
    '/claim/:token',
    { config: { access: 'public' }, schema: { hide: true, params: TokenParams } },
    async (request, reply) => {
      const { token } = request.params;
      const principal = await accounts.principalOf(request);
      reply.header('cache-control', PRIVATE);
      // The token is only redeemed by the form below: mail scanners and link previews open links,
      // and must not use up the learner's only one.
      if (principal.kind !== 'user') {
        const next = encodeURIComponent(claimPath(token));
        return page(request, reply, {
          title: 'Add a credential to your record',
          children: (
            <>
              <p class="ds_leader">Sign in or create an account to add this credential to your record.</p>
              <p>
                An account on the Micro-credentials Hub keeps every credential you earn in one place. From
                there you can download each one as a PDF certificate or as a verifiable credential, and share
                it with employers.
              </p>
              <ButtonGroup>
                <ButtonLink href={`/sign-in?next=${next}`}>Sign in</ButtonLink>
                <ButtonLink href={`/sign-up?next=${next}`} variant="secondary">
                  Create an account
                </ButtonLink>
              </ButtonGroup>
              <InsetText>
                If you create an account, confirm your email address and sign in first, then open the link in
                your email again. The link works once, so keep the email until the credential is in your
                account.
              </InsetText>
            </>
          ),
        });
      }
      return page(request, reply, {
        title: 'Add a credential to your record',
        children: (
          <>
            <p class="ds_leader">
              The credential from this link will be added to your account, {principal.name} ({principal.email}
              ).
            </p>
            <p>
              Once it is added, you can download it as a PDF certificate or as a verifiable credential, and
              share it. The link then stops working.
            </p>
            <PostForm action={claimPath(token)} csrfToken={csrfTokenFor(reply)}>
              <Button>Add to my credentials</Button>
            </PostForm>
            <p>Not you? Sign out, then open the link again and sign in with your own account.</p>
          </>
        ),
      });
    },
  );

  app.post(
    '/claim/:token',
    {
      config: { access: 'signed-in' },
      schema: { hide: true, params: TokenParams, body: Type.Object({ _csrf: Type.String() }) },
    },
    async (request, reply) => {
      const user = userOf(request);
      try {
        const credential = await credentials.claim(request.params.token, { id: user.userId });
        return reply.redirect(`${YOUR_CREDENTIALS}/${credential.id}?added=1`, 303);
      } catch (error) {
        if (!(error instanceof CredentialsError)) throw error;
        const isExpired = error.status === 409;
        return page(request, reply, {
          title: isExpired ? 'This claim link has expired' : 'This claim link cannot be used',
          status: isExpired ? 409 : 404,
          children: isExpired ? (
            <>
              <p class="ds_leader">Claim links last a limited time, and this one has run out.</p>
              <p>
                Your credential has not been lost. Ask the registry of the college or university that issued
                it to send you a new link, then use it before it expires.
              </p>
              <p>
                <a href={YOUR_CREDENTIALS}>See the credentials in your account</a>
              </p>
            </>
          ) : (
            <>
              <p class="ds_leader">This claim link has already been used, or it is not a valid link.</p>
              <p>
                If you added the credential already, it is in <a href={YOUR_CREDENTIALS}>your credentials</a>.
                If not, check that you copied the whole link from the email, or ask the registry of the
                college or university that issued it to send you a new one.
              </p>
            </>
          ),
        });
      }
    },
  );

  // ---- The learner's credentials ----------------------------------------------------------------

  app.get(
    YOUR_CREDENTIALS,
    { config: { access: 'signed-in' }, schema: { hide: true } },
    async (request, reply) => {
      const user = userOf(request);
      const rows = await credentials.credentialsOfLearner(user.userId);
      const institutions = await institutionsOf(rows);
      const now = clock();
      const withTranscript = [...institutions.values()]
        .filter((institution) => rows.some((row) => row.institutionId === institution.id && !row.revokedAt))
        .sort((a, b) => a.name.localeCompare(b.name));
      reply.header('cache-control', PRIVATE);
      return page(request, reply, {
        title: 'Your credentials',
        breadcrumbs: [{ href: '/account', label: 'Your account' }, { label: 'Your credentials' }],
        children:
          rows.length === 0 ? (
            <>
              <p class="ds_leader">You have no credentials in your account yet.</p>
              <p>
                When a college or university issues you a credential, you get an email with a link to add it
                here.
              </p>
            </>
          ) : (
            <>
              <Table
                caption="Credentials in your account"
                isCaptionHidden
                headers={['Credential', 'Institution', 'Kind', 'Issued', 'Status']}
                smallScreen="boxes"
                rows={rows.map((row) => {
                  const facts = credentialFacts(row.signedJson, row.kind);
                  return [
                    <a href={`${YOUR_CREDENTIALS}/${row.id}`}>{row.title}</a>,
                    institutions.get(row.institutionId)?.name ?? facts.institutionName ?? '',
                    facts.kindName,
                    shortDate.format(row.issuedAt),
                    <StandingTag standing={standingOf(row, now)} />,
                  ];
                })}
              />
              {withTranscript.length > 0 && (
                <>
                  <h2>Transcripts</h2>
                  <p>
                    A transcript gathers your credentials from one institution into a single file, signed by
                    the institution (Comprehensive Learner Record 2.0). Each credential inside keeps its own
                    signature. Revoked credentials are left out.
                  </p>
                  <ul class="ds_no-bullets">
                    {withTranscript.map((institution) => (
                      <li key={institution.id}>
                        <a href={`/my/transcripts/${institution.slug}`} download>
                          Download transcript<span class="visually-hidden"> from {institution.name}</span>
                        </a>{' '}
                        ({institution.name}, JSON)
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          ),
      });
    },
  );

  app.get(
    `${YOUR_CREDENTIALS}/:id`,
    {
      config: { access: 'signed-in' },
      schema: {
        hide: true,
        params: CredentialParams,
        querystring: Type.Object({ added: Type.Optional(Type.String({ maxLength: 10 })) }),
      },
    },
    async (request, reply) => {
      const credential = await ownCredential(request, request.params.id);
      const facts = credentialFacts(credential.signedJson, credential.kind);
      const [institution] = await catalogue.institutionsByIds([credential.institutionId]);
      const institutionName = institution?.name ?? facts.institutionName ?? 'The institution';
      const standing = standingOf(credential, clock());
      const verifyAt = verificationUrl(publicUrl, credential.id);
      const base = `${YOUR_CREDENTIALS}/${credential.id}`;
      reply.header('cache-control', PRIVATE);
      return page(request, reply, {
        title: facts.title,
        label: facts.kindName,
        breadcrumbs: [
          { href: '/account', label: 'Your account' },
          { href: YOUR_CREDENTIALS, label: 'Your credentials' },
          { label: facts.title },
        ],
        children: (
          <>
            {request.query.added !== undefined && (
              <NotificationMessage title="Added to your credentials">
                <p>
                  This credential is now in your account. Download it or share it below; it is also listed
                  under <a href={YOUR_CREDENTIALS}>your credentials</a>.
                </p>
              </NotificationMessage>
            )}
            <StandingWarning credential={credential} standing={standing} institutionName={institutionName} />
            <CredentialSummary
              facts={facts}
              institutionName={institutionName}
              credential={credential}
              standing={standing}
            />

            <h2>Download</h2>
            <p>
              The PDF certificate is for printing and sending to people; the verifiable credential is inside
              it too. The JSON file is the Open Badges 3.0 verifiable credential on its own, for digital
              wallets and employers’ systems.
            </p>
            <ButtonGroup>
              <ButtonLink href={`${base}/certificate.pdf`}>Download PDF certificate</ButtonLink>
              <ButtonLink href={`${base}/credential.json`} variant="secondary">
                Download credential (JSON)
              </ButtonLink>
            </ButtonGroup>

            <h2>Share</h2>
            <p>
              Anyone can check this credential, without an account, at{' '}
              <a href={verifyAt} data-testid="verify-link">
                {verifyAt}
              </a>
              .
            </p>
            {standing === 'valid' ? (
              <p>
                <a
                  href={linkedInAddUrl({
                    title: facts.title,
                    organizationName: institutionName,
                    issuedAt: credential.issuedAt,
                    verificationUrl: verifyAt,
                    credentialId: credential.id,
                  })}
                  data-testid="linkedin-link"
                  rel="noopener noreferrer"
                >
                  Add to your LinkedIn profile
                </a>{' '}
                (opens LinkedIn, where you check the details before saving them).
              </p>
            ) : (
              <p>It cannot be added to LinkedIn while it is {STANDING_LABELS[standing].toLowerCase()}.</p>
            )}

            {institution && !credential.revokedAt && (
              <>
                <h2>Transcript</h2>
                <p>
                  <a href={`/my/transcripts/${institution.slug}`} download>
                    Download your transcript from {institution.name}
                  </a>{' '}
                  (JSON): all your credentials from {institution.name} in one file signed by the institution.
                </p>
              </>
            )}
          </>
        ),
      });
    },
  );

  app.get(
    `${YOUR_CREDENTIALS}/:id/credential.json`,
    { config: { access: 'signed-in' }, schema: { hide: true, params: CredentialParams } },
    async (request, reply) => {
      const credential = await ownCredential(request, request.params.id);
      const facts = credentialFacts(credential.signedJson, credential.kind);
      // Sent exactly as signed and stored: any change of bytes a verifier cares about would break the proof.
      return reply
        .header('content-type', 'application/vc+ld+json; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${downloadName([facts.moduleCode, facts.title], 'json')}"`,
        )
        .header('cache-control', PRIVATE)
        .send(Buffer.from(credential.signedJson, 'utf8'));
    },
  );

  app.get(
    `${YOUR_CREDENTIALS}/:id/certificate.pdf`,
    { config: { access: 'signed-in' }, schema: { hide: true, params: CredentialParams } },
    async (request, reply) => {
      const user = userOf(request);
      const credential = await ownCredential(request, request.params.id);
      const facts = credentialFacts(credential.signedJson, credential.kind);
      const [institution] = await catalogue.institutionsByIds([credential.institutionId]);
      const pdf = await renderCertificatePdf(
        {
          kind:
            credential.kind === 'certificate-of-attendance'
              ? 'certificate of attendance'
              : 'certificate of study',
          title: facts.title,
          moduleCode: facts.moduleCode ?? '',
          learnerName: credential.learnerName ?? user.name,
          institutionName: institution?.name ?? facts.institutionName ?? '',
          scqfLevel: facts.scqfLevel,
          scqfCredits: facts.scqfCredits,
          notionalHours: facts.notionalHours ?? 0,
          result: facts.result,
          completedOn: facts.completedOn ?? credential.issuedAt.toISOString().slice(0, 10),
          issuedOn: credential.issuedAt.toISOString(),
          credentialId: `urn:uuid:${credential.id}`,
          verificationUrl: verificationUrl(publicUrl, credential.id),
        },
        credential.signedJson,
      );
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="${downloadName(['certificate', facts.moduleCode, facts.title], 'pdf')}"`,
        )
        .header('cache-control', PRIVATE)
        .send(Buffer.from(pdf));
    },
  );

  // ---- Transcripts ------------------------------------------------------------------------------

  app.get(
    '/my/transcripts/:institution',
    { config: { access: 'signed-in' }, schema: { hide: true, params: TranscriptParams } },
    async (request, reply) => {
      const user = userOf(request);
      const transcript = await transcripts.transcriptFor(user, request.params.institution);
      if (!transcript)
        throw new HttpProblem(
          404,
          'No transcript',
          'You have no credentials from this institution in your account, so there is no transcript to download.',
        );
      const day = clock().toISOString().slice(0, 10);
      return reply
        .header('content-type', 'application/vc+ld+json; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${downloadName(['transcript', transcript.institution.slug, day], 'json')}"`,
        )
        .header('cache-control', PRIVATE)
        .send(transcript.json);
    },
  );
}

function StandingWarning({
  credential,
  standing,
  institutionName,
}: {
  credential: CredentialRow;
  standing: CredentialStanding;
  institutionName: string;
}) {
  if (standing === 'revoked')
    return (
      <WarningText>
        {institutionName} revoked this credential
        {credential.revokedAt ? ` on ${longDate.format(credential.revokedAt)}` : ''}
        {credential.revocationReason ? `. Reason: ${credential.revocationReason}` : ''}. Anyone who checks it
        sees that it is no longer valid. If you think this is a mistake, contact the institution’s registry.
      </WarningText>
    );
  if (standing === 'suspended')
    return (
      <WarningText>
        {institutionName} has suspended this credential
        {credential.suspensionReason ? `. Reason: ${credential.suspensionReason}` : ''}. It does not verify as
        valid while it is suspended. Contact the institution’s registry to find out more.
      </WarningText>
    );
  if (standing === 'expired') return <WarningText>This credential’s validity period has ended.</WarningText>;
  return null;
}

function CredentialSummary({
  facts,
  institutionName,
  credential,
  standing,
}: {
  facts: CredentialFacts;
  institutionName: string;
  credential: CredentialRow;
  standing: CredentialStanding;
}) {
  const credits = facts.creditsEarned ?? facts.scqfCredits;
  return (
    <SummaryList
      items={[
        { key: 'Credential', value: facts.kindName },
        { key: 'Course', value: facts.title },
        ...(facts.moduleCode ? [{ key: 'Module code', value: facts.moduleCode }] : []),
        {
          key: 'SCQF level',
          value: facts.scqfLevel !== null ? String(facts.scqfLevel) : 'Not credit-rated',
        },
        ...(credits !== null ? [{ key: 'SCQF credits', value: String(credits) }] : []),
        ...(facts.notionalHours !== null
          ? [{ key: 'Learning hours', value: `${facts.notionalHours} hours` }]
          : []),
        { key: 'Institution', value: institutionName },
        ...(facts.completedOn ? [{ key: 'Completed', value: calendarDay(facts.completedOn) }] : []),
        ...(facts.result ? [{ key: 'Result', value: facts.result }] : []),
        { key: 'Issued', value: longDate.format(credential.issuedAt) },
        { key: 'Status', value: <StandingTag standing={standing} /> },
      ]}
    />
  );
}

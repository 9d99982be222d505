import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  Button,
  CheckboxGroup,
  ErrorSummary,
  InsetText,
  NotificationBanner,
  PostForm,
  SummaryList,
  Table,
  TextInput,
  WarningText,
  errorFor,
  type FormError,
} from '../../platform/views/components.tsx';
import { csrfTokenFor } from '../../platform/http/csrf.ts';
import { HttpProblem } from '../../platform/http/problems.ts';
import { setHeaderAccount } from '../../platform/http/request-context.ts';
import { wantsJson } from '../../platform/http/error-handler.ts';
import { sendTitledPage, type TitledPageOptions } from '../site/index.ts';
import { AccountsError, type AccountsService } from './accounts-service.ts';
import {
  INSTITUTION_ROLES,
  ROLE_DESCRIPTIONS,
  actorAt,
  validateNewAccount,
  validateNewPassword,
  type Principal,
} from './accounts-model.ts';
import { NewAccountFields, SignInForm } from './views/auth-forms.tsx';

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Europe/London' });

/**
 * Only paths on this site: an open redirect would let a phishing mail borrow the hub's address.
 * Browsers drop tabs and newlines from addresses, so "/\t/evil.example" would leave the site: any
 * control character or space is refused, and the result must resolve to this origin.
 */
export function safeNext(next: string | undefined): string {
  const fallback = '/account';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (!next || !next.startsWith('/') || /[\u0000-\u0020\u007f\\]/.test(next)) return fallback;
  const base = 'https://hub.invalid';
  const resolved = new URL(next, base);
  if (resolved.origin !== base || resolved.pathname.startsWith('//')) return fallback;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

function userOf(request: FastifyRequest): Extract<Principal, { kind: 'user' }> {
  const principal = request.principal;
  if (principal?.kind !== 'user') throw new HttpProblem(401, 'Sign in', 'Sign in to continue.');
  return principal;
}

function institutionOf(request: FastifyRequest) {
  if (!request.institution) throw new HttpProblem(404, 'Page not found', 'There is nothing at this address.');
  return request.institution;
}

const roleItems = INSTITUTION_ROLES.map((role) => ({
  value: role,
  label: ROLE_DESCRIPTIONS[role].label,
  hint: ROLE_DESCRIPTIONS[role].description,
}));

const asList = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** The header shows who is signed in on every page, public ones included. */
export function showSignedInAccount(app: FastifyInstance, accounts: AccountsService): void {
  app.addHook('preHandler', async (request, reply) => {
    if (wantsJson(request)) return;
    const principal = await accounts.principalOf(request);
    setHeaderAccount(
      principal.kind === 'user'
        ? {
            name: principal.name,
            csrfToken: csrfTokenFor(reply),
            hasWorkspace: principal.memberships.length > 0 || principal.isSectorAdmin,
          }
        : undefined,
    );
  });
}

export async function accountsPages(
  parent: FastifyInstance,
  {
    accounts,
    isDemo,
    publicUrl,
    isProduction,
  }: { accounts: AccountsService; isDemo: boolean; publicUrl: string; isProduction: boolean },
) {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();

  const page = (request: FastifyRequest, reply: FastifyReply, options: TitledPageOptions) =>
    sendTitledPage(request, reply, { isDemo, publicUrl }, options);

  // ---- Sign in and out ----------------------------------------------------------------------

  const SignInBody = Type.Object({
    _csrf: Type.String(),
    email: Type.String({ maxLength: 320 }),
    password: Type.String({ maxLength: 200 }),
    next: Type.Optional(Type.String({ maxLength: 2000 })),
  });

  app.get(
    '/sign-in',
    {
      config: { access: 'public' },
      schema: {
        hide: true,
        querystring: Type.Object({ next: Type.Optional(Type.String({ maxLength: 2000 })) }),
      },
    },
    async (request, reply) => {
      const next = safeNext(request.query.next);
      if (request.principal?.kind === 'user') return reply.redirect(next, 303);
      return page(request, reply, {
        title: 'Sign in',
        children: <SignInForm values={{ email: '', next }} errors={[]} csrfToken={csrfTokenFor(reply)} />,
      });
    },
  );

  app.post(
    '/sign-in',
    { config: { access: 'public' }, schema: { hide: true, body: SignInBody } },
    async (request, reply) => {
      const { email, password } = request.body;
      const next = safeNext(request.body.next);
      const errors: FormError[] = [];
      if (!email.trim()) errors.push({ field: 'email', message: 'Enter your email address' });
      if (!password) errors.push({ field: 'password', message: 'Enter your password' });
      let status = 400;
      if (errors.length === 0) {
        const outcome = await accounts.signIn(email, password, request.ip);
        if (outcome.ok) {
          reply.header('set-cookie', outcome.setCookies);
          return reply.redirect(next, 303);
        }
        if (outcome.reason === 'rate-limited') {
          status = 429;
          reply.header('retry-after', String(outcome.retryAfterSeconds ?? 60));
          errors.push({
            field: 'email',
            message: 'Too many sign-in attempts from here. Wait a minute, then try again',
          });
        } else if (outcome.reason === 'unverified') {
          status = 403;
          errors.push({
            field: 'email',
            message: `Confirm your email address first: we have sent a new link to ${email.trim()}`,
          });
        } else {
          status = 401;
          errors.push({
            field: 'email',
            message: 'The email address or password is not right. Check both and try again',
          });
        }
      }
      return page(request, reply, {
        title: 'Sign in',
        status,
        children: <SignInForm values={{ email, next }} errors={errors} csrfToken={csrfTokenFor(reply)} />,
      });
    },
  );

  app.post(
    '/sign-out',
    { config: { access: 'signed-in' }, schema: { hide: true, body: Type.Object({ _csrf: Type.String() }) } },
    async (request, reply) => {
      reply.header('set-cookie', await accounts.signOut(request));
      return reply.redirect('/', 303);
    },
  );

  // ---- Create an account -------------------------------------------------------------------

  const SignUpBody = Type.Object({
    _csrf: Type.String(),
    name: Type.String({ maxLength: 200 }),
    email: Type.String({ maxLength: 320 }),
    password: Type.String({ maxLength: 200 }),
    confirmPassword: Type.String({ maxLength: 200 }),
  });

  function signUpPage(
    request: FastifyRequest,
    reply: FastifyReply,
    values: { name: string; email: string },
    errors: FormError[],
  ) {
    return page(request, reply, {
      title: 'Create an account',
      status: errors.length > 0 ? 400 : 200,
      children: (
        <>
          <p class="ds_leader">
            An account keeps every credential you earn in one place, from any college or university.
          </p>
          <ErrorSummary errors={errors} />
          <PostForm action="/sign-up" csrfToken={csrfTokenFor(reply)}>
            <NewAccountFields values={values} errors={errors} />
            <Button>Create account</Button>
          </PostForm>
          <p>
            Already have an account? <a href="/sign-in">Sign in</a>.
          </p>
        </>
      ),
    });
  }

  app.get('/sign-up', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) =>
    signUpPage(request, reply, { name: '', email: '' }, []),
  );

  app.post(
    '/sign-up',
    { config: { access: 'public' }, schema: { hide: true, body: SignUpBody } },
    async (request, reply) => {
      try {
        await accounts.signUp(request.body);
      } catch (error) {
        if (error instanceof AccountsError) return signUpPage(request, reply, request.body, error.errors);
        throw error;
      }
      return page(request, reply, {
        title: 'Check your email',
        children: (
          <>
            <p class="ds_leader">
              We have sent a link to <strong>{request.body.email.trim()}</strong>. Open it to confirm your
              address, then sign in.
            </p>
            <p>The link works for 24 hours. If no mail arrives, check your spam folder.</p>
            {!isProduction && (
              <InsetText>
                This hub is not in production: mail stays in the <a href="/dev/outbox">outbox</a>.
              </InsetText>
            )}
          </>
        ),
      });
    },
  );

  app.get(
    '/verify-email',
    {
      config: { access: 'public' },
      schema: { hide: true, querystring: Type.Object({ token: Type.String({ maxLength: 4000 }) }) },
    },
    async (request, reply) => {
      const verified = await accounts.verifyEmail(request.query.token);
      return page(request, reply, {
        title: verified ? 'Email address confirmed' : 'This link has expired',
        status: verified ? 200 : 400,
        children: verified ? (
          <p>
            Thank you. You can now <a href="/sign-in">sign in</a>.
          </p>
        ) : (
          <p>
            The link is out of date or has been used already. <a href="/sign-in">Sign in</a> and we will send
            a new one.
          </p>
        ),
      });
    },
  );

  // ---- Forgotten password ------------------------------------------------------------------

  app.get(
    '/forgot-password',
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply) =>
      page(request, reply, {
        title: 'Reset your password',
        children: (
          <PostForm action="/forgot-password" csrfToken={csrfTokenFor(reply)}>
            <TextInput
              name="email"
              label="Email address"
              type="email"
              autocomplete="email"
              hint="We will send a link to reset your password."
            />
            <Button>Send the link</Button>
          </PostForm>
        ),
      }),
  );

  app.post(
    '/forgot-password',
    {
      config: { access: 'public' },
      schema: {
        hide: true,
        body: Type.Object({ _csrf: Type.String(), email: Type.String({ maxLength: 320 }) }),
      },
    },
    async (request, reply) => {
      const email = request.body.email.trim();
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
        const errors = [
          { field: 'email', message: 'Enter an email address in the correct format, like name@example.com' },
        ];
        return page(request, reply, {
          title: 'Reset your password',
          status: 400,
          children: (
            <>
              <ErrorSummary errors={errors} />
              <PostForm action="/forgot-password" csrfToken={csrfTokenFor(reply)}>
                <TextInput
                  name="email"
                  label="Email address"
                  type="email"
                  value={email}
                  error={errorFor(errors, 'email')}
                />
                <Button>Send the link</Button>
              </PostForm>
            </>
          ),
        });
      }
      await accounts.requestPasswordReset(email);
      // The same answer whether or not the address has an account.
      return page(request, reply, {
        title: 'Check your email',
        children: (
          <p class="ds_leader">
            If <strong>{email}</strong> has an account, we have sent it a link to reset the password. The link
            works for one hour.
          </p>
        ),
      });
    },
  );

  function resetPage(request: FastifyRequest, reply: FastifyReply, token: string, errors: FormError[]) {
    return page(request, reply, {
      title: 'Choose a new password',
      status: errors.length > 0 ? 400 : 200,
      children: (
        <>
          <ErrorSummary errors={errors} />
          <PostForm action="/reset-password" csrfToken={csrfTokenFor(reply)}>
            <input type="hidden" name="token" value={token} />
            <TextInput
              name="password"
              label="New password"
              type="password"
              autocomplete="new-password"
              error={errorFor(errors, 'password')}
            />
            <TextInput
              name="confirmPassword"
              label="Type the new password again"
              type="password"
              autocomplete="new-password"
              error={errorFor(errors, 'confirmPassword')}
            />
            <Button>Save the new password</Button>
          </PostForm>
        </>
      ),
    });
  }

  app.get(
    '/reset-password',
    {
      config: { access: 'public' },
      schema: { hide: true, querystring: Type.Object({ token: Type.String({ maxLength: 4000 }) }) },
    },
    async (request, reply) => resetPage(request, reply, request.query.token, []),
  );

  app.post(
    '/reset-password',
    {
      config: { access: 'public' },
      schema: {
        hide: true,
        body: Type.Object({
          _csrf: Type.String(),
          token: Type.String({ maxLength: 4000 }),
          password: Type.String({ maxLength: 200 }),
          confirmPassword: Type.String({ maxLength: 200 }),
        }),
      },
    },
    async (request, reply) => {
      const { token, password, confirmPassword } = request.body;
      const errors = validateNewPassword(password, confirmPassword);
      if (errors.length > 0) return resetPage(request, reply, token, errors);
      if (!(await accounts.resetPassword(token, password)))
        return resetPage(request, reply, token, [
          {
            field: 'password',
            message: 'This reset link has expired or been used. Ask for a new one from the sign-in page',
          },
        ]);
      return page(request, reply, {
        title: 'Password changed',
        children: (
          <p>
            Your password has been changed and you have been signed out everywhere.{' '}
            <a href="/sign-in">Sign in</a> with the new password.
          </p>
        ),
      });
    },
  );

  // ---- Your account ------------------------------------------------------------------------

  app.get('/account', { config: { access: 'signed-in' }, schema: { hide: true } }, async (request, reply) => {
    const user = userOf(request);
    return page(request, reply, {
      title: 'Your account',
      children: (
        <>
          <SummaryList
            items={[
              { key: 'Name', value: user.name },
              { key: 'Email address', value: user.email },
            ]}
          />
          <p>
            <a href="/my/credentials">Your credentials</a>: the certificates colleges and universities have
            issued you.
          </p>
          {user.memberships.length > 0 && (
            <>
              <h2>Your institutions</h2>
              <Table
                caption="Institutions and your roles"
                isCaptionHidden
                headers={['Institution', 'Your roles']}
                rows={user.memberships.map((membership) => [
                  <a href={`/workspace/${membership.institutionSlug}`}>{membership.institutionName}</a>,
                  membership.roles.map((role) => ROLE_DESCRIPTIONS[role].label).join(', '),
                ])}
              />
            </>
          )}
          {user.isSectorAdmin && (
            <p>
              You are a sector administrator: manage <a href="/admin/institutions">institutions</a> and the{' '}
              <a href="/admin/glossary">glossary</a>.
            </p>
          )}
        </>
      ),
    });
  });

  app.get(
    '/workspace',
    { config: { access: 'signed-in' }, schema: { hide: true } },
    async (request, reply) => {
      const user = userOf(request);
      const [only] = user.memberships;
      if (user.memberships.length === 1 && only)
        return reply.redirect(`/workspace/${only.institutionSlug}`, 303);
      return page(request, reply, {
        title: 'Workspace',
        children:
          user.memberships.length === 0 ? (
            <p>
              You are not a member of any institution. Staff join through an invitation from their
              institution’s admin.
            </p>
          ) : (
            <ul>
              {user.memberships.map((membership) => (
                <li key={membership.institutionId}>
                  <a href={`/workspace/${membership.institutionSlug}`}>{membership.institutionName}</a>
                </li>
              ))}
            </ul>
          ),
      });
    },
  );

  // ---- Invitations -------------------------------------------------------------------------

  const InvitationParams = Type.Object({ token: Type.String({ maxLength: 200 }) });

  async function invitationPage(
    request: FastifyRequest,
    reply: FastifyReply,
    token: string,
    errors: FormError[],
    values?: { name: string },
  ) {
    const invitation = await accounts.findInvitation(token);
    if (!invitation)
      return page(request, reply, {
        title: 'This invitation has expired',
        status: 404,
        children: (
          <p>
            The invitation link is out of date, has been used, or was withdrawn. Ask your institution’s admin
            for a new one.
          </p>
        ),
      });
    const principal = await accounts.principalOf(request);
    const roles = invitation.roles.map((role) => ROLE_DESCRIPTIONS[role].label).join(', ');
    const title = `Join ${invitation.institution.name}`;
    if (principal.kind === 'user' && principal.email !== invitation.email)
      return page(request, reply, {
        title,
        children: (
          <WarningText>
            This invitation is for {invitation.email}, but you are signed in as {principal.email}. Sign out,
            then open the link again.
          </WarningText>
        ),
      });
    const existing = principal.kind === 'user' ? undefined : await accounts.findUserByEmail(invitation.email);
    return page(request, reply, {
      title,
      status: errors.length > 0 ? 400 : 200,
      children: (
        <>
          <p class="ds_leader">
            You are invited to join {invitation.institution.name} on the Micro-credentials Hub as: {roles}.
          </p>
          {existing ? (
            <p>
              You already have an account for {invitation.email}.{' '}
              <a href={`/sign-in?next=${encodeURIComponent(`/invitations/${token}`)}`}>Sign in to accept</a>.
            </p>
          ) : (
            <>
              <ErrorSummary errors={errors} />
              <PostForm action={`/invitations/${token}`} csrfToken={csrfTokenFor(reply)}>
                {principal.kind !== 'user' && (
                  <NewAccountFields
                    values={{ name: values?.name ?? '', email: invitation.email }}
                    errors={errors}
                    isEmailFixed
                  />
                )}
                <Button>
                  {principal.kind === 'user' ? 'Accept the invitation' : 'Create account and join'}
                </Button>
              </PostForm>
            </>
          )}
        </>
      ),
    });
  }

  app.get(
    '/invitations/:token',
    { config: { access: 'public' }, schema: { hide: true, params: InvitationParams } },
    async (request, reply) => invitationPage(request, reply, request.params.token, []),
  );

  app.post(
    '/invitations/:token',
    {
      config: { access: 'public' },
      schema: {
        hide: true,
        params: InvitationParams,
        body: Type.Object({
          _csrf: Type.String(),
          name: Type.Optional(Type.String({ maxLength: 200 })),
          password: Type.Optional(Type.String({ maxLength: 200 })),
          confirmPassword: Type.Optional(Type.String({ maxLength: 200 })),
        }),
      },
    },
    async (request, reply) => {
      const { token } = request.params;
      const invitation = await accounts.findInvitation(token);
      if (!invitation) return invitationPage(request, reply, token, []);
      const principal = await accounts.principalOf(request);
      if (principal.kind === 'user') {
        if (
          !(await accounts.acceptInvitation(token, {
            id: principal.userId,
            name: principal.name,
            email: principal.email,
          }))
        )
          return invitationPage(request, reply, token, []);
        return reply.redirect(`/workspace/${invitation.institution.slug}`, 303);
      }
      const input = {
        name: request.body.name ?? '',
        email: invitation.email,
        password: request.body.password ?? '',
        confirmPassword: request.body.confirmPassword ?? '',
      };
      try {
        const errors = validateNewAccount(input);
        if (errors.length > 0) throw new AccountsError('validation-failed', errors);
        const user = await accounts.createUser({ ...input, isEmailVerified: true });
        await accounts.acceptInvitation(token, user);
      } catch (error) {
        if (error instanceof AccountsError)
          return invitationPage(request, reply, token, error.errors, { name: input.name });
        throw error;
      }
      const signedIn = await accounts.signIn(input.email, input.password, request.ip);
      if (signedIn.ok) reply.header('set-cookie', signedIn.setCookies);
      return reply.redirect(`/workspace/${invitation.institution.slug}`, 303);
    },
  );

  // ---- Members of an institution (its admins) ----------------------------------------------

  const InstitutionParams = Type.Object({ institution: Type.String({ maxLength: 200 }) });
  const adminOnly = { access: { institutionRoles: ['admin'] } } as const;

  async function membersPage(
    request: FastifyRequest,
    reply: FastifyReply,
    options: { errors?: FormError[]; values?: { email: string; roles: string[] }; notice?: string } = {},
  ) {
    const institution = institutionOf(request);
    const [members, invitations] = await Promise.all([
      accounts.membersOf(institution.id),
      accounts.pendingInvitations(institution.id),
    ]);
    const errors = options.errors ?? [];
    const csrfToken = csrfTokenFor(reply);
    const base = `/workspace/${institution.slug}`;
    return page(request, reply, {
      title: 'Members',
      label: institution.name,
      status: errors.length > 0 ? 400 : 200,
      breadcrumbs: [{ href: base, label: institution.name }, { label: 'Members' }],
      children: (
        <>
          {options.notice && (
            <NotificationBanner isSuccess title="Done">
              {options.notice}
            </NotificationBanner>
          )}
          <Table
            caption="Members and their roles"
            headers={['Name', 'Email', 'Roles']}
            rows={members.map((member) => [
              member.name,
              member.email,
              <ul class="ds_no-bullets">
                {member.roles.map((role) => (
                  <li key={role}>
                    {ROLE_DESCRIPTIONS[role].label}{' '}
                    <PostForm
                      action={`${base}/members/${member.id}/roles/${role}/revoke`}
                      csrfToken={csrfToken}
                      class="hub_inline-form"
                    >
                      <button type="submit" class="hub_link-button">
                        Remove
                        <span class="visually-hidden">
                          {' '}
                          the {ROLE_DESCRIPTIONS[role].label} role from {member.name}
                        </span>
                      </button>
                    </PostForm>
                  </li>
                ))}
              </ul>,
            ])}
          />
          <h2 id="invite">Invite someone</h2>
          <ErrorSummary errors={errors} />
          <PostForm action={`${base}/members/invite`} csrfToken={csrfToken}>
            <TextInput
              name="email"
              label="Their email address"
              type="email"
              spellcheck={false}
              value={options.values?.email}
              error={errorFor(errors, 'email')}
            />
            <CheckboxGroup
              name="roles"
              legend="Roles"
              items={roleItems}
              values={options.values?.roles ?? []}
              error={errorFor(errors, 'roles')}
            />
            <Button>Send invitation</Button>
          </PostForm>
          {invitations.length > 0 && (
            <>
              <h2>Invitations not yet accepted</h2>
              <Table
                caption="Pending invitations"
                isCaptionHidden
                headers={['Email', 'Roles', 'Expires', '']}
                rows={invitations.map((invitation) => [
                  invitation.email,
                  invitation.roles.map((role) => ROLE_DESCRIPTIONS[role].label).join(', '),
                  when.format(invitation.expiresAt),
                  <PostForm
                    action={`${base}/invitations/${invitation.id}/revoke`}
                    csrfToken={csrfToken}
                    class="hub_inline-form"
                  >
                    <button type="submit" class="hub_link-button">
                      Withdraw<span class="visually-hidden"> the invitation to {invitation.email}</span>
                    </button>
                  </PostForm>,
                ])}
              />
            </>
          )}
        </>
      ),
    });
  }

  app.get(
    '/workspace/:institution/members',
    { config: adminOnly, schema: { hide: true, params: InstitutionParams } },
    async (request, reply) => membersPage(request, reply),
  );

  app.post(
    '/workspace/:institution/members/invite',
    {
      config: adminOnly,
      schema: {
        hide: true,
        params: InstitutionParams,
        body: Type.Object({
          _csrf: Type.String(),
          email: Type.String({ maxLength: 320 }),
          roles: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String(), { maxItems: 4 })])),
        }),
      },
    },
    async (request, reply) => {
      const institution = institutionOf(request);
      const values = { email: request.body.email, roles: asList(request.body.roles) };
      try {
        await accounts.invite(institution, values, actorAt(userOf(request), institution.id));
      } catch (error) {
        if (error instanceof AccountsError)
          return membersPage(request, reply, { errors: error.errors, values });
        throw error;
      }
      return membersPage(request, reply, { notice: `Invitation sent to ${values.email.trim()}.` });
    },
  );

  app.post(
    '/workspace/:institution/members/:userId/roles/:role/revoke',
    {
      config: adminOnly,
      schema: {
        hide: true,
        params: Type.Object({
          institution: Type.String({ maxLength: 200 }),
          userId: Type.String({ maxLength: 100 }),
          role: Type.Union(INSTITUTION_ROLES.map((role) => Type.Literal(role))),
        }),
        body: Type.Object({ _csrf: Type.String() }),
      },
    },
    async (request, reply) => {
      const institution = institutionOf(request);
      try {
        await accounts.revokeRole(
          { userId: request.params.userId, institutionId: institution.id },
          request.params.role,
          actorAt(userOf(request), institution.id),
        );
      } catch (error) {
        if (error instanceof AccountsError) return membersPage(request, reply, { errors: error.errors });
        throw error;
      }
      return reply.redirect(`/workspace/${institution.slug}/members`, 303);
    },
  );

  app.post(
    '/workspace/:institution/invitations/:id/revoke',
    {
      config: adminOnly,
      schema: {
        hide: true,
        params: Type.Object({
          institution: Type.String({ maxLength: 200 }),
          id: Type.String({ format: 'uuid' }),
        }),
        body: Type.Object({ _csrf: Type.String() }),
      },
    },
    async (request, reply) => {
      const institution = institutionOf(request);
      if (!(await accounts.revokeInvitation(request.params.id, institution.id)))
        throw new HttpProblem(404, 'Page not found', 'That invitation was not found.');
      return reply.redirect(`/workspace/${institution.slug}/members`, 303);
    },
  );

  // ---- API tokens --------------------------------------------------------------------------

  async function tokensPage(
    request: FastifyRequest,
    reply: FastifyReply,
    options: { errors?: FormError[]; values?: { name: string; roles: string[] }; created?: string } = {},
  ) {
    const institution = institutionOf(request);
    const tokens = await accounts.tokensOf(institution.id);
    const errors = options.errors ?? [];
    const csrfToken = csrfTokenFor(reply);
    const base = `/workspace/${institution.slug}`;
    return page(request, reply, {
      title: 'API tokens',
      label: institution.name,
      status: errors.length > 0 ? 400 : 200,
      breadcrumbs: [{ href: base, label: institution.name }, { label: 'API tokens' }],
      children: (
        <>
          {options.created && (
            <NotificationBanner isSuccess title="Token created">
              <p>Copy this token now: it is shown only once.</p>
              <p>
                <code data-testid="new-token">{options.created}</code>
              </p>
            </NotificationBanner>
          )}
          <p>
            Your institution’s own systems (student records, a course catalogue) use the{' '}
            <a href="/api/docs">hub’s API</a> with these tokens, sent as <code>Authorization: Bearer …</code>.
            Give each system its own token with only the roles it needs.
          </p>
          {tokens.length > 0 && (
            <Table
              caption="Tokens"
              headers={['Name', 'Starts with', 'Roles', 'Last used', '']}
              rows={tokens.map((token) => [
                token.name,
                <code>{token.displayPrefix}…</code>,
                token.roles.map((role) => ROLE_DESCRIPTIONS[role].label).join(', '),
                token.revokedAt
                  ? `Revoked ${when.format(token.revokedAt)}`
                  : token.lastUsedAt
                    ? when.format(token.lastUsedAt)
                    : 'Never',
                token.revokedAt ? (
                  ''
                ) : (
                  <PostForm
                    action={`${base}/api-tokens/${token.id}/revoke`}
                    csrfToken={csrfToken}
                    class="hub_inline-form"
                  >
                    <button type="submit" class="hub_link-button">
                      Revoke<span class="visually-hidden"> the token {token.name}</span>
                    </button>
                  </PostForm>
                ),
              ])}
            />
          )}
          <h2>Create a token</h2>
          <ErrorSummary errors={errors} />
          <PostForm action={`${base}/api-tokens`} csrfToken={csrfToken}>
            <TextInput
              name="name"
              label="Name"
              hint="Which system will use it, for example “Student records”."
              value={options.values?.name}
              error={errorFor(errors, 'name')}
            />
            <CheckboxGroup
              name="roles"
              legend="What it may do"
              items={roleItems}
              values={options.values?.roles ?? []}
              error={errorFor(errors, 'roles')}
            />
            <Button>Create token</Button>
          </PostForm>
        </>
      ),
    });
  }

  app.get(
    '/workspace/:institution/api-tokens',
    { config: adminOnly, schema: { hide: true, params: InstitutionParams } },
    async (request, reply) => tokensPage(request, reply),
  );

  app.post(
    '/workspace/:institution/api-tokens',
    {
      config: adminOnly,
      schema: {
        hide: true,
        params: InstitutionParams,
        body: Type.Object({
          _csrf: Type.String(),
          name: Type.String({ maxLength: 200 }),
          roles: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String(), { maxItems: 4 })])),
        }),
      },
    },
    async (request, reply) => {
      const institution = institutionOf(request);
      const values = { name: request.body.name, roles: asList(request.body.roles) };
      try {
        const { token } = await accounts.createApiToken(
          institution,
          values,
          actorAt(userOf(request), institution.id),
        );
        return tokensPage(request, reply, { created: token });
      } catch (error) {
        if (error instanceof AccountsError)
          return tokensPage(request, reply, { errors: error.errors, values });
        throw error;
      }
    },
  );

  app.post(
    '/workspace/:institution/api-tokens/:id/revoke',
    {
      config: adminOnly,
      schema: {
        hide: true,
        params: Type.Object({
          institution: Type.String({ maxLength: 200 }),
          id: Type.String({ format: 'uuid' }),
        }),
        body: Type.Object({ _csrf: Type.String() }),
      },
    },
    async (request, reply) => {
      const institution = institutionOf(request);
      if (
        !(await accounts.revokeApiToken(
          institution.id,
          request.params.id,
          actorAt(userOf(request), institution.id),
        ))
      )
        throw new HttpProblem(404, 'Page not found', 'That token was not found.');
      return reply.redirect(`/workspace/${institution.slug}/api-tokens`, 303);
    },
  );
}

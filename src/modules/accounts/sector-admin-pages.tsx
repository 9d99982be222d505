import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  Button,
  CheckboxGroup,
  ErrorSummary,
  NotificationBanner,
  PostForm,
  RadioGroup,
  Table,
  TextInput,
  Textarea,
  errorFor,
  type FormError,
} from '../../platform/views/components.tsx';
import { csrfTokenFor } from '../../platform/http/csrf.ts';
import { HttpProblem } from '../../platform/http/problems.ts';
import { CatalogueValidationError, type CatalogueService } from '../catalogue/index.ts';
import type { FrameworkService } from '../framework/index.ts';
import type { AuditTrail } from '../audit/index.ts';
import { sendTitledPage, type TitledPageOptions } from '../site/index.ts';
import { AccountsError, type AccountsService } from './accounts-service.ts';
import { INSTITUTION_ROLES, ROLE_DESCRIPTIONS } from './accounts-model.ts';

const SECTOR_ADMIN = { access: 'sector-admin' } as const;
const SECTOR_ACTOR_ID_PREFIX = 'sector-admin:';

type InstitutionValues = Record<'name' | 'kind' | 'region' | 'website' | 'summary' | 'codePrefix', string>;
const EMPTY: InstitutionValues = { name: '', kind: '', region: '', website: '', summary: '', codePrefix: '' };

/**
 * The sector administrator registers institutions and invites each one's first admin, who then
 * invites the rest of their staff.
 */
export async function sectorAdminPages(
  parent: FastifyInstance,
  {
    accounts,
    catalogue,
    framework,
    audit,
    isDemo,
    publicUrl,
  }: {
    accounts: AccountsService;
    catalogue: CatalogueService;
    framework: FrameworkService;
    audit: AuditTrail;
    isDemo: boolean;
    publicUrl: string;
  },
) {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();

  const page = (request: FastifyRequest, reply: FastifyReply, options: TitledPageOptions) =>
    sendTitledPage(request, reply, { isDemo, publicUrl }, options);

  function actorOf(request: FastifyRequest) {
    const principal = request.principal;
    if (principal?.kind !== 'user') throw new HttpProblem(401, 'Sign in', 'Sign in to continue.');
    return {
      id: principal.userId,
      name: principal.name,
      chainActorId: `${SECTOR_ACTOR_ID_PREFIX}${principal.userId}`,
    };
  }

  async function institutionsPage(
    request: FastifyRequest,
    reply: FastifyReply,
    options: { errors?: FormError[]; values?: InstitutionValues; notice?: string } = {},
  ) {
    const institutions = await catalogue.listInstitutions();
    const errors = options.errors ?? [];
    const values = options.values ?? EMPTY;
    return page(request, reply, {
      title: 'Institutions',
      status: errors.length > 0 ? 400 : 200,
      breadcrumbs: [{ href: '/account', label: 'Your account' }, { label: 'Institutions' }],
      children: (
        <>
          {options.notice && (
            <NotificationBanner isSuccess title="Done">
              {options.notice}
            </NotificationBanner>
          )}
          <Table
            caption="Registered institutions"
            headers={['Institution', 'Module code prefix', 'Published courses']}
            numericColumns={[2]}
            rows={institutions.map((institution) => [
              <a href={`/admin/institutions/${institution.slug}`}>{institution.name}</a>,
              institution.codePrefix,
              String(institution.courseCount),
            ])}
          />
          <h2 id="add">Register an institution</h2>
          <ErrorSummary errors={errors} />
          <PostForm action="/admin/institutions" csrfToken={csrfTokenFor(reply)}>
            <TextInput name="name" label="Full name" value={values.name} error={errorFor(errors, 'name')} />
            <RadioGroup
              name="kind"
              legend="Kind"
              isInline
              value={values.kind}
              error={errorFor(errors, 'kind')}
              items={[
                { value: 'university', label: 'University' },
                { value: 'college', label: 'College' },
                { value: 'other', label: 'Other' },
              ]}
            />
            <TextInput
              name="region"
              label="Region"
              value={values.region}
              error={errorFor(errors, 'region')}
            />
            <TextInput
              name="website"
              label="Website"
              hint="Starting https://"
              type="url"
              value={values.website}
              error={errorFor(errors, 'website')}
            />
            <Textarea
              name="summary"
              label="Summary for its page"
              rows={3}
              value={values.summary}
              error={errorFor(errors, 'summary')}
            />
            <TextInput
              name="codePrefix"
              label="Module code prefix"
              hint="2 to 5 capital letters; approved micro-credentials get codes like GCU0001."
              width="fixed-5"
              value={values.codePrefix}
              error={errorFor(errors, 'codePrefix')}
            />
            <Button>Register institution</Button>
          </PostForm>
        </>
      ),
    });
  }

  app.get('/admin', { config: SECTOR_ADMIN, schema: { hide: true } }, async (_request, reply) =>
    reply.redirect('/admin/institutions', 303),
  );
  app.get('/admin/institutions', { config: SECTOR_ADMIN, schema: { hide: true } }, async (request, reply) =>
    institutionsPage(request, reply),
  );

  app.post(
    '/admin/institutions',
    {
      config: SECTOR_ADMIN,
      schema: {
        hide: true,
        body: Type.Object({
          _csrf: Type.String(),
          name: Type.String({ maxLength: 200 }),
          kind: Type.Optional(Type.String({ maxLength: 20 })),
          region: Type.String({ maxLength: 200 }),
          website: Type.String({ maxLength: 500 }),
          summary: Type.String({ maxLength: 2000 }),
          codePrefix: Type.String({ maxLength: 10 }),
        }),
      },
    },
    async (request, reply) => {
      const { _csrf: _token, ...body } = request.body;
      const values: InstitutionValues = { ...body, kind: body.kind ?? '' };
      try {
        const created = await catalogue.createInstitution(values);
        return reply.redirect(`/admin/institutions/${created.slug}?registered=1`, 303);
      } catch (error) {
        if (error instanceof CatalogueValidationError)
          return institutionsPage(request, reply, { errors: error.errors, values });
        throw error;
      }
    },
  );

  const SlugParams = Type.Object({ slug: Type.String({ maxLength: 200 }) });

  async function institutionPage(
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    options: { errors?: FormError[]; email?: string; roles?: string[]; notice?: string } = {},
  ) {
    const institution = await catalogue.findInstitution(slug);
    if (!institution) throw new HttpProblem(404, 'Page not found', 'There is no such institution.');
    const [members, invitations] = await Promise.all([
      accounts.membersOf(institution.id),
      accounts.pendingInvitations(institution.id),
    ]);
    const errors = options.errors ?? [];
    const admins = members.filter((member) => member.roles.includes('admin'));
    return page(request, reply, {
      title: institution.name,
      status: errors.length > 0 ? 400 : 200,
      breadcrumbs: [{ href: '/admin/institutions', label: 'Institutions' }, { label: institution.name }],
      children: (
        <>
          {options.notice && (
            <NotificationBanner isSuccess title="Done">
              {options.notice}
            </NotificationBanner>
          )}
          <p>
            Module code prefix <strong>{institution.codePrefix}</strong>.{' '}
            <a href={`/institutions/${institution.slug}`}>Public page</a>.
          </p>
          <h2>Admins</h2>
          {admins.length === 0 ? (
            <p>No admin yet: invite one below.</p>
          ) : (
            <ul>
              {admins.map((admin) => (
                <li key={admin.id}>
                  {admin.name} ({admin.email})
                </li>
              ))}
            </ul>
          )}
          {invitations.length > 0 && (
            <p>Invitations waiting: {invitations.map((invitation) => invitation.email).join(', ')}.</p>
          )}
          <h2>Invite a member</h2>
          <p>The institution’s admin invites the rest of its staff from their workspace.</p>
          <ErrorSummary errors={errors} />
          <PostForm
            action={`/admin/institutions/${institution.slug}/invitations`}
            csrfToken={csrfTokenFor(reply)}
          >
            <TextInput
              name="email"
              label="Email address"
              type="email"
              value={options.email}
              error={errorFor(errors, 'email')}
            />
            <CheckboxGroup
              name="roles"
              legend="Roles"
              values={options.roles ?? ['admin']}
              error={errorFor(errors, 'roles')}
              items={INSTITUTION_ROLES.map((role) => ({ value: role, label: ROLE_DESCRIPTIONS[role].label }))}
            />
            <Button>Send invitation</Button>
          </PostForm>
        </>
      ),
    });
  }

  app.get(
    '/admin/institutions/:slug',
    {
      config: SECTOR_ADMIN,
      schema: {
        hide: true,
        params: SlugParams,
        querystring: Type.Object({ registered: Type.Optional(Type.String({ maxLength: 1 })) }),
      },
    },
    async (request, reply) =>
      institutionPage(
        request,
        reply,
        request.params.slug,
        request.query.registered ? { notice: 'Institution registered. Invite its first admin.' } : {},
      ),
  );

  app.post(
    '/admin/institutions/:slug/invitations',
    {
      config: SECTOR_ADMIN,
      schema: {
        hide: true,
        params: SlugParams,
        body: Type.Object({
          _csrf: Type.String(),
          email: Type.String({ maxLength: 320 }),
          roles: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String(), { maxItems: 4 })])),
        }),
      },
    },
    async (request, reply) => {
      const institution = await catalogue.findInstitution(request.params.slug);
      if (!institution) throw new HttpProblem(404, 'Page not found', 'There is no such institution.');
      const roles =
        request.body.roles === undefined
          ? []
          : Array.isArray(request.body.roles)
            ? request.body.roles
            : [request.body.roles];
      const actor = actorOf(request);
      try {
        await accounts.invite(
          institution,
          { email: request.body.email, roles },
          { id: actor.chainActorId, name: `${actor.name} (sector administrator)` },
        );
      } catch (error) {
        if (error instanceof AccountsError)
          return institutionPage(request, reply, request.params.slug, {
            errors: error.errors,
            email: request.body.email,
            roles,
          });
        throw error;
      }
      return institutionPage(request, reply, request.params.slug, {
        notice: `Invitation sent to ${request.body.email.trim()}.`,
      });
    },
  );

  // ---- The glossary ------------------------------------------------------------------------

  app.get('/admin/glossary', { config: SECTOR_ADMIN, schema: { hide: true } }, async (request, reply) => {
    const entries = await framework.listGlossary();
    return page(request, reply, {
      title: 'Glossary',
      breadcrumbs: [{ href: '/admin/institutions', label: 'Sector administration' }, { label: 'Glossary' }],
      children: (
        <>
          <p>
            Entries explain the sector’s words to learners; their synonyms also widen searches. A word or
            synonym can belong to one entry only.
          </p>
          <Table
            caption="Glossary entries"
            isCaptionHidden
            headers={['Term', 'Summary']}
            rows={entries.map((entry) => [
              <a href={`/admin/glossary/${entry.slug}`}>{entry.term}</a>,
              entry.summary,
            ])}
          />
        </>
      ),
    });
  });

  type EntryValues = { term: string; summary: string; body: string; synonyms: string };

  async function entryPage(
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    options: { errors?: FormError[]; values?: EntryValues; notice?: string } = {},
  ) {
    const entry = await framework.findGlossaryEntry(slug);
    if (!entry) throw new HttpProblem(404, 'Page not found', 'There is no such glossary entry.');
    const errors = options.errors ?? [];
    const values = options.values ?? {
      term: entry.term,
      summary: entry.summary,
      body: entry.body.join('\n\n'),
      synonyms: entry.synonyms.join(', '),
    };
    return page(request, reply, {
      title: `Edit “${entry.term}”`,
      status: errors.length > 0 ? 400 : 200,
      breadcrumbs: [{ href: '/admin/glossary', label: 'Glossary' }, { label: entry.term }],
      children: (
        <>
          {options.notice && (
            <NotificationBanner isSuccess title="Saved">
              {options.notice}
            </NotificationBanner>
          )}
          <ErrorSummary errors={errors} />
          <PostForm action={`/admin/glossary/${entry.slug}`} csrfToken={csrfTokenFor(reply)}>
            <TextInput name="term" label="Term" value={values.term} error={errorFor(errors, 'term')} />
            <Textarea
              name="summary"
              label="Summary"
              hint="One sentence, under 160 characters."
              rows={2}
              value={values.summary}
              error={errorFor(errors, 'summary')}
            />
            <Textarea
              name="body"
              label="Explanation"
              hint="Two to four short paragraphs, separated by an empty line."
              rows={10}
              value={values.body}
              error={errorFor(errors, 'body')}
            />
            <Textarea
              name="synonyms"
              label="Other words for it"
              hint="Separated by commas. Searching for any of them finds the same courses."
              rows={2}
              value={values.synonyms}
              error={errorFor(errors, 'synonyms')}
            />
            <Button>Save entry</Button>
          </PostForm>
          <p>
            <a href={`/glossary/${entry.slug}`}>See the public entry</a>
          </p>
        </>
      ),
    });
  }

  const GlossaryParams = Type.Object({ slug: Type.String({ maxLength: 100 }) });

  app.get(
    '/admin/glossary/:slug',
    { config: SECTOR_ADMIN, schema: { hide: true, params: GlossaryParams } },
    async (request, reply) => entryPage(request, reply, request.params.slug),
  );

  app.post(
    '/admin/glossary/:slug',
    {
      config: SECTOR_ADMIN,
      schema: {
        hide: true,
        params: GlossaryParams,
        body: Type.Object({
          _csrf: Type.String(),
          term: Type.String({ maxLength: 200 }),
          summary: Type.String({ maxLength: 1000 }),
          body: Type.String({ maxLength: 20_000 }),
          synonyms: Type.String({ maxLength: 5000 }),
        }),
      },
    },
    async (request, reply) => {
      const { _csrf: _token, ...values } = request.body;
      const before = await framework.findGlossaryEntry(request.params.slug);
      if (!before) throw new HttpProblem(404, 'Page not found', 'There is no such glossary entry.');
      const changes = {
        term: values.term.trim(),
        summary: values.summary.trim(),
        body: values.body
          .split(/\n\s*\n/)
          .map((paragraph) => paragraph.trim())
          .filter(Boolean),
        synonyms: values.synonyms
          .split(',')
          .map((synonym) => synonym.trim())
          .filter(Boolean),
      };
      const problems = await framework.updateGlossaryEntry(request.params.slug, changes);
      if (problems.length > 0)
        return entryPage(request, reply, request.params.slug, { errors: problems, values });
      const actor = actorOf(request);
      await audit.record({
        chainId: 'sector',
        actor: { id: actor.id, name: actor.name },
        action: 'glossary.edited',
        subjectType: 'glossary-entry',
        subjectId: request.params.slug,
        before: { term: before.term, summary: before.summary, body: before.body, synonyms: before.synonyms },
        after: changes,
      });
      return entryPage(request, reply, request.params.slug, {
        notice: 'The entry is saved and already used by search.',
      });
    },
  );
}

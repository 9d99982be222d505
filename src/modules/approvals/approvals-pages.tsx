import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  Button,
  ButtonGroup,
  ErrorSummary,
  InsetText,
  NotificationBanner,
  PostForm,
  RadioGroup,
  Select,
  SummaryList,
  Table,
  TextInput,
  Textarea,
  errorFor,
  type FormError,
} from '../../platform/views/components.tsx';
import { csrfTokenFor } from '../../platform/http/csrf.ts';
import { HttpProblem } from '../../platform/http/problems.ts';
import {
  CatalogueConflictError,
  CatalogueValidationError,
  DELIVERY_MODES,
  FUNDING,
  formatPrice,
  frameworkFacts,
  renderDetailPage,
  validateOffering,
  type CatalogueService,
  type Institution,
  type OfferingInput,
} from '../catalogue/index.ts';
import { actorAt, ROLE_DESCRIPTIONS, type Actor } from '../accounts/index.ts';
import { sendTitledPage, type TitledPageOptions } from '../site/index.ts';
import { ApprovalsError, type ApprovalsService } from './approvals-service.ts';
import { ACTION_LABELS, STATE_LABELS, type ProposalAction } from './approvals-workflow.ts';
import {
  AUTHORING_STEPS,
  completeInput,
  errorsOfStep,
  isAuthoringStep,
  isStepStarted,
  parseDraft,
  type DraftValues,
} from './authoring-model.ts';
import { RedlineDiff } from './views/redline-diff.tsx';
import { StepForm } from './views/step-forms.tsx';
import { ChecklistPanel, CommentThread, History, StateTag } from './views/proposal-parts.tsx';

export interface ApprovalsPagesOptions {
  approvals: ApprovalsService;
  catalogue: CatalogueService;
  isDemo: boolean;
  publicUrl: string;
}

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Europe/London' });
const STAFF = { access: { institutionRoles: ['author', 'reviewer', 'admin'] } } as const;
const AUTHORS = { access: { institutionRoles: ['author'] } } as const;
const REVIEWERS = { access: { institutionRoles: ['reviewer'] } } as const;
const ADMINS = { access: { institutionRoles: ['admin'] } } as const;
const ANY_MEMBER = { access: { institutionRoles: ['author', 'reviewer', 'registry', 'admin'] } } as const;

const InstitutionParams = Type.Object({ institution: Type.String({ maxLength: 200 }) });
const ProposalParams = Type.Object({
  institution: Type.String({ maxLength: 200 }),
  id: Type.String({ format: 'uuid' }),
});
const FormBody = Type.Record(
  Type.String({ maxLength: 200 }),
  Type.Union([
    Type.String({ maxLength: 20_000 }),
    Type.Array(Type.String({ maxLength: 20_000 }), { maxItems: 50 }),
  ]),
);
const TRANSITIONS_BY_FORM = [
  'submit',
  'start-review',
  'request-changes',
  'approve',
  'publish',
  'withdraw',
  'retire',
] as const;

export async function approvalsPages(
  parent: FastifyInstance,
  { approvals, catalogue, isDemo, publicUrl }: ApprovalsPagesOptions,
) {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();

  async function contextOf(
    request: FastifyRequest,
  ): Promise<{ institution: Institution; actor: Actor; base: string }> {
    // The access check has already found the institution named in the address.
    const { institution, principal } = request;
    if (!institution || !principal)
      throw new HttpProblem(404, 'Page not found', 'There is nothing at this address.');
    return {
      institution,
      actor: actorAt(principal, institution.id),
      base: `/workspace/${institution.slug}`,
    };
  }

  const page = (request: FastifyRequest, reply: FastifyReply, options: TitledPageOptions) =>
    sendTitledPage(request, reply, { isDemo, publicUrl }, options);

  function mapError(error: unknown): FormError[] {
    if (error instanceof ApprovalsError) {
      if (error.code === 'not-found') throw new HttpProblem(404, 'Page not found', error.message);
      return error.errors;
    }
    if (error instanceof CatalogueValidationError) return error.errors;
    if (error instanceof CatalogueConflictError) return [{ field: 'offering', message: error.message }];
    throw error;
  }

  // ---- Workspace home ----------------------------------------------------------------------

  app.get(
    '/workspace/:institution',
    { config: ANY_MEMBER, schema: { hide: true, params: InstitutionParams } },
    async (request, reply) => {
      const { institution, actor, base } = await contextOf(request);
      const has = (role: string) => actor.roles.some((held) => held === role);
      const links: { href: string; label: string; text: string }[] = [];
      if (has('author') || has('reviewer') || has('admin'))
        links.push({
          href: `${base}/proposals`,
          label: 'Micro-credentials and proposals',
          text: 'Describe new micro-credentials, change published ones, manage their offerings.',
        });
      if (has('reviewer'))
        links.push({
          href: `${base}/reviews`,
          label: 'Review queue',
          text: 'Proposals waiting for review, assigned to you, overdue and decided.',
        });
      if (has('registry') || has('admin'))
        links.push({
          href: `${base}/results`,
          label: 'Results and credentials',
          text: has('registry')
            ? 'Record results, upload them in bulk, issue certificates, revoke or suspend them.'
            : 'Results recorded and credentials issued by your registry.',
        });
      if (has('admin')) {
        links.push({
          href: `${base}/keys`,
          label: 'Issuer identity and keys',
          text: 'The keys your institution signs credentials with.',
        });
        links.push({
          href: `${base}/members`,
          label: 'Members',
          text: 'Invite staff and manage their roles.',
        });
        links.push({
          href: `${base}/api-tokens`,
          label: 'API tokens',
          text: 'Tokens for your institution’s own systems.',
        });
        links.push({
          href: `${base}/settings`,
          label: 'Approval settings',
          text: 'Second approver and review time.',
        });
      }
      return page(request, reply, {
        title: institution.name,
        label: 'Workspace',
        breadcrumbs: [{ href: '/workspace', label: 'Workspace' }, { label: institution.name }],
        children: (
          <>
            <p>Your roles here: {actor.roles.map((role) => ROLE_DESCRIPTIONS[role].label).join(', ')}.</p>
            {links.length === 0 ? (
              <InsetText>Registry tools (results and credentials) arrive with credential issuing.</InsetText>
            ) : (
              <ul class="ds_no-bullets">
                {links.map((link) => (
                  <li key={link.href}>
                    <h2 class="ds_h3">
                      <a href={link.href}>{link.label}</a>
                    </h2>
                    <p>{link.text}</p>
                  </li>
                ))}
              </ul>
            )}
          </>
        ),
      });
    },
  );

  // ---- Proposals and published micro-credentials -------------------------------------------

  app.get(
    '/workspace/:institution/proposals',
    { config: STAFF, schema: { hide: true, params: InstitutionParams } },
    async (request, reply) => {
      const { institution, actor, base } = await contextOf(request);
      const [proposals, published] = await Promise.all([
        approvals.list(institution),
        catalogue.listPublishedOf(institution.id),
      ]);
      const csrfToken = csrfTokenFor(reply);
      const isAuthor = actor.roles.includes('author');
      return page(request, reply, {
        title: 'Micro-credentials and proposals',
        label: institution.name,
        breadcrumbs: [{ href: base, label: institution.name }, { label: 'Proposals' }],
        children: (
          <>
            {isAuthor && (
              <PostForm action={`${base}/proposals`} csrfToken={csrfToken}>
                <Button>Start a new micro-credential</Button>
              </PostForm>
            )}
            <h2>Proposals</h2>
            {proposals.length === 0 ? (
              <p>No proposals yet.</p>
            ) : (
              <Table
                caption="Proposals"
                isCaptionHidden
                headers={['Title', 'Status', 'Module code', 'Last change']}
                rows={proposals.map((proposal) => [
                  <a href={`${base}/proposals/${proposal.id}`}>{proposal.title}</a>,
                  <StateTag state={proposal.state} />,
                  proposal.moduleCode ?? '–',
                  when.format(proposal.updatedAt),
                ])}
              />
            )}
            <h2>Published</h2>
            {published.length === 0 ? (
              <p>Nothing published yet.</p>
            ) : (
              <Table
                caption="Published micro-credentials"
                isCaptionHidden
                headers={['Title', 'Module code', 'Version', '']}
                rows={published.map((item) => [
                  <a href={`/micro-credentials/${item.slug}`}>{item.title}</a>,
                  item.code ?? '–',
                  String(item.versionNumber),
                  isAuthor ? (
                    <>
                      <a href={`${base}/micro-credentials/${item.slug}/offerings`}>
                        Offerings<span class="visually-hidden"> of {item.title}</span>
                      </a>{' '}
                      <PostForm
                        action={`${base}/micro-credentials/${item.slug}/changes`}
                        csrfToken={csrfToken}
                        class="hub_inline-form"
                      >
                        <button type="submit" class="hub_link-button">
                          Propose a change<span class="visually-hidden"> to {item.title}</span>
                        </button>
                      </PostForm>
                    </>
                  ) : (
                    ''
                  ),
                ])}
              />
            )}
          </>
        ),
      });
    },
  );

  app.post(
    '/workspace/:institution/proposals',
    {
      config: AUTHORS,
      schema: { hide: true, params: InstitutionParams, body: Type.Object({ _csrf: Type.String() }) },
    },
    async (request, reply) => {
      const { institution, actor, base } = await contextOf(request);
      const proposal = await approvals.start(institution, actor);
      return reply.redirect(`${base}/proposals/${proposal.id}/steps/about`, 303);
    },
  );

  app.post(
    '/workspace/:institution/micro-credentials/:slug/changes',
    {
      config: AUTHORS,
      schema: {
        hide: true,
        params: Type.Object({
          institution: Type.String({ maxLength: 200 }),
          slug: Type.String({ maxLength: 200 }),
        }),
        body: Type.Object({ _csrf: Type.String() }),
      },
    },
    async (request, reply) => {
      const { institution, actor, base } = await contextOf(request);
      try {
        const proposal = await approvals.start(institution, actor, {
          microCredentialSlug: request.params.slug,
        });
        return reply.redirect(`${base}/proposals/${proposal.id}`, 303);
      } catch (error) {
        const errors = mapError(error);
        return page(request, reply, {
          title: 'A change is already open',
          status: 409,
          breadcrumbs: [
            { href: base, label: institution.name },
            { href: `${base}/proposals`, label: 'Proposals' },
            { label: 'Change' },
          ],
          children: (
            <>
              <ErrorSummary errors={errors} />
              <p>
                <a href={`${base}/proposals`}>Back to proposals</a>
              </p>
            </>
          ),
        });
      }
    },
  );

  // ---- One proposal ------------------------------------------------------------------------

  async function proposalPage(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    options: { errors?: FormError[]; notice?: string; comment?: string; commentBody?: string } = {},
  ) {
    const { institution, actor, base } = await contextOf(request);
    let view;
    try {
      view = await approvals.view(institution, id, actor);
    } catch (error) {
      mapError(error);
      throw error;
    }
    const { proposal } = view;
    const csrfToken = csrfTokenFor(reply);
    const href = `${base}/proposals/${proposal.id}`;
    const isEditable = view.actions.includes('edit');
    const isReviewing =
      ['submitted', 'in-review'].includes(proposal.state) && actor.roles.includes('reviewer');
    const errors = options.errors ?? [];
    const decisionActions = view.actions.filter((action): action is (typeof TRANSITIONS_BY_FORM)[number] =>
      (TRANSITIONS_BY_FORM as readonly string[]).includes(action),
    );
    const isReviewer = actor.roles.includes('reviewer');
    return page(request, reply, {
      title: proposal.title,
      label: `Proposal · ${STATE_LABELS[proposal.state]}`,
      status: errors.length > 0 ? 400 : 200,
      breadcrumbs: [
        { href: base, label: institution.name },
        { href: `${base}/proposals`, label: 'Proposals' },
        { label: proposal.title },
      ],
      children: (
        <>
          {options.notice && (
            <NotificationBanner isSuccess title="Done">
              {options.notice}
            </NotificationBanner>
          )}
          <ErrorSummary errors={errors} />
          <SummaryList
            items={[
              { key: 'Status', value: <StateTag state={proposal.state} /> },
              { key: 'Author', value: view.authorName },
              {
                key: 'Approval route',
                value: `${proposal.route === 'standard' ? 'Standard' : 'Streamlined'}: ${proposal.requiredApprovals === 2 ? 'two approvals' : 'one approval'} by reviewers other than the authors`,
              },
              ...(view.reviewerName ? [{ key: 'Reviewer', value: view.reviewerName }] : []),
              ...(proposal.approverIds.length > 0 && proposal.state === 'in-review'
                ? [
                    {
                      key: 'Approvals so far',
                      value: `${proposal.approverIds.length} of ${proposal.requiredApprovals}`,
                    },
                  ]
                : []),
              ...(proposal.dueOn && ['submitted', 'in-review'].includes(proposal.state)
                ? [{ key: 'Review due', value: proposal.dueOn }]
                : []),
              ...(proposal.moduleCode
                ? [
                    {
                      key: 'Module code',
                      value: <strong data-testid="module-code">{proposal.moduleCode}</strong>,
                    },
                  ]
                : []),
              ...(view.base
                ? [
                    {
                      key: 'Changes',
                      value: `Version ${view.base.versionNumber} (published) stays live until this one is published`,
                    },
                  ]
                : []),
            ]}
          />
          {isEditable && (
            <>
              <h2>Describe the micro-credential</h2>
              <ul class="ds_task-list" data-testid="task-list">
                {AUTHORING_STEPS.map((step) => {
                  const isStarted = isStepStarted(step.id, proposal.draft);
                  const stepItems = view.checklist.items.filter((item) => item.step === step.id);
                  const isDone = isStarted && stepItems.every((item) => item.isMet);
                  return (
                    <li class="ds_task-list__task" key={step.id}>
                      <div class="ds_task-list__task-details">
                        <h3 class="ds_task-list__task-heading">
                          <a class="ds_task-list__task-link" href={`${href}/steps/${step.id}`}>
                            {step.title}
                          </a>
                        </h3>
                        <p class="ds_task-list__task-summary">{step.summary}</p>
                      </div>
                      <div
                        class={`ds_task-list__task-status${isDone ? ' ds_task-list__task-status--complete' : ''}`}
                      >
                        {isDone ? 'Completed' : isStarted ? 'In progress' : 'Not started'}
                      </div>
                    </li>
                  );
                })}
              </ul>
              <p>
                <a href={`${href}/preview`}>Preview the public page</a>
              </p>
            </>
          )}
          {!isEditable && (
            <p>
              <a href={`${href}/preview`}>See it as the public page</a>
            </p>
          )}
          {(isEditable || isReviewing) && (
            <ChecklistPanel
              checklist={view.checklist}
              stepHref={isEditable ? (step) => `${href}/steps/${step}` : undefined}
            />
          )}
          {isEditable && view.checklist.isPassed && view.problems.length > 0 && (
            <>
              <h3>Also to fix before submitting</h3>
              <ul>
                {view.problems.map((problem, index) => (
                  <li key={index}>{problem.message}</li>
                ))}
              </ul>
            </>
          )}
          {isEditable && !view.isReady && (
            <InsetText>You can submit the proposal for approval once every checklist item is met.</InsetText>
          )}
          {(isReviewing || proposal.state !== 'draft' || view.base) && (
            <section aria-labelledby="changes-title">
              <h2 id="changes-title">What changes</h2>
              <RedlineDiff
                diffs={view.diffs}
                comparedWith={
                  view.base
                    ? `the published version ${view.base.versionNumber}`
                    : 'nothing: this is a new micro-credential'
                }
              />
            </section>
          )}
          {decisionActions.length > 0 && (
            <section aria-labelledby="decide-title">
              <h2 id="decide-title">{isReviewing ? 'Your decision' : 'Next step'}</h2>
              <PostForm action={`${href}/transitions`} csrfToken={csrfToken}>
                {decisionActions.includes('request-changes') && (
                  <Textarea
                    name="comment"
                    label="Comment for the author"
                    hint="Needed when you request changes: say what to change and why."
                    rows={4}
                    value={options.comment}
                    error={errorFor(errors, 'comment')}
                  />
                )}
                <ButtonGroup>
                  {decisionActions.map((action) => (
                    <Button
                      key={action}
                      name="action"
                      value={action}
                      variant={
                        ['withdraw', 'retire', 'request-changes'].includes(action) ? 'secondary' : 'primary'
                      }
                    >
                      {ACTION_LABELS[action]}
                    </Button>
                  ))}
                </ButtonGroup>
              </PostForm>
            </section>
          )}
          <section aria-labelledby="comments-title">
            <h2 id="comments-title">Comments</h2>
            <CommentThread comments={view.comments} />
            {view.actions.includes('comment') && (
              <PostForm action={`${href}/comments`} csrfToken={csrfToken}>
                <Textarea
                  name="body"
                  label="Add a comment"
                  rows={3}
                  value={options.commentBody}
                  error={errorFor(errors, 'body')}
                />
                {isReviewer && (
                  <RadioGroup
                    name="visibility"
                    legend="Who can see it"
                    isSmall
                    value="author"
                    items={[
                      { value: 'author', label: 'The authors and reviewers' },
                      { value: 'reviewers', label: 'Reviewers only (internal)' },
                    ]}
                  />
                )}
                <Button variant="secondary">Add comment</Button>
              </PostForm>
            )}
          </section>
          <section aria-labelledby="history-title">
            <h2 id="history-title">History</h2>
            <History events={view.history} />
          </section>
        </>
      ),
    });
  }

  app.get(
    '/workspace/:institution/proposals/:id',
    { config: STAFF, schema: { hide: true, params: ProposalParams } },
    async (request, reply) => proposalPage(request, reply, request.params.id),
  );

  app.post(
    '/workspace/:institution/proposals/:id/transitions',
    {
      config: STAFF,
      schema: {
        hide: true,
        params: ProposalParams,
        body: Type.Object({
          _csrf: Type.String(),
          action: Type.Union(TRANSITIONS_BY_FORM.map((action) => Type.Literal(action))),
          comment: Type.Optional(Type.String({ maxLength: 10_000 })),
        }),
      },
    },
    async (request, reply) => {
      const { institution, actor, base } = await contextOf(request);
      const { action, comment } = request.body;
      try {
        await approvals.act(
          institution,
          request.params.id,
          actor,
          action as Exclude<ProposalAction, 'edit' | 'comment'>,
          comment,
        );
      } catch (error) {
        return proposalPage(request, reply, request.params.id, {
          errors: mapError(error),
          ...(comment ? { comment } : {}),
        });
      }
      return reply.redirect(`${base}/proposals/${request.params.id}?done=${action}`, 303);
    },
  );

  app.post(
    '/workspace/:institution/proposals/:id/comments',
    {
      config: { access: { institutionRoles: ['author', 'reviewer'] } },
      schema: {
        hide: true,
        params: ProposalParams,
        body: Type.Object({
          _csrf: Type.String(),
          body: Type.String({ maxLength: 10_000 }),
          visibility: Type.Optional(Type.Union([Type.Literal('author'), Type.Literal('reviewers')])),
        }),
      },
    },
    async (request, reply) => {
      const { institution, actor, base } = await contextOf(request);
      try {
        await approvals.comment(
          institution,
          request.params.id,
          actor,
          request.body.body,
          request.body.visibility ?? 'author',
        );
      } catch (error) {
        return proposalPage(request, reply, request.params.id, {
          errors: mapError(error),
          commentBody: request.body.body,
        });
      }
      return reply.redirect(`${base}/proposals/${request.params.id}#comments-title`, 303);
    },
  );

  // ---- Authoring steps ---------------------------------------------------------------------

  const StepParams = Type.Object({
    institution: Type.String({ maxLength: 200 }),
    id: Type.String({ format: 'uuid' }),
    step: Type.String({ maxLength: 40 }),
  });

  async function stepPage(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    stepId: string,
    options: { values?: DraftValues; errors?: FormError[]; extraRows?: number } = {},
  ) {
    const { institution, actor, base } = await contextOf(request);
    if (!isAuthoringStep(stepId)) throw new HttpProblem(404, 'Page not found', 'There is no such step.');
    let view;
    try {
      view = await approvals.view(institution, id, actor);
    } catch (error) {
      mapError(error);
      throw error;
    }
    // A refused save (a colleague submitted meanwhile) still shows what was typed, with the reason.
    if (!view.actions.includes('edit') && !options.values)
      return reply.redirect(`${base}/proposals/${id}`, 303);
    const index = AUTHORING_STEPS.findIndex((step) => step.id === stepId);
    const step = AUTHORING_STEPS[index];
    if (!step) throw new HttpProblem(404, 'Page not found', 'There is no such step.');
    const errors = options.errors ?? [];
    const subjects = await catalogue.listSubjects();
    const href = `${base}/proposals/${id}`;
    return page(request, reply, {
      title: step.title,
      label: `Step ${index + 1} of ${AUTHORING_STEPS.length} · ${view.proposal.title}`,
      status: errors.length > 0 ? 400 : 200,
      breadcrumbs: [
        { href: base, label: institution.name },
        { href, label: view.proposal.title },
        { label: step.title },
      ],
      sidebar: <ChecklistPanel checklist={view.checklist} />,
      children: (
        <>
          <ErrorSummary errors={errors} />
          <PostForm action={`${href}/steps/${step.id}`} csrfToken={csrfTokenFor(reply)}>
            <StepForm
              step={step.id}
              values={options.values ?? view.proposal.draft}
              errors={errors}
              subjects={subjects}
              extraRows={options.extraRows ?? 0}
            />
            <ButtonGroup>
              <Button name="intent" value="continue">
                {index + 1 < AUTHORING_STEPS.length ? 'Save and continue' : 'Save and check'}
              </Button>
              <Button name="intent" value="save" variant="secondary">
                Save and return to the task list
              </Button>
            </ButtonGroup>
          </PostForm>
        </>
      ),
    });
  }

  app.get(
    '/workspace/:institution/proposals/:id/steps/:step',
    { config: AUTHORS, schema: { hide: true, params: StepParams } },
    async (request, reply) => stepPage(request, reply, request.params.id, request.params.step),
  );

  app.post(
    '/workspace/:institution/proposals/:id/steps/:step',
    { config: AUTHORS, schema: { hide: true, params: StepParams, body: FormBody } },
    async (request, reply) => {
      const { institution, actor, base } = await contextOf(request);
      const { id, step } = request.params;
      if (!isAuthoringStep(step)) throw new HttpProblem(404, 'Page not found', 'There is no such step.');
      const { _csrf: _token, intent, ...values } = request.body;
      let saved;
      try {
        saved = await approvals.saveStep(institution, id, actor, step, values);
      } catch (error) {
        return stepPage(request, reply, id, step, { values, errors: mapError(error) });
      }
      const stepErrors = errorsOfStep(step, saved.errors);
      // What was typed is saved either way; errors are shown beside it until they are fixed.
      if (stepErrors.length > 0)
        return stepPage(request, reply, id, step, { values: saved.proposal.draft, errors: stepErrors });
      if (intent === 'add-row')
        return stepPage(request, reply, id, step, { values: saved.proposal.draft, extraRows: 1 });
      const index = AUTHORING_STEPS.findIndex((candidate) => candidate.id === step);
      const next = AUTHORING_STEPS[index + 1];
      if (intent === 'continue' && next)
        return reply.redirect(`${base}/proposals/${id}/steps/${next.id}`, 303);
      return reply.redirect(`${base}/proposals/${id}`, 303);
    },
  );

  app.get(
    '/workspace/:institution/proposals/:id/preview',
    { config: STAFF, schema: { hide: true, params: ProposalParams } },
    async (request, reply) => {
      const { institution, actor, base } = await contextOf(request);
      let view;
      try {
        view = await approvals.view(institution, request.params.id, actor);
      } catch (error) {
        mapError(error);
        throw error;
      }
      const input = completeInput(parseDraft(view.proposal.draft).draft, view.proposal.route, '');
      const subjects = await catalogue.listSubjects();
      const html = renderDetailPage({
        institution,
        version: {
          id: view.proposal.id,
          microCredentialId: view.proposal.microCredentialId ?? '',
          versionNumber: 0,
          code: view.proposal.moduleCode,
          publishedAt: null,
          input: { ...input, qaApprovedOn: null },
        },
        subjectName:
          subjects.find((subject) => subject.slug === input.subjectSlug)?.name ?? 'Subject not chosen',
        facts: frameworkFacts(input),
        upcomingOfferings: [],
        slug: `preview-${view.proposal.id}`,
        currentPath: request.url,
        publicUrl,
        isDemo,
        providerTermSlug: undefined,
        preview: { backHref: `${base}/proposals/${view.proposal.id}` },
      });
      return reply.type('text/html; charset=utf-8').header('x-robots-tag', 'noindex').send(html);
    },
  );

  // ---- Reviewer queue ----------------------------------------------------------------------

  app.get(
    '/workspace/:institution/reviews',
    { config: REVIEWERS, schema: { hide: true, params: InstitutionParams } },
    async (request, reply) => {
      const { institution, actor, base } = await contextOf(request);
      const queue = await approvals.queue(institution, actor);
      const section = (id: string, heading: string, items: typeof queue.waiting, empty: string) => (
        <section aria-labelledby={id} data-testid={id}>
          <h2 id={id}>
            {heading} ({items.length})
          </h2>
          {items.length === 0 ? (
            <p>{empty}</p>
          ) : (
            <Table
              caption={heading}
              isCaptionHidden
              headers={['Title', 'Status', 'Submitted', 'Due']}
              rows={items.map((proposal) => [
                <a href={`${base}/proposals/${proposal.id}`}>{proposal.title}</a>,
                <StateTag state={proposal.state} />,
                proposal.submittedAt ? when.format(proposal.submittedAt) : '–',
                proposal.dueOn ?? '–',
              ])}
            />
          )}
        </section>
      );
      return page(request, reply, {
        title: 'Review queue',
        label: institution.name,
        breadcrumbs: [{ href: base, label: institution.name }, { label: 'Review queue' }],
        children: (
          <>
            {section('assigned', 'Assigned to you', queue.assigned, 'Nothing assigned to you.')}
            {section('waiting', 'Waiting for a reviewer', queue.waiting, 'Nothing is waiting.')}
            {section('overdue', 'Overdue', queue.overdue, 'Nothing is overdue.')}
            {section('decided', 'Decided', queue.decided, 'No decisions yet.')}
          </>
        ),
      });
    },
  );

  // ---- Offerings of a published micro-credential --------------------------------------------

  const OfferingParams = Type.Object({
    institution: Type.String({ maxLength: 200 }),
    slug: Type.String({ maxLength: 200 }),
  });

  function offeringFrom(body: Record<string, string | string[] | undefined>): {
    input: OfferingInput;
    errors: FormError[];
  } {
    const text = (name: string) => {
      const raw = body[name];
      return (Array.isArray(raw) ? (raw[0] ?? '') : (raw ?? '')).trim();
    };
    const errors: FormError[] = [];
    const price = text('price');
    const pricePence = price === '' ? 0 : Math.round(Number(price.replace(/[£,]/g, '')) * 100);
    if (price !== '' && !Number.isFinite(pricePence))
      errors.push({ field: 'price', message: 'Enter the price in pounds, like 250 or 99.50' });
    const hours = text('synchronousHours');
    const places = text('places');
    return {
      errors,
      input: {
        startsOn: text('startsOn') || null,
        endsOn: text('endsOn') || null,
        enrolBy: text('enrolBy') || null,
        deliveryMode: text('deliveryMode') as OfferingInput['deliveryMode'],
        location: text('location') || null,
        synchronousHours: hours === '' ? 0 : Number(hours),
        pricePence: Number.isFinite(pricePence) ? pricePence : 0,
        feeNotes: text('feeNotes') || null,
        funding: text('funding') as OfferingInput['funding'],
        places: places === '' ? null : Number(places),
        thirdPartyPlatform: text('thirdPartyPlatform') || null,
      },
    };
  }

  async function offeringsPage(
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    options: { errors?: FormError[]; values?: Record<string, string> } = {},
  ) {
    const { institution, base } = await contextOf(request);
    const found = await catalogue.findMicroCredential(slug);
    if (!found || found.institution.id !== institution.id)
      throw new HttpProblem(404, 'Page not found', 'That micro-credential was not found.');
    const offerings = await catalogue.listOfferings(found.version.microCredentialId);
    const errors = options.errors ?? [];
    const values = options.values ?? {};
    const csrfToken = csrfTokenFor(reply);
    const href = `${base}/micro-credentials/${slug}/offerings`;
    return page(request, reply, {
      title: `Offerings: ${found.version.input.title}`,
      label: institution.name,
      status: errors.length > 0 ? 400 : 200,
      breadcrumbs: [
        { href: base, label: institution.name },
        { href: `${base}/proposals`, label: 'Proposals' },
        { label: 'Offerings' },
      ],
      children: (
        <>
          <p>Dates, prices and places change without a new approval; the catalogue shows them at once.</p>
          {offerings.length > 0 && (
            <Table
              caption="Offerings"
              headers={['Starts', 'Delivery', 'Price', 'Places', '']}
              rows={offerings.map((offering) => [
                offering.startsOn ?? 'Any time',
                DELIVERY_MODES[offering.deliveryMode],
                offering.funding === 'fully-funded' ? 'Fully funded' : formatPrice(offering.pricePence),
                offering.places === null ? 'Not limited' : String(offering.places),
                <PostForm
                  action={`${href}/${offering.id}/delete`}
                  csrfToken={csrfToken}
                  class="hub_inline-form"
                >
                  <button type="submit" class="hub_link-button">
                    Remove
                    <span class="visually-hidden">
                      {' '}
                      the offering starting {offering.startsOn ?? 'any time'}
                    </span>
                  </button>
                </PostForm>,
              ])}
            />
          )}
          <h2>Add an offering</h2>
          <ErrorSummary errors={errors} />
          <PostForm action={href} csrfToken={csrfToken}>
            <TextInput
              name="startsOn"
              label="Start date"
              type="date"
              width="fixed-10"
              value={values['startsOn']}
              error={errorFor(errors, 'startsOn')}
            />
            <TextInput
              name="endsOn"
              label="End date"
              type="date"
              width="fixed-10"
              value={values['endsOn']}
              error={errorFor(errors, 'endsOn')}
            />
            <TextInput
              name="enrolBy"
              label="Enrol by"
              type="date"
              width="fixed-10"
              value={values['enrolBy']}
              error={errorFor(errors, 'enrolBy')}
            />
            <Select
              name="deliveryMode"
              label="Delivery"
              emptyOption="Choose one"
              options={Object.entries(DELIVERY_MODES).map(([value, label]) => ({ value, label }))}
              value={values['deliveryMode']}
              error={errorFor(errors, 'deliveryMode')}
            />
            <TextInput
              name="location"
              label="Location"
              hint="Not needed for online courses."
              value={values['location']}
              error={errorFor(errors, 'location')}
            />
            <TextInput
              name="synchronousHours"
              label="Live contact hours"
              width="fixed-4"
              inputMode="numeric"
              value={values['synchronousHours']}
              error={errorFor(errors, 'synchronousHours')}
            />
            <TextInput
              name="price"
              label="Price in pounds"
              width="fixed-10"
              inputMode="decimal"
              value={values['price']}
              error={errorFor(errors, 'price') ?? errorFor(errors, 'pricePence')}
            />
            <Select
              name="funding"
              label="Funding"
              emptyOption="Choose one"
              options={Object.entries(FUNDING).map(([value, label]) => ({ value, label }))}
              value={values['funding']}
              error={errorFor(errors, 'funding')}
            />
            <TextInput
              name="feeNotes"
              label="Fee notes"
              value={values['feeNotes']}
              error={errorFor(errors, 'feeNotes')}
            />
            <TextInput
              name="places"
              label="Places"
              hint="Leave empty if not limited."
              width="fixed-4"
              inputMode="numeric"
              value={values['places']}
              error={errorFor(errors, 'places')}
            />
            <TextInput
              name="thirdPartyPlatform"
              label="Third-party platform"
              hint="For example FutureLearn, if it runs there."
              value={values['thirdPartyPlatform']}
              error={errorFor(errors, 'thirdPartyPlatform')}
            />
            <Button>Add offering</Button>
          </PostForm>
        </>
      ),
    });
  }

  app.get(
    '/workspace/:institution/micro-credentials/:slug/offerings',
    { config: AUTHORS, schema: { hide: true, params: OfferingParams } },
    async (request, reply) => offeringsPage(request, reply, request.params.slug),
  );

  app.post(
    '/workspace/:institution/micro-credentials/:slug/offerings',
    { config: AUTHORS, schema: { hide: true, params: OfferingParams, body: FormBody } },
    async (request, reply) => {
      const { institution, base } = await contextOf(request);
      const found = await catalogue.findMicroCredential(request.params.slug);
      if (!found || found.institution.id !== institution.id)
        throw new HttpProblem(404, 'Page not found', 'That micro-credential was not found.');
      const { _csrf: _token, ...body } = request.body;
      const values = Object.fromEntries(
        Object.entries(body).map(([key, value]) => [key, Array.isArray(value) ? (value[0] ?? '') : value]),
      );
      const parsed = offeringFrom(body);
      try {
        // Every problem at once: the price that cannot be read and whatever else the rules find.
        if (parsed.errors.length > 0)
          throw new CatalogueValidationError([
            ...parsed.errors,
            ...validateOffering(parsed.input).filter((error) => error.field !== 'pricePence'),
          ]);
        await catalogue.saveOffering({
          institution,
          microCredentialId: found.version.microCredentialId,
          offering: parsed.input,
        });
      } catch (error) {
        return offeringsPage(request, reply, request.params.slug, { errors: mapError(error), values });
      }
      return reply.redirect(`${base}/micro-credentials/${request.params.slug}/offerings`, 303);
    },
  );

  app.post(
    '/workspace/:institution/micro-credentials/:slug/offerings/:offeringId/delete',
    {
      config: AUTHORS,
      schema: {
        hide: true,
        params: Type.Object({
          institution: Type.String({ maxLength: 200 }),
          slug: Type.String({ maxLength: 200 }),
          offeringId: Type.String({ format: 'uuid' }),
        }),
        body: Type.Object({ _csrf: Type.String() }),
      },
    },
    async (request, reply) => {
      const { institution, base } = await contextOf(request);
      const found = await catalogue.findMicroCredential(request.params.slug);
      if (!found || found.institution.id !== institution.id)
        throw new HttpProblem(404, 'Page not found', 'That micro-credential was not found.');
      try {
        await catalogue.removeOffering({
          institution,
          microCredentialId: found.version.microCredentialId,
          offeringId: request.params.offeringId,
        });
      } catch (error) {
        if (error instanceof CatalogueConflictError)
          throw new HttpProblem(404, 'Page not found', error.message);
        throw error;
      }
      return reply.redirect(`${base}/micro-credentials/${request.params.slug}/offerings`, 303);
    },
  );

  // ---- Approval settings -------------------------------------------------------------------

  async function settingsPage(
    request: FastifyRequest,
    reply: FastifyReply,
    options: {
      errors?: FormError[];
      notice?: string;
      values?: { requiresSecondApprover: string; reviewDays: string };
    } = {},
  ) {
    const { institution, base } = await contextOf(request);
    const settings = await approvals.settingsOf(institution);
    const errors = options.errors ?? [];
    const values = options.values ?? {
      requiresSecondApprover: settings.requiresSecondApprover ? 'yes' : 'no',
      reviewDays: String(settings.reviewDays),
    };
    return page(request, reply, {
      title: 'Approval settings',
      label: institution.name,
      status: errors.length > 0 ? 400 : 200,
      breadcrumbs: [{ href: base, label: institution.name }, { label: 'Approval settings' }],
      children: (
        <>
          {options.notice && (
            <NotificationBanner isSuccess title="Saved">
              {options.notice}
            </NotificationBanner>
          )}
          <ErrorSummary errors={errors} />
          <PostForm action={`${base}/settings`} csrfToken={csrfTokenFor(reply)}>
            <RadioGroup
              name="requiresSecondApprover"
              legend="Do credit-rated micro-credentials need a second approver?"
              hint="The standard route. Small qualifications always take the streamlined route: one reviewer."
              value={values.requiresSecondApprover}
              items={[
                { value: 'yes', label: 'Yes: two reviewers, neither of them an author' },
                { value: 'no', label: 'No: one reviewer who is not an author' },
              ]}
            />
            <TextInput
              name="reviewDays"
              label="Days a reviewer has to decide"
              width="fixed-3"
              inputMode="numeric"
              value={values.reviewDays}
              error={errorFor(errors, 'reviewDays')}
            />
            <Button>Save settings</Button>
          </PostForm>
        </>
      ),
    });
  }

  app.get(
    '/workspace/:institution/settings',
    { config: ADMINS, schema: { hide: true, params: InstitutionParams } },
    async (request, reply) => settingsPage(request, reply),
  );

  app.post(
    '/workspace/:institution/settings',
    {
      config: ADMINS,
      schema: {
        hide: true,
        params: InstitutionParams,
        body: Type.Object({
          _csrf: Type.String(),
          requiresSecondApprover: Type.Optional(Type.Union([Type.Literal('yes'), Type.Literal('no')])),
          reviewDays: Type.String({ maxLength: 10 }),
        }),
      },
    },
    async (request, reply) => {
      const { institution, actor } = await contextOf(request);
      const values = {
        requiresSecondApprover: request.body.requiresSecondApprover ?? 'no',
        reviewDays: request.body.reviewDays,
      };
      try {
        await approvals.saveSettings(institution, actor, {
          requiresSecondApprover: values.requiresSecondApprover === 'yes',
          reviewDays: /^\d+$/.test(values.reviewDays.trim()) ? Number(values.reviewDays.trim()) : Number.NaN,
        });
      } catch (error) {
        return settingsPage(request, reply, { errors: mapError(error), values });
      }
      return settingsPage(request, reply, { notice: 'Approval settings saved.' });
    },
  );
}

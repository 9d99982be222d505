import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import { HttpProblem, badRequest, notFound } from '../../platform/http/problems.ts';
import { actorAt, type Actor } from '../accounts/index.ts';
import type { CatalogueService, FieldError } from '../catalogue/index.ts';
import { ApprovalsError, type ApprovalsService } from './approvals-service.ts';
import type { Proposal } from './approvals-repository.ts';
import { AUTHORING_STEPS, errorsOfStep, fieldsOfStep, type DraftValues } from './authoring-model.ts';
import {
  CommentBody,
  CommentSchema,
  CreateProposalBody,
  InstitutionParams,
  ListQuerystring,
  ProblemSchema,
  ProposalDetail,
  ProposalList,
  ProposalParams,
  ProposalSummary,
  REPEATING_GROUPS,
  TransitionBody,
  UpdateProposalBody,
} from './approvals-schemas.ts';

export interface ApprovalsApiOptions {
  approvals: ApprovalsService;
  catalogue: CatalogueService;
  /** Prefixes links in responses; without it they are paths on the hub. */
  publicUrl?: string;
}

type ProposalView = Awaited<ReturnType<ApprovalsService['view']>>;
type InstitutionRef = NonNullable<FastifyRequest['institution']>;

const iso = (value: Date | string): string => (value instanceof Date ? value.toISOString() : value);

/** One stable mapping from the service's error codes to HTTP, for every approvals route. */
function toProblem(error: unknown): unknown {
  if (!(error instanceof ApprovalsError)) return error;
  switch (error.code) {
    case 'not-found':
      return notFound(error.message);
    case 'refused':
      return new HttpProblem(409, 'Refused by the approval workflow', error.message, error.errors);
    case 'conflict':
      return new HttpProblem(409, 'Conflict', error.message, error.errors);
    case 'validation-failed':
      return badRequest(error.errors, error.message);
  }
}

async function mapped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toProblem(error);
  }
}

/** The step a raw field belongs to, or undefined for a name the form does not have. */
function stepOf(name: string) {
  return AUTHORING_STEPS.find((step) => name in fieldsOfStep(step.id, { [name]: '' }))?.id;
}

/** Refuses the whole request before anything is saved: an unknown name is a typing mistake, not a value. */
function refuseUnknownFields(fields: DraftValues): void {
  const unknown = Object.keys(fields).filter((name) => stepOf(name) === undefined);
  if (unknown.length > 0)
    throw badRequest(
      unknown.map((name) => ({
        field: name,
        message: `Unknown field '${name}': check its spelling against the field names in the API documentation`,
      })),
      'Some field names are not fields of a proposal. Nothing was saved.',
    );
}

/**
 * What a step should hold after a partial update: the step's current values, with those sent
 * replacing them. A repeating group sent at all is sent whole, so a client can remove rows.
 */
function mergeSent(current: DraftValues, sent: DraftValues): DraftValues {
  const kept = Object.entries(current).filter(
    ([name]) =>
      !REPEATING_GROUPS.some(
        (group) =>
          name.startsWith(`${group}[`) && Object.keys(sent).some((key) => key.startsWith(`${group}[`)),
      ),
  );
  return { ...Object.fromEntries(kept), ...sent };
}

function summaryOf(proposal: Proposal): Static<typeof ProposalSummary> {
  return {
    id: proposal.id,
    title: proposal.title,
    kind: proposal.kind,
    state: proposal.state,
    route: proposal.route,
    moduleCode: proposal.moduleCode,
    submittedAt: proposal.submittedAt ? iso(proposal.submittedAt) : null,
    dueOn: proposal.dueOn,
    updatedAt: iso(proposal.updatedAt),
  };
}

function commentOf(comment: ProposalView['comments'][number]): Static<typeof CommentSchema> {
  return {
    id: comment.id,
    authorName: comment.authorName,
    body: comment.body,
    visibility: comment.visibility,
    createdAt: iso(comment.createdAt),
  };
}

export async function approvalsApi(
  parent: FastifyInstance,
  { approvals, catalogue, publicUrl = '' }: ApprovalsApiOptions,
) {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['Approvals'];
  const security = [{ bearerAuth: [] }];
  const problems = {
    400: ProblemSchema,
    401: ProblemSchema,
    403: ProblemSchema,
    404: ProblemSchema,
    409: ProblemSchema,
  };
  const base = '/api/v1/institutions/:institution/proposals';

  function who(request: FastifyRequest): { institution: InstitutionRef; actor: Actor } {
    const { institution, principal } = request;
    if (!institution || !principal)
      throw new Error('The access check names the institution and principal before an approvals route runs');
    return { institution, actor: actorAt(principal, institution.id) };
  }

  function detailOf(view: ProposalView): Static<typeof ProposalDetail> {
    const { proposal } = view;
    // A token has no account to look its name up in; the audit trail recorded what it was called.
    const createdBy = view.history.find((event) => event.action === 'proposal.created')?.actorName;
    const reviewedBy = view.history.findLast((event) => event.action === 'proposal.start-review')?.actorName;
    return {
      ...summaryOf(proposal),
      createdAt: iso(proposal.createdAt),
      decidedAt: proposal.decidedAt ? iso(proposal.decidedAt) : null,
      authorName: proposal.authorId.startsWith('token:') ? (createdBy ?? view.authorName) : view.authorName,
      reviewerName: proposal.reviewerId ? (view.reviewerName ?? reviewedBy ?? null) : null,
      approvals: { required: proposal.requiredApprovals, recorded: proposal.approverIds.length },
      fields: proposal.draft,
      draft: view.draft,
      isReady: view.isReady,
      checklist: {
        kind: view.checklist.kind,
        isPassed: view.checklist.isPassed,
        items: view.checklist.items.map((item) => ({
          id: item.id,
          label: item.label,
          isMet: item.isMet,
          missing: item.missing,
          step: item.step,
          glossaryUrl: `${publicUrl}/glossary/${item.glossarySlug}`,
        })),
      },
      problems: view.problems,
      actions: view.actions,
      comments: view.comments.map(commentOf),
      history: view.history.map((event) => ({
        occurredAt: iso(event.occurredAt),
        actorName: event.actorName,
        action: event.action,
      })),
    };
  }

  /**
   * Saves each step the fields touch, merged with what it holds, and returns the values of those
   * steps that cannot be read. They are saved as sent all the same, so no input is ever lost.
   */
  async function saveFields(
    institution: InstitutionRef,
    proposalId: string,
    current: DraftValues,
    actor: Actor,
    fields: DraftValues,
  ): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    for (const { id: step } of AUTHORING_STEPS) {
      const sent = fieldsOfStep(step, fields);
      if (Object.keys(sent).length === 0) continue;
      const merged = mergeSent(fieldsOfStep(step, current), sent);
      const saved = await approvals.saveStep(institution, proposalId, actor, step, merged);
      errors.push(...errorsOfStep(step, saved.errors));
    }
    return errors;
  }

  app.get(
    base,
    {
      config: { access: { institutionRoles: ['author', 'reviewer', 'admin'] } },
      schema: {
        tags,
        security,
        summary: "The institution's proposals",
        description: 'Every proposal of the institution, most recently changed first.',
        params: InstitutionParams,
        querystring: ListQuerystring,
        response: { 200: ProposalList, ...problems },
      },
    },
    async (request) => {
      const { institution } = who(request);
      const states = request.query.state;
      const all = await approvals.list(institution);
      const chosen = states ? all.filter((proposal) => states.includes(proposal.state)) : all;
      return { items: chosen.map(summaryOf) };
    },
  );

  app.post(
    base,
    {
      config: { access: { institutionRoles: ['author'] } },
      schema: {
        tags,
        security,
        summary: 'Start a proposal',
        description:
          'Creates a draft, new or changing a published micro-credential, and saves any `fields` given. Values that cannot be read are saved as sent and listed in `problems`; fix them with PATCH.',
        params: InstitutionParams,
        body: CreateProposalBody,
        response: { 201: ProposalDetail, ...problems },
      },
    },
    async (request, reply) => {
      const { institution, actor } = who(request);
      const { microCredential, fields } = request.body;
      if (fields) refuseUnknownFields(fields);
      const view = await mapped(async () => {
        const started = await approvals.start(
          institution,
          actor,
          microCredential ? { microCredentialSlug: microCredential } : undefined,
        );
        if (fields) await saveFields(institution, started.id, started.draft, actor, fields);
        return approvals.view(institution, started.id, actor);
      });
      return reply
        .code(201)
        .header('location', `/api/v1/institutions/${institution.slug}/proposals/${view.proposal.id}`)
        .send(detailOf(view));
    },
  );

  app.get(
    `${base}/:id`,
    {
      config: { access: { institutionRoles: ['author', 'reviewer', 'admin'] } },
      schema: {
        tags,
        security,
        summary: 'One proposal',
        description:
          'The proposal with its values as saved (`fields`) and as read (`draft`), the good-practice checklist, problems, what this token may do, the comments it may see, and its history.',
        params: ProposalParams,
        response: { 200: ProposalDetail, ...problems },
      },
    },
    async (request) => {
      const { institution, actor } = who(request);
      return detailOf(await mapped(() => approvals.view(institution, request.params.id, actor)));
    },
  );

  app.patch(
    `${base}/:id`,
    {
      config: { access: { institutionRoles: ['author'] } },
      schema: {
        tags,
        security,
        summary: 'Change values of a draft',
        description:
          'Saves the fields sent into the steps they belong to; other fields keep their values. When a value cannot be read the answer is 400, naming each such field in the steps changed, but the values are saved as sent all the same, so nothing typed is lost. An unknown field name saves nothing.',
        params: ProposalParams,
        body: UpdateProposalBody,
        response: { 200: ProposalDetail, ...problems },
      },
    },
    async (request) => {
      const { institution, actor } = who(request);
      const { id } = request.params;
      refuseUnknownFields(request.body.fields);
      return mapped(async () => {
        const current = await approvals.view(institution, id, actor);
        const errors = await saveFields(institution, id, current.proposal.draft, actor, request.body.fields);
        if (errors.length > 0)
          throw badRequest(
            errors,
            'Some values cannot be read. They were saved as sent: correct them and send them again.',
          );
        return detailOf(await approvals.view(institution, id, actor));
      });
    },
  );

  app.post(
    `${base}/:id/transitions`,
    {
      // The workflow decides which role may take which step; the route only keeps out registry tokens.
      config: { access: { institutionRoles: ['author', 'reviewer', 'admin'] } },
      schema: {
        tags,
        security,
        summary: 'Move a proposal through the approval workflow',
        description:
          'A move the workflow refuses (wrong state, wrong role, approving a proposal the token wrote or edited, an incomplete checklist) is 409, saying why; request-changes without a comment is 400.',
        params: ProposalParams,
        body: TransitionBody,
        response: { 200: ProposalDetail, ...problems },
      },
    },
    async (request) => {
      const { institution, actor } = who(request);
      const { id } = request.params;
      const { action, comment } = request.body;
      // Approval gives the module code from the institution's prefix, which only the full record has.
      const full = await catalogue.findInstitution(institution.slug);
      if (!full) throw notFound(`Institution '${institution.slug}'`);
      try {
        await mapped(() => approvals.act(full, id, actor, action, comment));
      } catch (error) {
        throw await withChecklist(error, institution, id, actor);
      }
      return detailOf(await mapped(() => approvals.view(institution, id, actor)));
    },
  );

  /** A refusal for an incomplete checklist names each unmet item, so a system can show what to fix. */
  async function withChecklist(error: unknown, institution: InstitutionRef, id: string, actor: Actor) {
    if (!(error instanceof HttpProblem) || !error.errors.some((item) => item.field === 'checklist'))
      return error;
    const view = await approvals.view(institution, id, actor);
    const unmet = view.checklist.items
      .filter((item) => !item.isMet)
      .map((item) => ({
        field: `checklist.${item.id}`,
        message: `${item.label}: ${item.missing.join('; ')}`,
      }));
    const unreadable = view.problems.map((problem) => ({ field: problem.field, message: problem.message }));
    return new HttpProblem(error.status, error.title, error.detail, [
      ...error.errors,
      ...unmet,
      ...unreadable,
    ]);
  }

  app.post(
    `${base}/:id/comments`,
    {
      config: { access: { institutionRoles: ['author', 'reviewer'] } },
      schema: {
        tags,
        security,
        summary: 'Comment on a proposal',
        params: ProposalParams,
        body: CommentBody,
        response: { 201: CommentSchema, ...problems },
      },
    },
    async (request, reply) => {
      const { institution, actor } = who(request);
      const { id } = request.params;
      const view = await mapped(async () => {
        await approvals.comment(institution, id, actor, request.body.body, request.body.visibility);
        return approvals.view(institution, id, actor);
      });
      const saved = view.comments.findLast((comment) => comment.authorId === actor.id);
      if (!saved) throw new Error('A comment just saved is visible to its author');
      return reply.code(201).send(commentOf(saved));
    },
  );
}

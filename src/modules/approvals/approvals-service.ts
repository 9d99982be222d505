import type { Database, Db } from '../../platform/db/database.ts';
import {
  CatalogueValidationError,
  slugify,
  validateMicroCredential,
  type CatalogueService,
  type FieldError,
  type Institution,
  type MicroCredentialInput,
} from '../catalogue/index.ts';
import type { AccountsService, Actor } from '../accounts/index.ts';
import type { AuditTrail } from '../audit/index.ts';
import type { Mailer } from '../mail/index.ts';
import {
  STATE_LABELS,
  allowedActions,
  routeFor,
  transition,
  type ProposalAction,
  type WorkflowProposal,
} from './approvals-workflow.ts';
import {
  completeInput,
  fieldsOfStep,
  mergeStep,
  parseDraft,
  valuesOf,
  type DraftValues,
} from './authoring-model.ts';
import { goodPracticeChecklist, type AuthoringStep, type Checklist } from './checklist-model.ts';
import { diffVersions, type FieldDiff } from './proposal-diff-model.ts';
import {
  createApprovalsRepository,
  type ApprovalSettings,
  type Comment,
  type Proposal,
} from './approvals-repository.ts';

export class ApprovalsError extends Error {
  constructor(
    readonly code: 'not-found' | 'refused' | 'validation-failed' | 'conflict',
    readonly errors: FieldError[],
  ) {
    super(errors.map((error) => error.message).join('; '));
  }
}

export interface ApprovalsDependencies {
  database: Database;
  catalogue: CatalogueService;
  accounts: AccountsService;
  audit: AuditTrail;
  mailer: Mailer;
  clock: () => Date;
  publicUrl: string;
}

type InstitutionRef = Pick<Institution, 'id' | 'slug' | 'name'>;

const isoDate = (date: Date): string => date.toISOString().slice(0, 10);
const addDays = (date: Date, days: number): string => isoDate(new Date(date.getTime() + days * 86_400_000));

export function createApprovalsService(deps: ApprovalsDependencies) {
  const { database, catalogue, accounts, audit, mailer, clock, publicUrl } = deps;
  const repository = createApprovalsRepository(database);

  function assess(proposal: Proposal, institution: InstitutionRef) {
    const parsed = parseDraft(proposal.draft);
    const checklist = goodPracticeChecklist(parsed.draft, {
      awardingBody: institution.name,
      today: isoDate(clock()),
    });
    const route = routeFor(parsed.draft.kind ?? 'micro-credential', { requiresSecondApprover: false }).route;
    const validation = validateMicroCredential(completeInput(parsed.draft, route, isoDate(clock())));
    // The checklist names what good practice asks; parse and validation errors say what cannot be stored.
    const problems = [...parsed.errors, ...validation];
    return { parsed, checklist, problems, isReady: checklist.isPassed && problems.length === 0 };
  }

  function workflowView(proposal: Proposal, isReady: boolean): WorkflowProposal {
    return {
      state: proposal.state,
      authorId: proposal.authorId,
      contributorIds: proposal.contributorIds,
      route: proposal.route,
      requiredApprovals: proposal.requiredApprovals,
      approverIds: proposal.approverIds,
      isChecklistPassed: isReady,
    };
  }

  async function load(institution: InstitutionRef, proposalId: string, tx?: Db): Promise<Proposal> {
    const proposal = tx
      ? await repository.findForUpdate(proposalId, institution.id, tx)
      : await repository.find(proposalId, institution.id);
    if (!proposal)
      throw new ApprovalsError('not-found', [{ field: 'proposal', message: 'That proposal was not found' }]);
    return proposal;
  }

  function refuse(action: ProposalAction, outcome: { message: string }): never {
    throw new ApprovalsError('refused', [{ field: action, message: outcome.message }]);
  }

  async function notify(userIds: string[], subject: string, lines: string[]): Promise<void> {
    const people = await accounts.usersByIds([...new Set(userIds.filter((id) => !id.startsWith('token:')))]);
    for (const person of people) {
      await mailer.send({
        to: person.email,
        subject,
        body: [`Hello ${person.name},`, '', ...lines].join('\n'),
      });
    }
  }

  async function reviewersOf(institutionId: string): Promise<string[]> {
    const members = await accounts.membersOf(institutionId);
    return members.filter((member) => member.roles.includes('reviewer')).map((member) => member.id);
  }

  function linkTo(institution: InstitutionRef, proposal: Proposal): string {
    return `${publicUrl}/workspace/${institution.slug}/proposals/${proposal.id}`;
  }

  return {
    /** Starts a draft: a new micro-credential, or a new version of a published one. */
    async start(
      institution: InstitutionRef,
      actor: Actor,
      from?: { microCredentialSlug: string },
    ): Promise<Proposal> {
      let values: DraftValues = {};
      let microCredentialId: string | null = null;
      let baseVersionId: string | null = null;
      let title = 'Untitled micro-credential';
      let kind: Proposal['kind'] = 'micro-credential';
      if (from) {
        const published = await catalogue.findMicroCredential(from.microCredentialSlug);
        if (!published || published.institution.id !== institution.id)
          throw new ApprovalsError('not-found', [
            { field: 'microCredential', message: 'That micro-credential was not found' },
          ]);
        values = valuesOf(published.version.input);
        microCredentialId = published.version.microCredentialId;
        baseVersionId = published.version.id;
        title = published.version.input.title;
        kind = published.version.input.kind;
      }
      const route = routeFor(kind, { requiresSecondApprover: false });
      return database.db.transaction(async (tx) => {
        if (microCredentialId) {
          // Checked under a lock, so two "propose a change" clicks at once cannot open two changes.
          await repository.lockChangesOf(microCredentialId, tx);
          const open = await repository.openChangeOf(microCredentialId, tx);
          if (open)
            throw new ApprovalsError('conflict', [
              {
                field: 'microCredential',
                message: `A change to this micro-credential is already ${STATE_LABELS[open.state].toLowerCase()}: continue that one`,
              },
            ]);
        }
        const proposal = await repository.insert(
          {
            institutionId: institution.id,
            microCredentialId,
            baseVersionId,
            title,
            kind,
            state: 'draft',
            route: route.route,
            requiredApprovals: route.requiredApprovals,
            approverIds: [],
            authorId: actor.id,
            contributorIds: [actor.id],
            reviewerId: null,
            draft: values,
            submittedAt: null,
            dueOn: null,
            decidedAt: null,
            approvedVersionId: null,
            moduleCode: null,
          },
          tx,
        );
        await audit.record(
          {
            chainId: institution.id,
            actor,
            action: 'proposal.created',
            subjectType: 'proposal',
            subjectId: proposal.id,
            after: { title, basedOn: baseVersionId },
          },
          tx,
        );
        return proposal;
      });
    },

    /**
     * Saves one step exactly as typed, even when part of it cannot be read: the author sees the
     * errors beside their own words and fixes them, and nothing is lost in between.
     */
    async saveStep(
      institution: InstitutionRef,
      proposalId: string,
      actor: Actor,
      step: AuthoringStep,
      submitted: DraftValues,
    ): Promise<{ proposal: Proposal; errors: FieldError[] }> {
      return database.db.transaction(async (tx) => {
        const proposal = await load(institution, proposalId, tx);
        const outcome = transition(workflowView(proposal, true), 'edit', actor);
        if (!outcome.allowed) refuse('edit', outcome);
        const before = fieldsOfStep(step, proposal.draft);
        const draft = mergeStep(proposal.draft, step, submitted);
        const after = fieldsOfStep(step, draft);
        const parsed = parseDraft(draft);
        const changes: Partial<Proposal> = {
          draft,
          title: parsed.draft.title ?? proposal.title,
          kind: parsed.draft.kind ?? proposal.kind,
          contributorIds: proposal.contributorIds.includes(actor.id)
            ? proposal.contributorIds
            : [...proposal.contributorIds, actor.id],
          updatedAt: clock(),
        };
        await repository.update(proposal.id, changes, tx);
        if (JSON.stringify(before) !== JSON.stringify(after))
          await audit.record(
            {
              chainId: institution.id,
              actor,
              action: 'proposal.edited',
              subjectType: 'proposal',
              subjectId: proposal.id,
              before,
              after,
            },
            tx,
          );
        const { errors } = parseDraft(draft);
        return { proposal: { ...proposal, ...changes }, errors };
      });
    },

    /** Everything a proposal's page shows, filtered for who is looking. */
    async view(institution: InstitutionRef, proposalId: string, actor: Actor) {
      const proposal = await load(institution, proposalId);
      const assessment = assess(proposal, institution);
      const base = proposal.baseVersionId ? await catalogue.findVersion(proposal.baseVersionId) : undefined;
      const subjects = new Map(
        (await catalogue.listSubjects()).map((subject) => [subject.slug, subject.name]),
      );
      // The route and approval date are set by approval, never by the author: leave them out of the redline.
      const published = base
        ? (({ qaRoute: _route, qaApprovedOn: _approvedOn, ...rest }) => rest)(base.input)
        : null;
      const diffs: FieldDiff[] = diffVersions(published, assessment.parsed.draft, {
        subjectNames: subjects,
      });
      const isReviewer = actor.roles.includes('reviewer') || actor.roles.includes('admin');
      const comments: Comment[] = (await repository.commentsOf(proposal.id)).filter(
        (comment) => isReviewer || comment.visibility === 'author',
      );
      const history = await audit.historyOf('proposal', proposal.id);
      const people = await accounts.usersByIds([
        proposal.authorId,
        ...(proposal.reviewerId ? [proposal.reviewerId] : []),
      ]);
      return {
        proposal,
        draft: assessment.parsed.draft,
        checklist: assessment.checklist as Checklist,
        problems: assessment.problems,
        isReady: assessment.isReady,
        base,
        diffs,
        comments,
        history,
        actions: allowedActions(workflowView(proposal, assessment.isReady), actor),
        authorName: people.find((person) => person.id === proposal.authorId)?.name ?? 'API token',
        reviewerName: people.find((person) => person.id === proposal.reviewerId)?.name,
      };
    },

    async act(
      institution: Institution,
      proposalId: string,
      actor: Actor,
      action: Exclude<ProposalAction, 'edit' | 'comment'>,
      comment?: string,
    ): Promise<Proposal> {
      const now = clock();
      const result = await database.db.transaction(async (tx) => {
        const proposal = await load(institution, proposalId, tx);
        const assessment = assess(proposal, institution);
        let workflow = workflowView(proposal, assessment.isReady);
        const settings = await repository.settingsOf(institution.id, tx);
        if (action === 'submit') {
          const route = routeFor(proposal.kind, settings);
          workflow = { ...workflow, ...route };
        }
        if (action === 'request-changes' && !comment?.trim())
          throw new ApprovalsError('validation-failed', [
            { field: 'comment', message: 'Say what needs to change: the author sees this comment' },
          ]);
        const outcome = transition(workflow, action, actor);
        if (!outcome.allowed) {
          if (outcome.rule === 'checklist-incomplete')
            throw new ApprovalsError('refused', [
              {
                field: 'checklist',
                message:
                  'The good-practice checklist must pass before you can submit: see what is missing below',
              },
            ]);
          refuse(action, outcome);
        }
        const changes: Partial<Proposal> = {
          state: outcome.state,
          approverIds: [...outcome.approverIds],
          updatedAt: now,
        };
        if (action === 'submit') {
          changes.route = workflow.route;
          changes.requiredApprovals = workflow.requiredApprovals;
          changes.submittedAt = now;
          changes.dueOn = addDays(now, settings.reviewDays);
          changes.reviewerId = null;
        }
        if (action === 'start-review') changes.reviewerId = actor.id;
        if (action === 'request-changes') changes.decidedAt = now;
        if (outcome.state === 'approved' && proposal.state !== 'approved') {
          const input: MicroCredentialInput = completeInput(
            assessment.parsed.draft,
            workflow.route,
            isoDate(now),
          );
          try {
            const approved = await catalogue.approveVersion(
              {
                institution,
                microCredentialId: proposal.microCredentialId,
                slug: slugify(input.title),
                input,
              },
              tx,
            );
            changes.microCredentialId = approved.microCredentialId;
            changes.approvedVersionId = approved.versionId;
            changes.moduleCode = approved.code;
            changes.decidedAt = now;
          } catch (error) {
            if (error instanceof CatalogueValidationError)
              throw new ApprovalsError('validation-failed', error.errors);
            throw error;
          }
        }
        if (action === 'publish') {
          if (!proposal.microCredentialId || !proposal.approvedVersionId)
            throw new Error('An approved proposal has a version');
          await catalogue.publishVersion(
            {
              institution,
              microCredentialId: proposal.microCredentialId,
              versionId: proposal.approvedVersionId,
            },
            tx,
          );
        }
        if (action === 'retire' && proposal.microCredentialId) {
          // Only the proposal of the version the catalogue shows can retire it: an older proposal
          // stays "published" after a newer version replaced it, and must not retire that one.
          const current = await catalogue.publishedVersionIdOf(proposal.microCredentialId, tx);
          if (current !== proposal.approvedVersionId)
            throw new ApprovalsError('refused', [
              {
                field: 'retire',
                message:
                  'A newer version of this micro-credential is published: retire it from that version’s proposal',
              },
            ]);
          await catalogue.retire(proposal.microCredentialId, tx);
        }
        await repository.update(proposal.id, changes, tx);
        if (comment?.trim())
          await repository.insertComment(
            {
              proposalId: proposal.id,
              authorId: actor.id,
              authorName: actor.name,
              body: comment.trim(),
              visibility: 'author',
              createdAt: now,
            },
            tx,
          );
        await audit.record(
          {
            chainId: institution.id,
            actor,
            action: `proposal.${action}`,
            subjectType: 'proposal',
            subjectId: proposal.id,
            before: { state: proposal.state, approverIds: proposal.approverIds },
            after: {
              state: outcome.state,
              approverIds: outcome.approverIds,
              ...(changes.moduleCode ? { moduleCode: changes.moduleCode } : {}),
            },
          },
          tx,
        );
        return { ...proposal, ...changes };
      });
      await notifyStep(institution, result, action, actor, comment);
      return result;
    },

    async comment(
      institution: InstitutionRef,
      proposalId: string,
      actor: Actor,
      body: string,
      visibility: Comment['visibility'],
    ) {
      if (!body.trim())
        throw new ApprovalsError('validation-failed', [
          { field: 'body', message: 'Write a comment before sending it' },
        ]);
      const isReviewer = actor.roles.includes('reviewer');
      const proposal = await load(institution, proposalId);
      const outcome = transition(workflowView(proposal, true), 'comment', actor);
      if (!outcome.allowed) refuse('comment', outcome);
      // Only reviewers talk among themselves; an author's comment is always for everyone.
      const shownTo = isReviewer ? visibility : 'author';
      await database.db.transaction(async (tx) => {
        const saved = await repository.insertComment(
          {
            proposalId: proposal.id,
            authorId: actor.id,
            authorName: actor.name,
            body: body.trim(),
            visibility: shownTo,
            createdAt: clock(),
          },
          tx,
        );
        await audit.record(
          {
            chainId: institution.id,
            actor,
            action: 'proposal.commented',
            subjectType: 'proposal',
            subjectId: proposal.id,
            after: { commentId: saved.id, visibility: shownTo },
          },
          tx,
        );
      });
      if (shownTo === 'author' && isReviewer)
        await notify([proposal.authorId], `New comment on "${proposal.title}"`, [
          `${actor.name} commented on your proposal:`,
          '',
          body.trim(),
          '',
          linkTo(institution, proposal),
        ]);
    },

    list: (institution: InstitutionRef) => repository.listOf(institution.id),

    /** The reviewer's queue: mine, waiting for someone, overdue and recently decided. */
    async queue(institution: InstitutionRef, actor: Actor) {
      const all = await repository.listOf(institution.id);
      const today = isoDate(clock());
      const open = all.filter((proposal) => proposal.state === 'submitted' || proposal.state === 'in-review');
      return {
        assigned: all.filter(
          (proposal) => proposal.state === 'in-review' && proposal.reviewerId === actor.id,
        ),
        waiting: all.filter((proposal) => proposal.state === 'submitted'),
        overdue: open.filter((proposal) => proposal.dueOn !== null && proposal.dueOn < today),
        decided: all.filter(
          (proposal) =>
            ['changes-requested', 'approved', 'published'].includes(proposal.state) &&
            proposal.decidedAt !== null,
        ),
      };
    },

    settingsOf: (institution: InstitutionRef) => repository.settingsOf(institution.id),

    async saveSettings(institution: InstitutionRef, actor: Actor, settings: ApprovalSettings): Promise<void> {
      if (!Number.isInteger(settings.reviewDays) || settings.reviewDays < 1 || settings.reviewDays > 90)
        throw new ApprovalsError('validation-failed', [
          { field: 'reviewDays', message: 'Enter the review time as a whole number of days from 1 to 90' },
        ]);
      const before = await repository.settingsOf(institution.id);
      await repository.saveSettings(institution.id, settings);
      await audit.record({
        chainId: institution.id,
        actor,
        action: 'approval-settings.changed',
        subjectType: 'institution',
        subjectId: institution.id,
        before,
        after: settings,
      });
    },
  };

  async function notifyStep(
    institution: InstitutionRef,
    proposal: Proposal,
    action: ProposalAction,
    actor: Actor,
    comment?: string,
  ) {
    const link = linkTo(institution, proposal);
    const title = `"${proposal.title}"`;
    const authors = proposal.contributorIds.length > 0 ? proposal.contributorIds : [proposal.authorId];
    if (action === 'submit')
      await notify(
        await reviewersOf(institution.id).then((ids) => ids.filter((id) => !authors.includes(id))),
        `Proposal to review: ${title}`,
        [
          `${actor.name} has submitted ${title} for approval. Please review it by ${proposal.dueOn}.`,
          '',
          link,
        ],
      );
    else if (action === 'start-review')
      await notify(authors, `Review started: ${title}`, [
        `${actor.name} has started reviewing ${title}.`,
        '',
        link,
      ]);
    else if (action === 'request-changes')
      await notify(authors, `Changes requested: ${title}`, [
        `${actor.name} has asked for changes to ${title}:`,
        '',
        comment ?? '',
        '',
        link,
      ]);
    else if (action === 'approve')
      await notify(
        [...authors, ...(proposal.reviewerId ? [proposal.reviewerId] : [])],
        proposal.state === 'approved' ? `Approved: ${title}` : `First approval: ${title}`,
        [
          proposal.state === 'approved'
            ? `${actor.name} has approved ${title}. Its module code is ${proposal.moduleCode}. Publish it to put it in the catalogue.`
            : `${actor.name} has approved ${title}. It needs a second approval from another reviewer.`,
          '',
          link,
        ],
      );
    else if (action === 'publish')
      await notify(
        [...authors, ...(proposal.reviewerId ? [proposal.reviewerId] : [])],
        `Published: ${title}`,
        [`${title} is now in the catalogue.`, '', link],
      );
    else if (action === 'withdraw' || action === 'retire')
      await notify(
        [...authors, ...(proposal.reviewerId ? [proposal.reviewerId] : [])],
        `${action === 'withdraw' ? 'Withdrawn' : 'Retired'}: ${title}`,
        [`${actor.name} has ${action === 'withdraw' ? 'withdrawn' : 'retired'} ${title}.`, '', link],
      );
  }
}

export type ApprovalsService = ReturnType<typeof createApprovalsService>;

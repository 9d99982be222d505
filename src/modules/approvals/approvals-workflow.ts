/**
 * How a proposal moves from draft to published, who may move it, and why a move is refused. The
 * table below is the single source of truth: pages and the API ask `allowedActions` what to show
 * and `transition` whether to allow it, so they can never disagree. Pure: no I/O.
 */

export const PROPOSAL_STATES = [
  'draft',
  'submitted',
  'in-review',
  'changes-requested',
  'approved',
  'published',
  'withdrawn',
  'retired',
] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export const PROPOSAL_ACTIONS = [
  'edit',
  'submit',
  'start-review',
  'request-changes',
  'approve',
  'publish',
  'withdraw',
  'retire',
  'comment',
] as const;
export type ProposalAction = (typeof PROPOSAL_ACTIONS)[number];

// Roles belong to accounts; the workflow only says which of them may take each step.
import { INSTITUTION_ROLES, type InstitutionRole } from '../accounts/accounts-model.ts';
export { INSTITUTION_ROLES, type InstitutionRole };

export type ApprovalRoute = 'standard' | 'streamlined';

export interface WorkflowProposal {
  state: ProposalState;
  /** Who created the proposal. */
  authorId: string;
  /** Everyone who edited it; may include the author. */
  contributorIds: readonly string[];
  route: ApprovalRoute;
  requiredApprovals: 1 | 2;
  /** Approvals recorded in the current review round. */
  approverIds: readonly string[];
  isChecklistPassed: boolean;
}

export interface WorkflowActor {
  id: string;
  /** The actor's roles at the proposal's institution. */
  roles: readonly InstitutionRole[];
}

export type RefusalRule =
  'role-required' | 'own-proposal' | 'already-approved' | 'wrong-state' | 'checklist-incomplete';

export type TransitionOutcome =
  | { allowed: true; state: ProposalState; approverIds: readonly string[] }
  | { allowed: false; rule: RefusalRule; message: string };

export const STATE_LABELS: Record<ProposalState, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  'in-review': 'In review',
  'changes-requested': 'Changes requested',
  approved: 'Approved',
  published: 'Published',
  withdrawn: 'Withdrawn',
  retired: 'Retired',
};

export const ACTION_LABELS: Record<ProposalAction, string> = {
  edit: 'Edit',
  submit: 'Submit for approval',
  'start-review': 'Start review',
  'request-changes': 'Request changes',
  approve: 'Approve',
  publish: 'Publish',
  withdraw: 'Withdraw',
  retire: 'Retire',
  comment: 'Comment',
};

export interface TransitionRule {
  roles: readonly InstitutionRole[];
  from: readonly ProposalState[];
  /** `null` keeps the state: editing and commenting do not move a proposal. */
  to: ProposalState | null;
  /**
   * `reset` starts a new review round, so approvals given to an earlier text never count towards
   * the changed one. `record` adds the actor, and `to` is reached only once enough are recorded.
   */
  approvals: 'keep' | 'reset' | 'record';
  /** Independent review: nobody reviews or approves what they wrote or edited. */
  isBarredForOwnProposal: boolean;
  requiresChecklist: boolean;
  /** Completes "Only … can …" and "You cannot … you wrote or edited". */
  doing: string;
  /** Completes "This proposal is …, so it cannot be …". */
  done: string;
}

const ALL_BUT_CLOSED: readonly ProposalState[] = PROPOSAL_STATES.filter(
  (state) => state !== 'withdrawn' && state !== 'retired',
);

/**
 * The approval workflow. Author-role actions are open to every author at the institution, not only
 * the proposal's creator, because a proposal is shared work: whoever edits it becomes a contributor
 * and is then barred from reviewing it.
 */
export const TRANSITIONS: Readonly<Record<ProposalAction, TransitionRule>> = {
  edit: {
    roles: ['author'],
    from: ['draft', 'changes-requested'],
    to: null,
    approvals: 'keep',
    isBarredForOwnProposal: false,
    requiresChecklist: false,
    doing: 'edit a proposal',
    done: 'edited',
  },
  submit: {
    roles: ['author'],
    from: ['draft', 'changes-requested'],
    to: 'submitted',
    approvals: 'reset',
    isBarredForOwnProposal: false,
    requiresChecklist: true,
    doing: 'submit a proposal for approval',
    done: 'submitted',
  },
  'start-review': {
    roles: ['reviewer'],
    from: ['submitted'],
    to: 'in-review',
    approvals: 'keep',
    isBarredForOwnProposal: true,
    requiresChecklist: false,
    doing: 'review a proposal',
    done: 'taken into review',
  },
  'request-changes': {
    roles: ['reviewer'],
    from: ['in-review'],
    to: 'changes-requested',
    approvals: 'reset',
    isBarredForOwnProposal: true,
    requiresChecklist: false,
    doing: 'request changes to a proposal',
    done: 'sent back for changes',
  },
  approve: {
    roles: ['reviewer'],
    from: ['in-review'],
    to: 'approved',
    approvals: 'record',
    isBarredForOwnProposal: true,
    requiresChecklist: false,
    doing: 'approve a proposal',
    done: 'approved',
  },
  publish: {
    roles: ['author', 'reviewer', 'admin'],
    from: ['approved'],
    to: 'published',
    approvals: 'keep',
    isBarredForOwnProposal: false,
    requiresChecklist: false,
    doing: 'publish a proposal',
    done: 'published',
  },
  withdraw: {
    roles: ['author'],
    from: ['draft', 'submitted', 'in-review', 'changes-requested', 'approved'],
    to: 'withdrawn',
    approvals: 'keep',
    isBarredForOwnProposal: false,
    requiresChecklist: false,
    doing: 'withdraw a proposal',
    done: 'withdrawn',
  },
  retire: {
    roles: ['reviewer', 'admin'],
    from: ['published'],
    to: 'retired',
    approvals: 'keep',
    isBarredForOwnProposal: false,
    requiresChecklist: false,
    doing: 'retire a micro-credential',
    done: 'retired',
  },
  comment: {
    roles: ['author', 'reviewer'],
    from: ALL_BUT_CLOSED,
    to: null,
    approvals: 'keep',
    isBarredForOwnProposal: false,
    requiresChecklist: false,
    doing: 'comment on a proposal',
    done: 'commented on',
  },
};

const ROLE_NOUNS: Record<InstitutionRole, string> = {
  author: 'an author',
  reviewer: 'a reviewer',
  registry: 'registry staff',
  admin: 'an admin',
};

/** How a state reads after "is", so messages say "is a draft" rather than "is draft". */
const STATE_PHRASES: Record<ProposalState, string> = {
  draft: 'a draft',
  submitted: 'submitted',
  'in-review': 'in review',
  'changes-requested': 'waiting for changes',
  approved: 'approved',
  published: 'published',
  withdrawn: 'withdrawn',
  retired: 'retired',
};

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function refuse(rule: RefusalRule, message: string): TransitionOutcome {
  return { allowed: false, rule, message };
}

/**
 * Checks run from the most to the least fundamental, so a person is told first what no change to
 * the proposal can fix (their role), then what waiting cannot fix (its state), then who else should
 * act, and only last what they can fix themselves (the checklist).
 */
export function transition(
  proposal: WorkflowProposal,
  action: ProposalAction,
  actor: WorkflowActor,
): TransitionOutcome {
  const rule = TRANSITIONS[action];

  if (!rule.roles.some((role) => actor.roles.includes(role)))
    return refuse(
      'role-required',
      `Only ${listInWords(rule.roles.map((role) => ROLE_NOUNS[role]))} can ${rule.doing}`,
    );

  if (!rule.from.includes(proposal.state))
    return refuse(
      'wrong-state',
      `This proposal is ${STATE_PHRASES[proposal.state]}, so it cannot be ${rule.done}: ` +
        `a proposal can be ${rule.done} only when it is ${listInWords(rule.from.map((state) => STATE_PHRASES[state]))}`,
    );

  if (
    rule.isBarredForOwnProposal &&
    (actor.id === proposal.authorId || proposal.contributorIds.includes(actor.id))
  )
    return refuse('own-proposal', `You cannot ${rule.doing} you wrote or edited: ask another reviewer`);

  if (rule.approvals === 'record' && proposal.approverIds.includes(actor.id))
    return refuse(
      'already-approved',
      'You have already approved this proposal: the second approval must come from another reviewer',
    );

  if (rule.requiresChecklist && !proposal.isChecklistPassed)
    return refuse(
      'checklist-incomplete',
      'The good-practice checklist must pass before submission: fix each item it lists, then submit again',
    );

  switch (rule.approvals) {
    case 'reset':
      return { allowed: true, state: rule.to ?? proposal.state, approverIds: [] };
    case 'record': {
      const approverIds = [...proposal.approverIds, actor.id];
      const isEnough = approverIds.length >= proposal.requiredApprovals;
      return { allowed: true, state: isEnough ? (rule.to ?? proposal.state) : proposal.state, approverIds };
    }
    case 'keep':
      return { allowed: true, state: rule.to ?? proposal.state, approverIds: proposal.approverIds };
  }
}

/** What a page should offer this actor: exactly the actions `transition` would allow. */
export function allowedActions(proposal: WorkflowProposal, actor: WorkflowActor): ProposalAction[] {
  return PROPOSAL_ACTIONS.filter((action) => transition(proposal, action, actor).allowed);
}

/**
 * A small qualification carries no credit, so one approver is enough; a credit-rated
 * micro-credential needs a second when the institution's quality policy says so.
 */
export function routeFor(
  kind: 'micro-credential' | 'small-qualification',
  settings: { requiresSecondApprover: boolean },
): { route: ApprovalRoute; requiredApprovals: 1 | 2 } {
  if (kind === 'small-qualification') return { route: 'streamlined', requiredApprovals: 1 };
  return { route: 'standard', requiredApprovals: settings.requiresSecondApprover ? 2 : 1 };
}

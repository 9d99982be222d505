import { describe, expect, it } from 'vitest';
import {
  ACTION_LABELS,
  PROPOSAL_ACTIONS,
  PROPOSAL_STATES,
  STATE_LABELS,
  allowedActions,
  routeFor,
  transition,
  type ProposalAction,
  type ProposalState,
  type RefusalRule,
  type WorkflowActor,
  type WorkflowProposal,
} from './approvals-workflow.ts';

function aProposal(overrides: Partial<WorkflowProposal> = {}): WorkflowProposal {
  return {
    state: 'draft',
    authorId: 'ann',
    contributorIds: ['ann', 'cal', 'cara'],
    route: 'standard',
    requiredApprovals: 1,
    approverIds: [],
    isChecklistPassed: true,
    ...overrides,
  };
}

const ACTORS = {
  author: { id: 'ann', roles: ['author'] },
  contributor: { id: 'cal', roles: ['author'] },
  otherAuthor: { id: 'oli', roles: ['author'] },
  reviewer: { id: 'rev', roles: ['reviewer'] },
  authorReviewer: { id: 'ann', roles: ['author', 'reviewer'] },
  contributorReviewer: { id: 'cara', roles: ['author', 'reviewer'] },
  registry: { id: 'reg', roles: ['registry'] },
  admin: { id: 'adm', roles: ['admin'] },
  noRoles: { id: 'nia', roles: [] },
} as const satisfies Record<string, WorkflowActor>;
type ActorKind = keyof typeof ACTORS;
const ACTOR_KINDS = Object.keys(ACTORS) as ActorKind[];

/*
 * The expected outcome of every cell, written out by hand from the rules rather than derived from
 * the implementation. Columns follow PROPOSAL_STATES:
 *   draft, submitted, in-review, changes-requested, approved, published, withdrawn, retired
 * Legend: + allowed, R role-required, S wrong-state, O own-proposal.
 */
const EXPECTED: Record<ProposalAction, Record<ActorKind, string>> = {
  edit: {
    author: '+ S S + S S S S',
    contributor: '+ S S + S S S S',
    otherAuthor: '+ S S + S S S S',
    reviewer: 'R R R R R R R R',
    authorReviewer: '+ S S + S S S S',
    contributorReviewer: '+ S S + S S S S',
    registry: 'R R R R R R R R',
    admin: 'R R R R R R R R',
    noRoles: 'R R R R R R R R',
  },
  submit: {
    author: '+ S S + S S S S',
    contributor: '+ S S + S S S S',
    otherAuthor: '+ S S + S S S S',
    reviewer: 'R R R R R R R R',
    authorReviewer: '+ S S + S S S S',
    contributorReviewer: '+ S S + S S S S',
    registry: 'R R R R R R R R',
    admin: 'R R R R R R R R',
    noRoles: 'R R R R R R R R',
  },
  'start-review': {
    author: 'R R R R R R R R',
    contributor: 'R R R R R R R R',
    otherAuthor: 'R R R R R R R R',
    reviewer: 'S + S S S S S S',
    authorReviewer: 'S O S S S S S S',
    contributorReviewer: 'S O S S S S S S',
    registry: 'R R R R R R R R',
    admin: 'R R R R R R R R',
    noRoles: 'R R R R R R R R',
  },
  'request-changes': {
    author: 'R R R R R R R R',
    contributor: 'R R R R R R R R',
    otherAuthor: 'R R R R R R R R',
    reviewer: 'S S + S S S S S',
    authorReviewer: 'S S O S S S S S',
    contributorReviewer: 'S S O S S S S S',
    registry: 'R R R R R R R R',
    admin: 'R R R R R R R R',
    noRoles: 'R R R R R R R R',
  },
  approve: {
    author: 'R R R R R R R R',
    contributor: 'R R R R R R R R',
    otherAuthor: 'R R R R R R R R',
    reviewer: 'S S + S S S S S',
    authorReviewer: 'S S O S S S S S',
    contributorReviewer: 'S S O S S S S S',
    registry: 'R R R R R R R R',
    admin: 'R R R R R R R R',
    noRoles: 'R R R R R R R R',
  },
  publish: {
    author: 'S S S S + S S S',
    contributor: 'S S S S + S S S',
    otherAuthor: 'S S S S + S S S',
    reviewer: 'S S S S + S S S',
    authorReviewer: 'S S S S + S S S',
    contributorReviewer: 'S S S S + S S S',
    registry: 'R R R R R R R R',
    admin: 'S S S S + S S S',
    noRoles: 'R R R R R R R R',
  },
  withdraw: {
    author: '+ + + + + S S S',
    contributor: '+ + + + + S S S',
    otherAuthor: '+ + + + + S S S',
    reviewer: 'R R R R R R R R',
    authorReviewer: '+ + + + + S S S',
    contributorReviewer: '+ + + + + S S S',
    registry: 'R R R R R R R R',
    admin: 'R R R R R R R R',
    noRoles: 'R R R R R R R R',
  },
  retire: {
    author: 'R R R R R R R R',
    contributor: 'R R R R R R R R',
    otherAuthor: 'R R R R R R R R',
    reviewer: 'S S S S S + S S',
    authorReviewer: 'S S S S S + S S',
    contributorReviewer: 'S S S S S + S S',
    registry: 'R R R R R R R R',
    admin: 'S S S S S + S S',
    noRoles: 'R R R R R R R R',
  },
  comment: {
    author: '+ + + + + + S S',
    contributor: '+ + + + + + S S',
    otherAuthor: '+ + + + + + S S',
    reviewer: '+ + + + + + S S',
    authorReviewer: '+ + + + + + S S',
    contributorReviewer: '+ + + + + + S S',
    registry: 'R R R R R R R R',
    admin: 'R R R R R R R R',
    noRoles: 'R R R R R R R R',
  },
};

/** Where an allowed action leaves the proposal (with one approval required); `same` keeps the state. */
const EXPECTED_TARGET: Record<ProposalAction, ProposalState | 'same'> = {
  edit: 'same',
  submit: 'submitted',
  'start-review': 'in-review',
  'request-changes': 'changes-requested',
  approve: 'approved',
  publish: 'published',
  withdraw: 'withdrawn',
  retire: 'retired',
  comment: 'same',
};

const RULE_BY_CODE: Record<string, RefusalRule> = { R: 'role-required', S: 'wrong-state', O: 'own-proposal' };

interface Cell {
  action: ProposalAction;
  actorKind: ActorKind;
  state: ProposalState;
  code: string;
}

const CELLS: Cell[] = PROPOSAL_ACTIONS.flatMap((action) =>
  ACTOR_KINDS.flatMap((actorKind) => {
    const codes = EXPECTED[action][actorKind].split(' ');
    if (codes.length !== PROPOSAL_STATES.length)
      throw new Error(`The expected row for ${action} / ${actorKind} needs one code per state`);
    return PROPOSAL_STATES.map((state, index) => ({ action, actorKind, state, code: codes[index] ?? '?' }));
  }),
);

describe('the approval transition table', () => {
  it('has a cell for every action, state and kind of actor', () => {
    expect(CELLS).toHaveLength(PROPOSAL_ACTIONS.length * PROPOSAL_STATES.length * ACTOR_KINDS.length);
  });

  it.each(CELLS.filter((cell) => cell.code === '+'))(
    'allows $actorKind to $action a proposal that is $state',
    ({ action, actorKind, state }) => {
      const outcome = transition(aProposal({ state }), action, ACTORS[actorKind]);
      const target = EXPECTED_TARGET[action];
      expect(outcome).toMatchObject({ allowed: true, state: target === 'same' ? state : target });
    },
  );

  it.each(CELLS.filter((cell) => cell.code !== '+'))(
    'refuses $actorKind to $action a proposal that is $state ($code)',
    ({ action, actorKind, state, code }) => {
      const outcome = transition(aProposal({ state }), action, ACTORS[actorKind]);
      expect(outcome).toMatchObject({ allowed: false, rule: RULE_BY_CODE[code] });
      if (!outcome.allowed) expect(outcome.message).toMatch(/^[A-Z].*[a-z]$/);
    },
  );

  it.each(PROPOSAL_STATES.flatMap((state) => ACTOR_KINDS.map((actorKind) => ({ state, actorKind }))))(
    'offers $actorKind exactly the actions transition allows when the proposal is $state',
    ({ state, actorKind }) => {
      const proposal = aProposal({ state });
      const actor = ACTORS[actorKind];
      const expected = PROPOSAL_ACTIONS.filter(
        (action) => EXPECTED[action][actorKind].split(' ')[PROPOSAL_STATES.indexOf(state)] === '+',
      );
      expect(allowedActions(proposal, actor)).toEqual(expected);
      expect(allowedActions(proposal, actor)).toEqual(
        PROPOSAL_ACTIONS.filter((action) => transition(proposal, action, actor).allowed),
      );
    },
  );

  it('gives registry staff no workflow action in any state', () => {
    for (const state of PROPOSAL_STATES)
      expect(allowedActions(aProposal({ state }), ACTORS.registry)).toEqual([]);
  });
});

describe('submitting a proposal', () => {
  it('is refused until the checklist passes, saying so', () => {
    const outcome = transition(aProposal({ isChecklistPassed: false }), 'submit', ACTORS.author);
    expect(outcome).toEqual({
      allowed: false,
      rule: 'checklist-incomplete',
      message: expect.stringContaining('checklist must pass before submission'),
    });
    expect(allowedActions(aProposal({ isChecklistPassed: false }), ACTORS.author)).not.toContain('submit');
  });

  it('lets the author keep editing and withdrawing while the checklist fails', () => {
    const proposal = aProposal({ isChecklistPassed: false });
    expect(transition(proposal, 'edit', ACTORS.author)).toMatchObject({ allowed: true, state: 'draft' });
    expect(transition(proposal, 'withdraw', ACTORS.author)).toMatchObject({ allowed: true });
  });

  it('after changes were requested, is the same action and starts a new round of approvals', () => {
    const proposal = aProposal({ state: 'changes-requested', approverIds: ['rev'] });
    expect(transition(proposal, 'submit', ACTORS.author)).toEqual({
      allowed: true,
      state: 'submitted',
      approverIds: [],
    });
  });
});

describe('the order in which rules are checked', () => {
  it('names a missing role before a wrong state', () => {
    const outcome = transition(aProposal({ state: 'published' }), 'approve', ACTORS.author);
    expect(outcome).toMatchObject({ rule: 'role-required' });
  });

  it('names a wrong state before the checklist', () => {
    const proposal = aProposal({ state: 'published', isChecklistPassed: false });
    expect(transition(proposal, 'submit', ACTORS.author)).toMatchObject({ rule: 'wrong-state' });
  });

  it('names a missing role before the checklist', () => {
    const proposal = aProposal({ isChecklistPassed: false });
    expect(transition(proposal, 'submit', ACTORS.reviewer)).toMatchObject({ rule: 'role-required' });
  });

  it('names a wrong state before the own-proposal rule', () => {
    const outcome = transition(aProposal({ state: 'draft' }), 'approve', ACTORS.authorReviewer);
    expect(outcome).toMatchObject({ rule: 'wrong-state' });
  });

  it('names the own-proposal rule before an earlier approval by the same person', () => {
    const proposal = aProposal({ state: 'in-review', requiredApprovals: 2, approverIds: ['cara'] });
    expect(transition(proposal, 'approve', ACTORS.contributorReviewer)).toMatchObject({
      rule: 'own-proposal',
    });
  });
});

describe('approving a proposal', () => {
  it('with one approval required, one reviewer approves it', () => {
    const outcome = transition(aProposal({ state: 'in-review' }), 'approve', ACTORS.reviewer);
    expect(outcome).toEqual({ allowed: true, state: 'approved', approverIds: ['rev'] });
  });

  it('with two approvals required, needs two different reviewers', () => {
    const secondReviewer: WorkflowActor = { id: 'ros', roles: ['reviewer'] };
    const inReview = aProposal({ state: 'in-review', requiredApprovals: 2 });

    const first = transition(inReview, 'approve', ACTORS.reviewer);
    expect(first).toEqual({ allowed: true, state: 'in-review', approverIds: ['rev'] });
    if (!first.allowed) return;
    const afterFirst = { ...inReview, state: first.state, approverIds: first.approverIds };

    expect(transition(afterFirst, 'approve', ACTORS.reviewer)).toEqual({
      allowed: false,
      rule: 'already-approved',
      message: expect.stringContaining('must come from another reviewer'),
    });
    expect(allowedActions(afterFirst, ACTORS.reviewer)).toEqual(['request-changes', 'comment']);

    expect(transition(afterFirst, 'approve', secondReviewer)).toEqual({
      allowed: true,
      state: 'approved',
      approverIds: ['rev', 'ros'],
    });
  });

  it('when the author is also a reviewer, approval is refused and another reviewer is asked for', () => {
    const outcome = transition(aProposal({ state: 'in-review' }), 'approve', ACTORS.authorReviewer);
    expect(outcome).toEqual({
      allowed: false,
      rule: 'own-proposal',
      message: 'You cannot approve a proposal you wrote or edited: ask another reviewer',
    });
  });

  it('refuses a reviewer who edited the proposal, even if someone else created it', () => {
    const outcome = transition(aProposal({ state: 'in-review' }), 'approve', ACTORS.contributorReviewer);
    expect(outcome).toMatchObject({ allowed: false, rule: 'own-proposal' });
  });

  it('refuses the author even when they are not listed as a contributor', () => {
    const proposal = aProposal({ state: 'in-review', contributorIds: [] });
    expect(transition(proposal, 'approve', ACTORS.authorReviewer)).toMatchObject({ rule: 'own-proposal' });
    expect(transition(proposal, 'start-review', ACTORS.authorReviewer)).toMatchObject({
      rule: 'wrong-state',
    });
    expect(
      transition({ ...proposal, state: 'submitted' }, 'start-review', ACTORS.authorReviewer),
    ).toMatchObject({
      rule: 'own-proposal',
    });
  });

  it('requesting changes discards the approvals of the round, so the changed text is approved afresh', () => {
    const proposal = aProposal({ state: 'in-review', requiredApprovals: 2, approverIds: ['rev'] });
    const outcome = transition(proposal, 'request-changes', { id: 'ros', roles: ['reviewer'] });
    expect(outcome).toEqual({ allowed: true, state: 'changes-requested', approverIds: [] });
  });

  it('keeps the approvers when the approved proposal is published', () => {
    const proposal = aProposal({ state: 'approved', approverIds: ['rev', 'ros'] });
    expect(transition(proposal, 'publish', ACTORS.admin)).toEqual({
      allowed: true,
      state: 'published',
      approverIds: ['rev', 'ros'],
    });
  });
});

describe('refusal messages', () => {
  it('say who can act', () => {
    expect(transition(aProposal({ state: 'in-review' }), 'approve', ACTORS.author)).toMatchObject({
      message: 'Only a reviewer can approve a proposal',
    });
    expect(transition(aProposal({ state: 'approved' }), 'publish', ACTORS.registry)).toMatchObject({
      message: 'Only an author, a reviewer or an admin can publish a proposal',
    });
  });

  it('say what state the proposal is in and when the action is possible', () => {
    expect(transition(aProposal({ state: 'published' }), 'submit', ACTORS.author)).toMatchObject({
      message:
        'This proposal is published, so it cannot be submitted: a proposal can be submitted only when it is a draft or waiting for changes',
    });
    expect(transition(aProposal({ state: 'draft' }), 'publish', ACTORS.author)).toMatchObject({
      message: expect.stringContaining('can be published only when it is approved'),
    });
  });
});

describe('the approval route', () => {
  it('is streamlined with one approver for a small qualification, whatever the settings', () => {
    expect(routeFor('small-qualification', { requiresSecondApprover: true })).toEqual({
      route: 'streamlined',
      requiredApprovals: 1,
    });
    expect(routeFor('small-qualification', { requiresSecondApprover: false })).toEqual({
      route: 'streamlined',
      requiredApprovals: 1,
    });
  });

  it('is standard for a micro-credential, with a second approver when the institution asks for one', () => {
    expect(routeFor('micro-credential', { requiresSecondApprover: true })).toEqual({
      route: 'standard',
      requiredApprovals: 2,
    });
    expect(routeFor('micro-credential', { requiresSecondApprover: false })).toEqual({
      route: 'standard',
      requiredApprovals: 1,
    });
  });
});

describe('labels', () => {
  it('name every state and action in plain words', () => {
    expect(PROPOSAL_STATES.map((state) => STATE_LABELS[state])).toEqual([
      'Draft',
      'Submitted',
      'In review',
      'Changes requested',
      'Approved',
      'Published',
      'Withdrawn',
      'Retired',
    ]);
    expect(PROPOSAL_ACTIONS.map((action) => ACTION_LABELS[action])).toEqual([
      'Edit',
      'Submit for approval',
      'Start review',
      'Request changes',
      'Approve',
      'Publish',
      'Withdraw',
      'Retire',
      'Comment',
    ]);
  });
});

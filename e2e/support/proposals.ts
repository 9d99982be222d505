import { actorAt, type Actor } from '../../src/modules/accounts/index.ts';
import type { ProposalAction } from '../../src/modules/approvals/approvals-workflow.ts';
import type { AuthoringStep } from '../../src/modules/approvals/checklist-model.ts';
import type { Institution } from '../../src/modules/catalogue/catalogue-repository.ts';
import { goodStepValues } from '../../test/support/proposal-fields.ts';
import type { HubServer } from './hub-server.ts';
import type { Person } from './people.ts';

/*
 * Proposals made through the hub's own approval service, for pages that need one in a given
 * state (in review, published) without walking the whole story in the browser again: the
 * approval story (approval-story.test.ts) walks it.
 */

const ALL_STEPS: AuthoringStep[] = ['about', 'outcomes', 'size', 'assessment', 'quality', 'partners'];

/** The demo catalogue's subjects differ from the integration tests': use one it has. */
const DEMO_SUBJECT_SLUG = 'computing-and-digital';

async function actorOf(hub: HubServer, person: Person, institution: Institution): Promise<Actor> {
  const principal = await hub.services.accounts.principalForUser({
    id: person.userId,
    name: person.name,
    email: person.email,
  });
  return actorAt(principal, institution.id);
}

export interface MadeProposal {
  id: string;
  title: string;
  /** /workspace/<institution>/proposals/<id> */
  path: string;
}

/** A draft with the given steps filled in as a careful author would (all six unless told). */
export async function draftProposal(
  hub: HubServer,
  options: { institution: Institution; author: Person; title: string; steps?: AuthoringStep[] },
): Promise<MadeProposal> {
  const { institution, title } = options;
  const actor = await actorOf(hub, options.author, institution);
  const proposal = await hub.services.approvals.start(institution, actor);
  const values = goodStepValues(title);
  values.about['subjectSlug'] = DEMO_SUBJECT_SLUG;
  for (const step of options.steps ?? ALL_STEPS)
    await hub.services.approvals.saveStep(institution, proposal.id, actor, step, values[step]);
  return { id: proposal.id, title, path: `/workspace/${institution.slug}/proposals/${proposal.id}` };
}

/** One person presses one decision button on a proposal. */
export async function decide(
  hub: HubServer,
  options: {
    institution: Institution;
    proposal: MadeProposal;
    by: Person;
    action: Exclude<ProposalAction, 'edit' | 'comment'>;
    comment?: string;
  },
): Promise<void> {
  const actor = await actorOf(hub, options.by, options.institution);
  await hub.services.approvals.act(
    options.institution,
    options.proposal.id,
    actor,
    options.action,
    options.comment,
  );
}

/** A complete proposal, submitted and taken into review by a reviewer. */
export async function proposalInReview(
  hub: HubServer,
  options: { institution: Institution; author: Person; reviewer: Person; title: string },
): Promise<MadeProposal> {
  const proposal = await draftProposal(hub, options);
  const { institution } = options;
  await decide(hub, { institution, proposal, by: options.author, action: 'submit' });
  await decide(hub, { institution, proposal, by: options.reviewer, action: 'start-review' });
  return proposal;
}

/** A micro-credential approved and published, in the catalogue under the returned slug. */
export async function publishedMicroCredential(
  hub: HubServer,
  options: { institution: Institution; author: Person; reviewer: Person; title: string },
): Promise<MadeProposal & { slug: string }> {
  const proposal = await proposalInReview(hub, options);
  const { institution } = options;
  await decide(hub, { institution, proposal, by: options.reviewer, action: 'approve' });
  await decide(hub, { institution, proposal, by: options.author, action: 'publish' });
  const published = await hub.services.catalogue.listPublishedOf(institution.id);
  const found = published.find((item) => item.title === options.title);
  if (!found) throw new Error(`${options.title} was not published`);
  return { ...proposal, slug: found.slug };
}

/** A complete proposal, submitted and waiting for a reviewer. */
export async function submittedProposal(
  hub: HubServer,
  options: { institution: Institution; author: Person; title: string },
): Promise<MadeProposal> {
  const proposal = await draftProposal(hub, options);
  await decide(hub, { institution: options.institution, proposal, by: options.author, action: 'submit' });
  return proposal;
}

/**
 * A change to a published micro-credential's description, submitted and taken into review: the
 * reviewer's page shows a redline against the published version.
 */
export async function changeInReview(
  hub: HubServer,
  options: {
    institution: Institution;
    author: Person;
    reviewer: Person;
    published: MadeProposal & { slug: string };
    description: string;
  },
): Promise<MadeProposal> {
  const { institution } = options;
  const actor = await actorOf(hub, options.author, institution);
  const started = await hub.services.approvals.start(institution, actor, {
    microCredentialSlug: options.published.slug,
  });
  // Saving a step keeps only that step's fields: the rest of the draft is the published version's.
  await hub.services.approvals.saveStep(institution, started.id, actor, 'about', {
    ...started.draft,
    description: options.description,
  });
  const proposal = {
    id: started.id,
    title: options.published.title,
    path: `/workspace/${institution.slug}/proposals/${started.id}`,
  };
  await decide(hub, { institution, proposal, by: options.author, action: 'submit' });
  await decide(hub, { institution, proposal, by: options.reviewer, action: 'start-review' });
  return proposal;
}

import type { VNode } from 'preact';
import { Tag } from '../../../platform/views/components.tsx';
import type { AuditEvent } from '../../audit/index.ts';
import { STATE_LABELS, type ProposalState } from '../approvals-workflow.ts';
import type { Checklist } from '../checklist-model.ts';
import type { Comment } from '../approvals-repository.ts';

const when = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/London',
});

const STATE_COLOURS: Record<ProposalState, 'grey' | 'blue' | 'yellow' | 'orange' | 'green' | 'red' | 'teal'> =
  {
    draft: 'grey',
    submitted: 'blue',
    'in-review': 'teal',
    'changes-requested': 'orange',
    approved: 'green',
    published: 'green',
    withdrawn: 'red',
    retired: 'grey',
  };

export function StateTag({ state }: { state: ProposalState }): VNode {
  return <Tag colour={STATE_COLOURS[state]}>{STATE_LABELS[state]}</Tag>;
}

export function ChecklistPanel({
  checklist,
  stepHref,
}: {
  checklist: Checklist;
  stepHref?: (step: string) => string;
}): VNode {
  const met = checklist.items.filter((item) => item.isMet).length;
  return (
    <section aria-labelledby="checklist-title" data-testid="checklist">
      <h2 id="checklist-title">Good-practice checklist</h2>
      <p>
        {met} of {checklist.items.length} met
        {checklist.isPassed
          ? ': ready to submit.'
          : '. Every item must be met before the proposal can be submitted.'}
      </p>
      <ul class="hub_checklist">
        {checklist.items.map((item) => (
          <li
            key={item.id}
            class={`hub_checklist__item hub_checklist__item--${item.isMet ? 'met' : 'missing'}`}
          >
            <strong>
              <span class="visually-hidden">{item.isMet ? 'Met: ' : 'Not yet met: '}</span>
              {item.label}
            </strong>{' '}
            (<a href={`/glossary/${item.glossarySlug}`}>what this means</a>)
            {!item.isMet && (
              <ul>
                {item.missing.map((missing, index) => (
                  <li key={index}>{missing}</li>
                ))}
                {stepHref && (
                  <li>
                    <a href={stepHref(item.step)}>
                      Fix this<span class="visually-hidden">: {item.label}</span>
                    </a>
                  </li>
                )}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function CommentThread({ comments }: { comments: Comment[] }): VNode {
  if (comments.length === 0) return <p>No comments yet.</p>;
  return (
    <ol class="ds_no-bullets" data-testid="comments">
      {comments.map((comment) => (
        <li key={comment.id} class="hub_comment">
          <p class="ds_hint-text">
            {comment.authorName}, {when.format(comment.createdAt)}
            {comment.visibility === 'reviewers' && (
              <>
                {' '}
                · <Tag colour="purple">Reviewers only</Tag>
              </>
            )}
          </p>
          <p class="hub_comment__body">{comment.body}</p>
        </li>
      ))}
    </ol>
  );
}

const ACTION_WORDS: Record<string, string> = {
  'proposal.created': 'started the proposal',
  'proposal.edited': 'edited the draft',
  'proposal.submit': 'submitted it for approval',
  'proposal.start-review': 'started the review',
  'proposal.request-changes': 'requested changes',
  'proposal.approve': 'approved it',
  'proposal.publish': 'published it',
  'proposal.withdraw': 'withdrew it',
  'proposal.retire': 'retired it',
  'proposal.commented': 'commented',
};

export function History({ events }: { events: AuditEvent[] }): VNode {
  return (
    <ol class="hub_history" data-testid="history">
      {events.map((event) => (
        <li key={`${event.chainId}-${event.sequence}`}>
          <span class="ds_hint-text">{when.format(new Date(event.occurredAt))}</span> {event.actorName}{' '}
          {ACTION_WORDS[event.action] ?? event.action}
        </li>
      ))}
    </ol>
  );
}

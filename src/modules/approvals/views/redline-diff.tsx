/**
 * A proposal's changes as a redline: inserted text underlined, removed text struck through. The
 * marks are real <ins> and <del> elements with spoken labels, because most screen readers do not
 * announce those elements and colour alone tells some readers nothing.
 */
import { Fragment, type ComponentChildren, type VNode } from 'preact';
import { SummaryList } from '../../../platform/views/components.tsx';
import type { DiffPart, FieldDiff } from '../proposal-diff-model.ts';

export interface RedlineDiffProps {
  diffs: readonly FieldDiff[];
  /** What the proposal is compared with, e.g. 'the published version 2'. */
  comparedWith: string;
}

export function RedlineDiff({ diffs, comparedWith }: RedlineDiffProps): VNode {
  if (diffs.length === 0) return <p class="hub-redline">No changes from {comparedWith}.</p>;
  return (
    <div class="hub-redline">
      <p>Compared with {comparedWith}. Added text is underlined and removed text is struck through.</p>
      <SummaryList
        items={diffs.map((diff) => ({ key: diff.label, value: <RedlineText parts={diff.parts} /> }))}
      />
    </div>
  );
}

function RedlineText({ parts }: { parts: readonly DiffPart[] }): VNode {
  return (
    <>
      {parts.map((part, index) => {
        const text = withLineBreaks(part.text);
        if (part.kind === 'same') return <Fragment key={index}>{text}</Fragment>;
        // The spoken label starts with a space so it never runs into the word before it.
        return part.kind === 'added' ? (
          <ins class="hub-redline__ins" key={index}>
            <span class="visually-hidden"> added: </span>
            {text}
          </ins>
        ) : (
          <del class="hub-redline__del" key={index}>
            <span class="visually-hidden"> removed: </span>
            {text}
          </del>
        );
      })}
    </>
  );
}

/** Learning outcomes, partners and paragraphs come as lines; keep them on lines of their own. */
function withLineBreaks(text: string): ComponentChildren {
  const lines = text.split('\n');
  return lines.flatMap((line, index) => (index === 0 ? [line] : [<br key={index} />, line]));
}

import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { FieldDiff } from '../proposal-diff-model.ts';
import { RedlineDiff } from './redline-diff.tsx';

const summary: FieldDiff = {
  field: 'summary',
  label: 'Summary',
  change: 'changed',
  parts: [
    { kind: 'same', text: 'Learn to ' },
    { kind: 'removed', text: 'plan' },
    { kind: 'added', text: 'lead' },
    { kind: 'same', text: ' care & support' },
  ],
};

const outcomes: FieldDiff = {
  field: 'learningOutcomes',
  label: 'Learning outcomes',
  change: 'added',
  parts: [{ kind: 'added', text: '1. Plan a rota\n2. Brief a <team>' }],
};

/** What a screen reader reads: the text with tags removed, hidden labels included. */
function spoken(html: string): string {
  return html
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

describe('RedlineDiff', () => {
  it('when nothing changed, it says so, naming what was compared', () => {
    const html = render(<RedlineDiff diffs={[]} comparedWith="the published version 2" />);
    expect(html).toContain('No changes from the published version 2.');
    expect(html).not.toContain('<ins');
    expect(html).not.toContain('<del');
  });

  it('when fields changed, each is a summary list row labelled with the field', () => {
    const html = render(<RedlineDiff diffs={[summary, outcomes]} comparedWith="the published version 2" />);
    expect(html).toContain('Compared with the published version 2.');
    expect(html.match(/class="ds_summary-list__item"/g)).toHaveLength(2);
    expect(html).toContain('<div class="ds_summary-list__key">Summary</div>');
    expect(html).toContain('<div class="ds_summary-list__key">Learning outcomes</div>');
  });

  it('marks removed and added words with del and ins and labels them for screen readers', () => {
    const html = render(<RedlineDiff diffs={[summary]} comparedWith="the published version 2" />);
    expect(html).toContain(
      '<del class="hub-redline__del"><span class="visually-hidden"> removed: </span>plan</del>',
    );
    expect(html).toContain(
      '<ins class="hub-redline__ins"><span class="visually-hidden"> added: </span>lead</ins>',
    );
    expect(spoken(html)).toContain('Learn to  removed: plan added: lead care & support');
  });

  it('keeps lines on lines of their own and escapes the text', () => {
    const html = render(
      <RedlineDiff diffs={[outcomes]} comparedWith="nothing: this is a new micro-credential" />,
    );
    expect(html).toContain('Compared with nothing: this is a new micro-credential.');
    expect(html).toContain(
      '<ins class="hub-redline__ins"><span class="visually-hidden"> added: </span>1. Plan a rota<br/>2. Brief a &lt;team></ins>',
    );
  });
});

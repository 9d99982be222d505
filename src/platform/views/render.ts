import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

/** Renders a whole page; preact escapes every text node and attribute value. */
export function renderPage(node: VNode): string {
  return `<!DOCTYPE html>${render(node)}`;
}

import type { Page } from 'playwright-core';

/*
 * The callback below runs inside the browser. The project type-checks against Node's library
 * only (no DOM), so it names just the few DOM members it reads; these declarations stay in
 * this module and never reach server code.
 */
interface BrowserElement {
  tagName: string;
  id: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  matches(selector: string): boolean;
  getBoundingClientRect(): {
    top: number;
    bottom: number;
    left: number;
    right: number;
    width: number;
    height: number;
  };
  checked?: boolean;
}
declare const document: { activeElement: BrowserElement | null; body: BrowserElement };
declare const window: { innerWidth: number; innerHeight: number; scrollX: number; scrollY: number };
declare function requestAnimationFrame(callback: () => void): number;

/** What a keyboard user has focused, as far as a test needs to tell elements apart. */
export interface FocusedElement {
  /** Lower-case tag name: 'a', 'input', 'main', 'body'... */
  tag: string;
  id: string;
  name: string | null;
  type: string | null;
  value: string | null;
  href: string | null;
  /** Text content with runs of white space collapsed. */
  text: string;
  checked: boolean | undefined;
  /** The browser would draw a focus indicator (:focus-visible). */
  isFocusVisible: boolean;
  /** Some of the element is inside the window, so the indicator can be seen. */
  isOnScreen: boolean;
}

/**
 * The design system scrolls smoothly, so an element focused below the fold reaches the window a
 * few frames later: wait until the page has stopped moving (at most about a second).
 */
function waitForScrollToSettle(page: Page): Promise<void> {
  return page.evaluate(async () => {
    const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    let still = 0;
    for (let frame = 0; frame < 60 && still < 3; frame += 1) {
      const [x, y] = [window.scrollX, window.scrollY];
      await nextFrame();
      still = window.scrollX === x && window.scrollY === y ? still + 1 : 0;
    }
  });
}

/** Describes document.activeElement, once any scrolling towards it has finished. */
export async function focusedElement(page: Page): Promise<FocusedElement> {
  await waitForScrollToSettle(page);
  return page.evaluate(() => {
    const element = document.activeElement ?? document.body;
    const box = element.getBoundingClientRect();
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      name: element.getAttribute('name'),
      type: element.getAttribute('type'),
      value: element.getAttribute('value'),
      href: element.getAttribute('href'),
      text: (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
      checked: element.checked,
      isFocusVisible: element.matches(':focus-visible'),
      isOnScreen:
        box.width > 0 &&
        box.height > 0 &&
        box.bottom > 0 &&
        box.right > 0 &&
        box.top < window.innerHeight &&
        box.left < window.innerWidth,
    };
  });
}

/** Presses Tab once and says what has focus afterwards. */
export async function tab(page: Page): Promise<FocusedElement> {
  await page.keyboard.press('Tab');
  return focusedElement(page);
}

/**
 * Presses Tab until `isTarget` holds, at most `limit` times, and returns every element focused
 * on the way (the last one is the target). Fails if the target is never reached.
 */
export async function tabUntil(
  page: Page,
  isTarget: (element: FocusedElement) => boolean,
  limit = 150,
): Promise<FocusedElement[]> {
  const visited: FocusedElement[] = [];
  for (let presses = 0; presses < limit; presses += 1) {
    const element = await tab(page);
    visited.push(element);
    if (isTarget(element)) return visited;
  }
  const path = visited.map(
    (element) => `${element.tag}${element.id ? `#${element.id}` : ''} "${element.text.slice(0, 30)}"`,
  );
  throw new Error(`Pressed Tab ${limit} times without reaching the element. Focus went: ${path.join(' → ')}`);
}

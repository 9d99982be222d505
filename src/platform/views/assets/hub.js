/*
 * Micro-credentials Hub: progressive enhancement only. Every page works without this file.
 *
 * Loaded as a module after /assets/ds/scripts/design-system.js (module scripts run in
 * document order). That script is an ES module that sets window.DS but initialises
 * nothing, so this file calls DS.initAll().
 */

const REFOCUS_KEY = 'hub:refocus';
const wideScreen = window.matchMedia('(min-width: 48rem)');

// Design system styles that depend on JavaScript (e.g. small-screen tables) key off this class.
document.body.classList.add('js-enabled');

if (window.DS && typeof window.DS.initAll === 'function') {
  window.DS.initAll();
  // The design system swaps the no-JavaScript menu checkbox for a button; take the checkbox out of the tab order.
  for (const toggle of document.querySelectorAll('.ds_site-navigation__toggle')) {
    toggle.setAttribute('tabindex', '-1');
    toggle.setAttribute('aria-hidden', 'true');
  }
}

/** A control's form may be given by its form attribute, so look at control.form, not the DOM ancestor. */
function autoSubmitForm(control) {
  const form = control.form;
  return form && form.hasAttribute('data-auto-submit') ? form : null;
}

function isShown(element) {
  return element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
}

/** The "Apply filters" and "Apply sort" buttons of a form, wherever they sit. */
function applyButtons(form) {
  return Array.from(form.elements).filter(
    (element) => element.classList.contains('js-apply-filter') || element.classList.contains('js-apply-sort'),
  );
}

// Tell the design system's CSS that filters submit themselves: it hides the apply buttons
// on wide screens. On small screens the filters sit in a collapsed panel, so people tick
// several and press the button; the button stays there.
for (const form of document.querySelectorAll('form[data-auto-submit]')) {
  for (const button of applyButtons(form)) {
    const container = button.closest('.ds_search-filters, .ds_search-results');
    if (container) container.classList.add('js-initialised');
  }
}

document.addEventListener('change', (event) => {
  const control = event.target;
  if (!(control instanceof HTMLInputElement || control instanceof HTMLSelectElement)) return;
  if (control instanceof HTMLInputElement && !['checkbox', 'radio'].includes(control.type)) return;
  const form = autoSubmitForm(control);
  if (!form) return;
  // While an apply button is visible, the person applies their choices themselves.
  if (applyButtons(form).some(isShown)) return;
  try {
    if (control.id) sessionStorage.setItem(REFOCUS_KEY, control.id);
  } catch {
    // Storage can be switched off; focus then starts at the top of the new page.
  }
  if (typeof form.requestSubmit === 'function') form.requestSubmit();
  else form.submit();
});

// After a filter reloads the page, put keyboard focus back on the control that changed.
function restoreFocus() {
  let id = null;
  try {
    id = sessionStorage.getItem(REFOCUS_KEY);
    sessionStorage.removeItem(REFOCUS_KEY);
  } catch {
    return false;
  }
  const control = id ? document.getElementById(id) : null;
  if (!control) return false;
  control.focus();
  return true;
}

if (!restoreFocus()) {
  // Move focus to the error summary so screen readers announce the problems first.
  const summary = document.querySelector('.ds_error-summary');
  if (summary instanceof HTMLElement) summary.focus();
}

// Browsers without ::details-content keep a closed <details> hidden even where the
// design system shows the filter panel open (wide screens): open it there.
function openFiltersOnWideScreens() {
  if (!wideScreen.matches) return;
  for (const details of document.querySelectorAll('.ds_search-filters details')) details.open = true;
}
openFiltersOnWideScreens();
wideScreen.addEventListener('change', openFiltersOnWideScreens);

import type { HeaderAccount } from '../http/request-context.ts';
import type { ComponentChildren, VNode } from 'preact';
import { classNames, Icon } from './components.tsx';

export const SITE_NAME = 'Micro-credentials Hub';

export interface NavigationLink {
  href: string;
  label: string;
}

export interface Breadcrumb {
  /** Leave out for the current page. */
  href?: string;
  label: string;
}

/** Grid templates of the design system's `ds_layout` (which areas exist and where they sit). */
export type LayoutVariant =
  'article' | 'guide' | 'category-list' | 'question-page' | 'search-results--filters';

export const DEFAULT_FOOTER_LINKS: readonly NavigationLink[] = [
  { href: '/about', label: 'About' },
  { href: '/glossary', label: 'Glossary' },
  { href: '/api/docs', label: 'API documentation' },
  { href: '/accessibility', label: 'Accessibility' },
];

export interface LayoutProps {
  /** Page title; the document title adds the site name. */
  title: string;
  children: ComponentChildren;
  /** Absolute base URL of the hub; adds a canonical link when given. */
  publicUrl?: string;
  /** Path (and query) of this request; marks the current navigation item. */
  currentPath: string;
  breadcrumbs?: Breadcrumb[];
  /** Extra head content, e.g. a JSON-LD script. */
  head?: VNode;
  description?: string;
  isDemo?: boolean;
  navigation: NavigationLink[];
  /** Grid of the main element; its direct children should be LayoutArea regions. Defaults to 'article'. */
  layout?: LayoutVariant;
  footerLinks?: readonly NavigationLink[];
  /** Who is signed in; undefined shows a sign-in link. */
  account?: HeaderAccount | undefined;
}

function pathOf(url: string): string {
  const path = url.split(/[?#]/)[0] ?? '/';
  return path.length > 1 ? path.replace(/\/+$/, '') : '/';
}

/** Exact match is the current page; a parent section is marked current too, but not as the page. */
function navigationState(href: string, currentPath: string): 'page' | 'section' | undefined {
  const target = pathOf(href);
  const current = pathOf(currentPath);
  if (target === current) return 'page';
  if (target !== '/' && current.startsWith(`${target}/`)) return 'section';
  return undefined;
}

function NavigationList({
  navigation,
  currentPath,
}: {
  navigation: NavigationLink[];
  currentPath: string;
}): VNode {
  return (
    <ul class="ds_site-navigation__list">
      {navigation.map((item) => {
        const state = navigationState(item.href, currentPath);
        return (
          <li class="ds_site-navigation__item" key={item.href}>
            <a
              href={item.href}
              class={classNames('ds_site-navigation__link', state !== undefined && 'ds_current')}
              aria-current={state === 'page' ? 'page' : state === 'section' ? 'true' : undefined}
            >
              {item.label}
            </a>
          </li>
        );
      })}
    </ul>
  );
}

function Brand(): VNode {
  return (
    <div class="ds_site-branding">
      <a class="ds_site-branding__logo ds_site-branding__link hub_brand" href="/">
        <svg class="hub_brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
          <rect width="32" height="32" rx="4" fill="#0065bd" />
          <path d="M8 23V9h3l5 7 5-7h3v14h-3v-9l-5 7-5-7v9z" fill="#fff" />
        </svg>
        <span class="hub_brand__name">{SITE_NAME}</span>
      </a>
    </div>
  );
}

function PhaseBanner({ isDemo }: { isDemo: boolean }): VNode {
  return (
    <div class="ds_phase-banner">
      <div class="ds_wrapper">
        <p class="ds_phase-banner__content">
          <strong class="ds_tag ds_phase-banner__tag">{isDemo ? 'Demo' : 'Beta'}</strong>
          <span class="ds_phase-banner__text">
            {isDemo
              ? 'This hub shows demonstration data: courses, dates and prices are examples, not real offers.'
              : 'This is a new service: we are still improving it.'}
          </span>
        </p>
      </div>
    </div>
  );
}

/** Sign in, or who is signed in with their account, workspace and sign-out: on every page. */
function AccountBar({
  account,
  currentPath,
}: {
  account: HeaderAccount | undefined;
  currentPath: string;
}): VNode {
  return (
    <div class="hub_account-bar">
      <div class="ds_wrapper hub_account-bar__content">
        {account ? (
          <>
            <span class="hub_account-bar__name">
              Signed in as <strong>{account.name}</strong>
            </span>
            <a href="/account">Your account</a>
            {account.hasWorkspace && <a href="/workspace">Workspace</a>}
            <form method="post" action="/sign-out" class="hub_account-bar__sign-out">
              <input type="hidden" name="_csrf" value={account.csrfToken} />
              <button type="submit" class="hub_link-button">
                Sign out
              </button>
            </form>
          </>
        ) : (
          <a
            href={
              currentPath.startsWith('/sign-in')
                ? '/sign-in'
                : `/sign-in?next=${encodeURIComponent(currentPath)}`
            }
          >
            Sign in
          </a>
        )}
      </div>
    </div>
  );
}

function SiteHeader({
  navigation,
  currentPath,
  isDemo,
  account,
}: {
  navigation: NavigationLink[];
  currentPath: string;
  isDemo: boolean;
  account: HeaderAccount | undefined;
}): VNode {
  const hasNavigation = navigation.length > 0;
  return (
    <header class="ds_site-header" role="banner">
      <AccountBar account={account} currentPath={currentPath} />
      <div class="ds_wrapper">
        <div class="ds_site-header__content">
          <Brand />
          {hasNavigation && (
            <>
              <div class="ds_site-header__controls">
                <label
                  id="menu-label"
                  aria-controls="mobile-navigation"
                  class="ds_site-header__control js-toggle-menu"
                  for="menu"
                >
                  <span class="ds_site-header__control-text">Menu</span>
                  <Icon name="menu" class="ds_site-header__control-icon" />
                  <Icon
                    name="close"
                    class="ds_site-header__control-icon ds_site-header__control-icon--active-icon"
                  />
                </label>
              </div>
              {/* Without JavaScript this checkbox opens the small-screen menu (hub.css keeps it keyboard-reachable). */}
              <input
                class="ds_site-navigation__toggle"
                id="menu"
                type="checkbox"
                aria-labelledby="menu-label"
                aria-controls="mobile-navigation"
              />
              <nav
                id="mobile-navigation"
                class="ds_site-navigation ds_site-navigation--mobile"
                data-module="ds-mobile-navigation-menu"
                aria-label="Menu"
              >
                <NavigationList navigation={navigation} currentPath={currentPath} />
              </nav>
            </>
          )}
        </div>
      </div>
      {hasNavigation && (
        <div class="ds_site-header__navigation">
          <div class="ds_wrapper">
            <nav class="ds_site-navigation" aria-label="Main">
              <NavigationList navigation={navigation} currentPath={currentPath} />
            </nav>
          </div>
        </div>
      )}
      <PhaseBanner isDemo={isDemo} />
    </header>
  );
}

export function Breadcrumbs({ items }: { items: Breadcrumb[] }): VNode {
  return (
    <nav aria-label="Breadcrumb">
      <ol class="ds_breadcrumbs">
        {items.map((item, index) => (
          <li class="ds_breadcrumbs__item" key={index}>
            {item.href !== undefined ? (
              <a class="ds_breadcrumbs__link" href={item.href}>
                {item.label}
              </a>
            ) : (
              <span aria-current="page">{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

function SiteFooter({ links }: { links: readonly NavigationLink[] }): VNode {
  return (
    <footer class="ds_site-footer">
      <div class="ds_wrapper">
        <div class="ds_site-footer__content">
          <h2 class="visually-hidden">Support links</h2>
          <ul class="ds_site-footer__site-items">
            {links.map((link) => (
              <li class="ds_site-items__item" key={link.href}>
                <a href={link.href}>{link.label}</a>
              </li>
            ))}
          </ul>
          <div class="ds_site-footer__copyright">
            <p>
              {SITE_NAME}: find, compare and verify short courses from Scotland's colleges and universities.
            </p>
          </div>
        </div>
      </div>
    </footer>
  );
}

export type LayoutAreaName =
  'header' | 'content' | 'sidebar' | 'list' | 'footer' | 'navigation' | 'partner' | 'feedback' | 'grid';

/** One region of the main layout grid (ds_layout__header, ds_layout__content, ...). */
export function LayoutArea({
  area,
  children,
  id,
}: {
  area: LayoutAreaName;
  children: ComponentChildren;
  id?: string;
}): VNode {
  return (
    <div class={`ds_layout__${area}`} id={id}>
      {children}
    </div>
  );
}

function canonicalUrl(publicUrl: string, currentPath: string): string {
  return new URL(pathOf(currentPath), publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`).href;
}

export function Layout({
  title,
  children,
  publicUrl,
  currentPath,
  breadcrumbs,
  head,
  description,
  isDemo = false,
  navigation,
  layout = 'article',
  footerLinks = DEFAULT_FOOTER_LINKS,
  account,
}: LayoutProps): VNode {
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} - ${SITE_NAME}`}</title>
        {description !== undefined && <meta name="description" content={description} />}
        {publicUrl !== undefined && <link rel="canonical" href={canonicalUrl(publicUrl, currentPath)} />}
        <meta name="theme-color" content="#0065bd" />
        {/* An empty icon stops browsers asking for /favicon.ico. */}
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/assets/ds/css/design-system.min.css" />
        <link rel="stylesheet" href="/assets/hub.css" />
        {/* The design system's dist script is an ES module: it sets window.DS but initialises nothing; hub.js calls DS.initAll(). */}
        <script type="module" src="/assets/ds/scripts/design-system.js"></script>
        <script type="module" src="/assets/hub.js"></script>
        {head}
      </head>
      <body>
        <div class="ds_page">
          <div class="ds_page__top">
            <div class="ds_skip-links">
              <ul class="ds_skip-links__list">
                <li class="ds_skip-links__item">
                  <a class="ds_skip-links__link" href="#main-content">
                    Skip to main content
                  </a>
                </li>
              </ul>
            </div>
            <SiteHeader navigation={navigation} currentPath={currentPath} isDemo={isDemo} account={account} />
          </div>
          <div class="ds_page__middle">
            <div class="ds_wrapper">
              {breadcrumbs && breadcrumbs.length > 0 && <Breadcrumbs items={breadcrumbs} />}
              <main id="main-content" class={`ds_layout ds_layout--${layout}`}>
                {children}
              </main>
            </div>
          </div>
          <div class="ds_page__bottom">
            <SiteFooter links={footerLinks} />
          </div>
        </div>
      </body>
    </html>
  );
}

import type { ComponentChildren, VNode } from 'preact';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Layout, LayoutArea, type Breadcrumb, type LayoutProps } from '../../platform/views/layout.tsx';
import { PageHeader } from '../../platform/views/components.tsx';
import { currentHeaderAccount } from '../../platform/http/request-context.ts';
import { renderPage } from '../../platform/views/render.ts';
import { createErrorPageRenderer } from '../../platform/views/error-page.tsx';

/** The hub's main sections, in the order a learner meets them. */
export const NAVIGATION = [
  { href: '/micro-credentials', label: 'Find a course' },
  { href: '/institutions', label: 'Institutions' },
  { href: '/glossary', label: 'Glossary' },
  { href: '/verify', label: 'Verify a credential' },
  { href: '/about', label: 'About the hub' },
];

export interface HubPageProps extends Omit<LayoutProps, 'navigation'> {
  isDemo: boolean;
}

export function renderHubPage(props: HubPageProps): string {
  return renderPage(<Layout {...props} navigation={NAVIGATION} account={currentHeaderAccount()} />);
}

export function hubErrorPageRenderer(options: { isDemo: boolean; publicUrl: string }) {
  return createErrorPageRenderer({
    navigation: NAVIGATION,
    isDemo: options.isDemo,
    publicUrl: options.publicUrl,
  });
}

/**
 * A word linked to its glossary entry, so a learner can find out what it means wherever it is
 * used. The dotted underline tells it apart from links that go elsewhere.
 */
export function Term({ slug, children }: { slug: string; children: ComponentChildren }): VNode {
  return (
    <a href={`/glossary/${slug}`} class="hub_term">
      {children}
    </a>
  );
}

/** Sends a hub page; forms re-rendered with their errors go out as 400 with what was typed. */
export function sendHubPage(reply: FastifyReply, props: HubPageProps, status = 200): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send(renderHubPage(props));
}

export interface TitledPageOptions {
  title: string;
  /** Shown above the title, e.g. the institution a workspace page belongs to. */
  label?: string | undefined;
  breadcrumbs?: Breadcrumb[];
  children: ComponentChildren;
  sidebar?: ComponentChildren;
  status?: number | undefined;
}

/** The usual page of a task: a header with the title, the content, and an optional sidebar. */
export function sendTitledPage(
  request: FastifyRequest,
  reply: FastifyReply,
  site: { isDemo: boolean; publicUrl: string },
  options: TitledPageOptions,
): FastifyReply {
  return sendHubPage(
    reply,
    {
      title: options.title,
      currentPath: request.url,
      isDemo: site.isDemo,
      publicUrl: site.publicUrl,
      ...(options.breadcrumbs ? { breadcrumbs: options.breadcrumbs } : {}),
      children: (
        <>
          <LayoutArea area="header">
            <PageHeader title={options.title} label={options.label} />
          </LayoutArea>
          <LayoutArea area="content">{options.children}</LayoutArea>
          {options.sidebar !== undefined && <LayoutArea area="sidebar">{options.sidebar}</LayoutArea>}
        </>
      ),
    },
    options.status,
  );
}

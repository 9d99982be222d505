import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { ErrorPageRenderer } from '../http/error-handler.ts';
import { Details, PageHeader } from './components.tsx';
import { Layout, LayoutArea, type NavigationLink } from './layout.tsx';
import { renderPage } from './render.ts';

export interface ErrorPageProps {
  status: number;
  /** What went wrong, in plain words (from the error handler). */
  detail?: string | undefined;
  /** Only in development. */
  stack?: string | undefined;
  /** Quote this when reporting a server error. */
  reference?: string | undefined;
  currentPath: string;
  navigation?: NavigationLink[];
  isDemo?: boolean;
  publicUrl?: string;
}

interface ErrorCopy {
  title: string;
  explanation: string;
}

function copyFor(status: number): ErrorCopy {
  if (status === 404) {
    return {
      title: 'Page not found',
      explanation:
        'If you typed the web address, check it is correct. If you pasted it, check you copied the whole address.',
    };
  }
  if (status === 403) {
    return {
      title: 'You cannot see this page',
      explanation: 'Your account does not give you access to this page.',
    };
  }
  if (status === 401) {
    return {
      title: 'Sign in to see this page',
      explanation: 'This page is only for people who are signed in.',
    };
  }
  if (status >= 400 && status < 500) {
    return {
      title: 'There is a problem with this request',
      explanation:
        'The hub could not understand part of the web address or form. Check what you entered and try again.',
    };
  }
  return {
    title: 'Sorry, there is a problem with the service',
    explanation: 'Anything you entered but did not save has not been kept.',
  };
}

/**
 * A missing page's detail already says what to do, so it replaces the explanation;
 * a server error's detail says when to try again, before the explanation; other
 * details say what was wrong with the request, after it.
 */
function paragraphs(status: number, explanation: string, detail: string | undefined): string[] {
  if (status === 404 || status === 403) return [detail || explanation];
  if (status >= 500) return [detail || 'Try again later.', explanation];
  return detail ? [explanation, detail] : [explanation];
}

export function ErrorPage({
  status,
  detail,
  stack,
  reference,
  currentPath,
  navigation = [],
  isDemo = false,
  publicUrl,
}: ErrorPageProps): VNode {
  const copy = copyFor(status);
  return (
    <Layout
      title={copy.title}
      currentPath={currentPath}
      navigation={navigation}
      isDemo={isDemo}
      publicUrl={publicUrl}
    >
      <LayoutArea area="header">
        <PageHeader title={copy.title} label={`Error ${status}`} />
      </LayoutArea>
      <LayoutArea area="content">
        {paragraphs(status, copy.explanation, detail).map((text, index) => (
          <p key={index}>{text}</p>
        ))}
        {reference && status >= 500 && (
          <p>
            If it keeps happening, quote reference <strong>{reference}</strong> when you report it.
          </p>
        )}
        <p>
          <a href="/">Go to the home page</a>
        </p>
        {stack && (
          <Details summary="Technical details (development only)">
            <pre class="hub_stack">{stack}</pre>
          </Details>
        )}
      </LayoutArea>
    </Layout>
  );
}

export interface ErrorPageOptions {
  navigation?: NavigationLink[];
  isDemo?: boolean;
  publicUrl?: string;
}

/** Builds the renderer the HTTP error handler calls, with the site's navigation. */
export function createErrorPageRenderer(options: ErrorPageOptions = {}): ErrorPageRenderer {
  return (problem, request: FastifyRequest) =>
    renderPage(
      <ErrorPage
        status={problem.status}
        detail={problem.detail}
        stack={problem.stack}
        reference={String(request.id)}
        currentPath={request.url}
        navigation={options.navigation}
        isDemo={options.isDemo}
        publicUrl={options.publicUrl}
      />,
    );
}

/** Error pages without site navigation; prefer createErrorPageRenderer({ navigation, isDemo }). */
export const renderErrorPage: ErrorPageRenderer = createErrorPageRenderer();

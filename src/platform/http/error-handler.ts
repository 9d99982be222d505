import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem, type FieldProblem } from './problems.ts';
import { isMachinePath } from './machine-paths.ts';

export interface ErrorPageRenderer {
  (
    problem: { status: number; title: string; detail: string; stack?: string | undefined },
    request: FastifyRequest,
  ): string;
}

/** The API speaks problem+json; everything else is a page for a person. */
/** Machine routes (the JSON API, the VC API) answer in problem+json, never with a page. */
export function wantsJson(request: FastifyRequest): boolean {
  return isMachinePath(request.url);
}

interface AjvIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Turns schema validation failures into one problem per parameter, each saying how to fix it. */
export function fieldProblemsFromValidation(issues: AjvIssue[], context: string | undefined): FieldProblem[] {
  const byField = new Map<string, string>();
  for (const issue of issues) {
    const path = issue.instancePath
      .replace(/^\//, '')
      .replace(/\/(\d+)(?=\/|$)/g, '[$1]')
      .replace(/\//g, '.');
    let field = path;
    let message = issue.message ?? 'is not valid';
    if (issue.keyword === 'additionalProperties') {
      field = [path, String(issue.params['additionalProperty'])].filter(Boolean).join('.');
      message = `Unknown ${context === 'querystring' ? 'parameter' : 'field'} '${field}': remove it or check its spelling`;
    } else if (issue.keyword === 'required') {
      field = [path, String(issue.params['missingProperty'])].filter(Boolean).join('.');
      message = `'${field}' is required`;
    } else if (issue.keyword === 'enum') {
      const allowed = (issue.params['allowedValues'] as unknown[] | undefined)?.map(String).join(', ');
      message = `'${field}' must be one of: ${allowed}`;
    } else if (issue.keyword === 'minimum' || issue.keyword === 'maximum') {
      message = `'${field}' must be ${issue.keyword === 'minimum' ? 'at least' : 'at most'} ${String(issue.params['limit'])}`;
    } else if (issue.keyword === 'type') {
      message = `'${field}' must be ${issue.params['type'] === 'integer' ? 'a whole number' : `of type ${String(issue.params['type'])}`}`;
    } else {
      message = `'${field}' ${message}`;
    }
    // The first problem found for a field is the most useful one; the rest repeat it.
    if (!byField.has(field)) byField.set(field, message);
  }
  return [...byField.entries()].map(([field, message]) => ({ field, message }));
}

function sendProblem(reply: FastifyReply, problem: HttpProblem): FastifyReply {
  return reply
    .status(problem.status)
    .type('application/problem+json')
    .send({
      type: problem.type,
      title: problem.title,
      status: problem.status,
      detail: problem.detail,
      ...(problem.errors.length > 0 ? { errors: problem.errors } : {}),
    });
}

export function registerErrorHandling(
  app: FastifyInstance,
  options: { showDetails: boolean; renderErrorPage: ErrorPageRenderer },
) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let problem: HttpProblem;
    if (error instanceof HttpProblem) {
      problem = error;
    } else if (error.code?.startsWith('FST_CSRF')) {
      problem = new HttpProblem(
        403,
        'This form has expired',
        'The form you sent was out of date or did not come from the hub. Go back, reload the page and send it again.',
      );
    } else if (error.validation) {
      const errors = fieldProblemsFromValidation(error.validation as AjvIssue[], error.validationContext);
      problem = new HttpProblem(400, 'Bad request', errors.map((item) => item.message).join('; '), errors);
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      problem = new HttpProblem(error.statusCode, 'Bad request', error.message);
    } else {
      request.log.error({ err: error }, 'request failed');
      problem = new HttpProblem(
        500,
        'Something went wrong',
        'The hub could not complete the request. Try again in a moment.',
      );
    }
    if (wantsJson(request)) return sendProblem(reply, problem);
    const stack = options.showDetails && problem.status >= 500 ? error.stack : undefined;
    return reply
      .status(problem.status)
      .type('text/html; charset=utf-8')
      .send(
        options.renderErrorPage(
          { status: problem.status, title: problem.title, detail: problem.detail, stack },
          request,
        ),
      );
  });

  app.setNotFoundHandler((request, reply) => {
    const problem = new HttpProblem(
      404,
      'Page not found',
      'There is nothing at this address. Check it for typing mistakes, or search the hub.',
    );
    if (wantsJson(request)) return sendProblem(reply, problem);
    return reply
      .status(404)
      .type('text/html; charset=utf-8')
      .send(options.renderErrorPage({ status: 404, title: problem.title, detail: problem.detail }, request));
  });
}

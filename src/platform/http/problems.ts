/**
 * Errors that carry their HTTP meaning. Services throw these (or domain errors with a `code` the
 * error handler maps); the handler turns them into `application/problem+json` for the API and a
 * design-system error page for people.
 */
export interface FieldProblem {
  field: string;
  message: string;
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldProblem[] = [],
    readonly type = 'about:blank',
  ) {
    super(detail);
  }
}

export function notFound(what: string): HttpProblem {
  return new HttpProblem(
    404,
    'Not found',
    `${what} was not found. Check the address, or search the hub for it.`,
  );
}

export function badRequest(
  errors: FieldProblem[],
  detail = 'Some of the request is not valid.',
): HttpProblem {
  return new HttpProblem(400, 'Bad request', detail, errors);
}

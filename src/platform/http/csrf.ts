import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import { isMachinePath } from './machine-paths.ts';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every form carries a token tied to a secret in a signed, HTTP-only cookie, so another site cannot
 * post a form on a signed-in person's behalf. The API is exempt: it accepts bearer tokens only,
 * never cookies, so a browser cannot be tricked into using it.
 */
export async function registerCsrfProtection(
  app: FastifyInstance,
  options: { cookieSecret: string; isProduction: boolean },
): Promise<void> {
  await app.register(cookie, { secret: options.cookieSecret });
  await app.register(csrf, {
    cookieKey: 'hub-csrf',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: options.isProduction, signed: true },
    getToken: (request) => (request.body as { _csrf?: string } | undefined)?._csrf,
  });
}

/** Checks the form token of every unsafe request to a page; registered after the access check. */
export function requireCsrfToken(app: FastifyInstance): void {
  app.addHook('preValidation', (request: FastifyRequest, reply: FastifyReply, done) => {
    if (!UNSAFE_METHODS.has(request.method) || isMachinePath(request.url)) return done();
    // A refused token reaches the error handler as FST_CSRF_*, which explains it to the person.
    app.csrfProtection(request, reply, done);
  });
}

export function csrfTokenFor(reply: FastifyReply): string {
  return reply.generateCsrf();
}

import type { FastifyInstance } from 'fastify';
import { fastifyRequestContext, requestContext } from '@fastify/request-context';

/** Who is signed in, as the page header shows it. */
export interface HeaderAccount {
  name: string;
  csrfToken: string;
  hasWorkspace: boolean;
}

declare module '@fastify/request-context' {
  interface RequestContextData {
    headerAccount: HeaderAccount | undefined;
  }
}

/**
 * The page header shows who is signed in on every page. Rather than thread that through every
 * page's arguments, the access layer records it for the current request here.
 */
export async function registerRequestContext(app: FastifyInstance): Promise<void> {
  await app.register(fastifyRequestContext, { defaultStoreValues: { headerAccount: undefined } });
}

export function setHeaderAccount(account: HeaderAccount | undefined): void {
  requestContext.set('headerAccount', account);
}

export function currentHeaderAccount(): HeaderAccount | undefined {
  return requestContext.get('headerAccount');
}

import type { FastifyRequest } from 'fastify';

/**
 * Addresses can carry secrets: password-reset and email-confirmation tokens in the query, the
 * invitation and credential-claim tokens in the path, and any of these inside a `next` return
 * address. Logs keep the shape of the request, never the secret.
 */
export function redactUrl(url: string): string {
  return url
    .replace(/([?&](?:token|_csrf|next)=)[^&#]*/gi, '$1[redacted]')
    .replace(/^\/(invitations|claim)\/[^/?#]+/, '/$1/[redacted]');
}

export function requestLogSerializer(request: FastifyRequest) {
  return { method: request.method, url: redactUrl(request.url), remoteAddress: request.ip };
}

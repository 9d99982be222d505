import type { FastifyRequest } from 'fastify';

/**
 * Addresses can carry secrets: password-reset and email-confirmation tokens in the query, the
 * invitation token in the path. Logs keep the shape of the request, never the secret.
 */
export function redactUrl(url: string): string {
  return url
    .replace(/([?&](?:token|_csrf)=)[^&#]*/gi, '$1[redacted]')
    .replace(/^\/invitations\/[^/?#]+/, '/invitations/[redacted]');
}

export function requestLogSerializer(request: FastifyRequest) {
  return { method: request.method, url: redactUrl(request.url), remoteAddress: request.ip };
}

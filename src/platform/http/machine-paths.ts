/**
 * The paths machines call: the hub's JSON API and the W3C VC API, whose paths the standard fixes
 * (/credentials/…, /presentations/… and the status lists' /publish). Their callers authenticate
 * with bearer tokens only, never cookies, so they skip the form token; and they are always
 * answered in JSON (problem+json on errors), never with a page or a redirect to sign in.
 */
export function isMachinePath(url: string): boolean {
  return (
    url.startsWith('/api/') ||
    url.startsWith('/credentials/') ||
    url.startsWith('/presentations/') ||
    /^\/status-lists\/[^/?#]+\/publish(?:[?#]|$)/.test(url)
  );
}

/**
 * How an institution is named as an issuer: a did:web under the hub's own host, whose document
 * lists every key the institution has ever signed with, and a did:key per key for verifiers that
 * work offline. Pure functions: the keys themselves live in issuer-keys.ts.
 */

export const DID_CONTEXT = 'https://www.w3.org/ns/did/v1';
export const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';

export interface PublishedKey {
  publicKeyMultibase: string;
  createdAt: string;
  retiredAt: string | null;
}

/**
 * did:web encodes the host's port with %3A and the path with colons, so
 * http://localhost:3000 + abertay gives did:web:localhost%3A3000:issuers:abertay.
 */
export function didWebOf(publicUrl: string, institutionSlug: string): string {
  const url = new URL(publicUrl);
  const host = url.port ? `${url.hostname}%3A${url.port}` : url.hostname;
  const basePath = url.pathname
    .split('/')
    .filter((part) => part.length > 0)
    .map(encodeURIComponent);
  return ['did:web', host, ...basePath, 'issuers', encodeURIComponent(institutionSlug)].join(':');
}

/** The institution slug when `did` is one of this hub's did:web issuers, else null. */
export function institutionSlugOfDidWeb(publicUrl: string, did: string): string | null {
  const prefix = didWebOf(publicUrl, '');
  if (!did.startsWith(prefix)) return null;
  const slug = decodeURIComponent(did.slice(prefix.length));
  return /^[a-z0-9-]+$/.test(slug) ? slug : null;
}

export function didKeyOf(publicKeyMultibase: string): string {
  return `did:key:${publicKeyMultibase}`;
}

export function verificationMethodIdOf(did: string, publicKeyMultibase: string): string {
  return `${did}#${publicKeyMultibase}`;
}

/** The URL a did:web resolves to (https always, as the method specification requires). */
export function didWebDocumentUrl(did: string): string | null {
  const match = /^did:web:([^:#?/]+)((?::[^:#?/]+)*)$/.exec(did);
  if (!match) return null;
  const host = decodeURIComponent(match[1] ?? '');
  const path = (match[2] ?? '')
    .split(':')
    .filter((part) => part.length > 0)
    .map((part) => decodeURIComponent(part));
  return path.length === 0
    ? `https://${host}/.well-known/did.json`
    : `https://${host}/${path.map(encodeURIComponent).join('/')}/did.json`;
}

export interface MultikeyMethod {
  id: string;
  type: 'Multikey';
  controller: string;
  publicKeyMultibase: string;
}

export function multikeyMethod(did: string, publicKeyMultibase: string): MultikeyMethod {
  return {
    id: verificationMethodIdOf(did, publicKeyMultibase),
    type: 'Multikey',
    controller: did,
    publicKeyMultibase,
  };
}

/**
 * The institution's DID document. Retired keys stay as assertion methods: a credential signed
 * before a rotation must keep verifying. Revoking trust in a key is done with status lists.
 */
export function didWebDocument(did: string, keys: PublishedKey[]) {
  const methods = keys.map((key) => multikeyMethod(did, key.publicKeyMultibase));
  return {
    '@context': [DID_CONTEXT, MULTIKEY_CONTEXT],
    id: did,
    alsoKnownAs: keys.map((key) => didKeyOf(key.publicKeyMultibase)),
    verificationMethod: methods,
    assertionMethod: methods.map((method) => method.id),
    authentication: methods.map((method) => method.id),
  };
}

export function didKeyDocument(publicKeyMultibase: string) {
  const did = didKeyOf(publicKeyMultibase);
  const method = multikeyMethod(did, publicKeyMultibase);
  return {
    '@context': [DID_CONTEXT, MULTIKEY_CONTEXT],
    id: did,
    verificationMethod: [method],
    assertionMethod: [method.id],
    authentication: [method.id],
    capabilityInvocation: [method.id],
    capabilityDelegation: [method.id],
  };
}

/** A did:key's own key: the method-specific id is the multibase public key. */
export function publicKeyOfDidKey(did: string): string | null {
  const match = /^did:key:(z6Mk[1-9A-HJ-NP-Za-km-z]+)$/.exec(did.split('#')[0] ?? '');
  return match ? (match[1] ?? null) : null;
}

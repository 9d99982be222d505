import jsonld from 'jsonld';
import * as rdfCanonize from 'rdf-canonize';
import { describe, expect, it } from 'vitest';
import { createDocumentLoader, isBundledContext } from './document-loader.ts';
import { createTemplateCanonizer } from './rdf-templates.ts';

const documentLoader = createDocumentLoader({
  publicUrl: 'https://hub.example',
  ownDocument: async () => null,
});

async function fullCanonical(document: unknown): Promise<string> {
  const dataset = await jsonld.toRDF(document, {
    base: null,
    safe: true,
    rdfDirection: 'i18n-datatype',
    produceGeneralizedRdf: false,
    documentLoader,
  });
  return rdfCanonize.canonize(dataset, { algorithm: 'RDFC-1.0', format: 'application/n-quads' });
}

function aCredential(overrides: { id: string; name: string; subject: string }) {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: overrides.id,
    type: ['VerifiableCredential'],
    issuer: { id: 'did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi', name: overrides.name },
    validFrom: '2026-11-23T09:00:00Z',
    credentialSubject: { id: overrides.subject, name: overrides.name },
  };
}

describe('canonicalization through templates', () => {
  it('gives exactly what full JSON-LD processing gives, for every document of a shape', async () => {
    const canonizer = createTemplateCanonizer({ isTrustedContext: isBundledContext });
    const documents = [
      aCredential({ id: 'urn:uuid:1', name: 'Zoë', subject: 'did:example:a' }),
      aCredential({
        id: 'urn:uuid:2',
        name: 'Ciarán "Ci" O’Neill\nline two',
        subject: 'https://example.org/people/2',
      }),
      // Two values that coincide (the issuer named like the subject) must merge as JSON-LD merges them.
      aCredential({
        id: 'urn:uuid:3',
        name: 'Same',
        subject: 'did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi',
      }),
    ];
    for (const document of documents)
      expect(await canonizer.canonize(document, { documentLoader })).toBe(await fullCanonical(document));
    expect(canonizer.stats.templated).toBe(2);
  });

  it('falls back to full processing for values a template cannot copy verbatim', async () => {
    const canonizer = createTemplateCanonizer({ isTrustedContext: isBundledContext });
    await canonizer.canonize(aCredential({ id: 'urn:uuid:1', name: 'A', subject: 'did:example:a' }), {
      documentLoader,
    });
    const blankSubject = aCredential({ id: 'urn:uuid:4', name: 'B', subject: '_:b0' });
    expect(await canonizer.canonize(blankSubject, { documentLoader })).toBe(
      await fullCanonical(blankSubject),
    );
  });

  it('never uses a template for a document with an inline context, which may redefine did: or urn:', async () => {
    const canonizer = createTemplateCanonizer({ isTrustedContext: isBundledContext });
    const withInline = (link: string) => ({
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        { did: 'https://evil.example/', link: { '@id': 'https://example.org/link', '@type': '@id' } },
      ],
      id: 'urn:uuid:5',
      type: ['VerifiableCredential'],
      issuer: 'https://issuer.example',
      credentialSubject: { link },
    });
    await canonizer.canonize(withInline('urn:a'), { documentLoader });
    const rewritten = withInline('did:x');
    const canonical = await canonizer.canonize(rewritten, { documentLoader });
    expect(canonical).toBe(await fullCanonical(rewritten));
    expect(canonical).toContain('<https://evil.example/x>');
    expect(canonizer.stats.templated).toBe(0);
  });

  it('relies on no bundled context defining urn, did, http or https as a term', async () => {
    for (const url of [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
      'https://hub.example/contexts/micro-credentials/v1',
      'https://www.w3.org/ns/did/v1',
      'https://w3id.org/security/multikey/v1',
    ]) {
      const text = JSON.stringify((await documentLoader(url)).document);
      for (const scheme of ['urn', 'did', 'http', 'https'])
        expect(text, `${url} defines ${scheme}`).not.toContain(`"${scheme}":`);
    }
  });
});

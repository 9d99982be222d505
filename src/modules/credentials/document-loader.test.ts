import { describe, expect, it } from 'vitest';
import { createDocumentLoader } from './document-loader.ts';
import { didWebDocumentUrl, didWebOf } from './issuer-identity-model.ts';

const otherDid = 'did:web:credentials.example.ac.uk:issuers:north';
const otherKey = 'z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi';
const otherDocument = {
  '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
  id: otherDid,
  verificationMethod: [
    { id: `${otherDid}#key-1`, type: 'Multikey', controller: otherDid, publicKeyMultibase: otherKey },
  ],
  assertionMethod: [`${otherDid}#key-1`],
};

function loaderWith(remote: Record<string, unknown>) {
  const fetched: string[] = [];
  const loader = createDocumentLoader({
    publicUrl: 'https://hub.example',
    ownDocument: async (url) => (url === didWebOf('https://hub.example', 'abertay') ? { id: url } : null),
    fetchRemote: async (url) => {
      fetched.push(url);
      if (!(url in remote)) throw new Error(`refused ${url}`);
      return remote[url];
    },
  });
  return { loader, fetched };
}

describe('the document loader', () => {
  it('serves bundled contexts without the network', async () => {
    const { loader, fetched } = loaderWith({});
    const loaded = await loader('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json');
    expect(JSON.stringify(loaded.document)).toContain('AchievementCredential');
    expect((await loader('https://hub.example/contexts/micro-credentials/v1')).document).toHaveProperty(
      '@context',
    );
    expect(fetched).toEqual([]);
  });

  it("answers this hub's own DIDs from its own records", async () => {
    const { loader, fetched } = loaderWith({});
    const did = didWebOf('https://hub.example', 'abertay');
    expect((await loader(did)).document).toEqual({ id: did });
    expect(fetched).toEqual([]);
  });

  it("resolves another issuer's did:web over HTTPS and picks out the key", async () => {
    const url = didWebDocumentUrl(otherDid)!;
    expect(url).toBe('https://credentials.example.ac.uk/issuers/north/did.json');
    const { loader } = loaderWith({ [url]: otherDocument });
    const method = (await loader(`${otherDid}#key-1`)).document as {
      publicKeyMultibase: string;
      '@context': unknown;
    };
    expect(method.publicKeyMultibase).toBe(otherKey);
    expect(method['@context']).toEqual(otherDocument['@context']);
  });

  it('refuses a did:web document that names another DID', async () => {
    const url = didWebDocumentUrl(otherDid)!;
    const { loader } = loaderWith({ [url]: { ...otherDocument, id: 'did:web:attacker.example' } });
    await expect(loader(otherDid)).rejects.toThrow(/not for/);
  });

  it('builds did:key documents offline', async () => {
    const { loader, fetched } = loaderWith({});
    const did = `did:key:${otherKey}`;
    const method = (await loader(`${did}#${otherKey}`)).document as { controller: string };
    expect(method.controller).toBe(did);
    expect(fetched).toEqual([]);
  });

  it('refuses unknown JSON-LD contexts rather than trusting whatever a credential points to', async () => {
    const { loader } = loaderWith({
      'https://evil.example/context.json': { '@context': { name: 'https://evil.example/name' } },
    });
    await expect(loader('https://evil.example/context.json')).rejects.toThrow(/does not know/);
  });
});

import { readFileSync } from 'node:fs';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { securityLoader } from '@digitalcredentials/security-document-loader';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';

/**
 * A verifier that shares no code with the hub: Digital Bazaar's reference libraries, the Digital
 * Credentials Consortium's bundled contexts, and documents fetched from the hub over HTTP the way
 * any relying party would. Every credential the tests issue is checked here as well.
 */
export function independentVerifier(options: {
  publicUrl: string;
  /** GETs a path on the hub under test and returns the parsed JSON body. */
  fetchFromHub(path: string): Promise<unknown>;
}) {
  const base = securityLoader().build();
  const hubHost = new URL(options.publicUrl);
  const didWebPrefix = `did:web:${hubHost.port ? `${hubHost.hostname}%3A${hubHost.port}` : hubHost.hostname}:`;

  async function documentLoader(url: string) {
    if (url.startsWith(didWebPrefix)) {
      const [did = url, fragment] = url.split('#');
      const path = `/${did.slice(didWebPrefix.length).split(':').map(decodeURIComponent).join('/')}/did.json`;
      const document = (await options.fetchFromHub(path)) as {
        verificationMethod: { id: string }[];
        '@context': unknown;
      };
      if (!fragment) return { contextUrl: null, documentUrl: url, document };
      const method = document.verificationMethod.find((candidate) => candidate.id === url);
      if (!method) throw new Error(`${url} not found in the DID document`);
      return {
        contextUrl: null,
        documentUrl: url,
        document: { '@context': document['@context'], ...method },
      };
    }
    if (url.startsWith(options.publicUrl)) {
      const document = await options.fetchFromHub(url.slice(options.publicUrl.length));
      return { contextUrl: null, documentUrl: url, document };
    }
    return base(url);
  }

  return {
    async verify(credential: object, now?: Date) {
      const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
      return vc.verifyCredential({
        credential,
        suite,
        documentLoader,
        // The library reports whether the lists could be read; a set bit (revoked or suspended)
        // is for the relying party to act on, as here.
        checkStatus: async (statusOptions) => {
          const checked = await checkStatus({
            ...statusOptions,
            documentLoader,
            suite,
            verifyMatchingIssuers: true,
          } as Parameters<typeof checkStatus>[0]);
          const set = (checked.results ?? []).filter((result) => result.status === true);
          if (!checked.verified || set.length === 0) return checked;
          return {
            verified: false,
            error: new Error(`status set: ${set.map((r) => r.statusPurpose).join(', ')}`),
          };
        },
        ...(now ? { now } : {}),
      });
    },
  };
}

const schemaFile = new URL('../data/ob3/achievementcredential-schema.json', import.meta.url);

/**
 * The 1EdTech Open Badges 3.0 JSON Schema for AchievementCredential (see test/data/ob3/README.md).
 *
 * One known difference is allowed, and only that one: Open Badges gives `credentialStatus` at
 * most one entry, while the hub's credentials carry two Bitstring Status List entries (revocation
 * and suspension), as VC Data Model 2.0 allows. Each entry is checked against the schema's
 * CredentialStatus definition on its own, and the rest of the credential against the whole schema.
 */
export function openBadgesSchemaValidator() {
  const ajv = new Ajv2019.default({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { $defs: Record<string, object> };
  const validate = ajv.compile(schema);
  const validateStatus = ajv.compile({ ...schema.$defs['CredentialStatus'], $defs: schema.$defs });
  const problems = (check: typeof validate, value: unknown, prefix = ''): string[] =>
    check(value)
      ? []
      : (check.errors ?? []).map((error) => `${prefix}${error.instancePath} ${error.message}`);
  return (credential: unknown): string[] => {
    const document = credential as Record<string, unknown>;
    const status = document['credentialStatus'];
    if (!Array.isArray(status)) return problems(validate, credential);
    return [
      ...problems(validate, { ...document, credentialStatus: status[0] }),
      ...status.flatMap((entry, index) => problems(validateStatus, entry, `/credentialStatus/${index}`)),
    ];
  };
}

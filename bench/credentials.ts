/**
 * Credentials benchmark (not a test): the hub issues 10,000 Open Badges 3.0 credentials through
 * its own issuance path (results recorded from a CSV, then the durable job: sign, store, status
 * list entries, claim mail) on PGlite, and verifies each one through its verification path
 * (signature, registered issuer, both status entries, dates). In the same run, the peer does the
 * same with a bare @digitalbazaar/vc issue/verify loop over a cached document loader: what a
 * developer writes from the libraries' READMEs. Figures go to stdout, progress to stderr.
 *
 *   npm run bench:credentials
 *
 * BENCH_COUNT (default 10000) and BENCH_PEER_COUNT (default BENCH_COUNT) exist to try it quickly;
 * BENCH_HUB_ONLY=1 runs the hub's part alone, for profiling.
 * See docs/performance.md for what is measured and the figures.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { randomBytes, randomUUID } from 'node:crypto';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { securityLoader } from '@digitalcredentials/security-document-loader';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { createServices } from '../src/services.ts';
import { EXTENSION_CONTEXT } from '../src/modules/credentials/document-loader.ts';
import {
  buildAchievementCredential,
  extensionContextUrl,
} from '../src/modules/credentials/achievement-credential-model.ts';
import { canonizer, verifyingCanonizer } from '../src/modules/credentials/data-integrity.ts';
import { publishCatalogue } from '../test/support/factories.ts';
import { aMicroCredential, anInstitution, anOffering } from '../test/support/builders.ts';

const COUNT = Number(process.env['BENCH_COUNT'] ?? 10_000);
const PEER_COUNT = Number(process.env['BENCH_PEER_COUNT'] ?? COUNT);
const PUBLIC_URL = 'https://hub.example';

const out = (line = '') => process.stdout.write(`${line}\n`);
const progress = (line: string) => process.stderr.write(`${line}\n`);
const perSecond = (count: number, ms: number) => (count / ms) * 1000;
const fixed = (value: number) => value.toFixed(0).padStart(7);

async function hubRun() {
  const database = await openDatabase({ pgliteDataDir: 'memory://' });
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PUBLIC_URL,
    AUTH_SECRET: 'bench-secret-that-is-long-enough-for-the-hub-0123456789',
    KEY_ENCRYPTION_KEY: 'bench-key-encryption-key-long-enough-0123456789',
    SEED_DEMO_ACCOUNTS: 'false',
  });
  await publishCatalogue(
    database,
    [anInstitution({ name: 'Bench University', codePrefix: 'BU' })],
    [
      {
        institution: 'bench-university',
        input: aMicroCredential({ title: 'Data skills for the workplace' }),
        offerings: [anOffering({ startsOn: '2026-01-12', endsOn: '2026-06-26', enrolBy: '2026-01-05' })],
        slug: 'data-skills',
      },
    ],
  );
  const services = createServices({ config, database, clock: () => new Date() });
  const { credentials } = services;
  const institution = (await services.catalogue.findInstitution('bench-university'))!;
  const actor = { id: 'bench', name: 'Bench', roles: ['registry' as const] };

  const rows = ['learner_email,learner_name,module_code,outcome,mark,diet,completed_on'];
  for (let index = 0; index < COUNT; index += 1)
    rows.push(
      `learner${index}@example.org,Learner ${index},BU0001,passed,${40 + (index % 60)},June 2026,2026-06-30`,
    );
  progress(`hub: recording ${COUNT} results…`);
  // Issuance is measured from a queued job, so stop the worker until the results are in.
  await credentials.worker.stop();
  const recordStart = performance.now();
  const applied = await credentials.applyCsv(institution, actor, rows.join('\n'));
  const recordMs = performance.now() - recordStart;
  if (!applied.applied)
    throw new Error(`results refused: ${JSON.stringify(applied.preview.problems.slice(0, 3))}`);

  const issuing = createServices({ config, database, clock: () => new Date() }).credentials;
  progress(`hub: issuing ${COUNT} credentials…`);
  const issueStart = performance.now();
  issuing.worker.wake();
  await issuing.worker.idle();
  const issueMs = performance.now() - issueStart;
  const job = await issuing.findJob(applied.jobId!);
  if (job?.issued !== COUNT) throw new Error(`job issued ${job?.issued} of ${COUNT}: ${job?.lastError}`);

  const issued = await issuing.credentialsOfInstitution(institution.id, COUNT, 0);
  const documents = issued.map((row) => JSON.parse(row.signedJson) as object);
  progress(`hub: verifying ${documents.length} credentials…`);
  const verifyStart = performance.now();
  let valid = 0;
  for (const document of documents) if ((await issuing.verify(document)).verdict === 'valid') valid += 1;
  const verifyMs = performance.now() - verifyStart;

  // What a relying party would fetch once and cache: the issuer's DID document and status lists.
  const published = new Map<string, unknown>();
  const did = issuing.issuerDid(institution);
  published.set(did, await issuing.didDocumentOf(institution.slug));
  for (const document of documents.slice(0, 1)) {
    for (const entry of (document as { credentialStatus: { statusListCredential: string }[] })
      .credentialStatus) {
      const listId = entry.statusListCredential.split('/').pop()!;
      published.set(entry.statusListCredential, JSON.parse(await issuing.statusListCredential(listId)));
    }
  }
  await issuing.worker.stop();
  await database.close();
  return { recordMs, issueMs, verifyMs, valid, documents, published, did };
}

/** The peer's document loader: bundled contexts, plus documents fetched once and cached. */
function peerLoader(cached: Map<string, unknown>) {
  const base = securityLoader();
  base.addStatic(extensionContextUrl(PUBLIC_URL), EXTENSION_CONTEXT);
  const load = base.build();
  return async (url: string) => {
    const [withoutFragment = url] = url.split('#');
    const document = cached.get(withoutFragment) as
      { verificationMethod?: { id: string }[]; '@context'?: unknown } | undefined;
    if (document && url.includes('#')) {
      const method = document.verificationMethod?.find((candidate) => candidate.id === url);
      return {
        contextUrl: null,
        documentUrl: url,
        document: { '@context': document['@context'], ...method },
      };
    }
    if (document) return { contextUrl: null, documentUrl: url, document };
    return load(url);
  };
}

function sampleCredential(issuer: string, index: number) {
  return buildAchievementCredential({
    credentialId: `urn:uuid:${randomUUID()}`,
    issuer: { id: issuer, name: 'Bench University', url: null, hubPage: `${PUBLIC_URL}/institutions/bench` },
    achievementId: `${PUBLIC_URL}/micro-credentials/data-skills/versions/1`,
    moduleCode: 'BU0001',
    subjectName: 'Computing and digital',
    version: aMicroCredential({ title: 'Data skills for the workplace' }),
    versionNumber: 1,
    learner: { email: `learner${index}@example.org`, name: `Learner ${index}` },
    result: {
      outcome: 'passed',
      mark: 40 + (index % 60),
      grade: null,
      diet: 'June 2026',
      completedOn: '2026-06-30',
      deliveryMode: 'online',
      offeringStart: '2026-01-12',
    },
    certificate: 'certificate-of-study',
    validFrom: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    validUntil: null,
    status: [],
    extensionContext: extensionContextUrl(PUBLIC_URL),
    identitySalt: randomBytes(12).toString('base64url'),
  });
}

async function peerRun(hubCredentials: object[], published: Map<string, unknown>) {
  const key = await Ed25519Multikey.generate({ seed: randomBytes(32) });
  const did = `did:key:${key.publicKeyMultibase}`;
  const signerKey = await Ed25519Multikey.from({
    ...(await key.export({ publicKey: true, secretKey: true, includeContext: true })),
    id: `${did}#${key.publicKeyMultibase}`,
    controller: did,
  });
  const documentLoader = peerLoader(published);
  progress(`peer: issuing ${PEER_COUNT} credentials…`);
  const signed: object[] = [];
  const issueStart = performance.now();
  for (let index = 0; index < PEER_COUNT; index += 1) {
    const suite = new DataIntegrityProof({ signer: signerKey.signer(), cryptosuite: eddsaRdfc2022 });
    signed.push(await vc.issue({ credential: sampleCredential(did, index), suite, documentLoader }));
  }
  const issueMs = performance.now() - issueStart;
  progress(`peer: verifying ${PEER_COUNT} credentials…`);
  let valid = 0;
  const verifyStart = performance.now();
  for (const credential of signed) {
    const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
    if ((await vc.verifyCredential({ credential, suite, documentLoader })).verified) valid += 1;
  }
  const verifyMs = performance.now() - verifyStart;

  // The hub's credentials, unchanged, through the peer's verifier (status checks aside: the
  // bare loop has no status checker, and the hub checks status itself).
  progress(`peer: verifying ${hubCredentials.length} hub credentials…`);
  let hubAccepted = 0;
  for (const credential of hubCredentials) {
    const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
    const result = await vc.verifyCredential({
      credential,
      suite,
      documentLoader,
      checkStatus: async () => ({ verified: true }),
    });
    if (result.verified) hubAccepted += 1;
  }
  return { issueMs, verifyMs, valid, hubAccepted };
}

const hub = await hubRun();
if (process.env['BENCH_HUB_ONLY'] === '1') {
  // For profiling the hub's path alone.
  out(
    `hub issue ${perSecond(COUNT, hub.issueMs).toFixed(0)}/s, verify ${perSecond(COUNT, hub.verifyMs).toFixed(0)}/s`,
  );
  process.exit(0);
}
const peer = await peerRun(hub.documents, hub.published);

const hubIssue = perSecond(COUNT, hub.issueMs);
const hubVerify = perSecond(COUNT, hub.verifyMs);
const peerIssue = perSecond(PEER_COUNT, peer.issueMs);
const peerVerify = perSecond(PEER_COUNT, peer.verifyMs);

out(`# bench:credentials — ${new Date().toISOString()}`);
out(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load ${loadavg()[0]?.toFixed(2)}, Node ${process.version}`,
);
out(
  `hub: ${COUNT} credentials on PGlite (in memory); peer: ${PEER_COUNT} with a bare @digitalbazaar/vc loop`,
);
out();
out('                         credentials/s');
out(
  `hub   issue (sign, store, status, mail) ${fixed(hubIssue)}   (${(hub.issueMs / 1000).toFixed(1)} s; results recorded first in ${(hub.recordMs / 1000).toFixed(1)} s)`,
);
out(`peer  issue (sign only)                ${fixed(peerIssue)}   (${(peer.issueMs / 1000).toFixed(1)} s)`);
out(
  `hub   verify (proof, issuer, status, dates) ${fixed(hubVerify)}   (${(hub.verifyMs / 1000).toFixed(1)} s)`,
);
out(`peer  verify (proof, dates)            ${fixed(peerVerify)}   (${(peer.verifyMs / 1000).toFixed(1)} s)`);
out();
out(`ratio issue  hub/peer: ${(hubIssue / peerIssue).toFixed(1)}x (goal 10x)`);
out(`ratio verify hub/peer: ${(hubVerify / peerVerify).toFixed(1)}x (goal 5x)`);
out();
out(`hub credentials valid by the hub: ${hub.valid}/${COUNT}`);
out(`hub credentials accepted unchanged by the peer's verifier: ${peer.hubAccepted}/${hub.documents.length}`);
out(`peer credentials valid by the peer: ${peer.valid}/${PEER_COUNT}`);
for (const [label, templates] of [
  ['issuing', canonizer],
  ['verifying', verifyingCanonizer],
] as const)
  out(
    `hub canonicalizations while ${label}: ${templates.stats.templated} from templates, ${templates.stats.full} in full, ${templates.stats.built} templates built`,
  );

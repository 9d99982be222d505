import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'drizzle-orm';
import type { DocumentLoader } from '@digitalbazaar/vc';
import type { Database, Db } from '../../platform/db/database.ts';
import type { SafeFetcher } from '../../platform/net/safe-fetch.ts';
import type { CatalogueService, Institution, PublishedVersion } from '../catalogue/index.ts';
import type { AuditTrail } from '../audit/index.ts';
import type { Mail, Mailer } from '../mail/index.ts';
import type { Actor } from '../accounts/index.ts';
import {
  buildAchievementCredential,
  certificateFor,
  CERTIFICATE_NAMES,
  extensionContextUrl,
  type CertificateKind,
  type IssuerProfile,
} from './achievement-credential-model.ts';
import { signBuiltCredential, signCredential } from './data-integrity.ts';
import { createDocumentLoader, DocumentNotFoundError } from './document-loader.ts';
import {
  didKeyOf,
  didWebDocument,
  didWebOf,
  institutionSlugOfDidWeb,
  publicKeyOfDidKey,
  verificationMethodIdOf,
} from './issuer-identity-model.ts';
import {
  createLocalKeyCustody,
  publishedKey,
  type IssuerKey,
  type KeyCustody,
  type Signer,
} from './issuer-keys.ts';
import {
  parseResultsCsv,
  resultFingerprint,
  validateResult,
  type RawResult,
  type ResultInput,
  type CsvRowProblem,
} from './results-model.ts';
import {
  createStatusListStore,
  encodeStoredBits,
  statusListIdOf,
  statusListUrl,
  unsignedStatusListCredential,
  type StatusPurpose,
} from './status-lists.ts';
import {
  createCredentialsRepository,
  LeaseLostError,
  type CredentialRow,
  type NewResult,
  type ResultRow,
} from './credentials-repository.ts';
import { createVerifier, type VerificationReport } from './verification.ts';

export class CredentialsError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 | 409 = 400,
    readonly field: string | null = null,
  ) {
    super(message);
  }
}

export class ResultValidationError extends Error {
  constructor(readonly problems: CsvRowProblem[]) {
    super(problems.map((problem) => problem.message).join('; '));
  }
}

export interface CredentialsDependencies {
  database: Database;
  catalogue: CatalogueService;
  audit: AuditTrail;
  mailer: Mailer;
  clock: () => Date;
  publicUrl: string;
  keyEncryptionSecret: string;
  /** Outbound fetches for third-party issuers; undefined keeps verification offline. */
  fetcher?: SafeFetcher | undefined;
  log?: FastifyBaseLogger | undefined;
  /** How long a claim link lasts. */
  claimDays?: number;
}

/** Where a result belongs: a coded micro-credential and one of its offerings. */
interface ResultTarget {
  microCredentialId: string;
  slug: string;
  code: string;
  offeringId: string;
  versionId: string;
  startsOn: string | null;
  deliveryMode: string;
}

export interface UploadRowSummary {
  row: number;
  learnerEmail: string;
  moduleCode: string;
  change: 'new' | 'unchanged' | 'corrected';
  certificate: CertificateKind | null;
}

export interface UploadPreview {
  fileProblem: string | null;
  problems: CsvRowProblem[];
  rows: UploadRowSummary[];
  counts: { new: number; unchanged: number; corrected: number; certificates: number };
}

const CHUNK = 100;
/**
 * How long a worker holds a job without news. Renewed after every chunk (a chunk takes well under
 * a second), so a job whose worker died is taken up again by any server within this time.
 */
const LEASE_MS = 15_000;

/** A duplicate on a unique index, whichever driver (and wrapper) reports it. */
function isUniqueViolation(error: unknown): boolean {
  const withCode = error as { code?: unknown; cause?: { code?: unknown } } | null;
  return withCode?.code === '23505' || withCode?.cause?.code === '23505';
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function createCredentialsService(deps: CredentialsDependencies) {
  const { database, catalogue, audit, mailer, clock, publicUrl } = deps;
  const repository = createCredentialsRepository(database);
  const statusLists = createStatusListStore({ database, clock });
  const keys: KeyCustody = createLocalKeyCustody({
    database,
    keyEncryptionSecret: deps.keyEncryptionSecret,
    clock,
  });
  const claimDays = deps.claimDays ?? 30;

  // ---- Issuer identity ------------------------------------------------------------------------

  function issuerDid(institution: Pick<Institution, 'slug'>): string {
    return didWebOf(publicUrl, institution.slug);
  }

  function issuerProfile(institution: Institution): IssuerProfile {
    return {
      id: issuerDid(institution),
      name: institution.name,
      url: institution.website,
      hubPage: `${publicUrl}/institutions/${institution.slug}`,
    };
  }

  async function didDocumentOf(slug: string) {
    const institution = await catalogue.findInstitution(slug);
    if (!institution) return null;
    const institutionKeys = await keys.keysOf(institution.id);
    return didWebDocument(issuerDid(institution), institutionKeys.map(publishedKey));
  }

  /**
   * Verifying reads the same few DID documents and institutions over and over. They are kept
   * for a short while; a key missing from a kept document is looked up afresh (see the loader),
   * so a rotation elsewhere is never missed.
   */
  const didDocuments = new Map<string, { at: number; document: unknown }>();
  const registeredIssuers = new Map<
    string,
    { at: number; issuer: { name: string; institutionId: string } | null }
  >();
  const CACHE_MS = 60_000;

  /** Documents this hub publishes, answered from the database so verifying needs no network. */
  async function ownDocument(url: string, options: { fresh?: boolean } = {}): Promise<unknown | null> {
    if (url.startsWith('did:web:')) {
      const slug = institutionSlugOfDidWeb(publicUrl, url);
      if (!slug) return null;
      const cached = didDocuments.get(url);
      if (cached && !options.fresh && Date.now() - cached.at < CACHE_MS) return cached.document;
      const document = await didDocumentOf(slug);
      if (didDocuments.size > 1000) didDocuments.clear();
      didDocuments.set(url, { at: Date.now(), document });
      return document;
    }
    const listId = statusListIdOf(publicUrl, url);
    if (listId) return JSON.parse(await statusListCredential(listId)) as unknown;
    return null;
  }

  const documentLoader: DocumentLoader = createDocumentLoader({
    publicUrl,
    ownDocument,
    fetchRemote: deps.fetcher
      ? async (url) => {
          const fetched = await deps.fetcher!.fetchJson(url);
          if (!fetched.ok) throw new DocumentNotFoundError(fetched.reason);
          return fetched.body;
        }
      : undefined,
  });

  async function signerOf(
    institution: Institution,
    form: 'did:web' | 'did:key' = 'did:web',
    key?: IssuerKey,
  ) {
    const signingKey = key ?? (await keys.activeKey(institution.id));
    const did = form === 'did:web' ? issuerDid(institution) : didKeyOf(signingKey.publicKeyMultibase);
    const signer = await keys.signerFor(
      signingKey,
      verificationMethodIdOf(did, signingKey.publicKeyMultibase),
    );
    return { signer, key: signingKey, did };
  }

  // ---- Status lists ---------------------------------------------------------------------------

  async function statusListCredential(listId: string): Promise<string> {
    const list = await statusLists.find(listId);
    if (!list) throw new CredentialsError('There is no such status list.', 404);
    if (list.signedCredential) return list.signedCredential;
    const [institution] = await catalogue.institutionsByIds([list.institutionId]);
    if (!institution) throw new CredentialsError('There is no such status list.', 404);
    const { signer } = await signerOf(institution);
    const unsigned = unsignedStatusListCredential({
      url: statusListUrl(publicUrl, listId),
      issuer: issuerDid(institution),
      purpose: list.purpose as StatusPurpose,
      encodedList: await encodeStoredBits(list.bits),
      validFrom: list.updatedAt.toISOString(),
    });
    const signed = JSON.stringify(await signCredential(unsigned, signer, documentLoader, clock()));
    await statusLists.storeSigned(listId, signed, list.version);
    return signed;
  }

  // ---- Results --------------------------------------------------------------------------------

  async function targetsOf(institutionId: string): Promise<Map<string, ResultTarget[]>> {
    const rows = await catalogue.listOfferingsByCode(institutionId);
    const byCode = new Map<string, ResultTarget[]>();
    for (const row of rows) {
      if (!row.code) continue;
      const list = byCode.get(row.code) ?? [];
      list.push({ ...row, code: row.code });
      byCode.set(row.code, list);
    }
    return byCode;
  }

  function resolveTarget(
    value: ResultInput,
    targets: Map<string, ResultTarget[]>,
    institution: Institution,
  ): { target: ResultTarget } | { problem: { field: keyof RawResult; message: string } } {
    const candidates = targets.get(value.moduleCode);
    if (!candidates || candidates.length === 0)
      return {
        problem: {
          field: 'moduleCode',
          message: `module_code: ${value.moduleCode} is not one of ${institution.name}'s micro-credentials with an offering. Check the code on the workspace's results page.`,
        },
      };
    if (value.offeringStart === null) {
      if (candidates.length === 1) return { target: candidates[0]! };
      return {
        problem: {
          field: 'offeringStart',
          message: `offering_start: ${value.moduleCode} has ${candidates.length} intakes (${candidates.map((c) => c.startsOn ?? 'self-paced').join(', ')}); enter the start date of the learner's intake.`,
        },
      };
    }
    const match = candidates.find((candidate) => candidate.startsOn === value.offeringStart);
    if (match) return { target: match };
    return {
      problem: {
        field: 'offeringStart',
        message: `offering_start: ${value.moduleCode} has no intake starting ${value.offeringStart}; its intakes start ${candidates.map((c) => c.startsOn ?? 'self-paced').join(', ')}.`,
      },
    };
  }

  async function kindsOfVersions(versionIds: string[]): Promise<Map<string, PublishedVersion>> {
    const versions = new Map<string, PublishedVersion>();
    for (const id of new Set(versionIds)) {
      const version = await catalogue.findVersion(id);
      if (version) versions.set(id, version);
    }
    return versions;
  }

  interface PlannedResult {
    row: number;
    value: ResultInput;
    target: ResultTarget;
    fingerprint: string;
    existing: ResultRow | undefined;
    change: 'new' | 'unchanged' | 'corrected';
    certificate: CertificateKind | null;
  }

  /** Validates every row against the catalogue and the results already recorded; changes nothing. */
  async function plan(
    institution: Institution,
    rows: { row: number; value: ResultInput | null }[],
    problems: CsvRowProblem[],
  ): Promise<PlannedResult[]> {
    const targets = await targetsOf(institution.id);
    const resolved: { row: number; value: ResultInput; target: ResultTarget }[] = [];
    for (const { row, value } of rows) {
      if (!value) continue;
      const outcome = resolveTarget(value, targets, institution);
      if ('problem' in outcome) problems.push({ row, ...outcome.problem });
      else resolved.push({ row, value, target: outcome.target });
    }
    const existing = await repository.resultsOf(institution.id, [
      ...new Set(resolved.map((entry) => entry.target.offeringId)),
    ]);
    const existingByKey = new Map(
      existing.map((result) => [`${result.offeringId}|${result.learnerEmail}`, result]),
    );
    const versions = await kindsOfVersions(resolved.map((entry) => entry.target.versionId));
    const seen = new Map<string, number>();
    const planned: PlannedResult[] = [];
    for (const entry of resolved) {
      const key = `${entry.target.offeringId}|${entry.value.learnerEmail}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        problems.push({
          row: entry.row,
          field: null,
          message: `This is the same learner and intake as row ${earlier}: keep one of the two rows.`,
        });
        continue;
      }
      seen.set(key, entry.row);
      const version = versions.get(entry.target.versionId);
      const certificate = version ? certificateFor(version.input.kind, entry.value.outcome) : null;
      if (version && entry.value.outcome === 'attended' && version.input.kind === 'micro-credential') {
        problems.push({
          row: entry.row,
          field: 'outcome',
          message: `outcome: ${entry.value.moduleCode} is credit-rated, so its result is Passed, Failed or Withdrawn; Attended is for small qualifications.`,
        });
        continue;
      }
      const fingerprint = resultFingerprint(entry.value);
      const previous = existingByKey.get(key);
      planned.push({
        ...entry,
        fingerprint,
        existing: previous,
        change: !previous ? 'new' : previous.fingerprint === fingerprint ? 'unchanged' : 'corrected',
        certificate,
      });
    }
    return planned;
  }

  function summarise(planned: PlannedResult[]): UploadRowSummary[] {
    return planned.map((entry) => ({
      row: entry.row,
      learnerEmail: entry.value.learnerEmail,
      moduleCode: entry.value.moduleCode,
      change: entry.change,
      certificate: entry.certificate,
    }));
  }

  function countsOf(planned: PlannedResult[]) {
    return {
      new: planned.filter((entry) => entry.change === 'new').length,
      unchanged: planned.filter((entry) => entry.change === 'unchanged').length,
      corrected: planned.filter((entry) => entry.change === 'corrected').length,
      certificates: planned.filter((entry) => entry.change !== 'unchanged' && entry.certificate !== null)
        .length,
    };
  }

  async function previewCsv(institution: Institution, csv: string): Promise<UploadPreview> {
    const parsed = parseResultsCsv(csv, isoDate(clock()));
    if (parsed.fileProblem)
      return {
        fileProblem: parsed.fileProblem,
        problems: [],
        rows: [],
        counts: { new: 0, unchanged: 0, corrected: 0, certificates: 0 },
      };
    const problems = [...parsed.problems];
    const planned = await plan(institution, parsed.rows, problems);
    problems.sort((a, b) => a.row - b.row);
    return { fileProblem: null, problems, rows: summarise(planned), counts: countsOf(planned) };
  }

  /**
   * Stores the planned results in one transaction (all or nothing), revokes the credentials of
   * corrected results, and queues issuance for every result that earns a certificate.
   */
  async function apply(institution: Institution, actor: Actor, planned: PlannedResult[], source: string) {
    const now = clock();
    const replaced: CredentialRow[] = [];
    const REPLACED_REASON = 'Replaced by a corrected result.';
    let counts = countsOf(planned);
    try {
      const jobId = await database.db.transaction(async (tx) => {
        // Results of one institution are recorded one upload at a time, and what is already
        // there is read again under that lock: two uploads of one file record it once.
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`results:${institution.id}`}))`);
        const current = await repository.resultsOf(
          institution.id,
          [...new Set(planned.map((entry) => entry.target.offeringId))],
          tx,
        );
        const byKey = new Map(
          current.map((result) => [`${result.offeringId}|${result.learnerEmail}`, result]),
        );
        const replanned = planned.map((entry) => {
          const existing = byKey.get(`${entry.target.offeringId}|${entry.value.learnerEmail}`);
          const change: PlannedResult['change'] = !existing
            ? 'new'
            : existing.fingerprint === entry.fingerprint
              ? 'unchanged'
              : 'corrected';
          return { ...entry, existing, change };
        });
        counts = countsOf(replanned);
        const toIssue: string[] = [];
        for (const entry of replanned.filter((candidate) => candidate.change !== 'unchanged')) {
          const values = {
            institutionId: institution.id,
            microCredentialId: entry.target.microCredentialId,
            versionId: entry.target.versionId,
            offeringId: entry.target.offeringId,
            learnerEmail: entry.value.learnerEmail,
            learnerName: entry.value.learnerName,
            outcome: entry.value.outcome,
            mark: entry.value.mark,
            grade: entry.value.grade,
            diet: entry.value.diet,
            completedOn: entry.value.completedOn,
            fingerprint: entry.fingerprint,
            recordedBy: actor.id,
            updatedAt: now,
          };
          const id = await upsertResult(values, entry.existing?.id, now, tx);
          // The old credential goes in the same transaction as the correction that replaces it.
          if (entry.change === 'corrected')
            for (const old of await repository.liveCredentialsOfResults([id], tx))
              replaced.push(await changeStatusIn(tx, institution, actor, old.id, 'revoke', REPLACED_REASON));
          if (entry.certificate) toIssue.push(id);
        }
        if (counts.new + counts.corrected === 0) return null;
        await audit.record(
          {
            chainId: institution.id,
            actor,
            action: 'results.recorded',
            subjectType: 'results',
            subjectId: institution.id,
            after: { source, ...counts },
          },
          tx,
        );
        if (toIssue.length === 0) return null;
        return repository.insertJob(
          {
            institutionId: institution.id,
            requestedBy: actor.id,
            requestedByName: actor.name,
            state: 'queued',
            total: toIssue.length,
            createdAt: now,
          },
          toIssue,
          tx,
        );
      });
      for (const credential of replaced)
        await announceStatusChange(institution, credential, 'revoke', REPLACED_REASON);
      return { jobId, counts };
    } finally {
      worker.wake();
    }
  }

  async function upsertResult(
    values: Omit<NewResult, 'recordedAt'>,
    existingId: string | undefined,
    now: Date,
    tx: Db,
  ): Promise<string> {
    if (existingId) {
      await repository.updateResult(existingId, values, tx);
      return existingId;
    }
    return repository.insertResult({ ...values, recordedAt: now }, tx);
  }

  // ---- Issuance -------------------------------------------------------------------------------

  interface IssueContext {
    institution: Institution;
    signer: Signer;
    key: IssuerKey;
    versions: Map<string, PublishedVersion & { slug: string; subjectName: string }>;
    deliveryModes: Map<string, { deliveryMode: string; startsOn: string | null }>;
  }

  async function issueContextFor(institution: Institution, results: ResultRow[]): Promise<IssueContext> {
    const { signer, key } = await signerOf(institution);
    const subjects = new Map((await catalogue.listSubjects()).map((subject) => [subject.slug, subject.name]));
    const targets = [...(await targetsOf(institution.id)).values()].flat();
    const versions = new Map<string, PublishedVersion & { slug: string; subjectName: string }>();
    for (const versionId of new Set(results.map((result) => result.versionId))) {
      const version = await catalogue.findVersion(versionId);
      const target = targets.find((candidate) => candidate.versionId === versionId);
      const microCredential = version
        ? await catalogue.findMicroCredentialById(version.microCredentialId)
        : undefined;
      if (version && microCredential)
        versions.set(versionId, {
          ...version,
          code: version.code ?? microCredential.code ?? target?.code ?? null,
          slug: microCredential.slug,
          subjectName: subjects.get(version.input.subjectSlug) ?? version.input.subjectSlug,
        });
    }
    const deliveryModes = new Map(
      targets.map((target) => [
        target.offeringId,
        { deliveryMode: target.deliveryMode, startsOn: target.startsOn },
      ]),
    );
    return { institution, signer, key, versions, deliveryModes };
  }

  /** Signs and stores credentials for results inside the caller's transaction. */
  async function issueForResults(context: IssueContext, results: ResultRow[], jobId: string | null, tx: Db) {
    const now = clock();
    const planned = results.flatMap((result) => {
      const version = context.versions.get(result.versionId);
      const certificate = version
        ? certificateFor(version.input.kind, result.outcome as ResultInput['outcome'])
        : null;
      return version && certificate ? [{ result, version, certificate, id: randomUUID() }] : [];
    });
    const ids = planned.map((entry) => entry.id);
    const revocation = await statusLists.allocate(context.institution.id, 'revocation', ids, tx);
    const suspension = await statusLists.allocate(context.institution.id, 'suspension', ids, tx);
    const rows = [];
    for (const entry of planned) {
      const revocationEntry = revocation.get(entry.id)!;
      const suspensionEntry = suspension.get(entry.id)!;
      const offering = context.deliveryModes.get(entry.result.offeringId);
      const unsigned = buildAchievementCredential({
        credentialId: `urn:uuid:${entry.id}`,
        issuer: issuerProfile(context.institution),
        achievementId: `${publicUrl}/micro-credentials/${entry.version.slug}/versions/${entry.version.versionNumber}`,
        moduleCode: entry.version.code ?? '',
        subjectName: entry.version.subjectName,
        version: entry.version.input,
        versionNumber: entry.version.versionNumber,
        learner: { email: entry.result.learnerEmail, name: entry.result.learnerName },
        result: {
          outcome: entry.result.outcome as ResultInput['outcome'],
          mark: entry.result.mark,
          grade: entry.result.grade,
          diet: entry.result.diet,
          completedOn: entry.result.completedOn,
          deliveryMode: (offering?.deliveryMode as never) ?? null,
          offeringStart: offering?.startsOn ?? null,
        },
        certificate: entry.certificate,
        validFrom: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        validUntil: null,
        status: [
          {
            purpose: 'revocation',
            listUrl: statusListUrl(publicUrl, revocationEntry.listId),
            index: revocationEntry.index,
          },
          {
            purpose: 'suspension',
            listUrl: statusListUrl(publicUrl, suspensionEntry.listId),
            index: suspensionEntry.index,
          },
        ],
        extensionContext: extensionContextUrl(publicUrl),
        identitySalt: randomBytes(12).toString('base64url'),
      });
      const signed = await signBuiltCredential(unsigned, context.signer, documentLoader, now);
      rows.push({
        id: entry.id,
        institutionId: context.institution.id,
        resultId: entry.result.id,
        resultFingerprint: entry.result.fingerprint,
        versionId: entry.version.id,
        microCredentialId: entry.version.microCredentialId,
        learnerEmail: entry.result.learnerEmail,
        learnerName: entry.result.learnerName,
        kind: entry.certificate,
        title: entry.version.input.title,
        signedJson: JSON.stringify(signed),
        keyId: context.key.id,
        revocationListId: revocationEntry.listId,
        revocationIndex: revocationEntry.index,
        suspensionListId: suspensionEntry.listId,
        suspensionIndex: suspensionEntry.index,
        issuedAt: now,
        validFrom: now,
        jobId,
      });
    }
    // The claim link is minted with the credential and its mail written in the same transaction:
    // a credential never exists without the mail that lets its learner claim it.
    const claimExpiresAt = new Date(now.getTime() + claimDays * 86_400_000);
    const mails: Mail[] = [];
    const withClaims = rows.map((row) => {
      const token = randomBytes(32).toString('base64url');
      mails.push(claimMail(row, context.institution.name, token));
      return { ...row, claimTokenHash: sha256(token), claimExpiresAt };
    });
    await repository.insertCredentials(withClaims, tx);
    const recordedMails = await mailer.record(mails, tx);
    return { issued: new Map(planned.map((entry) => [entry.result.id, entry.id])), mails: recordedMails };
  }

  function claimMail(
    credential: Pick<CredentialRow, 'learnerEmail' | 'learnerName' | 'kind' | 'title'>,
    institutionName: string,
    token: string,
  ): Mail {
    return {
      to: credential.learnerEmail ?? '',
      subject: `Your ${CERTIFICATE_NAMES[credential.kind as CertificateKind]?.toLowerCase() ?? 'credential'} from ${institutionName}`,
      body: [
        `Hello ${credential.learnerName ?? ''},`.trim(),
        '',
        `${institutionName} has issued you a digital credential for ${credential.title}.`,
        '',
        'Add it to your account on the Micro-credentials Hub with this link. It works once and lasts',
        `${claimDays} days:`,
        '',
        `${publicUrl}/claim/${token}`,
        '',
        'Once it is in your account you can download it as a verifiable credential (Open Badges 3.0)',
        'or as a PDF certificate, and share it with employers.',
      ].join('\n'),
    };
  }

  async function mailClaimLink(credential: CredentialRow, institutionName: string) {
    if (!credential.learnerEmail) return;
    const token = randomBytes(32).toString('base64url');
    const expires = new Date(clock().getTime() + claimDays * 86_400_000);
    await repository.updateCredential(credential.id, {
      claimTokenHash: sha256(token),
      claimExpiresAt: expires,
    });
    await mailer.send(claimMail(credential, institutionName, token));
  }

  // ---- The durable issuance worker ------------------------------------------------------------

  const worker = (() => {
    const owner = randomUUID();
    let running: Promise<void> | null = null;
    let again = false;
    let stopped = false;

    async function processJob(jobId: string) {
      const job = await repository.findJob(jobId);
      if (!job) return;
      const [institution] = await catalogue.institutionsByIds([job.institutionId]);
      if (!institution) {
        await repository.finishJob(jobId, clock(), owner, 'The institution no longer exists.');
        return;
      }
      let context: IssueContext | null = null;
      for (;;) {
        if (stopped) return;
        const items = await repository.pendingItems(jobId, CHUNK);
        if (items.length === 0) break;
        const results = await repository.findResults(items.map((item) => item.resultId));
        // One context per job run: versions and keys do not change under a running batch.
        if (!context || results.some((result) => !context!.versions.has(result.versionId)))
          context = await issueContextFor(institution, results);
        const chunkContext = context;
        const { issuedIds, mails } = await database.db.transaction(async (tx) => {
          const live = await repository.liveCredentialsOfResults(
            results.map((result) => result.id),
            tx,
          );
          const alreadyIssued = new Set(
            live
              .filter((credential) =>
                results.some(
                  (r) => r.id === credential.resultId && r.fingerprint === credential.resultFingerprint,
                ),
              )
              .map((credential) => credential.resultId),
          );
          const toIssue = results.filter((result) => !alreadyIssued.has(result.id));
          const { issued, mails: recorded } = await issueForResults(chunkContext, toIssue, jobId, tx);
          await repository.settleItems(
            jobId,
            items.map((item) => {
              const credentialId = issued.get(item.resultId) ?? null;
              return {
                position: item.position,
                state: credentialId ? 'issued' : 'skipped',
                credentialId,
                problem: credentialId ? null : 'Already issued, or the result no longer earns a certificate.',
              };
            }),
            new Date(clock().getTime() + LEASE_MS),
            owner,
            tx,
          );
          return { issuedIds: [...issued.values()], mails: recorded };
        });
        await mailer.deliver(mails);
        deps.log?.info({ jobId, issued: issuedIds.length }, 'issuance job progress');
      }
      await repository.finishJob(jobId, clock(), owner);
    }

    async function drain() {
      do {
        again = false;
        for (;;) {
          if (stopped) return;
          const now = clock();
          const job = await repository.leaseNextJob(now, new Date(now.getTime() + LEASE_MS), owner);
          if (!job) break;
          try {
            await processJob(job.id);
          } catch (error) {
            // Losing the lease (or meeting the other worker's credential on the unique index)
            // means another worker finishes the job; this one lets it go.
            if (error instanceof LeaseLostError || isUniqueViolation(error)) {
              deps.log?.warn({ jobId: job.id }, 'issuance job taken over by another worker');
              continue;
            }
            deps.log?.error({ err: error, jobId: job.id }, 'issuance job failed');
            await repository.finishJob(
              job.id,
              clock(),
              owner,
              error instanceof Error ? error.message : String(error),
            );
          }
        }
      } while (again && !stopped);
    }

    return {
      /** Starts (or restarts) draining the queue in the background. */
      wake() {
        if (stopped) return;
        if (running) {
          again = true;
          return;
        }
        running = drain().finally(() => {
          running = null;
        });
      },
      /** Waits until the queue is empty: tests and the command line use it. */
      async idle() {
        while (running) await running;
      },
      async stop() {
        stopped = true;
        while (running) await running;
      },
    };
  })();

  // ---- Status changes -------------------------------------------------------------------------

  type StatusAction = 'revoke' | 'suspend' | 'unsuspend';

  function checkedReason(action: StatusAction, reason: string): string {
    const trimmed = reason.trim();
    if (action !== 'unsuspend' && trimmed.length < 3)
      throw new CredentialsError('Give the reason, for the record and for the learner.', 400, 'reason');
    if (trimmed.length > 500)
      throw new CredentialsError('Keep the reason to 500 characters or fewer.', 400, 'reason');
    return trimmed;
  }

  /** Flips the status bit, records why and audits it, inside the caller's transaction. */
  async function changeStatusIn(
    tx: Db,
    institution: Institution,
    actor: Actor,
    credentialId: string,
    action: StatusAction,
    reason: string,
  ): Promise<CredentialRow> {
    const found = await repository.findCredential(credentialId, tx);
    if (!found || found.institutionId !== institution.id)
      throw new CredentialsError('There is no such credential at this institution.', 404);
    if (found.revokedAt)
      throw new CredentialsError('This credential is already revoked; it cannot change again.', 409);
    if (action === 'revoke') {
      if (found.revocationListId === null || found.revocationIndex === null)
        throw new CredentialsError('This credential has no revocation entry.', 409);
      await statusLists.setBit(found.revocationListId, found.revocationIndex, true, tx);
      await repository.updateCredential(found.id, { revokedAt: clock(), revocationReason: reason }, tx);
    } else {
      if (found.suspensionListId === null || found.suspensionIndex === null)
        throw new CredentialsError('This credential has no suspension entry.', 409);
      const suspend = action === 'suspend';
      if (found.suspended === suspend)
        throw new CredentialsError(
          suspend ? 'This credential is already suspended.' : 'This credential is not suspended.',
          409,
        );
      await statusLists.setBit(found.suspensionListId, found.suspensionIndex, suspend, tx);
      await repository.updateCredential(
        found.id,
        { suspended: suspend, suspensionReason: suspend ? reason : null },
        tx,
      );
    }
    await audit.record(
      {
        chainId: institution.id,
        actor,
        action: `credential.${action}`,
        subjectType: 'credential',
        subjectId: found.id,
        after: { reason: reason || null },
      },
      tx,
    );
    return found;
  }

  /** After the change has committed: re-sign the list at once and tell the learner. */
  async function announceStatusChange(
    institution: Institution,
    credential: CredentialRow,
    action: StatusAction,
    reason: string,
  ) {
    const listId = action === 'revoke' ? credential.revocationListId : credential.suspensionListId;
    if (listId) await statusListCredential(listId).catch(() => undefined);
    if (!credential.learnerEmail) return;
    const verb = action === 'revoke' ? 'revoked' : action === 'suspend' ? 'suspended' : 'reinstated';
    await mailer.send({
      to: credential.learnerEmail,
      subject: `Your credential for ${credential.title} has been ${verb}`,
      body: [
        `Hello ${credential.learnerName ?? ''},`.trim(),
        '',
        `${institution.name} has ${verb} your credential for ${credential.title}.`,
        ...(reason ? ['', `Reason: ${reason}`] : []),
        '',
        action === 'unsuspend'
          ? 'It verifies as valid again.'
          : 'Anyone who verifies it now sees this. If you think this is a mistake, contact the institution’s registry.',
      ].join('\n'),
    });
  }

  async function changeStatus(
    institution: Institution,
    actor: Actor,
    credentialId: string,
    action: StatusAction,
    reason: string,
  ) {
    const trimmed = checkedReason(action, reason);
    const credential = await database.db.transaction((tx) =>
      changeStatusIn(tx, institution, actor, credentialId, action, trimmed),
    );
    await announceStatusChange(institution, credential, action, trimmed);
  }

  const verifier = createVerifier({
    documentLoader,
    publicUrl,
    clock,
    isRegisteredIssuer: cachedIssuer,
    ownStatuses: async (issuerId, entries) => {
      const issuer = issuerId ? await cachedIssuer(issuerId) : null;
      const ours = entries.map((entry) => ({
        listId: statusListIdOf(publicUrl, entry.listUrl),
        index: entry.index,
      }));
      const readable = ours.filter(
        (entry): entry is { listId: string; index: number } => entry.listId !== null,
      );
      const bits = await statusLists.bitsOf(readable);
      return ours.map((entry) => {
        if (entry.listId === null) return undefined;
        const found = bits[readable.indexOf(entry as { listId: string; index: number })];
        if (!found || found.institutionId === null)
          return { set: null, problem: 'the status list no longer exists.' };
        // A list speaks only for its own institution's credentials.
        if (found.institutionId !== issuer?.institutionId)
          return { set: null, problem: 'the status list belongs to another issuer.' };
        if (found.set === null) return { set: null, problem: `position ${entry.index} is not on the list.` };
        return { set: found.set, problem: null };
      });
    },
  });

  async function cachedIssuer(issuerId: string) {
    const cached = registeredIssuers.get(issuerId);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.issuer;
    const issuer = await registeredIssuer(issuerId);
    if (registeredIssuers.size > 1000) registeredIssuers.clear();
    registeredIssuers.set(issuerId, { at: Date.now(), issuer });
    return issuer;
  }

  async function registeredIssuer(issuerId: string): Promise<{ name: string; institutionId: string } | null> {
    const slug = institutionSlugOfDidWeb(publicUrl, issuerId);
    if (slug) {
      const institution = await catalogue.findInstitution(slug);
      return institution ? { name: institution.name, institutionId: institution.id } : null;
    }
    const publicKey = publicKeyOfDidKey(issuerId);
    if (publicKey) {
      const key = await keys.findByPublicKey(publicKey);
      if (!key) return null;
      const [institution] = await catalogue.institutionsByIds([key.institutionId]);
      return institution ? { name: institution.name, institutionId: institution.id } : null;
    }
    return null;
  }

  return {
    documentLoader,
    keys,
    issuerDid,
    issuerProfile,
    didDocumentOf,
    statusListCredential,
    signerOf,

    async findStatusList(listId: string) {
      return statusLists.find(listId);
    },

    async rotateKey(institution: Institution, actor: Actor) {
      const key = await database.db.transaction(async (tx) => {
        const created = await keys.rotate(institution.id, tx);
        await audit.record(
          {
            chainId: institution.id,
            actor,
            action: 'issuer-key.rotated',
            subjectType: 'issuer-key',
            subjectId: created.id,
            after: { publicKeyMultibase: created.publicKeyMultibase },
          },
          tx,
        );
        return created;
      });
      return key;
    },

    // Results
    previewCsv,
    async applyCsv(institution: Institution, actor: Actor, csv: string) {
      const preview = await previewCsv(institution, csv);
      if (preview.fileProblem || preview.problems.length > 0) return { applied: false as const, preview };
      const parsed = parseResultsCsv(csv, isoDate(clock()));
      const problems: CsvRowProblem[] = [];
      const planned = await plan(institution, parsed.rows, problems);
      if (problems.length > 0) return { applied: false as const, preview: { ...preview, problems } };
      const outcome = await apply(institution, actor, planned, 'csv');
      return { applied: true as const, preview, jobId: outcome.jobId };
    },

    /** One result from the form: the same checks and the same path as a one-row upload. */
    async recordResult(institution: Institution, actor: Actor, raw: RawResult) {
      const checked = validateResult(raw, isoDate(clock()));
      const problems: CsvRowProblem[] = checked.ok
        ? []
        : checked.errors.map((error) => ({ row: 1, field: error.field, message: error.message }));
      const planned = checked.ok ? await plan(institution, [{ row: 1, value: checked.value }], problems) : [];
      if (problems.length > 0) throw new ResultValidationError(problems);
      const outcome = await apply(institution, actor, planned, 'form');
      return {
        change: planned[0]?.change ?? 'unchanged',
        certificate: planned[0]?.certificate ?? null,
        jobId: outcome.jobId,
      };
    },

    recentResults: (institutionId: string, limit = 50) => repository.recentResults(institutionId, limit),
    countResults: (institutionId: string) => repository.countResults(institutionId),
    // Jobs
    worker,
    findJob: (jobId: string) => repository.findJob(jobId),
    jobsOf: (institutionId: string, limit = 10) => repository.jobsOf(institutionId, limit),

    // Credentials
    findCredential: (id: string) => repository.findCredential(id),
    credentialsOfInstitution: (institutionId: string, limit = 100, offset = 0) =>
      repository.credentialsOfInstitution(institutionId, limit, offset),
    credentialsOfLearner: (userId: string) => repository.credentialsOfLearner(userId),
    changeStatus,

    /** Redeems a claim link: binds the credential to the signed-in learner, once. */
    async claim(token: string, user: { id: string }) {
      return database.db.transaction(async (tx) => {
        const credential = await repository.findByClaimHash(sha256(token), tx);
        if (!credential)
          throw new CredentialsError('This claim link has already been used or is not valid.', 404);
        if (credential.claimExpiresAt && credential.claimExpiresAt < clock())
          throw new CredentialsError(
            'This claim link has expired. Ask the institution’s registry to send a new one.',
            409,
          );
        // Redeemed only while the same token is still on the row: of two simultaneous claims
        // with one link, exactly one succeeds.
        const redeemed = await repository.redeemClaim(
          credential.id,
          credential.claimTokenHash!,
          user.id,
          clock(),
          tx,
        );
        if (!redeemed)
          throw new CredentialsError('This claim link has already been used or is not valid.', 404);
        return credential;
      });
    },

    /** Sends a fresh claim link (the old one stops working). */
    async resendClaim(institution: Institution, credentialId: string) {
      const credential = await repository.findCredential(credentialId);
      if (!credential || credential.institutionId !== institution.id)
        throw new CredentialsError('There is no such credential at this institution.', 404);
      if (credential.claimedAt)
        throw new CredentialsError('The learner has already claimed this credential.', 409);
      await mailClaimLink(credential, institution.name);
    },

    verify: (document: unknown): Promise<VerificationReport> => verifier.verify(document),
    verifier,

    // ---- W3C VC API (used by vc-api-issuance.ts) ----------------------------------------------

    /**
     * Stores a credential issued through the VC API, kind 'api', with fresh status entries, all in
     * one transaction. `sign` gets the entries and returns the signed credential; it runs inside
     * the transaction and must not query the database. If it throws (a term JSON-LD safe mode
     * refuses), the entries are released and nothing changes. Returns the signed JSON as stored.
     */
    async issueApiCredential(
      institution: Institution,
      actor: Actor,
      request: {
        id: string;
        keyId: string;
        title: string;
        purposes: StatusPurpose[];
        validFrom: Date;
        validUntil: Date | null;
        sign(status: { purpose: StatusPurpose; listUrl: string; index: number }[]): Promise<object>;
      },
    ): Promise<string> {
      return database.db.transaction(async (tx) => {
        if (await repository.findCredential(request.id, tx))
          throw new CredentialsError('A credential with this id has already been issued.', 409, 'id');
        const entries = [];
        for (const purpose of request.purposes) {
          const allocated = await statusLists.allocate(institution.id, purpose, [request.id], tx);
          const entry = allocated.get(request.id)!;
          entries.push({ purpose, listId: entry.listId, index: entry.index });
        }
        const signed = await request.sign(
          entries.map(({ purpose, listId, index }) => ({
            purpose,
            listUrl: statusListUrl(publicUrl, listId),
            index,
          })),
        );
        const signedJson = JSON.stringify(signed);
        const revocation = entries.find((entry) => entry.purpose === 'revocation');
        const suspension = entries.find((entry) => entry.purpose === 'suspension');
        await repository.insertCredentials(
          [
            {
              id: request.id,
              institutionId: institution.id,
              kind: 'api',
              title: request.title,
              signedJson,
              keyId: request.keyId,
              revocationListId: revocation?.listId ?? null,
              revocationIndex: revocation?.index ?? null,
              suspensionListId: suspension?.listId ?? null,
              suspensionIndex: suspension?.index ?? null,
              issuedAt: clock(),
              validFrom: request.validFrom,
              validUntil: request.validUntil,
            },
          ],
          tx,
        );
        await audit.record(
          {
            chainId: institution.id,
            actor,
            action: 'credential.issued',
            subjectType: 'credential',
            subjectId: request.id,
            after: { via: 'vc-api', status: request.purposes },
          },
          tx,
        );
        return signedJson;
      });
    },
  };
}

export type CredentialsService = ReturnType<typeof createCredentialsService>;

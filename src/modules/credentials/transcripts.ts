import { randomBytes, randomUUID } from 'node:crypto';
import type { CatalogueService, Institution } from '../catalogue/index.ts';
import { issuerProfile as profileOf } from './achievement-credential-model.ts';
import { signCredential } from './data-integrity.ts';
import type { CredentialRow } from './credentials-repository.ts';
import type { CredentialsService } from './credentials-service.ts';
import { buildTranscript } from './transcript-model.ts';

export interface TranscriptsDependencies {
  credentials: CredentialsService;
  catalogue: CatalogueService;
  clock: () => Date;
}

export interface SignedTranscript {
  institution: Institution;
  /** The signed ClrCredential as sent to the learner. */
  json: string;
  credentialCount: number;
}

/**
 * Credentials a transcript vouches for: claimed by the learner, from the institution, and good
 * today (not revoked, not suspended, not expired). A transcript is signed afresh, so it must not
 * vouch again for what the institution has withdrawn or paused.
 */
export function transcriptCredentialsOf(
  credentials: CredentialRow[],
  institutionId: string,
  now: Date,
): CredentialRow[] {
  return credentials.filter(
    (credential) =>
      credential.institutionId === institutionId &&
      credential.revokedAt === null &&
      !credential.suspended &&
      (credential.validUntil === null || credential.validUntil > now),
  );
}

/**
 * Signs a CLR 2.0 transcript of a learner's credentials from one institution, with that
 * institution's key: the institution vouches for the set, and each credential inside keeps its own
 * proof, so each can still be checked on its own. Made fresh on each request, never stored.
 */
export function createTranscripts({ credentials, catalogue, clock }: TranscriptsDependencies) {
  return {
    async transcriptFor(
      learner: { userId: string; name: string },
      institutionSlug: string,
    ): Promise<SignedTranscript | null> {
      const institution = await catalogue.findInstitution(institutionSlug);
      if (!institution) return null;
      const now = clock();
      const included = transcriptCredentialsOf(
        await credentials.credentialsOfLearner(learner.userId),
        institution.id,
        now,
      );
      if (included.length === 0) return null;
      const unsigned = buildTranscript({
        transcriptId: `urn:uuid:${randomUUID()}`,
        issuer: profileOf(credentials.issuerProfile(institution)),
        validFrom: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        learner: {
          name: included.find((credential) => credential.learnerName)?.learnerName ?? learner.name,
          emails: included.flatMap((credential) =>
            credential.learnerEmail ? [credential.learnerEmail] : [],
          ),
        },
        identitySalt: randomBytes(12).toString('base64url'),
        credentials: included.map(
          (credential) => JSON.parse(credential.signedJson) as Record<string, unknown>,
        ),
      });
      const { signer } = await credentials.signerOf(institution);
      const signed = await signCredential(unsigned, signer, credentials.documentLoader, now);
      return { institution, json: JSON.stringify(signed, null, 2), credentialCount: included.length };
    },
  };
}

export type Transcripts = ReturnType<typeof createTranscripts>;

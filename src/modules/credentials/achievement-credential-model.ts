import { createHash } from 'node:crypto';
import {
  ASSESSMENT_KINDS,
  DELIVERY_MODES,
  frameworkFacts,
  type DeliveryMode,
  type MicroCredentialInput,
} from '../catalogue/catalogue-model.ts';
import type { Outcome } from './results-model.ts';

/**
 * Builds the unsigned Open Badges 3.0 AchievementCredential for one result, following the
 * mapping in design.md §6. Pure: ids, dates and status entries come in from the caller, so the
 * same inputs always give the same document.
 */

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const SCQF_FRAMEWORK_URL = 'https://scqf.org.uk/about-the-framework/interactive-framework/';
export const EQF_FRAMEWORK_URL = 'https://europass.europa.eu/en/description-eight-eqf-levels';

/** The hub's extension context, bundled with the hub and served at this path under PUBLIC_URL. */
export const EXTENSION_CONTEXT_PATH = '/contexts/micro-credentials/v1';
export function extensionContextUrl(publicUrl: string): string {
  return `${publicUrl}${EXTENSION_CONTEXT_PATH}`;
}

export type CertificateKind = 'certificate-of-study' | 'certificate-of-attendance';

export const CERTIFICATE_NAMES: Record<CertificateKind, string> = {
  'certificate-of-study': 'Certificate of study',
  'certificate-of-attendance': 'Certificate of attendance',
};

/**
 * A passed credit-rated micro-credential gives a certificate of study; an attended (or passed)
 * small qualification a certificate of attendance. Other outcomes are recorded but not certified.
 */
export function certificateFor(kind: MicroCredentialInput['kind'], outcome: Outcome): CertificateKind | null {
  if (kind === 'micro-credential') return outcome === 'passed' ? 'certificate-of-study' : null;
  return outcome === 'attended' || outcome === 'passed' ? 'certificate-of-attendance' : null;
}

export interface IssuerProfile {
  id: string;
  name: string;
  url: string | null;
  /** The institution's page on the hub. */
  hubPage: string;
}

export interface StatusEntryRef {
  purpose: 'revocation' | 'suspension';
  listUrl: string;
  index: number;
}

export interface CredentialFacts {
  credentialId: string; // urn:uuid:…
  issuer: IssuerProfile;
  achievementId: string; // the version's stable URL
  moduleCode: string;
  subjectName: string;
  version: MicroCredentialInput;
  versionNumber: number;
  learner: { email: string; name: string };
  result: {
    outcome: Outcome;
    mark: number | null;
    grade: string | null;
    diet: string;
    completedOn: string;
    deliveryMode: DeliveryMode | null;
    offeringStart: string | null;
  };
  certificate: CertificateKind;
  validFrom: string;
  validUntil: string | null;
  status: StatusEntryRef[];
  extensionContext: string;
  /** Salt for the hashed email: stable per credential so the hash can be checked by the learner. */
  identitySalt: string;
}

const RESULT_STATUS: Record<Outcome, string> = {
  passed: 'Completed',
  attended: 'Completed',
  failed: 'Failed',
  withdrawn: 'Withdrew',
};

/** OB3 identity hashes are `sha256$` + hex of the value followed by the salt. */
export function identityHash(value: string, salt: string): string {
  return `sha256$${createHash('sha256')
    .update(value + salt)
    .digest('hex')}`;
}

export function statusEntries(status: StatusEntryRef[]) {
  return status.map((entry) => ({
    id: `${entry.listUrl}#${entry.index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: entry.purpose,
    statusListIndex: String(entry.index),
    statusListCredential: entry.listUrl,
  }));
}

export function buildAchievementCredential(facts: CredentialFacts) {
  const { version, result } = facts;
  const framework = frameworkFacts(version);
  const resultDescriptionBase = `${facts.achievementId}#result`;
  const resultDescription: Record<string, unknown>[] = [];
  const results: Record<string, unknown>[] = [];
  const status = RESULT_STATUS[result.outcome];

  if (result.mark !== null) {
    resultDescription.push({
      id: `${resultDescriptionBase}-mark`,
      type: ['ResultDescription'],
      name: 'Mark',
      resultType: 'Percent',
      valueMin: '0',
      valueMax: '100',
    });
    results.push({
      type: ['Result'],
      resultDescription: `${resultDescriptionBase}-mark`,
      value: String(result.mark),
      status,
    });
  }
  if (result.grade !== null) {
    resultDescription.push({
      id: `${resultDescriptionBase}-grade`,
      type: ['ResultDescription'],
      name: 'Grade',
      resultType: 'LetterGrade',
    });
    results.push({
      type: ['Result'],
      resultDescription: `${resultDescriptionBase}-grade`,
      value: result.grade,
      status,
    });
  }
  if (results.length === 0) {
    resultDescription.push({
      id: `${resultDescriptionBase}-outcome`,
      type: ['ResultDescription'],
      name: 'Outcome',
      resultType: 'Status',
    });
    results.push({ type: ['Result'], resultDescription: `${resultDescriptionBase}-outcome`, status });
  }

  const alignment: Record<string, unknown>[] = [];
  if (version.scqfLevel !== null) {
    alignment.push({
      type: ['Alignment'],
      targetName: `SCQF level ${version.scqfLevel}`,
      targetDescription: 'Level on the Scottish Credit and Qualifications Framework',
      targetFramework: 'Scottish Credit and Qualifications Framework',
      targetCode: String(version.scqfLevel),
      targetType: 'ext:SCQFLevel',
      targetUrl: SCQF_FRAMEWORK_URL,
    });
  }
  if (framework.eqfLevel !== null) {
    alignment.push({
      type: ['Alignment'],
      targetName: `EQF level ${framework.eqfLevel}`,
      targetDescription: 'Level on the European Qualifications Framework',
      targetFramework: 'European Qualifications Framework',
      targetCode: String(framework.eqfLevel),
      targetType: 'ext:EQFLevel',
      targetUrl: EQF_FRAMEWORK_URL,
    });
  }

  const achievement: Record<string, unknown> = {
    id: facts.achievementId,
    type: ['Achievement'],
    achievementType: 'MicroCredential',
    name: version.title,
    description: version.summary,
    criteria: {
      narrative: [
        `${CERTIFICATE_NAMES[facts.certificate]} awarded on ${facts.certificate === 'certificate-of-study' ? 'passing the assessment' : 'completing the course'}. Learning outcomes:`,
        ...version.learningOutcomes.map((outcome, index) => `${index + 1}. ${outcome.text}`),
      ].join('\n'),
    },
    ...(version.scqfCredits !== null ? { creditsAvailable: version.scqfCredits } : {}),
    humanCode: facts.moduleCode,
    fieldOfStudy: facts.subjectName,
    ...(languageCodeOf(version.language) ? { inLanguage: languageCodeOf(version.language) } : {}),
    version: String(facts.versionNumber),
    ...(alignment.length > 0 ? { alignment } : {}),
    resultDescription,
    creator: issuerProfile(facts.issuer),
    // Hub extension: the framework facts Open Badges has no term for.
    microCredentialKind: version.kind,
    providerTerm: version.providerTerm,
    languageOfStudy: version.language,
    ...(version.scqfLevel !== null ? { scqfLevel: version.scqfLevel } : {}),
    ...(version.scqfCredits !== null ? { scqfCredits: version.scqfCredits } : {}),
    ...(framework.ects !== null ? { ectsCredits: framework.ects } : {}),
    ...(framework.eqfLevel !== null ? { eqfLevel: framework.eqfLevel } : {}),
    notionalHours: version.notionalHours,
    assessmentType: ASSESSMENT_KINDS[version.assessmentKind],
    assessmentDescription: version.assessment,
    supervision: version.supervision,
    identityChecked: version.identityChecked,
    ...(version.prerequisites.trim() ? { prerequisites: version.prerequisites } : {}),
    qualityAssuranceBody: version.qaBody,
    qualityAssuranceRoute: version.qaRoute,
    ...(version.qaApprovedOn ? { qualityAssuredOn: version.qaApprovedOn } : {}),
    ...(version.creditRatingBody ? { creditRatingBody: version.creditRatingBody } : {}),
    recognitionType: facts.certificate,
    transferability: version.transferability,
    stackability: version.stackability,
  };

  const earnsCredit = facts.certificate === 'certificate-of-study' && version.scqfCredits !== null;
  const credentialSubject: Record<string, unknown> = {
    type: ['AchievementSubject'],
    identifier: [
      {
        type: 'IdentityObject',
        identityHash: identityHash(facts.learner.email, facts.identitySalt),
        identityType: 'emailAddress',
        hashed: true,
        salt: facts.identitySalt,
      },
      {
        type: 'IdentityObject',
        identityHash: facts.learner.name,
        identityType: 'name',
        hashed: false,
      },
    ],
    achievement,
    ...(earnsCredit ? { creditsEarned: version.scqfCredits } : {}),
    result: results,
    activityEndDate: `${result.completedOn}T00:00:00Z`,
    ...(result.offeringStart ? { activityStartDate: `${result.offeringStart}T00:00:00Z` } : {}),
    diet: result.diet,
    ...(result.deliveryMode ? { deliveryMode: DELIVERY_MODES[result.deliveryMode] } : {}),
  };

  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT, facts.extensionContext],
    id: facts.credentialId,
    type: ['VerifiableCredential', 'AchievementCredential'],
    name: `${CERTIFICATE_NAMES[facts.certificate]}: ${version.title}`,
    description: `${facts.learner.name} ${facts.certificate === 'certificate-of-study' ? 'passed' : 'attended'} ${version.title} (${facts.moduleCode}) at ${facts.issuer.name}.`,
    issuer: issuerProfile(facts.issuer),
    validFrom: facts.validFrom,
    ...(facts.validUntil ? { validUntil: facts.validUntil } : {}),
    credentialSubject,
    ...(facts.status.length > 0 ? { credentialStatus: statusEntries(facts.status) } : {}),
  };
}

const LANGUAGE_CODES: [RegExp, string][] = [
  [/english/i, 'en'],
  [/g[aà]idhlig|scottish gaelic|\bgaelic\b/i, 'gd'],
  [/\bscots\b/i, 'sco'],
  [/welsh|cymraeg/i, 'cy'],
  [/irish|gaeilge/i, 'ga'],
  [/british sign language|\bbsl\b/i, 'bfi'],
  [/french|fran[cç]ais/i, 'fr'],
  [/german|deutsch/i, 'de'],
  [/spanish|espa[nñ]ol/i, 'es'],
  [/polish|polski/i, 'pl'],
  [/italian/i, 'it'],
  [/portuguese/i, 'pt'],
  [/arabic/i, 'ar'],
  [/mandarin|chinese/i, 'zh'],
];

/**
 * Open Badges wants a language code; the catalogue holds the language as people write it
 * ("English and Gaelic"). The first language named gives the code; the words are kept too.
 */
export function languageCodeOf(language: string): string | null {
  let best: { index: number; code: string } | null = null;
  for (const [pattern, code] of LANGUAGE_CODES) {
    const match = pattern.exec(language);
    if (match && (best === null || match.index < best.index)) best = { index: match.index, code };
  }
  return best?.code ?? null;
}

export function issuerProfile(issuer: IssuerProfile) {
  return {
    id: issuer.id,
    type: ['Profile'],
    name: issuer.name,
    url: issuer.url ?? issuer.hubPage,
  };
}

export type UnsignedAchievementCredential = ReturnType<typeof buildAchievementCredential>;

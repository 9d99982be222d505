import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actorAt } from '../../src/modules/accounts/index.ts';
import type { Institution } from '../../src/modules/catalogue/catalogue-repository.ts';
import { RESULT_CSV_COLUMNS, type RawResult } from '../../src/modules/credentials/results-model.ts';
import type { HubServer } from './hub-server.ts';
import { E2E_PASSWORD, type Person } from './people.ts';

/*
 * What the credentials tests need beyond the pages: a demo institution whose courses have
 * offerings (results belong to an offering), learners with accounts, result files, and
 * credentials issued and claimed through the hub's own services for pages that need one.
 */

/** A demo university with many coded courses; startHub seeds no credentials there. */
export const RESULTS_INSTITUTION = 'abertay-university';

export async function demoInstitution(hub: HubServer, slug = RESULTS_INSTITUTION): Promise<Institution> {
  const institution = await hub.services.catalogue.findInstitution(slug);
  if (!institution) throw new Error(`The demo catalogue has no institution ${slug}`);
  return institution;
}

export interface CourseForResults {
  code: string;
  title: string;
}

/**
 * The institution's credit-rated micro-credentials with a single intake: a pass earns a certificate
 * of study, and a result needs only the module code (no intake start date).
 */
export async function coursesForResults(
  hub: HubServer,
  institution: Institution,
): Promise<CourseForResults[]> {
  const offerings = await hub.services.catalogue.listOfferingsByCode(institution.id);
  const intakes = new Map<string, typeof offerings>();
  for (const offering of offerings)
    intakes.set(offering.code, [...(intakes.get(offering.code) ?? []), offering]);
  const courses: CourseForResults[] = [];
  for (const [code, found] of intakes) {
    const [only] = found;
    if (!only || found.length !== 1) continue;
    const version = await hub.services.catalogue.findVersion(only.versionId);
    if (version?.input.kind === 'micro-credential') courses.push({ code, title: version.input.title });
  }
  if (courses.length < 2) throw new Error(`${institution.name} has too few single-intake micro-credentials`);
  return courses;
}

let learners = 0;

/** A learner with a confirmed account, who signs in through /sign-in like anyone. */
export async function addLearner(hub: HubServer, name: string): Promise<Person> {
  learners += 1;
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${learners}@learner.example`;
  const user = await hub.services.accounts.createUser({
    name,
    email,
    password: E2E_PASSWORD,
    isEmailVerified: true,
  });
  return { name: user.name, email: user.email, password: E2E_PASSWORD, userId: user.id };
}

/** One row of a results file; what is left out is what a registry would leave blank or typical. */
export type ResultLine = Pick<RawResult, 'learnerEmail' | 'learnerName' | 'moduleCode' | 'outcome'> &
  Partial<RawResult>;

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A results file as a spreadsheet saves it: the header row, then one row per result. */
export function resultsCsv(lines: readonly ResultLine[]): string {
  const rows = lines.map((line) => {
    const raw: RawResult = {
      offeringStart: '',
      mark: '',
      grade: '',
      diet: 'November 2026',
      completedOn: '2026-11-13',
      ...line,
    };
    return [
      raw.learnerEmail,
      raw.learnerName,
      raw.moduleCode,
      raw.offeringStart,
      raw.outcome,
      raw.mark,
      raw.grade,
      raw.diet,
      raw.completedOn,
    ]
      .map(csvCell)
      .join(',');
  });
  return `${[RESULT_CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

/** A folder for files the browser uploads or downloads; `remove` deletes it and everything in it. */
export async function scratchFolder(): Promise<{
  write(name: string, content: string | Uint8Array): Promise<string>;
  path(name: string): string;
  remove(): Promise<void>;
}> {
  const folder = await mkdtemp(join(tmpdir(), 'hub-e2e-credentials-'));
  return {
    async write(name, content) {
      const path = join(folder, name);
      await writeFile(path, content);
      return path;
    },
    path: (name) => join(folder, name),
    remove: () => rm(folder, { recursive: true, force: true }),
  };
}

/** Records a results file as the officer would by confirming the upload, and waits for the issuing. */
export async function recordResults(
  hub: HubServer,
  options: { institution: Institution; officer: Person; csv: string },
): Promise<string> {
  const { institution, officer } = options;
  const principal = await hub.services.accounts.principalForUser({
    id: officer.userId,
    name: officer.name,
    email: officer.email,
  });
  const outcome = await hub.services.credentials.applyCsv(
    institution,
    actorAt(principal, institution.id),
    options.csv,
  );
  if (!outcome.applied || !outcome.jobId)
    throw new Error(`The results were not recorded: ${JSON.stringify(outcome.preview.problems)}`);
  await hub.services.credentials.worker.idle();
  return outcome.jobId;
}

/**
 * The claim link's path (/claim/<token>) mailed to the address for the course. The hub's clock
 * stands still in the tests, so every mail has the same time: find it by what it says, not by age.
 */
export async function claimPathFor(hub: HubServer, email: string, courseTitle: string): Promise<string> {
  const mails = await hub.services.mailer.latest(100, email);
  const mail = mails.find((candidate) => candidate.body.includes(`digital credential for ${courseTitle}.`));
  const path = mail ? /\/claim\/[A-Za-z0-9_-]+/.exec(mail.body)?.[0] : undefined;
  if (!path) throw new Error(`No claim link for ${courseTitle} was mailed to ${email}`);
  return path;
}

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Institution } from '../src/modules/catalogue/catalogue-repository.ts';
import { CERTIFICATE_NAMES } from '../src/modules/credentials/achievement-credential-model.ts';
import { credentialJsonFromPdf } from '../src/modules/credentials/certificate-pdf.ts';
import { launchBrowser, newHubContext, recordPageErrors, screenshot } from './support/browser.ts';
import {
  addLearner,
  coursesForResults,
  demoInstitution,
  resultsCsv,
  scratchFolder,
  type CourseForResults,
  type ResultLine,
} from './support/credentials.ts';
import { startHub, type HubServer } from './support/hub-server.ts';
import { addStaff, type Person } from './support/people.ts';
import { currentUrl } from './pages/common.ts';
import {
  ClaimPage,
  LearnerCredentialPage,
  LearnerCredentialsPage,
} from './pages/credential-learner-pages.ts';
import { IssuedCredentialsPage, ResultsPage, UploadResultsPage } from './pages/credential-registry-pages.ts';
import { VerifyPage } from './pages/credential-verify-pages.ts';
import { OutboxPage } from './pages/outbox-page.ts';
import { SignInPage } from './pages/sign-in-page.ts';

const CERTIFICATE_OF_STUDY = CERTIFICATE_NAMES['certificate-of-study'];
const REVOCATION_REASON = 'The assessment was found to have been completed by someone else.';
const CHECK_LABELS = ['Structure', 'Signature', 'Issuer', 'Status', 'Validity dates'];

let hub: HubServer | undefined;
let browser: Browser | undefined;
let scratch: Awaited<ReturnType<typeof scratchFolder>>;
let institution: Institution;
let course: CourseForResults;
let people: { officer: Person; learner: Person };

/** Each person has their own browser window, as they would on their own computer. */
const windows = new Map<string, { context: BrowserContext; page: Page; errors: string[] }>();

function running(): { hub: HubServer; browser: Browser } {
  if (!hub || !browser) throw new Error('The hub or the browser did not start');
  return { hub, browser };
}

/** The page of one person's window, opened the first time it is asked for. */
async function windowOf(who: string): Promise<Page> {
  const found = windows.get(who);
  if (found) return found.page;
  const { hub: server, browser: chromium } = running();
  const context = await newHubContext(chromium, server.baseUrl, { acceptDownloads: true });
  const page = await context.newPage();
  windows.set(who, { context, page, errors: recordPageErrors(page) });
  return page;
}

function expectNoScriptErrors(): void {
  const errors = [...windows.values()].flatMap((window) => window.errors);
  expect(errors, 'script errors in the pages').toEqual([]);
}

/** The learner and four classmates; Ailsa's mark is mistyped in the first file. */
function classList(ailsaMark: string): ResultLine[] {
  const on = { moduleCode: course.code };
  return [
    {
      ...on,
      learnerEmail: people.learner.email,
      learnerName: people.learner.name,
      outcome: 'Passed',
      mark: '72',
    },
    {
      ...on,
      learnerEmail: 'ruaridh.macleod@learner.example',
      learnerName: 'Ruaridh MacLeod',
      outcome: 'Passed',
      mark: '65',
    },
    {
      ...on,
      learnerEmail: 'ailsa.grant@learner.example',
      learnerName: 'Ailsa Grant',
      outcome: 'Passed',
      mark: ailsaMark,
    },
    {
      ...on,
      learnerEmail: 'fraser.reid@learner.example',
      learnerName: 'Fraser Reid',
      outcome: 'Failed',
      mark: '38',
    },
    {
      ...on,
      learnerEmail: 'morven.baird@learner.example',
      learnerName: 'Morven Baird',
      outcome: 'Passed',
      mark: '58',
    },
  ];
}

/** What the story hands on from one person to the next. */
const story = { credentialId: '', pdfPath: '', signedJson: '' };

beforeAll(async () => {
  [hub, browser] = await Promise.all([startHub(), launchBrowser()]);
  scratch = await scratchFolder();
  institution = await demoInstitution(hub);
  [course] = (await coursesForResults(hub, institution)) as [CourseForResults];
  people = {
    officer: await addStaff(hub, { name: 'Rhona Registry', institution, roles: ['registry'] }),
    learner: await addLearner(hub, 'Eilidh Learner'),
  };
});

afterAll(async () => {
  await browser?.close();
  await hub?.close();
  await scratch?.remove();
});

describe('an Open Badges 3.0 credential from a results file to an employer’s check, in the browser', () => {
  it('a registry officer uploads a file with a mark of 140, sees row 4 named and nothing recorded, fixes it and issues four certificates', async () => {
    const page = await windowOf('officer');
    const slug = institution.slug;
    await (await SignInPage.open(page, `/workspace/${slug}/results`)).signInAs(people.officer);
    let results = await ResultsPage.on(page, slug);
    expect(await results.recordedCount()).toBe('0 results recorded.');

    let upload = await results.openUpload();
    const withMistake = await scratch.write('results-with-a-mistake.csv', resultsCsv(classList('140')));
    upload = await upload.checkExpectingProblems(withMistake);
    const summary =
      '1 row has problems, listed below. Fix them in the file and check it again: nothing has been recorded.';
    expect(await upload.errors().messages()).toEqual([summary]);
    expect(await upload.errors().targetOf(summary), 'the summary leads to the list of problems').toBe(
      'problems',
    );
    expect(await upload.problems()).toEqual([
      { row: '4', column: 'mark', problem: 'Enter a whole number from 0 to 100, or leave it blank' },
    ]);
    await screenshot(page, 'credentials-story-upload-problems');

    // Nothing was recorded: the results page still counts none.
    results = await ResultsPage.open(page, slug);
    expect(await results.recordedCount()).toBe('0 results recorded.');

    upload = await results.openUpload();
    const fixed = await scratch.write('results.csv', resultsCsv(classList('81')));
    const checked = await upload.checkExpectingNoProblems(fixed);
    const counts = await checked.counts();
    expect(counts.get('New results')).toBe('5');
    expect(counts.get('Already recorded, unchanged')).toBe('0');
    expect(counts.get('Certificates to issue')).toBe('4');
    const rows = await checked.rows();
    expect(rows.map((row) => [row['Row'], row['Learner'], row['Certificate']])).toEqual([
      ['2', people.learner.email, CERTIFICATE_OF_STUDY],
      ['3', 'ruaridh.macleod@learner.example', CERTIFICATE_OF_STUDY],
      ['4', 'ailsa.grant@learner.example', CERTIFICATE_OF_STUDY],
      ['5', 'fraser.reid@learner.example', 'None'],
      ['6', 'morven.baird@learner.example', CERTIFICATE_OF_STUDY],
    ]);
    expect(await checked.confirmButton().textContent()).toBe('Record 5 results and issue 4 certificates');
    await screenshot(page, 'credentials-story-upload-checked');

    const issuing = await checked.confirm();
    await issuing.waitUntilFinished();
    expect(await issuing.state()).toBe('Finished');
    const figures = await issuing.figures();
    expect(figures.get('Issued')).toBe('4');
    expect(figures.get('Failed')).toBe('0');
    expect(figures.get('Still to do')).toBe('0');
    expect(await issuing.isRefreshing(), 'a finished batch stops refreshing the page').toBe(false);
    await screenshot(page, 'credentials-story-issuing-finished');

    const issued = await issuing.openIssuedCredentials();
    const credentials = await issued.rows();
    expect(credentials).toHaveLength(4);
    for (const credential of credentials) {
      expect(credential['Credential']).toBe(course.title);
      expect(credential['Kind']).toBe(CERTIFICATE_OF_STUDY);
      expect(credential['Status']).toBe('Not yet claimed');
    }
    const learners = credentials.map((credential) => credential['Learner'] ?? '').join('\n');
    expect(learners).toContain(people.learner.email);
    expect(learners, 'a failed result earns no certificate').not.toContain('fraser.reid@learner.example');
    await screenshot(page, 'credentials-story-issued');
    expectNoScriptErrors();
  });

  it('the learner follows the claim link in their mail, signs in, adds the credential and sees it in their account', async () => {
    const page = await windowOf('learner');
    const subject = `Your certificate of study from ${institution.name}`;
    const outbox = await OutboxPage.open(page, people.learner.email);
    expect((await outbox.mails()).map((mail) => mail.subject)).toEqual([subject]);
    const mail = await outbox.openMail(subject);
    expect(await mail.body().textContent()).toContain(`digital credential for ${course.title}`);
    await mail.follow('/claim/');

    // Not signed in yet: the link asks the learner to sign in, then brings them back to claim.
    const claimPath = currentUrl(page).pathname;
    const signIn = await (await ClaimPage.on(page)).signInFirst();
    await signIn.signInAs(people.learner);
    expect(currentUrl(page).pathname).toBe(claimPath);
    const claim = await ClaimPage.on(page);
    expect(await page.getByRole('main').textContent()).toContain(people.learner.email);
    await screenshot(page, 'credentials-story-claim');

    const credential = await claim.add();
    story.credentialId = credential.id;
    expect(credential.title).toBe(course.title);
    expect(await credential.addedMessage().textContent()).toContain('Added to your credentials');
    const details = await credential.details();
    expect(details.get('Credential')).toBe(CERTIFICATE_OF_STUDY);
    expect(details.get('Module code')).toBe(course.code);
    expect(details.get('Institution')).toBe(institution.name);
    expect(details.get('Result')).toContain('72');
    expect(details.get('Status')).toBe('Valid');
    await screenshot(page, 'credentials-story-learner-credential');

    const list = await LearnerCredentialsPage.open(page);
    expect((await list.rows()).map((row) => [row['Credential'], row['Institution'], row['Status']])).toEqual([
      [course.title, institution.name, 'Valid'],
    ]);
    expectNoScriptErrors();
  });

  it('the learner downloads the PDF certificate, which carries the very credential of the JSON download, and finds the LinkedIn link', async () => {
    const page = await windowOf('learner');
    const credential = await LearnerCredentialPage.open(page, story.credentialId);

    const pdf = await credential.download('Download PDF certificate');
    expect(pdf.suggestedName).toMatch(/\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const json = await credential.download('Download credential (JSON)');
    expect(json.suggestedName).toMatch(/\.json$/);
    story.signedJson = json.bytes.toString('utf8');
    expect(await credentialJsonFromPdf(pdf.bytes), 'the PDF embeds the signed JSON byte for byte').toBe(
      story.signedJson,
    );
    const signed = JSON.parse(story.signedJson) as { id?: unknown; proof?: unknown };
    expect(signed.id).toBe(`urn:uuid:${story.credentialId}`);
    expect(signed.proof, 'the credential is signed').toBeTruthy();
    story.pdfPath = await scratch.write('certificate.pdf', pdf.bytes);

    const verifyAt = `${running().hub.baseUrl}/verify?credential=${story.credentialId}`;
    expect(await credential.verifyLink().getAttribute('href')).toBe(verifyAt);
    const linkedIn = new URL((await credential.linkedInLink().getAttribute('href')) ?? '');
    expect(`${linkedIn.origin}${linkedIn.pathname}`).toBe('https://www.linkedin.com/profile/add');
    expect(linkedIn.searchParams.get('name')).toBe(course.title);
    expect(linkedIn.searchParams.get('organizationName')).toBe(institution.name);
    expect(linkedIn.searchParams.get('certUrl')).toBe(verifyAt);
    expect(await credential.linkedInLink().textContent()).toBe('Add to your LinkedIn profile');
    expectNoScriptErrors();
  });

  it('an employer with no account uploads the PDF at /verify and is told it is a valid credential, with each check passed', async () => {
    const page = await windowOf('employer');
    const verify = await VerifyPage.open(page);
    const result = await verify.upload(story.pdfPath);
    expect(await result.verdict()).toBe('Valid credential');
    expect(await result.whatWasChecked()).toBe(
      'You checked the credential inside the PDF certificate you uploaded.',
    );
    const checks = await result.checks();
    expect([...checks.keys()]).toEqual(CHECK_LABELS);
    for (const [label, outcome] of checks) expect(outcome, label).toMatch(/^Passed /);
    const meaning = await result.meaning();
    expect(meaning.get('Learner')).toBe(people.learner.name);
    expect(meaning.get('Module code')).toBe(course.code);
    expect(meaning.get('Issued by')).toBe(institution.name);
    expect(meaning.get('Result')).toContain('72');
    await screenshot(page, 'credentials-story-verified-valid');
    expectNoScriptErrors();
  });

  it('the employer pastes the credential with its mark raised from 72 to 92 and is told it was tampered with', async () => {
    const page = await windowOf('employer');
    const credential = JSON.parse(story.signedJson) as {
      credentialSubject: { result: { value?: string }[] };
    };
    const mark = credential.credentialSubject.result.find((result) => result.value === '72');
    expect(mark, 'the credential states the mark').toBeDefined();
    if (mark) mark.value = '92';

    const result = await (
      await VerifyPage.open(page)
    ).pasteExpectingResult(JSON.stringify(credential, null, 2));
    expect(await result.verdict()).toBe('Tampered: do not trust this credential');
    expect(await result.whatWasChecked()).toBe('You checked the text you pasted.');
    expect((await result.checks()).get('Signature')).toMatch(/^Failed The signature does not match/);
    expect(await page.getByRole('main').textContent()).toContain('so do not rely on it');
    await screenshot(page, 'credentials-story-verified-tampered');
    expectNoScriptErrors();
  });

  it('the registry officer revokes the claimed credential, giving a reason, which the hub asks for first', async () => {
    const page = await windowOf('officer');
    const issued = await IssuedCredentialsPage.open(page, institution.slug);
    const row = (await issued.rows()).find((entry) => entry['Learner']?.includes(people.learner.email));
    expect(row?.['Status']).toBe('Claimed');

    let credential = await issued.openCredentialOf(people.learner.email);
    expect(currentUrl(page).pathname).toBe(
      `/workspace/${institution.slug}/credentials/${story.credentialId}`,
    );
    let details = await credential.details();
    expect(details.get('Status')).toBe('Valid');
    expect(details.get('Claim')).toMatch(/^Claimed on /);

    credential = await credential.revoke('');
    expect(await credential.errors().messages()).toEqual([
      'Give the reason, for the record and for the learner.',
    ]);
    expect(await credential.errors().targetOf('Give the reason, for the record and for the learner.')).toBe(
      'revoke-reason',
    );
    expect((await credential.details()).get('Status'), 'nothing changed').toBe('Valid');

    credential = await credential.revoke(REVOCATION_REASON);
    expect(await credential.notice().textContent()).toContain('The credential is revoked.');
    details = await credential.details();
    expect(details.get('Status')).toMatch(/^Revoked on /);
    expect(details.get('Status')).toContain(`Reason: ${REVOCATION_REASON}`);
    await screenshot(page, 'credentials-story-revoked');
    expectNoScriptErrors();
  });

  it('the learner sees the credential revoked and why, and can no longer add it to LinkedIn; an employer checking the same PDF again is told it is revoked', async () => {
    const learner = await windowOf('learner');
    const outbox = await OutboxPage.open(learner, people.learner.email);
    expect((await outbox.mails()).map((mail) => mail.subject)).toContain(
      `Your credential for ${course.title} has been revoked`,
    );
    const credential = await LearnerCredentialPage.open(learner, story.credentialId);
    expect((await credential.details()).get('Status')).toBe('Revoked');
    expect(await credential.warning().textContent()).toContain(REVOCATION_REASON);
    expect(await credential.linkedInLink().count()).toBe(0);

    const employer = await windowOf('employer');
    const result = await (await VerifyPage.open(employer)).upload(story.pdfPath);
    await screenshot(employer, 'credentials-story-verified-revoked');
    expect(await result.verdict()).toBe('Revoked');
    const checks = await result.checks();
    expect(checks.get('Status')).toBe('Failed The issuer has revoked it.');
    expect(checks.get('Signature'), 'the certificate itself is unchanged').toMatch(/^Passed /);
    expectNoScriptErrors();
  });
});

describe('following the issuing without JavaScript', () => {
  it('the upload page works with JavaScript off: a checked file is listed before anything is recorded', async () => {
    const { hub: server, browser: chromium } = running();
    const context = await newHubContext(chromium, server.baseUrl, { javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await (
        await SignInPage.open(page, `/workspace/${institution.slug}/results/upload`)
      ).signInAs(people.officer);
      const upload = await UploadResultsPage.on(page, institution.slug);
      expect(await page.locator('body.js-enabled').count(), 'the page ran no script').toBe(0);
      // The same file as before: every row is recorded already, so nothing would change.
      const checked = await upload.checkExpectingNoProblems(scratch.path('results.csv'));
      const counts = await checked.counts();
      expect(counts.get('New results')).toBe('0');
      expect(counts.get('Already recorded, unchanged')).toBe('5');
      expect(await checked.confirmButton().count(), 'nothing to record, so no button to record it').toBe(0);
      await screenshot(page, 'credentials-story-no-js-unchanged-file');
    } finally {
      await context.close();
    }
  });
});

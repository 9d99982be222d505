/**
 * The registry officer's results pages: the hub page of results and batches, the one-result form,
 * and the CSV upload with its check and confirmation.
 */
import type { VNode } from 'preact';
import {
  Button,
  ButtonGroup,
  ButtonLink,
  Details,
  ErrorSummary,
  InsetText,
  NotificationBanner,
  PostForm,
  Question,
  RadioGroup,
  Select,
  SummaryList,
  Table,
  TextInput,
  Textarea,
  describedBy,
  errorFor,
  type FormError,
} from '../../../platform/views/components.tsx';
import { CERTIFICATE_NAMES, type CertificateKind } from '../achievement-credential-model.ts';
import type { CredentialRow, JobRow, ResultRow } from '../credentials-repository.ts';
import type { UploadPreview } from '../credentials-service.ts';
import { OUTCOMES, RESULT_CSV_COLUMNS, type CsvRowProblem, type RawResult } from '../results-model.ts';
import {
  BreakableEmail,
  CredentialStandingTag,
  JobStateTag,
  calendarDate,
  certificateName,
  dateTimeFormat,
  isJobActive,
  plural,
} from './registry-parts.tsx';

// ---- The hub page ------------------------------------------------------------------------------

/** What the address says just happened, after a form redirected here. */
export interface ResultsNotice {
  recorded?: string | undefined;
  certificate?: string | undefined;
  job?: string | undefined;
  uploaded?: string | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function ResultsBanner({ notice, base }: { notice: ResultsNotice; base: string }): VNode | null {
  if (notice.recorded === 'new' || notice.recorded === 'corrected') {
    const certificate = CERTIFICATE_NAMES[notice.certificate as CertificateKind];
    return (
      <NotificationBanner isSuccess title="Result recorded">
        <p>
          The result is recorded.
          {notice.recorded === 'corrected' &&
            ' It replaces the earlier result, and any certificate issued for that has been revoked.'}{' '}
          {certificate
            ? `A ${certificate.toLowerCase()} is being issued, and the learner will get an email to claim it.`
            : 'This result does not earn a certificate, so none is issued.'}
          {certificate && notice.job && UUID.test(notice.job) && (
            <>
              {' '}
              <a href={`${base}/issuance/${notice.job}`}>Follow the issuing</a>.
            </>
          )}
        </p>
      </NotificationBanner>
    );
  }
  if (notice.recorded === 'unchanged')
    return (
      <NotificationBanner title="Nothing changed">
        <p>This result was already recorded exactly like this, so nothing has changed.</p>
      </NotificationBanner>
    );
  if (notice.uploaded === 'nothing')
    return (
      <NotificationBanner title="Nothing changed">
        <p>Every row of the file was already recorded exactly like this, so nothing has changed.</p>
      </NotificationBanner>
    );
  if (notice.uploaded && /^\d{1,6}$/.test(notice.uploaded))
    return (
      <NotificationBanner isSuccess title="Results recorded">
        <p>
          {plural(Number(notice.uploaded), 'result', 'results')} recorded. None of them earns a certificate,
          so nothing is being issued.
        </p>
      </NotificationBanner>
    );
  return null;
}

export interface RecentResult {
  result: ResultRow;
  moduleCode: string | null;
  /** Its live credential, else the latest revoked one; undefined when none is among the latest. */
  credential: CredentialRow | undefined;
}

export function ResultsHub({
  base,
  notice,
  canRecord,
  resultCount,
  jobs,
  results,
  now,
}: {
  base: string;
  notice: ResultsNotice;
  canRecord: boolean;
  resultCount: number;
  jobs: readonly JobRow[];
  results: readonly RecentResult[];
  now: Date;
}): VNode {
  const activeJobs = jobs.filter(isJobActive).length;
  const certificateCell = ({ result, credential }: RecentResult) => {
    if (credential)
      return (
        <>
          <CredentialStandingTag credential={credential} now={now} />{' '}
          <a href={`${base}/credentials/${credential.id}`}>
            View<span class="visually-hidden"> the credential of {result.learnerName}</span>
          </a>
        </>
      );
    if (result.outcome === 'failed' || result.outcome === 'withdrawn') return 'No certificate';
    if (activeJobs > 0) return 'Being issued';
    return <a href={`${base}/credentials`}>See issued credentials</a>;
  };
  return (
    <>
      <ResultsBanner notice={notice} base={base} />
      <p>
        {plural(resultCount, 'result', 'results')} recorded
        {activeJobs > 0 && `; ${plural(activeJobs, 'batch', 'batches')} of certificates being issued`}.
      </p>
      {canRecord ? (
        <>
          <ButtonGroup>
            <ButtonLink href={`${base}/results/new`}>Record a result</ButtonLink>
            <ButtonLink href={`${base}/results/upload`} variant="secondary">
              Upload a CSV of results
            </ButtonLink>
          </ButtonGroup>
          <p>
            <a href={`${base}/results/template.csv`} download>
              Download the CSV template
            </a>{' '}
            (the header row and one example).
          </p>
        </>
      ) : (
        <InsetText>
          Registry officers record results; you can see what has been recorded and issued.
        </InsetText>
      )}
      <p>
        <a href={`${base}/credentials`}>Issued credentials</a>: every certificate, with its status; revoke or
        suspend one there.
      </p>

      <h2>Latest issuing</h2>
      {jobs.length === 0 ? (
        <p>No certificates issued yet.</p>
      ) : (
        <Table
          caption="Latest batches of certificates"
          isCaptionHidden
          headers={['Started', 'Requested by', 'Issued', 'State']}
          numericColumns={[2]}
          rows={jobs.map((job) => [
            <a href={`${base}/issuance/${job.id}`}>{dateTimeFormat.format(job.createdAt)}</a>,
            job.requestedByName,
            `${job.issued} of ${job.total}`,
            <JobStateTag job={job} />,
          ])}
        />
      )}

      <h2>Recent results</h2>
      {results.length === 0 ? (
        <p>No results recorded yet.</p>
      ) : (
        <Table
          caption={`The ${results.length} most recently recorded results`}
          isCaptionHidden
          headers={['Learner', 'Module', 'Outcome', 'Mark', 'Diet', 'Completed', 'Certificate']}
          smallScreen="boxes"
          rows={results.map((entry) => [
            <>
              {entry.result.learnerName}
              <br />
              <span class="ds_hint-text">
                <BreakableEmail address={entry.result.learnerEmail} />
              </span>
            </>,
            entry.moduleCode ?? '–',
            OUTCOMES[entry.result.outcome as keyof typeof OUTCOMES] ?? entry.result.outcome,
            [entry.result.mark === null ? null : `${entry.result.mark}%`, entry.result.grade]
              .filter(Boolean)
              .join(', ') || '–',
            entry.result.diet,
            calendarDate(entry.result.completedOn),
            certificateCell(entry),
          ])}
        />
      )}
    </>
  );
}

// ---- The result form ---------------------------------------------------------------------------

export interface ModuleChoice {
  code: string;
  title: string;
  /** Start dates of its intakes; null for a self-paced one. */
  starts: (string | null)[];
}

export const EMPTY_RESULT: RawResult = {
  learnerEmail: '',
  learnerName: '',
  moduleCode: '',
  offeringStart: '',
  outcome: '',
  mark: '',
  grade: '',
  diet: '',
  completedOn: '',
};

export function ResultForm({
  action,
  csrfToken,
  modules,
  values,
  errors,
}: {
  action: string;
  csrfToken: string;
  modules: readonly ModuleChoice[];
  values: RawResult;
  errors: readonly FormError[];
}): VNode {
  const hasIntakeChoice = modules.some((module) => module.starts.length > 1);
  return (
    <>
      <ErrorSummary errors={errors} />
      <PostForm action={action} csrfToken={csrfToken}>
        <TextInput
          name="learnerEmail"
          label="Learner’s email address"
          hint="The learner gets the link to claim their certificate at this address."
          type="email"
          autocomplete="off"
          spellcheck={false}
          value={values.learnerEmail}
          error={errorFor(errors, 'learnerEmail')}
        />
        <TextInput
          name="learnerName"
          label="Learner’s full name"
          hint="As it should appear on the certificate."
          autocomplete="off"
          value={values.learnerName}
          error={errorFor(errors, 'learnerName')}
        />
        {modules.length > 0 ? (
          <Select
            name="moduleCode"
            label="Module"
            emptyOption="Choose the module"
            options={modules.map((module) => ({
              value: module.code,
              label: `${module.code}: ${module.title}`,
            }))}
            value={values.moduleCode}
            error={errorFor(errors, 'moduleCode')}
          />
        ) : (
          <TextInput
            name="moduleCode"
            label="Module code"
            hint="For example ABT1001. Your institution has no published micro-credential with an offering yet."
            width="fixed-10"
            value={values.moduleCode}
            error={errorFor(errors, 'moduleCode')}
          />
        )}
        <TextInput
          name="offeringStart"
          label="Start date of the learner’s intake (optional)"
          hint="Only needed when the module has more than one intake. For example 2026-09-07."
          type="date"
          width="fixed-10"
          value={values.offeringStart}
          error={errorFor(errors, 'offeringStart')}
        />
        {hasIntakeChoice && (
          <Details summary="Modules with more than one intake">
            <ul>
              {modules
                .filter((module) => module.starts.length > 1)
                .map((module) => (
                  <li key={module.code}>
                    {module.code}:{' '}
                    {module.starts.map((start) => (start ? calendarDate(start) : 'self-paced')).join(', ')}
                  </li>
                ))}
            </ul>
          </Details>
        )}
        <RadioGroup
          name="outcome"
          legend="Outcome"
          hint="Attended is for small qualifications, which are not assessed for credit."
          items={Object.entries(OUTCOMES).map(([value, label]) => ({ value, label }))}
          value={values.outcome.toLowerCase()}
          error={errorFor(errors, 'outcome')}
        />
        <TextInput
          name="mark"
          label="Mark in per cent (optional)"
          hint="A whole number from 0 to 100."
          width="fixed-3"
          inputMode="numeric"
          value={values.mark}
          error={errorFor(errors, 'mark')}
        />
        <TextInput
          name="grade"
          label="Grade (optional)"
          hint="For example B, or Merit."
          width="fixed-5"
          value={values.grade}
          error={errorFor(errors, 'grade')}
        />
        <TextInput
          name="diet"
          label="Diet"
          hint="The assessment session the result belongs to, for example June 2026."
          width="fixed-20"
          value={values.diet}
          error={errorFor(errors, 'diet')}
        />
        <TextInput
          name="completedOn"
          label="Completed on"
          hint="For example 2026-06-30."
          type="date"
          width="fixed-10"
          value={values.completedOn}
          error={errorFor(errors, 'completedOn')}
        />
        <Button>Record the result</Button>
      </PostForm>
    </>
  );
}

/**
 * Messages from the results checks name the CSV column first ("mark: enter a whole number…"), as
 * people fixing a spreadsheet need; on the form the field's own label already says which.
 */
export function formMessage(message: string): string {
  const withoutColumn = message.replace(/^[a-z_]+: /, '');
  return withoutColumn.charAt(0).toUpperCase() + withoutColumn.slice(1);
}

// ---- The CSV upload ----------------------------------------------------------------------------

/** A file, or pasted text, of at most 10,000 results fits well within this. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export function UploadForm({
  action,
  csrfToken,
  pasted,
  errors,
  templateHref,
}: {
  action: string;
  csrfToken: string;
  pasted: string;
  errors: readonly FormError[];
  templateHref: string;
}): VNode {
  const fileError = errorFor(errors, 'file');
  const fileHint = (
    <>
      A CSV file saved from your spreadsheet as ‘CSV UTF-8 (comma delimited)’, up to{' '}
      {MAX_UPLOAD_BYTES / (1024 * 1024)} MB and 10,000 results. The first row names the columns:{' '}
      {/* Break opportunities after the commas: on a phone the one long line would widen the page. */}
      <code>
        {RESULT_CSV_COLUMNS.map((column, index) => (
          <>
            {index > 0 && (
              <>
                ,<wbr />
              </>
            )}
            {column}
          </>
        ))}
      </code>
      . <a href={templateHref}>Download the CSV template</a>.
    </>
  );
  return (
    <form method="post" action={action} enctype="multipart/form-data" novalidate>
      <input type="hidden" name="_csrf" value={csrfToken} />
      <input type="hidden" name="intent" value="check" />
      <Question id="file" label="Results file" hint={fileHint} error={fileError}>
        <input
          type="file"
          id="file"
          name="file"
          accept=".csv,text/csv"
          aria-describedby={describedBy('file', fileHint, fileError)}
          aria-invalid={fileError ? 'true' : undefined}
        />
      </Question>
      <Details
        summary="Paste the results instead"
        isOpen={pasted !== '' || errorFor(errors, 'csv') !== undefined}
      >
        <Textarea
          name="csv"
          label="Results as CSV text"
          hint="Copy the rows from your spreadsheet, header row included. Leave the file above empty."
          rows={8}
          value={pasted}
          error={errorFor(errors, 'csv')}
        />
      </Details>
      <Button>Check the file</Button>
    </form>
  );
}

const COLUMN_OF_FIELD = Object.fromEntries(
  RESULT_CSV_COLUMNS.map((column) => [
    column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()),
    column,
  ]),
) as Record<keyof RawResult, string>;

export function columnOf(field: keyof RawResult | null): string {
  return field === null ? 'Whole row' : (COLUMN_OF_FIELD[field] ?? field);
}

export function ProblemsTable({ problems }: { problems: readonly CsvRowProblem[] }): VNode {
  return (
    <div id="problems" tabindex={-1}>
      <Table
        caption={`${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} to fix in the file`}
        headers={['Row', 'Column', 'Problem']}
        numericColumns={[0]}
        smallScreen="boxes"
        rows={problems.map((problem) => [
          String(problem.row),
          <code>{columnOf(problem.field)}</code>,
          formMessage(problem.message),
        ])}
      />
    </div>
  );
}

export function UploadStart({
  base,
  csrfToken,
  errors,
  problems,
  pasted,
}: {
  base: string;
  csrfToken: string;
  errors: readonly FormError[];
  problems: readonly CsvRowProblem[];
  pasted: string;
}): VNode {
  return (
    <>
      <ErrorSummary errors={errors} />
      {problems.length > 0 && <ProblemsTable problems={problems} />}
      {errors.length === 0 ? (
        <p>
          The hub checks every row first and lists any problems; nothing is recorded until you confirm. A file
          is recorded all or nothing. Uploading the same file again changes nothing; a corrected row replaces
          the earlier result and its certificate is issued again.
        </p>
      ) : (
        <h2>Check a corrected file</h2>
      )}
      <UploadForm
        action={`${base}/results/upload`}
        csrfToken={csrfToken}
        pasted={pasted}
        errors={errors}
        templateHref={`${base}/results/template.csv`}
      />
    </>
  );
}

/** How many rows of a checked file the confirmation page lists; the counts cover them all. */
const ROWS_SHOWN = 200;

export function CheckedUpload({
  base,
  preview,
  csv,
  csrfToken,
}: {
  base: string;
  preview: UploadPreview;
  csv: string;
  csrfToken: string;
}): VNode {
  const { counts } = preview;
  const action = `${base}/results/upload`;
  const toRecord = counts.new + counts.corrected;
  const shown = preview.rows.slice(0, ROWS_SHOWN);
  const confirmLabel =
    counts.certificates > 0
      ? `Record ${plural(toRecord, 'result', 'results')} and issue ${plural(counts.certificates, 'certificate', 'certificates')}`
      : `Record ${plural(toRecord, 'result', 'results')}`;
  return (
    <>
      <p>The file has no problems. Nothing has been recorded yet.</p>
      <SummaryList
        items={[
          { key: 'New results', value: counts.new.toLocaleString('en-GB') },
          {
            key: 'Corrected results',
            value:
              counts.corrected === 0
                ? '0'
                : `${counts.corrected.toLocaleString('en-GB')}: each replaces the earlier result, whose certificate is revoked`,
          },
          { key: 'Already recorded, unchanged', value: counts.unchanged.toLocaleString('en-GB') },
          { key: 'Certificates to issue', value: counts.certificates.toLocaleString('en-GB') },
        ]}
      />
      {toRecord === 0 ? (
        <InsetText>
          Every row is already recorded exactly like this, so there is nothing to record.{' '}
          <a href={`${base}/results`}>Back to results</a>.
        </InsetText>
      ) : (
        <form method="post" action={action} enctype="multipart/form-data" novalidate>
          <input type="hidden" name="_csrf" value={csrfToken} />
          <input type="hidden" name="intent" value="apply" />
          {/* The checked file comes back with the confirmation, so it need not be uploaded twice. */}
          <input type="hidden" name="csv" value={csv} />
          <ButtonGroup>
            <Button>{confirmLabel}</Button>
            <ButtonLink href={action} variant="secondary">
              Choose a different file
            </ButtonLink>
          </ButtonGroup>
        </form>
      )}
      <Table
        caption={
          preview.rows.length > shown.length
            ? `The first ${shown.length} of ${preview.rows.length.toLocaleString('en-GB')} rows`
            : 'Rows in the file'
        }
        headers={['Row', 'Learner', 'Module', 'Change', 'Certificate']}
        numericColumns={[0]}
        smallScreen="boxes"
        rows={shown.map((row) => [
          String(row.row),
          <BreakableEmail address={row.learnerEmail} />,
          row.moduleCode,
          row.change === 'new' ? 'New' : row.change === 'corrected' ? 'Corrected' : 'Unchanged',
          row.change === 'unchanged' ? '–' : row.certificate ? certificateName(row.certificate) : 'None',
        ])}
      />
    </>
  );
}

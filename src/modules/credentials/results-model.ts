/**
 * Learners' results as a registry officer records them: the checks shared by the one-result form
 * and the bulk CSV upload, the CSV reader itself, and the fingerprint that tells an identical
 * re-upload from a corrected row. Every message names the column and says how to fix it, in plain
 * words, because the people who read them are working in a spreadsheet. Pure: no I/O.
 */
import { parse } from 'csv-parse/sync';

export const OUTCOMES = {
  passed: 'Passed',
  attended: 'Attended',
  failed: 'Failed',
  withdrawn: 'Withdrawn',
} as const;
export type Outcome = keyof typeof OUTCOMES;

export const RESULT_CSV_COLUMNS = [
  'learner_email',
  'learner_name',
  'module_code',
  'offering_start',
  'outcome',
  'mark',
  'grade',
  'diet',
  'completed_on',
] as const;
export type ResultCsvColumn = (typeof RESULT_CSV_COLUMNS)[number];

/** One result exactly as typed into the form or the spreadsheet cell. */
export interface RawResult {
  learnerEmail: string;
  learnerName: string;
  moduleCode: string;
  offeringStart: string;
  outcome: string;
  mark: string;
  grade: string;
  diet: string;
  completedOn: string;
}

/** One result after every check has passed, normalised so equal results compare equal. */
export interface ResultInput {
  /** Trimmed and lower-cased. */
  learnerEmail: string;
  learnerName: string;
  /** Upper-cased, e.g. ABT1001. */
  moduleCode: string;
  /** YYYY-MM-DD, or null when left blank. */
  offeringStart: string | null;
  outcome: Outcome;
  /** A whole percentage from 0 to 100. */
  mark: number | null;
  grade: string | null;
  /** The assessment session, e.g. "June 2026". */
  diet: string;
  /** YYYY-MM-DD. */
  completedOn: string;
}

export interface ResultFieldError {
  field: keyof RawResult;
  /** Names the column and the fix, e.g. "mark: enter a whole number from 0 to 100, or leave it blank". */
  message: string;
}

export interface CsvRowProblem {
  /** The row as a spreadsheet counts it: the header is row 1 and the first result is row 2. */
  row: number;
  /** Null when the problem is with the row as a whole (wrong number of values, a duplicate). */
  field: keyof RawResult | null;
  message: string;
}

export interface ParsedResultsCsv {
  /** Every result row in file order; `value` is null when the row has any problem. */
  rows: { row: number; raw: RawResult; value: ResultInput | null }[];
  problems: CsvRowProblem[];
  /** Set when the file as a whole cannot be used; `rows` and `problems` are then empty. */
  fileProblem: string | null;
}

export const DEFAULT_MAX_RESULT_ROWS = 10_000;

const FIELD_FOR_COLUMN: Readonly<Record<ResultCsvColumn, keyof RawResult>> = {
  learner_email: 'learnerEmail',
  learner_name: 'learnerName',
  module_code: 'moduleCode',
  offering_start: 'offeringStart',
  outcome: 'outcome',
  mark: 'mark',
  grade: 'grade',
  diet: 'diet',
  completed_on: 'completedOn',
};

const COLUMN_FOR_FIELD = Object.fromEntries(
  Object.entries(FIELD_FOR_COLUMN).map(([column, field]) => [field, column]),
) as Readonly<Record<keyof RawResult, ResultCsvColumn>>;

/** Columns a file may leave out altogether: every cell in them may be blank. */
const OPTIONAL_COLUMNS: ReadonlySet<ResultCsvColumn> = new Set(['offering_start', 'mark', 'grade']);

const MAX_EMAIL = 254;
const MAX_NAME = 200;
const MAX_MODULE_CODE = 20;
const MAX_GRADE = 10;
const MAX_DIET = 40;
const EARLIEST_DATE = '2000-01-01';

/** Accepted words for each outcome, lower-cased; includes the forms registry systems commonly export. */
const OUTCOME_WORDS: ReadonlyMap<string, Outcome> = new Map([
  ['passed', 'passed'],
  ['pass', 'passed'],
  ['attended', 'attended'],
  ['failed', 'failed'],
  ['fail', 'failed'],
  ['withdrawn', 'withdrawn'],
  ['withdrew', 'withdrawn'],
]);

const OUTCOME_LIST = 'Passed, Attended, Failed or Withdrawn';

// ---------------------------------------------------------------------------------------------
// One result
// ---------------------------------------------------------------------------------------------

/** Checks one result as typed and, when every field is right, returns it normalised. */
export function validateResult(
  raw: RawResult,
  today: string,
): { ok: true; value: ResultInput } | { ok: false; errors: ResultFieldError[] } {
  const checked = checkResult(raw, today);
  if (checked.errors.length > 0) return { ok: false, errors: checked.errors };
  return { ok: true, value: checked.partial as ResultInput };
}

interface CheckedResult {
  errors: ResultFieldError[];
  /** Each field that passed its own checks, normalised; complete when `errors` is empty. */
  partial: Partial<ResultInput>;
}

function checkResult(raw: RawResult, today: string): CheckedResult {
  const errors: ResultFieldError[] = [];
  const partial: Partial<ResultInput> = {};
  const fail = (field: keyof RawResult, fix: string) =>
    errors.push({ field, message: `${COLUMN_FOR_FIELD[field]}: ${fix}` });
  /** Trimmed text, or undefined (with an error recorded) when it holds hidden characters. */
  const text = (field: keyof RawResult): string | undefined => {
    const value = (raw[field] ?? '').trim();
    const hidden = hiddenCharacterProblem(value);
    if (hidden) {
      fail(field, hidden);
      return undefined;
    }
    return value;
  };

  const email = text('learnerEmail');
  if (email === undefined) {
    // already reported
  } else if (email === '') {
    fail('learnerEmail', "enter the learner's email address, for example jamie.macdonald@example.ac.uk");
  } else if (email.length > MAX_EMAIL) {
    fail('learnerEmail', `shorten the email address to ${MAX_EMAIL} characters or fewer`);
  } else if (!isPlausibleEmail(email)) {
    fail(
      'learnerEmail',
      'enter one full email address with no spaces, for example jamie.macdonald@example.ac.uk',
    );
  } else {
    partial.learnerEmail = email.toLowerCase();
  }

  const name = text('learnerName');
  if (name === undefined) {
    // already reported
  } else if (name === '') {
    fail('learnerName', "enter the learner's full name");
  } else if (name.length > MAX_NAME) {
    fail('learnerName', `shorten the name to ${MAX_NAME} characters or fewer`);
  } else {
    partial.learnerName = collapseSpaces(name);
  }

  const moduleCode = text('moduleCode');
  if (moduleCode === undefined) {
    // already reported
  } else if (moduleCode === '') {
    fail('moduleCode', 'enter the module code, for example ABT1001');
  } else if (moduleCode.length > MAX_MODULE_CODE) {
    fail('moduleCode', `use a code of ${MAX_MODULE_CODE} characters or fewer, for example ABT1001`);
  } else if (!/^[A-Za-z]+[0-9]+$/.test(moduleCode)) {
    fail('moduleCode', 'use letters followed by digits, with no spaces, for example ABT1001');
  } else {
    partial.moduleCode = moduleCode.toUpperCase();
  }

  const offeringStart = text('offeringStart');
  if (offeringStart === undefined) {
    // already reported
  } else if (offeringStart === '') {
    partial.offeringStart = null;
  } else {
    const date = parseDate(offeringStart);
    if (!date.ok) {
      fail('offeringStart', dateFix(date.reason, offeringStart, true));
    } else if (date.iso < EARLIEST_DATE) {
      fail('offeringStart', 'enter a date on or after 1 January 2000, or leave it blank');
    } else {
      partial.offeringStart = date.iso;
    }
  }

  const outcomeText = text('outcome');
  if (outcomeText === undefined) {
    // already reported
  } else if (outcomeText === '') {
    fail('outcome', `enter ${OUTCOME_LIST}`);
  } else {
    const outcome = OUTCOME_WORDS.get(outcomeText.toLowerCase());
    if (outcome) partial.outcome = outcome;
    else fail('outcome', `${quoted(outcomeText)} is not an outcome the hub records; enter ${OUTCOME_LIST}`);
  }

  const markText = text('mark');
  let markGiven = false;
  if (markText === undefined) {
    // already reported
  } else if (markText === '') {
    partial.mark = null;
  } else {
    markGiven = true;
    // A whole number, allowing the "%" and the ".00" a spreadsheet's cell format may add.
    const match = /^(\d{1,3})(?:\.0+)?\s*%?$/.exec(markText);
    const mark = match ? Number(match[1]) : NaN;
    if (Number.isInteger(mark) && mark >= 0 && mark <= 100) partial.mark = mark;
    else fail('mark', 'enter a whole number from 0 to 100, or leave it blank');
  }

  const grade = text('grade');
  let gradeGiven = false;
  if (grade === undefined) {
    // already reported
  } else if (grade === '') {
    partial.grade = null;
  } else {
    gradeGiven = true;
    if (grade.length > MAX_GRADE) fail('grade', `shorten the grade to ${MAX_GRADE} characters or fewer`);
    else partial.grade = grade;
  }

  const diet = text('diet');
  if (diet === undefined) {
    // already reported
  } else if (diet === '') {
    fail('diet', 'enter the diet the result belongs to, for example June 2026');
  } else if (diet.length > MAX_DIET) {
    fail('diet', `shorten the diet to ${MAX_DIET} characters or fewer, for example June 2026`);
  } else {
    partial.diet = collapseSpaces(diet);
  }

  const completedText = text('completedOn');
  if (completedText === undefined) {
    // already reported
  } else if (completedText === '') {
    fail('completedOn', 'enter the date the learner completed the module, for example 2026-06-30');
  } else {
    const date = parseDate(completedText);
    if (!date.ok) {
      fail('completedOn', dateFix(date.reason, completedText, false));
    } else if (date.iso > today) {
      fail(
        'completedOn',
        `${date.iso} is in the future; enter the date the learner completed the module, no later than today (${today})`,
      );
    } else if (date.iso < EARLIEST_DATE) {
      fail('completedOn', 'enter a date on or after 1 January 2000');
    } else {
      partial.completedOn = date.iso;
    }
  }

  // Rules across fields, judged only when the fields involved are right on their own.
  if (partial.outcome === 'withdrawn') {
    if (markGiven && partial.mark !== undefined) {
      fail('mark', 'leave the mark blank when the outcome is Withdrawn');
      delete partial.mark;
    }
    if (gradeGiven && partial.grade !== undefined) {
      fail('grade', 'leave the grade blank when the outcome is Withdrawn');
      delete partial.grade;
    }
  }
  if (partial.offeringStart && partial.completedOn && partial.offeringStart > partial.completedOn) {
    fail(
      'offeringStart',
      `the offering cannot start (${partial.offeringStart}) after the learner completed it (completed_on ${partial.completedOn}); check both dates`,
    );
    delete partial.offeringStart;
  }

  return { errors: sortByColumn(errors), partial };
}

function sortByColumn(errors: ResultFieldError[]): ResultFieldError[] {
  const order = (e: ResultFieldError) => RESULT_CSV_COLUMNS.indexOf(COLUMN_FOR_FIELD[e.field]);
  return errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => order(a.e) - order(b.e) || a.i - b.i)
    .map((x) => x.e);
}

function isPlausibleEmail(email: string): boolean {
  if (/[\s,;<>()[\]\\"]/.test(email)) return false;
  const parts = email.split('@');
  if (parts.length !== 2) return false;
  const [local, domain] = parts as [string, string];
  if (local === '' || local.startsWith('.') || local.endsWith('.')) return false;
  const labels = domain.split('.');
  return labels.length >= 2 && labels.every((label) => /^[^.-](?:[^.]*[^.-])?$/.test(label));
}

function collapseSpaces(value: string): string {
  return value.replace(/\s+/g, ' ');
}

/**
 * Characters nobody means to type: control characters (tabs and line breaks included), invisible
 * formatting marks pasted from web pages, and the replacement character a wrongly encoded file leaves.
 */
function hiddenCharacterProblem(value: string): string | null {
  let hidden = false;
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0xfffd) {
      return "has a character that could not be read; save the spreadsheet as 'CSV UTF-8' and upload it again";
    }
    if (
      code < 0x20 ||
      (code >= 0x7f && code <= 0x9f) ||
      (code >= 0x200b && code <= 0x200f) ||
      (code >= 0x2028 && code <= 0x202e) ||
      (code >= 0x2060 && code <= 0x2069) ||
      code === 0xfeff
    ) {
      hidden = true;
    }
  }
  return hidden ? 'remove the line breaks, tabs or other hidden characters, then check the value' : null;
}

/** A value the person typed, shown back to them in a message: short and on one line. */
function quoted(value: string): string {
  const oneLine = value.replace(/\s+/g, ' ');
  return `"${oneLine.length > 30 ? `${oneLine.slice(0, 29)}…` : oneLine}"`;
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

type DateReason = 'format' | 'impossible' | 'two-digit-year' | 'month-first';

/** Reads YYYY-MM-DD, or DD/MM/YYYY as a UK spreadsheet shows it, as an ISO date. */
function parseDate(text: string): { ok: true; iso: string } | { ok: false; reason: DateReason } {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));

  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (uk) {
    const [day, month, year] = [Number(uk[1]), Number(uk[2]), Number(uk[3])];
    // 06/30/2026 cannot be day-first; it is a US-style date, and guessing would hide the mix-up.
    if (month > 12 && day >= 1 && day <= 12) return { ok: false, reason: 'month-first' };
    return calendarDate(year, month, day);
  }

  if (/^\d{1,2}\/\d{1,2}\/\d{2}$/.test(text)) return { ok: false, reason: 'two-digit-year' };
  return { ok: false, reason: 'format' };
}

function calendarDate(
  year: number,
  month: number,
  day: number,
): { ok: true; iso: string } | { ok: false; reason: 'impossible' } {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, reason: 'impossible' };
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return { ok: true, iso: `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}` };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function dateFix(reason: DateReason, text: string, optional: boolean): string {
  const orBlank = optional ? ', or leave it blank' : '';
  switch (reason) {
    case 'impossible':
      return `${quoted(text)} is not a real date; check the day and the month${orBlank}`;
    case 'two-digit-year':
      return `write the year in full, for example 30/06/2026 or 2026-06-30${orBlank}`;
    case 'month-first':
      return `${quoted(text)} looks like a month-first (US) date; put the day first, for example 30/06/2026, or use YYYY-MM-DD${orBlank}`;
    case 'format':
      return `use the date format YYYY-MM-DD, for example 2026-06-30 (30/06/2026 also works)${orBlank}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Identity and fingerprint
// ---------------------------------------------------------------------------------------------

/**
 * Every field of a result in a fixed order, so an identical re-upload gives the same string and a
 * corrected row (a different mark, grade, name, date...) gives a different one.
 */
export function resultFingerprint(value: ResultInput): string {
  return JSON.stringify([
    'result-v1',
    value.learnerEmail,
    value.learnerName,
    value.moduleCode,
    value.offeringStart,
    value.outcome,
    value.mark,
    value.grade,
    value.diet,
    value.completedOn,
  ]);
}

/** Whether two results are for the same learner on the same module offering (one result each). */
export function sameLearnerAndOffering(a: ResultInput, b: ResultInput): boolean {
  return (
    a.learnerEmail === b.learnerEmail && a.moduleCode === b.moduleCode && a.offeringStart === b.offeringStart
  );
}

function identityKey(value: Pick<ResultInput, 'learnerEmail' | 'moduleCode' | 'offeringStart'>): string {
  return JSON.stringify([value.learnerEmail, value.moduleCode, value.offeringStart]);
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

/** The header and one example row, CRLF as spreadsheets write it, for a "download a template" link. */
export function resultsCsvTemplate(): string {
  const example: Record<ResultCsvColumn, string> = {
    learner_email: 'jamie.macdonald@example.ac.uk',
    learner_name: 'Jamie MacDonald',
    module_code: 'ABT1001',
    offering_start: '2025-01-13',
    outcome: 'Passed',
    mark: '72',
    grade: 'B',
    diet: 'June 2025',
    completed_on: '2025-06-20',
  };
  const line = (cells: readonly string[]) => cells.map(csvCell).join(',');
  return `${line(RESULT_CSV_COLUMNS)}\r\n${line(RESULT_CSV_COLUMNS.map((c) => example[c]))}\r\n`;
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const EXPECTED_HEADER = RESULT_CSV_COLUMNS.join(',');
const NO_RESULTS =
  'The file has no results in it. Put the header row first, then one row for each result, and upload it again.';

/**
 * Reads a results CSV as a spreadsheet saves it and checks every row, collecting every problem
 * rather than stopping at the first. Never throws: a file that cannot be read gives `fileProblem`.
 */
export function parseResultsCsv(
  text: string,
  today: string,
  limits: { maxRows?: number } = {},
): ParsedResultsCsv {
  const maxRows = limits.maxRows ?? DEFAULT_MAX_RESULT_ROWS;
  const fileProblem = (message: string): ParsedResultsCsv => ({
    rows: [],
    problems: [],
    fileProblem: message,
  });

  const read = readRecords(text);
  if (!read.ok) return fileProblem(read.message);

  // Blank lines anywhere (the trailing ones especially) are not results; they keep their row number.
  const records = read.records.filter((r) => r.cells.some((cell) => cell.trim() !== ''));
  const [headerRecord, ...dataRecords] = records;
  if (!headerRecord) return fileProblem(NO_RESULTS);

  const header = readHeader(headerRecord.cells);
  if (!header.ok) return fileProblem(header.message);
  if (dataRecords.length === 0) return fileProblem(NO_RESULTS);
  if (dataRecords.length > maxRows) {
    return fileProblem(
      `The file has ${count(dataRecords.length)} results, more than the ${count(maxRows)} one upload can take. Split it into smaller files and upload each one.`,
    );
  }

  // A value under a column with no heading would otherwise be silently ignored.
  for (const index of header.blankColumns) {
    const used = dataRecords.find((r) => (r.cells[index] ?? '').trim() !== '');
    if (used) {
      return fileProblem(
        `Column ${columnLetter(index)} has values (row ${used.row} is one) but no heading. Add the right heading from ${EXPECTED_HEADER}, or delete the column, and upload the file again.`,
      );
    }
  }

  const rows: ParsedResultsCsv['rows'] = [];
  const problems: CsvRowProblem[] = [];
  const firstRowFor = new Map<string, { row: number; fingerprint: string | null }>();

  for (const record of dataRecords) {
    const raw = rawFromCells(record.cells, header.columnIndex);
    const rowProblems: CsvRowProblem[] = [];

    const width = header.width;
    const extraValues = record.cells.slice(width).some((cell) => cell.trim() !== '');
    if (record.cells.length < width || extraValues) {
      rowProblems.push({
        row: record.row,
        field: null,
        message: `This row has ${record.cells.length} values but the header row has ${width} columns. Check for a missing comma, or a value with a comma in it that needs quotation marks round it.`,
      });
    } else {
      const checked = checkResult(raw, today);
      for (const error of checked.errors) rowProblems.push({ row: record.row, ...error });

      const { learnerEmail, moduleCode, offeringStart } = checked.partial;
      if (learnerEmail !== undefined && moduleCode !== undefined && offeringStart !== undefined) {
        const key = identityKey({ learnerEmail, moduleCode, offeringStart });
        const fingerprint =
          checked.errors.length === 0 ? resultFingerprint(checked.partial as ResultInput) : null;
        const earlier = firstRowFor.get(key);
        if (!earlier) {
          firstRowFor.set(key, { row: record.row, fingerprint });
        } else {
          rowProblems.push({
            row: record.row,
            field: null,
            message:
              fingerprint !== null && fingerprint === earlier.fingerprint
                ? `This row repeats row ${earlier.row} exactly. Delete one of the two rows.`
                : `This row is for the same learner, module and offering start as row ${earlier.row}. A learner has one result for each offering: keep the correct row and delete the other.`,
          });
        }
      }

      if (rowProblems.length === 0) {
        rows.push({ row: record.row, raw, value: checked.partial as ResultInput });
        continue;
      }
    }
    rows.push({ row: record.row, raw, value: null });
    problems.push(...rowProblems);
  }

  return { rows, problems, fileProblem: null };
}

interface CsvRecord {
  /** The row number a spreadsheet shows for this record. */
  row: number;
  cells: string[];
}

/** csv-parse with `info` and `raw` wraps each record; its typings do not describe that shape. */
interface WrappedRecord {
  record: string[];
  raw: string;
  info: { records: number };
}

function parseCsv(text: string, to?: number): WrappedRecord[] {
  return parse(text, {
    bom: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true, // rows with the wrong number of values are reported per row
    relax_quotes: true, // O"Brien in an unquoted cell is just text
    skip_empty_lines: false, // keep counting rows as the spreadsheet does
    ltrim: true, // lets `a, "b, c"` read as two values
    rtrim: true,
    info: true,
    raw: true,
    ...(to === undefined ? {} : { to }),
  }) as unknown as WrappedRecord[];
}

function readRecords(text: string): { ok: true; records: CsvRecord[] } | { ok: false; message: string } {
  try {
    const parsed = parseCsv(text);
    return { ok: true, records: parsed.map((p) => ({ row: p.info.records, cells: p.record })) };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const recordsRead = (error as { records?: unknown }).records;
    const row = typeof recordsRead === 'number' ? recordsRead + 1 : null;
    const line = row === null ? null : startLineOfRecord(text, row);
    const where =
      row === null
        ? 'one of its rows'
        : line === null
          ? `row ${row}`
          : `row ${row} (line ${line} of the file)`;
    const upload = 'then upload the file again.';
    if (code === 'CSV_QUOTE_NOT_CLOSED') {
      return {
        ok: false,
        message: `The file could not be read: a quotation mark at the start of a value in ${where} is never closed, so everything after it runs together. Add the closing quotation mark, or remove the stray one, ${upload}`,
      };
    }
    if (code === 'CSV_INVALID_CLOSING_QUOTE' || code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE') {
      return {
        ok: false,
        message: `The file could not be read: ${where} has a quotation mark in the middle of a value. Put quotation marks round the whole value and write any quotation mark inside it twice (""), ${upload}`,
      };
    }
    return {
      ok: false,
      message: `The file could not be read at ${where}. Save it from your spreadsheet as 'CSV UTF-8 (comma delimited)', ${upload}`,
    };
  }
}

/** The line of the file a record starts on, counted from the records before it, which did parse. */
function startLineOfRecord(text: string, row: number): number | null {
  try {
    const before = row > 1 ? parseCsv(text, row - 1) : [];
    return before.reduce((line, r) => line + (r.raw.match(/\r\n|\r|\n/g) ?? []).length, 1);
  } catch {
    return null;
  }
}

type HeaderCheck =
  | {
      ok: true;
      /** Where each column is; absent for optional columns the file leaves out. */
      columnIndex: Partial<Record<ResultCsvColumn, number>>;
      /** Columns with no heading; allowed only while they stay empty. */
      blankColumns: number[];
      /** How many values a row must have: up to the last column with a heading. */
      width: number;
    }
  | { ok: false; message: string };

function readHeader(cells: string[]): HeaderCheck {
  const named = cells.map((cell) => cell.replace(/^\uFEFF/, '').trim());
  const withHeading = named.filter((cell) => cell !== '');
  if (withHeading.length === 1 && /[;\t]/.test(withHeading[0] ?? '')) {
    return {
      ok: false,
      message: `The values in the file are separated by ${withHeading[0]?.includes(';') ? 'semicolons' : 'tabs'}, not commas. Save it from your spreadsheet as 'CSV UTF-8 (comma delimited)' and upload it again.`,
    };
  }

  const columnIndex: Partial<Record<ResultCsvColumn, number>> = {};
  const blankColumns: number[] = [];
  const unknown: string[] = [];
  const repeated: string[] = [];
  named.forEach((heading, index) => {
    if (heading === '') {
      blankColumns.push(index);
      return;
    }
    const column = normaliseHeading(heading);
    if (!isResultColumn(column)) unknown.push(heading);
    else if (columnIndex[column] !== undefined) repeated.push(column);
    else columnIndex[column] = index;
  });

  const missing = RESULT_CSV_COLUMNS.filter((c) => columnIndex[c] === undefined && !OPTIONAL_COLUMNS.has(c));
  if (missing.length > 0 || unknown.length > 0 || repeated.length > 0) {
    const sentences: string[] = [];
    if (missing.length > 0) {
      sentences.push(
        `The header row is missing ${plural(missing.length, 'the column', 'the columns')} ${list(missing)}.`,
      );
    }
    if (unknown.length > 0) {
      sentences.push(
        `The header row has ${plural(unknown.length, 'a column', 'columns')} the hub does not recognise: ${list(unknown.map((u) => quoted(u)))}. Check the spelling, or delete ${plural(unknown.length, 'it', 'them')}.`,
      );
    }
    if (repeated.length > 0) {
      sentences.push(`The header row has ${list(repeated)} more than once; keep one of each.`);
    }
    sentences.push(`The header row should be: ${EXPECTED_HEADER}`);
    return { ok: false, message: sentences.join(' ') };
  }

  const lastNamed = named.findLastIndex((heading) => heading !== '');
  return {
    ok: true,
    columnIndex,
    blankColumns: blankColumns.filter((index) => index < lastNamed),
    width: lastNamed + 1,
  };
}

/** "Learner Email", " learner-email " and "LEARNER_EMAIL" all mean learner_email. */
function normaliseHeading(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '_');
}

function isResultColumn(value: string): value is ResultCsvColumn {
  return (RESULT_CSV_COLUMNS as readonly string[]).includes(value);
}

function rawFromCells(cells: string[], columnIndex: Partial<Record<ResultCsvColumn, number>>): RawResult {
  const cell = (column: ResultCsvColumn) => {
    const index = columnIndex[column];
    return index === undefined ? '' : (cells[index] ?? '');
  };
  return {
    learnerEmail: cell('learner_email'),
    learnerName: cell('learner_name'),
    moduleCode: cell('module_code'),
    offeringStart: cell('offering_start'),
    outcome: cell('outcome'),
    mark: cell('mark'),
    grade: cell('grade'),
    diet: cell('diet'),
    completedOn: cell('completed_on'),
  };
}

/** A, B, ... Z, AA, AB ... as a spreadsheet labels its columns. */
function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

function count(n: number): string {
  return n.toLocaleString('en-GB');
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

import { describe, expect, it } from 'vitest';
import {
  OUTCOMES,
  RESULT_CSV_COLUMNS,
  parseResultsCsv,
  resultFingerprint,
  resultsCsvTemplate,
  sameLearnerAndOffering,
  validateResult,
  type RawResult,
  type ResultInput,
} from './results-model.ts';

const today = '2026-06-30';
const HEADER = RESULT_CSV_COLUMNS.join(',');

/** A result a registry officer would record without a second thought. */
function aRaw(overrides: Partial<RawResult> = {}): RawResult {
  return {
    learnerEmail: 'jamie.macdonald@example.ac.uk',
    learnerName: 'Jamie MacDonald',
    moduleCode: 'ABT1001',
    offeringStart: '2026-01-12',
    outcome: 'Passed',
    mark: '72',
    grade: 'B',
    diet: 'June 2026',
    completedOn: '2026-06-19',
    ...overrides,
  };
}

function valueOf(raw: RawResult): ResultInput {
  const result = validateResult(raw, today);
  if (!result.ok) throw new Error(`expected a valid result, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

/** The errors for one raw result, as field → message. */
function errorsOf(raw: RawResult): Partial<Record<keyof RawResult, string>> {
  const result = validateResult(raw, today);
  return result.ok ? {} : Object.fromEntries(result.errors.map((e) => [e.field, e.message]));
}

function csvLine(raw: RawResult): string {
  const cells = [
    raw.learnerEmail,
    raw.learnerName,
    raw.moduleCode,
    raw.offeringStart,
    raw.outcome,
    raw.mark,
    raw.grade,
    raw.diet,
    raw.completedOn,
  ];
  return cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
}

function csv(...rows: RawResult[]): string {
  return [HEADER, ...rows.map(csvLine)].join('\n') + '\n';
}

describe('validateResult', () => {
  it('accepts a good result and normalises it', () => {
    expect(
      valueOf(
        aRaw({
          learnerEmail: '  Jamie.MacDonald@Example.AC.UK ',
          learnerName: ' Jamie   MacDonald ',
          moduleCode: 'abt1001',
          outcome: 'passed',
          diet: ' June  2026 ',
        }),
      ),
    ).toEqual({
      learnerEmail: 'jamie.macdonald@example.ac.uk',
      learnerName: 'Jamie MacDonald',
      moduleCode: 'ABT1001',
      offeringStart: '2026-01-12',
      outcome: 'passed',
      mark: 72,
      grade: 'B',
      diet: 'June 2026',
      completedOn: '2026-06-19',
    });
  });

  it('collects every error at once, each naming its column', () => {
    const result = validateResult(
      aRaw({ learnerEmail: '', learnerName: '', moduleCode: '', outcome: '', diet: '', completedOn: '' }),
      today,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field)).toEqual([
      'learnerEmail',
      'learnerName',
      'moduleCode',
      'outcome',
      'diet',
      'completedOn',
    ]);
    expect(result.errors.map((e) => e.message.split(':')[0])).toEqual([
      'learner_email',
      'learner_name',
      'module_code',
      'outcome',
      'diet',
      'completed_on',
    ]);
  });

  describe('learner_email', () => {
    it.each(['a@b.co', 'first.last+tag@sub.example.ac.uk', "o'brien@example.scot"])('accepts %s', (email) => {
      expect(errorsOf(aRaw({ learnerEmail: email }))).toEqual({});
    });

    it.each([
      ['missing', ''],
      ['no @', 'jamie.example.ac.uk'],
      ['two @', 'jamie@macdonald@example.ac.uk'],
      ['a space', 'jamie macdonald@example.ac.uk'],
      ['no dot in the domain', 'jamie@localhost'],
      ['an empty domain label', 'jamie@example..ac.uk'],
      ['nothing before the @', '@example.ac.uk'],
      ['a display name', 'Jamie <jamie@example.ac.uk>'],
    ])('rejects %s', (_why, email) => {
      expect(errorsOf(aRaw({ learnerEmail: email })).learnerEmail).toMatch(/^learner_email: /);
    });

    it('accepts 254 characters and rejects 255', () => {
      const at254 = `${'a'.repeat(64)}@${'b'.repeat(181)}.example`; // 64 + 1 + 189
      expect(at254).toHaveLength(254);
      expect(errorsOf(aRaw({ learnerEmail: at254 }))).toEqual({});
      expect(errorsOf(aRaw({ learnerEmail: `a${at254}` })).learnerEmail).toMatch(/254 characters or fewer/);
    });
  });

  describe('learner_name', () => {
    it('is required', () => {
      expect(errorsOf(aRaw({ learnerName: '   ' })).learnerName).toBe(
        "learner_name: enter the learner's full name",
      );
    });

    it('accepts 200 characters and rejects 201', () => {
      expect(errorsOf(aRaw({ learnerName: 'a'.repeat(200) }))).toEqual({});
      expect(errorsOf(aRaw({ learnerName: 'a'.repeat(201) })).learnerName).toMatch(/200 characters or fewer/);
    });

    it('keeps names that merely look like spreadsheet formulas', () => {
      for (const name of ['=Ali', '+Bea', '-Cal', '@Dee']) {
        expect(valueOf(aRaw({ learnerName: name })).learnerName).toBe(name);
      }
    });

    it('accepts accents, apostrophes and Gaelic names', () => {
      expect(valueOf(aRaw({ learnerName: "Seònaid NicDhòmhnaill-O'Brien" })).learnerName).toBe(
        "Seònaid NicDhòmhnaill-O'Brien",
      );
    });

    it.each([
      ['a line break', 'Jamie\nMacDonald'],
      ['a tab', 'Jamie\tMacDonald'],
      ['a NUL', 'Jamie\u0000'],
      ['a zero-width space', 'Jamie\u200bMacDonald'],
    ])('rejects %s', (_why, name) => {
      expect(errorsOf(aRaw({ learnerName: name })).learnerName).toMatch(
        /^learner_name: remove the line breaks/,
      );
    });

    it('says how to fix a file saved in the wrong encoding', () => {
      expect(errorsOf(aRaw({ learnerName: 'Se\ufffdnaid' })).learnerName).toMatch(/CSV UTF-8/);
    });
  });

  describe('module_code', () => {
    it('is case-insensitive and stored upper-cased', () => {
      expect(valueOf(aRaw({ moduleCode: ' abt1001 ' })).moduleCode).toBe('ABT1001');
    });

    it.each(['', 'ABT 1001', '1001ABT', 'ABT', '1001', 'ABT-1001', 'AB1C'])('rejects "%s"', (code) => {
      expect(errorsOf(aRaw({ moduleCode: code })).moduleCode).toMatch(/^module_code: .*ABT1001/);
    });

    it('accepts 20 characters and rejects 21', () => {
      expect(errorsOf(aRaw({ moduleCode: `${'A'.repeat(10)}${'1'.repeat(10)}` }))).toEqual({});
      expect(errorsOf(aRaw({ moduleCode: `${'A'.repeat(11)}${'1'.repeat(10)}` })).moduleCode).toMatch(
        /20 characters or fewer/,
      );
    });
  });

  describe('offering_start', () => {
    it('is optional', () => {
      expect(valueOf(aRaw({ offeringStart: '  ' })).offeringStart).toBeNull();
    });

    it('takes a UK date and stores it as ISO', () => {
      expect(valueOf(aRaw({ offeringStart: '12/01/2026' })).offeringStart).toBe('2026-01-12');
    });

    it('rejects an impossible date, offering to leave it blank', () => {
      expect(errorsOf(aRaw({ offeringStart: '2026-02-30' })).offeringStart).toBe(
        'offering_start: "2026-02-30" is not a real date; check the day and the month, or leave it blank',
      );
    });

    it('must not be after the completion date', () => {
      expect(
        errorsOf(aRaw({ offeringStart: '2026-06-20', completedOn: '2026-06-19' })).offeringStart,
      ).toMatch(/check both dates/);
      expect(errorsOf(aRaw({ offeringStart: '2026-06-19', completedOn: '2026-06-19' }))).toEqual({});
    });
  });

  describe('outcome', () => {
    it.each([
      ['Passed', 'passed'],
      ['PASSED', 'passed'],
      ['pass', 'passed'],
      ['Attended', 'attended'],
      ['failed', 'failed'],
      ['Fail', 'failed'],
      ['withdrawn', 'withdrawn'],
      ['Withdrew', 'withdrawn'],
      [' passed ', 'passed'],
    ])('reads %s as %s', (typed, outcome) => {
      const extra = outcome === 'withdrawn' ? { mark: '', grade: '' } : {};
      expect(valueOf(aRaw({ outcome: typed, ...extra })).outcome).toBe(outcome);
    });

    it.each(['', 'Merit', 'P', 'constructor'])('rejects "%s", listing the four outcomes', (typed) => {
      expect(errorsOf(aRaw({ outcome: typed })).outcome).toMatch(
        /^outcome: .*Passed, Attended, Failed or Withdrawn$/,
      );
    });

    it('labels every outcome', () => {
      expect(Object.values(OUTCOMES)).toEqual(['Passed', 'Attended', 'Failed', 'Withdrawn']);
    });
  });

  describe('mark', () => {
    it.each([
      ['', null],
      ['0', 0],
      ['100', 100],
      ['85%', 85],
      ['85 %', 85],
      [' 72 ', 72],
      ['72.00', 72],
      ['007', 7],
    ])('reads "%s" as %s', (typed, mark) => {
      expect(valueOf(aRaw({ mark: typed })).mark).toBe(mark);
    });

    it.each(['101', '-1', '72.5', 'seventy', '1e2', '%', '+5', '1000'])('rejects "%s"', (typed) => {
      expect(errorsOf(aRaw({ mark: typed })).mark).toBe(
        'mark: enter a whole number from 0 to 100, or leave it blank',
      );
    });
  });

  describe('grade', () => {
    it('is optional and kept as typed', () => {
      expect(valueOf(aRaw({ grade: '' })).grade).toBeNull();
      expect(valueOf(aRaw({ grade: ' A+ ' })).grade).toBe('A+');
    });

    it('accepts 10 characters and rejects 11', () => {
      expect(errorsOf(aRaw({ grade: 'Distinctio' }))).toEqual({});
      expect(errorsOf(aRaw({ grade: 'Distinction' })).grade).toMatch(/^grade: .*10 characters or fewer/);
    });
  });

  describe('diet', () => {
    it('is required', () => {
      expect(errorsOf(aRaw({ diet: '' })).diet).toMatch(/^diet: .*June 2026/);
    });

    it('accepts 40 characters and rejects 41', () => {
      expect(errorsOf(aRaw({ diet: 'd'.repeat(40) }))).toEqual({});
      expect(errorsOf(aRaw({ diet: 'd'.repeat(41) })).diet).toMatch(/40 characters or fewer/);
    });
  });

  describe('completed_on', () => {
    it('is required', () => {
      expect(errorsOf(aRaw({ completedOn: '' })).completedOn).toMatch(/^completed_on: enter the date/);
    });

    it.each([
      ['2026-06-19', '2026-06-19'],
      ['19/06/2026', '2026-06-19'],
      ['9/6/2026', '2026-06-09'],
      ['2026-6-9', '2026-06-09'],
      ['29/02/2024', '2024-02-29'],
      ['2000-01-01', '2000-01-01'],
    ])('reads %s as %s', (typed, iso) => {
      expect(valueOf(aRaw({ completedOn: typed, offeringStart: '' })).completedOn).toBe(iso);
    });

    it('accepts today', () => {
      expect(valueOf(aRaw({ completedOn: today })).completedOn).toBe(today);
    });

    it('rejects a date after today', () => {
      expect(errorsOf(aRaw({ completedOn: '2026-07-01' })).completedOn).toBe(
        'completed_on: 2026-07-01 is in the future; enter the date the learner completed the module, no later than today (2026-06-30)',
      );
      expect(errorsOf(aRaw({ completedOn: '01/07/2026' })).completedOn).toMatch(/in the future/);
    });

    it('rejects a date before 2000', () => {
      expect(errorsOf(aRaw({ completedOn: '1999-12-31', offeringStart: '' })).completedOn).toBe(
        'completed_on: enter a date on or after 1 January 2000',
      );
    });

    it.each(['31/02/2026', '29/02/2025', '2026-02-29', '2026-13-01', '00/01/2026', '31/04/2026'])(
      'rejects the impossible date %s',
      (typed) => {
        expect(errorsOf(aRaw({ completedOn: typed })).completedOn).toBe(
          `completed_on: "${typed}" is not a real date; check the day and the month`,
        );
      },
    );

    it('rejects a month-first (US) date rather than guessing', () => {
      expect(errorsOf(aRaw({ completedOn: '06/19/2026' })).completedOn).toMatch(/month-first \(US\) date/);
    });

    it('rejects a two-digit year', () => {
      expect(errorsOf(aRaw({ completedOn: '19/06/26' })).completedOn).toMatch(/write the year in full/);
    });

    it.each(['19 June 2026', '2026/06/19', '19.06.2026', '20260619', 'yesterday'])(
      'rejects "%s" with the expected format',
      (typed) => {
        expect(errorsOf(aRaw({ completedOn: typed })).completedOn).toMatch(
          /^completed_on: use the date format YYYY-MM-DD, for example 2026-06-30/,
        );
      },
    );
  });

  describe('a withdrawn outcome', () => {
    it('may have neither mark nor grade', () => {
      expect(errorsOf(aRaw({ outcome: 'Withdrawn', mark: '40', grade: 'E' }))).toEqual({
        mark: 'mark: leave the mark blank when the outcome is Withdrawn',
        grade: 'grade: leave the grade blank when the outcome is Withdrawn',
      });
    });

    it('is fine with both blank', () => {
      const value = valueOf(aRaw({ outcome: 'Withdrawn', mark: '', grade: '' }));
      expect(value).toMatchObject({ outcome: 'withdrawn', mark: null, grade: null });
    });

    it('does not stop other outcomes having a mark of 0', () => {
      expect(valueOf(aRaw({ outcome: 'Failed', mark: '0', grade: 'F' })).mark).toBe(0);
    });
  });
});

describe('resultFingerprint and sameLearnerAndOffering', () => {
  it('gives identical rows the same fingerprint, however they were typed', () => {
    const a = valueOf(aRaw());
    const b = valueOf(
      aRaw({ learnerEmail: 'JAMIE.MACDONALD@example.ac.uk', moduleCode: 'abt1001', mark: '72%' }),
    );
    expect(resultFingerprint(a)).toBe(resultFingerprint(b));
  });

  it('changes when the mark changes, or any other field', () => {
    const base = resultFingerprint(valueOf(aRaw()));
    expect(resultFingerprint(valueOf(aRaw({ mark: '73' })))).not.toBe(base);
    expect(resultFingerprint(valueOf(aRaw({ mark: '' })))).not.toBe(base);
    expect(resultFingerprint(valueOf(aRaw({ grade: 'A' })))).not.toBe(base);
    expect(resultFingerprint(valueOf(aRaw({ learnerName: 'James MacDonald' })))).not.toBe(base);
    expect(resultFingerprint(valueOf(aRaw({ completedOn: '2026-06-20' })))).not.toBe(base);
    expect(resultFingerprint(valueOf(aRaw({ diet: 'May 2026' })))).not.toBe(base);
  });

  it('keys a learner and offering on email, module code and offering start', () => {
    const a = valueOf(aRaw());
    expect(sameLearnerAndOffering(a, valueOf(aRaw({ mark: '10', learnerName: 'J. MacDonald' })))).toBe(true);
    expect(sameLearnerAndOffering(a, valueOf(aRaw({ learnerEmail: 'other@example.ac.uk' })))).toBe(false);
    expect(sameLearnerAndOffering(a, valueOf(aRaw({ moduleCode: 'ABT1002' })))).toBe(false);
    expect(sameLearnerAndOffering(a, valueOf(aRaw({ offeringStart: '' })))).toBe(false);
    expect(
      sameLearnerAndOffering(valueOf(aRaw({ offeringStart: '' })), valueOf(aRaw({ offeringStart: '' }))),
    ).toBe(true);
  });
});

describe('resultsCsvTemplate', () => {
  it('is the header and an example row that parses with no problems', () => {
    const template = resultsCsvTemplate();
    expect(template.split('\r\n')[0]).toBe(HEADER);
    const parsed = parseResultsCsv(template, today);
    expect(parsed.fileProblem).toBeNull();
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0]?.value).not.toBeNull();
  });
});

describe('parseResultsCsv', () => {
  it('reads good rows, numbering them as a spreadsheet does', () => {
    const parsed = parseResultsCsv(csv(aRaw(), aRaw({ learnerEmail: 'ali@example.ac.uk' })), today);
    expect(parsed.fileProblem).toBeNull();
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(parsed.rows[1]?.value?.learnerEmail).toBe('ali@example.ac.uk');
    expect(parsed.rows[0]?.raw).toEqual(aRaw());
  });

  it('reports problems per row and field, keeps going, and nulls only the bad rows', () => {
    const parsed = parseResultsCsv(
      csv(
        aRaw({ mark: '120' }),
        aRaw({ learnerEmail: 'ali@example.ac.uk' }),
        aRaw({ learnerEmail: 'bea@example.ac.uk', completedOn: '31/02/2026', outcome: 'Merit' }),
      ),
      today,
    );
    expect(parsed.fileProblem).toBeNull();
    expect(parsed.rows.map((r) => r.value === null)).toEqual([true, false, true]);
    expect(parsed.problems.map((p) => [p.row, p.field])).toEqual([
      [2, 'mark'],
      [4, 'outcome'],
      [4, 'completedOn'],
    ]);
    expect(parsed.problems[0]?.message).toBe('mark: enter a whole number from 0 to 100, or leave it blank');
  });

  describe('the header row', () => {
    it.each([
      [
        'spaced, title-case names',
        'Learner Email,Learner Name,Module Code,Offering Start,Outcome,Mark,Grade,Diet,Completed On',
      ],
      ['upper case', HEADER.toUpperCase()],
      ['extra whitespace', RESULT_CSV_COLUMNS.map((c) => `  ${c} `).join(',')],
      ['quoted names', RESULT_CSV_COLUMNS.map((c) => `"${c}"`).join(',')],
    ])('accepts %s', (_why, header) => {
      const parsed = parseResultsCsv(`${header}\n${csvLine(aRaw())}\n`, today);
      expect(parsed.fileProblem).toBeNull();
      expect(parsed.problems).toEqual([]);
      expect(parsed.rows[0]?.value?.moduleCode).toBe('ABT1001');
    });

    it('accepts the columns in any order', () => {
      const header = 'completed_on,diet,learner_email,learner_name,module_code,outcome';
      const parsed = parseResultsCsv(
        `${header}\n2026-06-19,June 2026,jamie@example.ac.uk,Jamie,ABT1001,Passed\n`,
        today,
      );
      expect(parsed.problems).toEqual([]);
      expect(parsed.rows[0]?.value).toMatchObject({
        completedOn: '2026-06-19',
        learnerEmail: 'jamie@example.ac.uk',
        offeringStart: null,
        mark: null,
        grade: null,
      });
    });

    it('names missing required columns and shows the expected header', () => {
      const parsed = parseResultsCsv('learner_email,learner_name,module_code,mark\nx@y.co,X,ABT1,1\n', today);
      expect(parsed.rows).toEqual([]);
      expect(parsed.fileProblem).toBe(
        `The header row is missing the columns outcome, diet and completed_on. The header row should be: ${HEADER}`,
      );
    });

    it('names an unknown column, so a typo is not silently ignored', () => {
      const header = `${HEADER},notes`;
      const parsed = parseResultsCsv(`${header}\n${csvLine(aRaw())},hello\n`, today);
      expect(parsed.fileProblem).toMatch(/does not recognise: "notes"/);

      const typo = parseResultsCsv(`${HEADER.replace('outcome', 'outcom')}\n${csvLine(aRaw())}\n`, today);
      expect(typo.fileProblem).toMatch(/missing the column outcome\. .*does not recognise: "outcom"/);
      expect(typo.fileProblem).toContain(HEADER);
    });

    it('names a column given twice', () => {
      const parsed = parseResultsCsv(`${HEADER},Mark\n${csvLine(aRaw())},72\n`, today);
      expect(parsed.fileProblem).toMatch(/mark more than once/);
    });

    it('tolerates empty trailing columns a spreadsheet adds, but not values under no heading', () => {
      const ok = parseResultsCsv(`${HEADER},,\n${csvLine(aRaw())},,\n`, today);
      expect(ok.fileProblem).toBeNull();
      expect(ok.problems).toEqual([]);

      const unheaded = parseResultsCsv(`${HEADER},,grade2\n${csvLine(aRaw())},oops,\n`, today);
      expect(unheaded.fileProblem).toMatch(/grade2/);
      const blankMiddle = parseResultsCsv(
        `learner_email,,${HEADER.replace('learner_email,', '')}\njamie@example.ac.uk,oops,${csvLine(aRaw()).replace(/^[^,]+,/, '')}\n`,
        today,
      );
      expect(blankMiddle.fileProblem).toMatch(/^Column B has values \(row 2 is one\) but no heading/);
    });

    it('explains a semicolon-separated file', () => {
      const parsed = parseResultsCsv(`${RESULT_CSV_COLUMNS.join(';')}\n`, today);
      expect(parsed.fileProblem).toMatch(/separated by semicolons, not commas/);
    });
  });

  describe('the file format', () => {
    it('handles a UTF-8 byte-order mark', () => {
      const parsed = parseResultsCsv(`\uFEFF${csv(aRaw())}`, today);
      expect(parsed.fileProblem).toBeNull();
      expect(parsed.problems).toEqual([]);
      expect(parsed.rows[0]?.value?.learnerEmail).toBe('jamie.macdonald@example.ac.uk');
    });

    it('handles CRLF, LF and old-Mac CR line endings', () => {
      for (const eol of ['\r\n', '\n', '\r']) {
        const text =
          [HEADER, csvLine(aRaw()), csvLine(aRaw({ learnerEmail: 'ali@example.ac.uk' }))].join(eol) + eol;
        const parsed = parseResultsCsv(text, today);
        expect(parsed.problems).toEqual([]);
        expect(parsed.rows.map((r) => [r.row, r.value?.completedOn])).toEqual([
          [2, '2026-06-19'],
          [3, '2026-06-19'],
        ]);
      }
    });

    it('reads quoted fields with commas, quotation marks and spaces round them', () => {
      const line = csvLine(aRaw({ learnerName: 'MacDonald, Jamie "JJ"', diet: 'June, 2026' }));
      const parsed = parseResultsCsv(`${HEADER}\n${line}\n`, today);
      expect(parsed.problems).toEqual([]);
      expect(parsed.rows[0]?.value).toMatchObject({
        learnerName: 'MacDonald, Jamie "JJ"',
        diet: 'June, 2026',
      });

      const spaced = parseResultsCsv(
        `${HEADER}\njamie@example.ac.uk, "MacDonald, Jamie" ,ABT1001,,Passed,,,June 2026,2026-06-19\n`,
        today,
      );
      expect(spaced.problems).toEqual([]);
      expect(spaced.rows[0]?.value?.learnerName).toBe('MacDonald, Jamie');
    });

    it('keeps a stray quotation mark inside an unquoted value as text', () => {
      const parsed = parseResultsCsv(csv(aRaw()).replace('Jamie MacDonald', 'Jamie O"Brien'), today);
      expect(parsed.problems).toEqual([]);
      expect(parsed.rows[0]?.value?.learnerName).toBe('Jamie O"Brien');
    });

    it('reads a quoted newline as part of the value, counts the row once, and reports the line break', () => {
      const text = csv(
        aRaw({ learnerName: 'Jamie\nMacDonald' }),
        aRaw({ learnerEmail: 'ali@example.ac.uk' }),
      );
      const parsed = parseResultsCsv(text, today);
      expect(parsed.rows.map((r) => r.row)).toEqual([2, 3]);
      expect(parsed.rows[0]?.raw.learnerName).toBe('Jamie\nMacDonald');
      expect(parsed.problems).toEqual([
        {
          row: 2,
          field: 'learnerName',
          message: expect.stringMatching(/^learner_name: remove the line breaks/),
        },
      ]);
      expect(parsed.rows[1]?.value).not.toBeNull();
    });

    it('keeps a quoted newline in an address-like column from shifting later rows', () => {
      const text = csv(aRaw({ diet: 'June\r\n2026' }), aRaw({ learnerEmail: 'ali@example.ac.uk' }));
      const parsed = parseResultsCsv(text, today);
      expect(parsed.rows.map((r) => [r.row, r.value === null])).toEqual([
        [2, true],
        [3, false],
      ]);
    });

    it('ignores trailing empty lines and blank rows, without renumbering the rows after them', () => {
      const text = `${HEADER}\n${csvLine(aRaw())}\n\n,,,,,,,,\n${csvLine(aRaw({ learnerEmail: 'ali@example.ac.uk' }))}\n\n\n\r\n`;
      const parsed = parseResultsCsv(text, today);
      expect(parsed.problems).toEqual([]);
      expect(parsed.rows.map((r) => r.row)).toEqual([2, 5]);
    });

    it('reports a row with too few or too many values, and goes on', () => {
      const good = csvLine(aRaw());
      const text = [
        HEADER,
        good.replace(',June 2026', ''),
        `${csvLine(aRaw({ learnerEmail: 'ali@example.ac.uk' }))},extra`,
        `${csvLine(aRaw({ learnerEmail: 'bea@example.ac.uk' }))},,`,
        csvLine(aRaw({ learnerEmail: 'cal@example.ac.uk' })),
      ].join('\n');
      const parsed = parseResultsCsv(text, today);
      expect(parsed.fileProblem).toBeNull();
      expect(parsed.problems).toEqual([
        {
          row: 2,
          field: null,
          message: expect.stringMatching(/^This row has 8 values but the header row has 9 columns/),
        },
        { row: 3, field: null, message: expect.stringMatching(/^This row has 10 values/) },
      ]);
      expect(parsed.rows.map((r) => r.value === null)).toEqual([true, true, false, false]);
    });

    it('gives an unterminated quotation mark as a file problem with its row and line, without throwing', () => {
      const text = [
        HEADER,
        csvLine(aRaw({ learnerName: 'Jamie\nMacDonald' })),
        csvLine(aRaw({ learnerEmail: 'ali@example.ac.uk' })).replace('Jamie MacDonald', '"Jamie MacDonald'),
        csvLine(aRaw({ learnerEmail: 'bea@example.ac.uk' })),
      ].join('\n');
      const parsed = parseResultsCsv(text, today);
      expect(parsed.rows).toEqual([]);
      expect(parsed.fileProblem).toMatch(/never closed/);
      expect(parsed.fileProblem).toMatch(/row 3 \(line 4 of the file\)/);
    });

    it('gives a misplaced closing quotation mark as a file problem with its row and line', () => {
      const text = `${HEADER}\n${csvLine(aRaw())}\njamie@example.ac.uk,"Jamie" MacDonald,ABT1001,,Passed,,,June 2026,2026-06-19\n`;
      const parsed = parseResultsCsv(text, today);
      expect(parsed.fileProblem).toMatch(/row 3 \(line 3 of the file\) has a quotation mark in the middle/);
    });

    it.each([
      ['an empty file', ''],
      ['whitespace only', ' \n\r\n  \n'],
      ['a header only', `${HEADER}\r\n`],
      ['a header and blank rows', `${HEADER}\n,,,,,,,,\n\n`],
    ])('says %s has no results', (_why, text) => {
      const parsed = parseResultsCsv(text, today);
      expect(parsed.fileProblem).toMatch(/^The file has no results in it/);
      expect(parsed.rows).toEqual([]);
    });

    it('refuses more rows than the limit', () => {
      const rows = Array.from({ length: 4 }, (_, i) => aRaw({ learnerEmail: `l${i}@example.ac.uk` }));
      expect(parseResultsCsv(csv(...rows), today, { maxRows: 4 }).fileProblem).toBeNull();
      const over = parseResultsCsv(csv(...rows), today, { maxRows: 3 });
      expect(over.fileProblem).toBe(
        'The file has 4 results, more than the 3 one upload can take. Split it into smaller files and upload each one.',
      );
      expect(over.rows).toEqual([]);
    });

    it('defaults the limit to 10,000 rows', () => {
      const line = csvLine(aRaw());
      const text = `${HEADER}\n${Array.from({ length: 10_001 }, () => line).join('\n')}\n`;
      expect(parseResultsCsv(text, today).fileProblem).toMatch(/10,001 results, more than the 10,000/);
    });

    it('parses a 5,000-row file', () => {
      const outcomes = ['Passed', 'Attended', 'Failed'];
      const rows = Array.from({ length: 5000 }, (_, i) =>
        aRaw({
          learnerEmail: `learner${i}@example.ac.uk`,
          learnerName: `Learner ${i}, "Test"`,
          outcome: outcomes[i % 3],
          mark: String(i % 101),
        }),
      );
      const parsed = parseResultsCsv(csv(...rows).replace(/\n/g, '\r\n'), today);
      expect(parsed.fileProblem).toBeNull();
      expect(parsed.problems).toEqual([]);
      expect(parsed.rows).toHaveLength(5000);
      expect(parsed.rows[4999]).toMatchObject({
        row: 5001,
        value: { learnerEmail: 'learner4999@example.ac.uk', mark: 4999 % 101 },
      });
    });
  });

  describe('the same learner, module and offering twice', () => {
    it('reports the later row, naming the earlier one', () => {
      const parsed = parseResultsCsv(
        csv(
          aRaw(),
          aRaw({ learnerEmail: 'ali@example.ac.uk' }),
          aRaw({ learnerEmail: 'JAMIE.MACDONALD@example.ac.uk', moduleCode: 'abt1001', mark: '80' }),
        ),
        today,
      );
      expect(parsed.problems).toEqual([
        {
          row: 4,
          field: null,
          message:
            'This row is for the same learner, module and offering start as row 2. A learner has one result for each offering: keep the correct row and delete the other.',
        },
      ]);
      expect(parsed.rows.map((r) => r.value === null)).toEqual([false, false, true]);
    });

    it('says when the repeat is exact', () => {
      const parsed = parseResultsCsv(csv(aRaw(), aRaw()), today);
      expect(parsed.problems).toEqual([
        { row: 3, field: null, message: 'This row repeats row 2 exactly. Delete one of the two rows.' },
      ]);
    });

    it('names the first row for every later repeat, even when the first has other problems', () => {
      const parsed = parseResultsCsv(csv(aRaw({ mark: 'x' }), aRaw(), aRaw({ mark: '1' })), today);
      expect(parsed.problems.map((p) => [p.row, p.field, p.message.match(/row \d+/)?.[0] ?? null])).toEqual([
        [2, 'mark', null],
        [3, null, 'row 2'],
        [4, null, 'row 2'],
      ]);
    });

    it('is not a duplicate on a different module, offering or learner', () => {
      const parsed = parseResultsCsv(
        csv(
          aRaw(),
          aRaw({ moduleCode: 'ABT1002' }),
          aRaw({ offeringStart: '2026-02-02' }),
          aRaw({ offeringStart: '' }),
          aRaw({ learnerEmail: 'ali@example.ac.uk' }),
        ),
        today,
      );
      expect(parsed.problems).toEqual([]);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { parsePcLogCsv, planPcLogImport, type PcLogRow } from './pc-log-csv';

const row = (overrides: Partial<PcLogRow> = {}): PcLogRow => ({
  line: 2,
  date: '2026-11-16',
  start: '09:00',
  end: '18:00',
  breakMinutes: 0,
  employment: null,
  note: null,
  ...overrides,
});

describe('reading a PC log CSV: date,start,end', () => {
  it('reads dates and clock times, with optional employment, break and note columns', () => {
    const csv = [
      'date,start,end,employment,break,note',
      '2026-11-16,08:58,18:03,,60,',
      '2026/11/17,9:05:41,26:30,みらいソフト,1:00,"VPN, from home"',
    ].join('\n');
    expect(parsePcLogCsv(csv)).toEqual({
      ok: true,
      format: 'times',
      rows: [
        row({ start: '08:58', end: '18:03', breakMinutes: 60 }),
        row({
          line: 3,
          date: '2026-11-17',
          start: '09:05',
          end: '26:30',
          breakMinutes: 60,
          employment: 'みらいソフト',
          note: 'VPN, from home',
        }),
      ],
      rejected: [],
    });
  });

  it('accepts the Japanese headers, a BOM and CRLF line endings', () => {
    const csv = '\uFEFF日付,開始,終了,備考\r\n2026-11-16,09:00,18:00,在宅\r\n';
    const parsed = parsePcLogCsv(csv);
    expect(parsed).toMatchObject({ ok: true, rows: [row({ note: '在宅' })], rejected: [] });
  });

  it('rejects a row whose end is before its start, naming its line, and reads the others', () => {
    const csv =
      'date,start,end\n2026-11-16,09:00,18:00\n2026-11-17,18:00,09:00\n2026-11-18,09:00,18:00\n';
    const parsed = parsePcLogCsv(csv);
    expect(parsed.ok && parsed.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(parsed.ok && parsed.rejected).toEqual([
      {
        line: 3,
        reason: 'end 09:00 is before start 18:00 (write a shift past midnight as 33:00)',
      },
    ]);
  });

  it('gives every reason a row is refused, on the line the row starts', () => {
    const csv = [
      'date,start,end,break,note',
      '2026-02-30,25:00,9am,,',
      '"2026-11-16",09:00,"10:00",90,',
      '2026-11-17,,18:00,,',
      '2026-11-18,09:00,09:00,,',
      '2026-11-19,09:00,18:00,x,',
      '2026-11-20,09:00,18:00,,ok,extra',
      '2026-11-21,00:00,47:59,,',
      `2026-11-22,09:00,18:00,,"${'長'.repeat(501)}"`,
      '',
      ',,,,',
      '"2026-11-23",09:00,"18:00",,"two',
      'lines"',
      '2026-11-24,09:00,48:00,,',
    ].join('\n');
    const parsed = parsePcLogCsv(csv);
    expect(parsed.ok && parsed.rejected).toEqual([
      {
        line: 2,
        reason:
          'date "2026-02-30" is not a date (YYYY-MM-DD or YYYY/MM/DD); start "25:00" is not a time from 00:00 to 23:59; end "9am" is not a time from 00:00 to 47:59 (past midnight as 24:00 and on)',
      },
      { line: 3, reason: 'break: 90 is not shorter than the segment (60 min)' },
      { line: 4, reason: 'start is empty' },
      { line: 5, reason: 'end 09:00 is the same as start' },
      { line: 6, reason: 'break "x" is not whole minutes (60) or hours and minutes (1:00)' },
      { line: 7, reason: 'has 6 cells; the header names 5' },
      { line: 8, reason: 'lasts more than 24 h (00:00–47:59)' },
      { line: 9, reason: 'note is longer than 500 characters (501)' },
      {
        line: 14,
        reason: 'end "48:00" is not a time from 00:00 to 47:59 (past midnight as 24:00 and on)',
      },
    ]);
    expect(parsed.ok && parsed.rows).toEqual([
      row({ line: 12, date: '2026-11-23', note: 'two\nlines' }),
    ]);
  });
});

describe('reading a PC log CSV: logon,logoff timestamps', () => {
  it('turns timestamps into Tokyo dates and times; a logoff the next day ends past 24:00', () => {
    const csv = [
      'logon,logoff',
      '2026-11-16T08:58:00+09:00,2026-11-16T18:03:59+09:00',
      '2026-11-17T13:00:00Z,2026-11-17T17:30:00Z',
      '2026-11-18 21:15:00,2026-11-19 01:40:00',
      '2026/11/19 09:00,2026/11/19 12:00',
    ].join('\n');
    const parsed = parsePcLogCsv(csv);
    expect(parsed).toMatchObject({ ok: true, format: 'timestamps', rejected: [] });
    expect(parsed.ok && parsed.rows.map((r) => [r.line, r.date, r.start, r.end])).toEqual([
      [2, '2026-11-16', '08:58', '18:03'],
      // 13:00Z is 22:00 in Tokyo; 17:30Z is 02:30 the next morning.
      [3, '2026-11-17', '22:00', '26:30'],
      // Without an offset a timestamp is Tokyo time.
      [4, '2026-11-18', '21:15', '25:40'],
      [5, '2026-11-19', '09:00', '12:00'],
    ]);
  });

  it('refuses a logoff before its logon, past 47:59, or a session longer than a day', () => {
    const csv = [
      'ログオン,ログオフ',
      '2026-11-16T18:00:00+09:00,2026-11-16T09:00:00+09:00',
      '2026-11-16T08:00:00+09:00,2026-11-18T00:00:00+09:00',
      '2026-11-16T01:00:00+09:00,2026-11-17T02:00:00+09:00',
      '2026-11-16T09:00:00+09:00,',
      'yesterday,2026-11-16T09:00:00+09:00',
    ].join('\n');
    const parsed = parsePcLogCsv(csv);
    expect(parsed.ok && parsed.rows).toEqual([]);
    expect(parsed.ok && parsed.rejected).toEqual([
      {
        line: 2,
        reason: 'logoff 2026-11-16T09:00:00+09:00 is not after logon 2026-11-16T18:00:00+09:00',
      },
      {
        line: 3,
        reason:
          'logoff 2026-11-18T00:00:00+09:00 is later than 23:59 on the day after the logon (a segment ends by 47:59 of its day)',
      },
      { line: 4, reason: 'lasts more than 24 h (01:00–26:00)' },
      { line: 5, reason: 'logoff is empty' },
      {
        line: 6,
        reason: 'logon "yesterday" is not a timestamp such as 2026-11-16T08:58:00+09:00',
      },
    ]);
  });
});

describe('reading a PC log CSV: the header', () => {
  it.each([
    ['user,logon,logoff', 'unknown column "user"'],
    ['date,start', 'missing column end'],
    ['date,start,end,logon,logoff', 'use either date,start,end or logon,logoff, not both'],
    ['date,start,end,note,備考', 'column "備考" appears twice'],
    ['2026-11-16,09:00,18:00', 'unknown column "2026-11-16"'],
  ])('rejects the whole file with a header of %s', (header, reason) => {
    const parsed = parsePcLogCsv(`${header}\n2026-11-16,09:00,18:00\n`);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problem).toContain(reason);
    expect(!parsed.ok && parsed.problem).toMatch(/^line 1: wrong header .*expected a header row/);
  });

  it('rejects an empty file and broken quoting as a whole', () => {
    expect(parsePcLogCsv('')).toEqual({
      ok: false,
      problem: expect.stringMatching(/^the file is empty/),
    });
    const broken = parsePcLogCsv('date,start,end\n"2026-11-16,09:00,18:00\n');
    expect(broken).toEqual({
      ok: false,
      problem: expect.stringMatching(/^not a readable CSV file: Quote Not Closed/),
    });
  });

  it('takes the first line that is not blank as the header and ignores case and spacing', () => {
    const parsed = parsePcLogCsv('\n Date , Start_Time , END \n2026-11-16,09:00,18:00\n');
    expect(parsed).toMatchObject({ ok: true, rows: [row({ line: 3 })] });
  });
});

describe('planning an import', () => {
  const employments = [
    { id: 'main', employerName: 'みらいソフト' },
    { id: 'side', employerName: 'Karuizawa Town' },
    { id: 'side2', employerName: 'karuizawa town ' },
  ];

  it('groups rows into Monday-to-Sunday weeks and resolves the employment column', () => {
    const plan = planPcLogImport(
      [
        row({ line: 2, date: '2026-11-22' }),
        row({ line: 3, date: '2026-11-23', employment: 'みらいソフト' }),
        row({ line: 4, date: '2026-11-16', employment: 'side' }),
      ],
      { employments, defaultEmploymentId: 'main' },
    );
    expect(plan.problems).toEqual([]);
    expect(
      plan.weeks.map((w) => [w.weekStart, w.rows.map((r) => [r.line, r.employmentId])]),
    ).toEqual([
      [
        '2026-11-16',
        [
          [2, 'main'],
          [4, 'side'],
        ],
      ],
      ['2026-11-23', [[3, 'main']]],
    ]);
  });

  it('names a line whose employment matches none or several of the worker’s employments', () => {
    const plan = planPcLogImport(
      [row({ line: 2, employment: 'ACME' }), row({ line: 3, employment: 'KARUIZAWA TOWN' })],
      { employments, defaultEmploymentId: 'main' },
    );
    expect(plan.weeks).toEqual([]);
    expect(plan.problems).toEqual([
      {
        line: 2,
        reason:
          'employment "ACME" is not one of your employments (write its id or its employer\'s name)',
      },
      {
        line: 3,
        reason:
          'employment "KARUIZAWA TOWN" names 2 of your employments; write the employment\'s id',
      },
    ]);
  });
});

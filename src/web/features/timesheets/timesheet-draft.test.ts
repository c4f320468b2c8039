import { describe, expect, it } from 'vitest';
import {
  applyRowEdit,
  endForApi,
  groupHistory,
  latestCorrectionRequest,
  normaliseEnd,
  parseClockText,
  prefillRow,
  problemsFromDetails,
  segmentFromDraft,
  splitApiEnd,
  weekTotals,
  type DraftRow,
} from './timesheet-draft';

const week = [
  '2026-11-16',
  '2026-11-17',
  '2026-11-18',
  '2026-11-19',
  '2026-11-20',
  '2026-11-21',
  '2026-11-22',
];

const row = (over: Partial<DraftRow> = {}): DraftRow => ({
  key: 'r1',
  date: '2026-11-16',
  employmentId: '6f1c1d2e-0000-4000-8000-000000000001',
  start: '09:00',
  end: '18:00',
  nextDay: false,
  breakMinutes: '60',
  contracted: true,
  location: 'home',
  municipalityCode: '',
  source: 'self',
  note: null,
  ...over,
});

describe('parseClockText', () => {
  it('reads the ways people type a time, full-width digits included', () => {
    expect(parseClockText('9')).toBe(540);
    expect(parseClockText('930')).toBe(570);
    expect(parseClockText('0930')).toBe(570);
    expect(parseClockText('9:30')).toBe(570);
    expect(parseClockText('０９：３０')).toBe(570);
    expect(parseClockText('26:00')).toBe(1560);
  });

  it('refuses what is not a time', () => {
    expect(parseClockText('')).toBeNull();
    expect(parseClockText('9:75')).toBeNull();
    expect(parseClockText('48:00')).toBeNull();
    expect(parseClockText('nine')).toBeNull();
  });
});

describe('ends past midnight', () => {
  it('reads an end before the start as the next morning', () => {
    expect(normaliseEnd({ start: '22:00', end: '2:00', nextDay: false })).toEqual({
      end: '02:00',
      nextDay: true,
    });
  });

  it('turns a typed 26:00 into 02:00 next day, and sends it back as 26:00', () => {
    expect(normaliseEnd({ start: '22:00', end: '26:00', nextDay: false })).toEqual({
      end: '02:00',
      nextDay: true,
    });
    expect(endForApi('02:00', true)).toBe('26:00');
    expect(splitApiEnd('26:00')).toEqual({ end: '02:00', nextDay: true });
    expect(splitApiEnd('18:00')).toEqual({ end: '18:00', nextDay: false });
  });

  it('sends a night shift typed 22:00–02:00 without the toggle as 22:00–26:00', () => {
    const converted = segmentFromDraft(row({ start: '22:00', end: '02:00', breakMinutes: '0' }));
    expect(converted.ok && converted.segment.end).toBe('26:00');
  });
});

describe('segmentFromDraft', () => {
  it('builds the API segment of a complete row', () => {
    expect(segmentFromDraft(row({ municipalityCode: '203211', contracted: false }))).toEqual({
      ok: true,
      segment: {
        employmentId: '6f1c1d2e-0000-4000-8000-000000000001',
        date: '2026-11-16',
        start: '09:00',
        end: '18:00',
        breakMinutes: 60,
        contracted: false,
        location: 'home',
        municipalityCode: '203211',
        source: 'self',
        note: null,
      },
    });
  });

  it('names each field that is wrong before anything is sent', () => {
    expect(
      segmentFromDraft(
        row({ employmentId: '', start: 'x', breakMinutes: '-5', municipalityCode: '2032' }),
      ),
    ).toEqual({
      ok: false,
      errors: {
        employmentId: 'employmentRequired',
        start: 'timeFormat',
        breakMinutes: 'breakFormat',
        municipalityCode: 'municipalityFormat',
      },
    });
    expect(segmentFromDraft(row({ breakMinutes: '540' }))).toEqual({
      ok: false,
      errors: { breakMinutes: 'breakTooLong' },
    });
  });
});

describe('weekTotals', () => {
  it('adds up worked minutes, within and beyond the contracted hours', () => {
    expect(
      weekTotals([
        row(),
        row({ key: 'r2', start: '19:00', end: '22:00', breakMinutes: '0', contracted: false }),
        row({ key: 'r3', start: '', end: '' }),
      ]),
    ).toEqual({ workedMinutes: 660, contractedMinutes: 480, beyondMinutes: 180 });
  });
});

describe('prefillRow', () => {
  it("carries the latest earlier day's first row to a new day", () => {
    const next = prefillRow([row()], week, '2026-11-18', 'primary', 'r2');
    expect(next).toMatchObject({ key: 'r2', date: '2026-11-18', start: '09:00', end: '18:00' });
  });

  it('continues after the last row of the same day', () => {
    const next = prefillRow([row()], week, '2026-11-16', 'primary', 'r2');
    expect(next).toMatchObject({ start: '18:00', end: '', breakMinutes: '0' });
  });

  it('starts an empty week with the main job', () => {
    expect(prefillRow([], week, '2026-11-16', 'primary', 'r1')).toMatchObject({
      employmentId: 'primary',
      start: '',
      contracted: true,
    });
  });
});

describe('problemsFromDetails', () => {
  it('puts field and row problems on the rows that were sent in that order', () => {
    const { byRow, unmatched } = problemsFromDetails(
      [
        { path: 'body.segments[1].end', message: 'must be after the start' },
        { path: 'body.segments[0]', message: 'overlaps segment 2' },
        { path: 'body', message: 'too many' },
      ],
      ['a', 'b'],
    );
    expect(byRow.get('b')).toEqual({ fields: { end: 'must be after the start' }, row: [] });
    expect(byRow.get('a')).toEqual({ fields: {}, row: ['overlaps segment 2'] });
    expect(unmatched).toEqual([{ path: 'body', message: 'too many' }]);
  });

  it('names the other row of an overlap the way the screen does', () => {
    const { byRow } = problemsFromDetails(
      [{ path: 'body.segments[1]', message: 'overlaps segments[0] at みらいソフト' }],
      ['a', 'b'],
      (key) => (key === 'a' ? 'Mon 16 Nov, row 1' : null),
    );
    expect(byRow.get('b')?.row).toEqual(['overlaps Mon 16 Nov, row 1 at みらいソフト']);
  });
});

describe('history and review', () => {
  it('groups replaced segments by save, newest first', () => {
    const replaced = (replacedAt: string) => ({
      ...row(),
      id: replacedAt,
      employerName: 'A',
      workedMinutes: 480,
      breakMinutes: 60,
      municipalityCode: null,
      replacedAt,
    });
    const groups = groupHistory([
      replaced('2026-11-17T01:00:00Z'),
      replaced('2026-11-18T01:00:00Z'),
      replaced('2026-11-17T01:00:00Z'),
    ]);
    expect(groups.map((g) => [g.replacedAt, g.segments.length])).toEqual([
      ['2026-11-18T01:00:00Z', 1],
      ['2026-11-17T01:00:00Z', 2],
    ]);
  });

  it("finds the reviewer's latest comment only while a correction is requested", () => {
    const events = [
      {
        event: 'correction_requested' as const,
        actorName: 'HR',
        at: '2026-11-20T01:00:00Z',
        comment: 'old',
      },
      {
        event: 'correction_requested' as const,
        actorName: 'HR',
        at: '2026-11-21T01:00:00Z',
        comment: 'new',
      },
    ];
    expect(latestCorrectionRequest({ status: 'correction_requested', events })?.comment).toBe(
      'new',
    );
    expect(latestCorrectionRequest({ status: 'approved', events })).toBeNull();
  });
});

describe('applyRowEdit', () => {
  it('turns a PC-log row into the person’s own statement when its times change', () => {
    const logged = row({ source: 'pc_log' });
    expect(applyRowEdit(logged, { ...logged, end: '19:00' }).source).toBe('self');
    expect(applyRowEdit(logged, { ...logged, breakMinutes: '30' }).source).toBe('self');
  });

  it('keeps the objective source when only the classification changes', () => {
    const logged = row({ source: 'pc_log' });
    expect(applyRowEdit(logged, { ...logged, location: 'office' }).source).toBe('pc_log');
    expect(applyRowEdit(logged, { ...logged, contracted: false }).source).toBe('pc_log');
  });
});

import { describe, expect, it } from 'vitest';
import {
  decideTimesheetAction,
  describeWeekStartProblem,
  isTimesheetEditable,
  monthBounds,
  monthsBefore,
  shiftIsoDate,
  weekDates,
} from './timesheet-workflow';

describe('timesheet workflow', () => {
  it('lets the worker edit and submit only a draft or a week sent back for correction', () => {
    expect(isTimesheetEditable('draft')).toBe(true);
    expect(isTimesheetEditable('correction_requested')).toBe(true);
    expect(isTimesheetEditable('submitted')).toBe(false);
    expect(isTimesheetEditable('approved')).toBe(false);
    expect(decideTimesheetAction('draft', 'edit', 0)).toEqual({ ok: true, status: 'draft' });
    expect(decideTimesheetAction('correction_requested', 'edit', 2)).toEqual({
      ok: true,
      status: 'correction_requested',
    });
    expect(decideTimesheetAction('submitted', 'edit', 2).ok).toBe(false);
    expect(decideTimesheetAction('draft', 'submit', 3)).toEqual({ ok: true, status: 'submitted' });
    expect(decideTimesheetAction('correction_requested', 'submit', 3)).toEqual({
      ok: true,
      status: 'submitted',
    });
  });

  it('copies the previous week only into an editable week without segments', () => {
    expect(decideTimesheetAction('draft', 'copy_previous', 0)).toEqual({
      ok: true,
      status: 'draft',
    });
    expect(decideTimesheetAction('draft', 'copy_previous', 2)).toEqual({
      ok: false,
      reason: 'it already has segments; copying fills an empty week only',
    });
    expect(decideTimesheetAction('approved', 'copy_previous', 0).ok).toBe(false);
  });

  it('refuses to submit an empty week or one already handed in', () => {
    expect(decideTimesheetAction('draft', 'submit', 0)).toEqual({
      ok: false,
      reason: 'the week has no work to submit',
    });
    expect(decideTimesheetAction('submitted', 'submit', 3)).toEqual({
      ok: false,
      reason: 'the week is already submitted',
    });
    expect(decideTimesheetAction('approved', 'submit', 3).ok).toBe(false);
  });

  it('lets the employer review only a submitted week', () => {
    expect(decideTimesheetAction('submitted', 'approve', 3)).toEqual({
      ok: true,
      status: 'approved',
    });
    expect(decideTimesheetAction('submitted', 'request_correction', 3)).toEqual({
      ok: true,
      status: 'correction_requested',
    });
    for (const status of ['draft', 'approved', 'correction_requested'] as const) {
      expect(decideTimesheetAction(status, 'approve', 3).ok).toBe(false);
      expect(decideTimesheetAction(status, 'request_correction', 3).ok).toBe(false);
    }
  });

  it('starts weeks on a Monday and says why another day cannot', () => {
    expect(describeWeekStartProblem('2026-11-16')).toBeNull();
    expect(describeWeekStartProblem('2026-11-18')).toBe(
      'must be a Monday (2026-11-18 is a Wednesday)',
    );
    expect(describeWeekStartProblem('2026-02-30')).toBe(
      'not a date (YYYY-MM-DD), got "2026-02-30"',
    );
  });

  it('steps through dates, weeks and months across year ends', () => {
    expect(shiftIsoDate('2026-12-28', 7)).toBe('2027-01-04');
    expect(weekDates('2026-12-28')).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
    expect(monthBounds('2026-11')).toEqual({ first: '2026-11-01', last: '2026-11-30' });
    expect(monthBounds('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29' });
    expect(monthBounds('2026-12')).toEqual({ first: '2026-12-01', last: '2026-12-31' });
    expect(monthsBefore('2026-11', 12)).toBe('2025-11-01');
    expect(monthsBefore('2026-01', 1)).toBe('2025-12-01');
  });
});

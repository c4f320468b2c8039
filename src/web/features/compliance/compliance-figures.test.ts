import { describe, expect, it } from 'vitest';
import type { ComplianceWorker } from './compliance-api';
import { alertRows, overtimeBars, sortByConcern } from './compliance-figures';

const row = (over: Partial<ComplianceWorker>): ComplianceWorker => ({
  workerUserId: over.workerName ?? 'x',
  workerName: 'x',
  employments: 1,
  workedMinutes: 9600,
  overtimeMinutes: 0,
  nightMinutes: 0,
  legalHolidayMinutes: 0,
  over60Minutes: 0,
  premiumYen: 0,
  aggregateOvertimeAndHolidayMinutes: 0,
  highestLimitShare: 0,
  alert: 'ok',
  violations: [],
  weeksSubmitted: 4,
  weeksPending: 0,
  ...over,
});

describe('sortByConcern and alertRows', () => {
  it('puts people over a limit first, then those near one, closest first', () => {
    const rows = [
      row({ workerName: '佐藤', alert: 'ok', highestLimitShare: 0.5 }),
      row({ workerName: '鈴木', alert: 'near', highestLimitShare: 0.82 }),
      row({ workerName: '高橋', alert: 'over', highestLimitShare: 1.1 }),
      row({ workerName: '田中', alert: 'near', highestLimitShare: 0.95 }),
    ];
    expect(sortByConcern(rows).map((r) => r.workerName)).toEqual(['高橋', '田中', '鈴木', '佐藤']);
    expect(alertRows(rows).map((r) => r.workerName)).toEqual(['高橋', '田中', '鈴木']);
  });
});

describe('overtimeBars', () => {
  it('splits overtime at 60 h, keeps legal-holiday work apart, and leaves out people with none', () => {
    expect(
      overtimeBars([
        row({ workerName: 'A', overtimeMinutes: 1800, legalHolidayMinutes: 480 }),
        row({ workerName: 'B', overtimeMinutes: 4230, over60Minutes: 630 }),
        row({ workerName: 'C' }),
      ]),
    ).toEqual([
      {
        workerName: 'B',
        overtimeWithin60Hours: 60,
        overtimeOver60Hours: 10.5,
        legalHolidayHours: 0,
      },
      { workerName: 'A', overtimeWithin60Hours: 30, overtimeOver60Hours: 0, legalHolidayHours: 8 },
    ]);
  });
});

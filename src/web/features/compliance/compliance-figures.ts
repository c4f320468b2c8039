import type { AlertLevel, ComplianceWorker } from './compliance-api';

/**
 * How the compliance screen orders and splits the month's figures. The figures themselves are
 * the server's (the rules engine's); nothing here recomputes a limit or a premium.
 */

const alertRank: Record<AlertLevel, number> = { over: 0, near: 1, ok: 2 };

/** Over first, then near, then by how close each is to its highest limit, then by name. */
export function sortByConcern(rows: readonly ComplianceWorker[]): ComplianceWorker[] {
  return [...rows].sort(
    (a, b) =>
      alertRank[a.alert] - alertRank[b.alert] ||
      b.highestLimitShare - a.highestLimitShare ||
      a.workerName.localeCompare(b.workerName, 'ja'),
  );
}

/** The people to warn about: at 80% of a limit or beyond (the server's alert level). */
export function alertRows(rows: readonly ComplianceWorker[]): ComplianceWorker[] {
  return sortByConcern(rows).filter((r) => r.alert !== 'ok');
}

export type OvertimeBar = {
  workerName: string;
  /** 時間外 paid at 25% (the month's first 60 h), in hours. */
  overtimeWithin60Hours: number;
  /** 時間外 beyond 60 h in the month, paid at 50%, in hours. */
  overtimeOver60Hours: number;
  legalHolidayHours: number;
};

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/**
 * The stacked bars of the overtime chart, largest first: each worker's 時間外 split at 60 h,
 * and their legal-holiday work. People with none of either are left out.
 * @example overtimeBars([{ workerName: 'A', overtimeMinutes: 4200, over60Minutes: 600, legalHolidayMinutes: 0 }])
 * // → [{ workerName: 'A', overtimeWithin60Hours: 60, overtimeOver60Hours: 10, legalHolidayHours: 0 }]
 */
export function overtimeBars(
  rows: ReadonlyArray<
    Pick<
      ComplianceWorker,
      'workerName' | 'overtimeMinutes' | 'over60Minutes' | 'legalHolidayMinutes'
    >
  >,
): OvertimeBar[] {
  return rows
    .filter((r) => r.overtimeMinutes > 0 || r.legalHolidayMinutes > 0)
    .sort(
      (a, b) =>
        b.overtimeMinutes + b.legalHolidayMinutes - (a.overtimeMinutes + a.legalHolidayMinutes),
    )
    .map((r) => ({
      workerName: r.workerName,
      overtimeWithin60Hours: hours(r.overtimeMinutes - r.over60Minutes),
      overtimeOver60Hours: hours(r.over60Minutes),
      legalHolidayHours: hours(r.legalHolidayMinutes),
    }));
}

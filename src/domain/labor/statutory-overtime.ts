/**
 * 時間外 under the principle method of the side-job guideline (副業・兼業の促進に関するガイドライン,
 * 基発0901第3号): contracted hours first, in the order the contracts were signed; then the hours
 * beyond the contract in the order they happen. The part that takes the running total past the
 * limit is 時間外 of the employer whose hours did it.
 */
import { weekIndexOf } from './labor-calendar';
import { DAILY_LIMIT_MINUTES, WEEKLY_LIMIT_MINUTES } from './labor-rules';
import type { WorkPiece } from './work-timeline';

/** Whose hours are added up, and the order of their contracts. */
export type AggregationScope = {
  /** Employer indices, earliest-signed contract first. */
  employersInContractOrder: readonly number[];
  /** By employer index: whether its hours are in the aggregation. */
  includes: readonly boolean[];
};

/**
 * The daily 8-hour rule (労働基準法32条2項, 38条1項). Writes each piece's 時間外 minutes into
 * `overtimeOut` (indexed like `pieces`). Legal-holiday hours stay out of the count: they are
 * 休日労働, not 時間外, and rest days are not aggregated across employers (基発0901第3号).
 *
 * @example
 * // A (signed 2017) 16:00–21:00 and B (signed 2021) 08:00–12:00, both contracted:
 * // B's last hour is 時間外 although B's hours come first in the day → 60 on B's piece, 0 on A's
 */
export function assignDailyOvertime(
  pieces: readonly WorkPiece[],
  scope: AggregationScope,
  overtimeOut: Int32Array,
): void {
  overtimeOut.fill(0);
  let from = 0;
  while (from < pieces.length) {
    const day = pieces[from]!.workDay;
    let to = from + 1;
    while (to < pieces.length && pieces[to]!.workDay === day) to++;
    countBeyondLimit(pieces, from, to, scope, DAILY_LIMIT_MINUTES, null, overtimeOut);
    from = to;
  }
}

/**
 * The weekly 40-hour rule (労働基準法32条1項) on one employer's week: the same order as the day,
 * leaving out the minutes already counted as daily 時間外. docs/domain-labor.md says "the same",
 * so the whole week's contracted hours come first, in contract order: work beyond the contract
 * is the 時間外 even when it happened earlier in the week than the contracted hours.
 *
 * @example
 * // Main job Mon–Fri 7 h contracted, side job Saturday 8 h: the side job's last 3 h are weekly
 * // 時間外 → 180 minutes in overtimeOut on Saturday's piece
 */
export function assignWeeklyOvertime(
  pieces: readonly WorkPiece[],
  scope: AggregationScope,
  weekStart: number,
  dailyOvertime: Int32Array,
  overtimeOut: Int32Array,
): void {
  overtimeOut.fill(0);
  let from = 0;
  while (from < pieces.length) {
    const week = weekIndexOf(pieces[from]!.workDay, weekStart);
    let to = from + 1;
    while (to < pieces.length && weekIndexOf(pieces[to]!.workDay, weekStart) === week) to++;
    countBeyondLimit(pieces, from, to, scope, WEEKLY_LIMIT_MINUTES, dailyOvertime, overtimeOut);
    from = to;
  }
}

/**
 * One day's or week's pieces, [from, to), already in clock order. Within a piece the 時間外 is
 * its last minutes; pieces are uniform in night and day, so only the count matters.
 */
function countBeyondLimit(
  pieces: readonly WorkPiece[],
  from: number,
  to: number,
  scope: AggregationScope,
  limitMinutes: number,
  alreadyCounted: Int32Array | null,
  overtimeOut: Int32Array,
): void {
  let running = 0;
  // 1. Contracted hours, employer by employer in the order the contracts were signed.
  for (const employer of scope.employersInContractOrder) {
    for (let k = from; k < to; k++) {
      const piece = pieces[k]!;
      if (piece.employer !== employer || !piece.contracted || piece.legalHoliday) continue;
      const eligible = piece.workedMinutes - (alreadyCounted === null ? 0 : alreadyCounted[k]!);
      running += eligible;
      if (running > limitMinutes) overtimeOut[k] = Math.min(eligible, running - limitMinutes);
    }
  }
  // 2. Hours beyond the contract, in the order they happen, whoever the employer.
  for (let k = from; k < to; k++) {
    const piece = pieces[k]!;
    if (piece.contracted || piece.legalHoliday || scope.includes[piece.employer] !== true) continue;
    const eligible = piece.workedMinutes - (alreadyCounted === null ? 0 : alreadyCounted[k]!);
    running += eligible;
    if (running > limitMinutes) overtimeOut[k] = Math.min(eligible, running - limitMinutes);
  }
}

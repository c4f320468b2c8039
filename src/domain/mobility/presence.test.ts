import { describe, expect, it } from 'vitest';
import { dayOfDate } from './analysis-calendar';
import { jst } from './flow-test-fixtures';
import { type LocatedStay, dailyPresence, tripsOf } from './presence';

const K = '203211';
const T = '131016';
const stay = (
  from: string,
  to: string,
  municipality: string | null = K,
  place = 0,
): LocatedStay => ({
  startedAtMs: jst(from),
  finishedAtMs: jst(to),
  municipality,
  place,
});
const day = dayOfDate;

describe('dailyPresence', () => {
  it('splits a 02:00–05:00 stay at 04:00: 120 min to the day before, 60 to the day after', () => {
    const [before, after] = dailyPresence([stay('2026-09-01 02:00', '2026-09-01 05:00')]);
    expect(before).toMatchObject({ day: day('2026-08-31'), stayMin: 120, overnightPlace: 0 });
    expect(after).toMatchObject({ day: day('2026-09-01'), stayMin: 60, overnightPlace: -1 });
  });

  it('does not split at midnight: 22:00–02:00 is one analysis day of 240 min', () => {
    expect(dailyPresence([stay('2026-08-08 22:00', '2026-08-09 02:00')])).toEqual([
      {
        municipality: K,
        day: day('2026-08-08'),
        stayMin: 240,
        daytimeMin: 0,
        overnightPlace: -1,
        places: [0],
      },
    ]);
  });

  it('counts an overnight only for a stay covering 03:00 (start ≤ 03:00 < finish)', () => {
    const covering = dailyPresence([stay('2026-08-09 03:00', '2026-08-09 09:00')]);
    expect(covering[0]).toMatchObject({ day: day('2026-08-08'), overnightPlace: 0, stayMin: 60 });
    const leaving = dailyPresence([stay('2026-08-08 20:00', '2026-08-09 03:00')]);
    expect(leaving[0]).toMatchObject({ day: day('2026-08-08'), overnightPlace: -1, stayMin: 420 });
  });

  it('spreads a stay of several days over each analysis day with its own overnight', () => {
    const days = dailyPresence([stay('2026-08-01 10:00', '2026-08-04 12:00', K, 3)]);
    expect(days.map((d) => [d.day - day('2026-08-01'), d.stayMin, d.overnightPlace])).toEqual([
      [0, 18 * 60, 3],
      [1, 24 * 60, 3],
      [2, 24 * 60, 3],
      [3, 8 * 60, -1],
    ]);
    expect(days[1]!.daytimeMin).toBe(8 * 60);
    expect(days[3]!.daytimeMin).toBe(3 * 60);
  });

  it('keeps municipalities apart on one day and drops stays at sea', () => {
    const days = dailyPresence([
      stay('2026-08-08 08:00', '2026-08-08 11:00', T, 0),
      stay('2026-08-08 13:00', '2026-08-08 14:00', K, 1),
      stay('2026-08-08 14:30', '2026-08-08 15:30', K, 2),
      stay('2026-08-08 16:00', '2026-08-08 18:00', null, 3),
    ]);
    expect(days.map((d) => [d.municipality, d.stayMin, d.places])).toEqual([
      [T, 180, [0]],
      [K, 120, [1, 2]],
    ]);
  });
});

describe('tripsOf', () => {
  it('joins consecutive visit-days and breaks at a day without a visit', () => {
    expect(tripsOf([10, 11, 12, 14, 20])).toEqual([
      { firstDay: 10, lastDay: 12, visitDays: 3 },
      { firstDay: 14, lastDay: 14, visitDays: 1 },
      { firstDay: 20, lastDay: 20, visitDays: 1 },
    ]);
  });

  it('can allow a longer gap', () => {
    expect(tripsOf([10, 12], 2)).toEqual([{ firstDay: 10, lastDay: 12, visitDays: 2 }]);
  });

  it('has no trips without visit-days', () => {
    expect(tripsOf([])).toEqual([]);
  });
});

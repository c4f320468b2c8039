import { describe, expect, it } from 'vitest';
import { dayOfDate } from './analysis-calendar';
import {
  SPOTS,
  TEST_HOLIDAYS,
  type Spot,
  type Visit,
  at,
  everyDay,
  homeDay,
  nextDate,
  officeWorker,
  traceOf,
} from './flow-test-fixtures';
import { buildDailyPlaceEvidence, inferHome, inferWork } from './home-work';
import { clusterPlaces } from './places';
import { EARTH_RADIUS_M } from './spherical-distance';

const { tokyoHome, tokyoOffice, karuizawaHotel } = SPOTS;
const M_PER_DEG = (EARTH_RADIUS_M * Math.PI) / 180;
/** A spot `metres` north of tokyoHome: another place, but close. */
const near = (metres: number): Spot => ({
  name: `near${metres}`,
  lat: tokyoHome.lat + metres / M_PER_DEG,
  lon: tokyoHome.lon,
});

function analyse(visits: Visit[]) {
  const trace = traceOf(visits);
  const places = clusterPlaces(trace.stayPoints);
  const stays = trace.stayPoints.map((s, i) => ({ ...s, place: places.placeOf[i]! }));
  const evidence = buildDailyPlaceEvidence(stays, trace.fixTsMs);
  const placeOf = (spot: Spot) => {
    for (let p = 0; p < places.count; p++) {
      if (Math.abs(places.lat[p]! - spot.lat) < 1e-9 && Math.abs(places.lon[p]! - spot.lon) < 1e-9)
        return p;
    }
    return -1;
  };
  return { evidence, places, placeOf };
}

const REF = dayOfDate('2026-07-31');
/** A night 22:00–07:00 at a spot (from the evening of `date`). */
const night = (spot: Spot, date: string): Visit =>
  at(spot, `${date} 22:00`, `${nextDate(date)} 07:00`);

describe('inferHome (trailing 28 nights, 00:00–06:00 JST)', () => {
  it('finds the home of someone who sleeps there most nights', () => {
    const visits = everyDay('2026-07-01', '2026-07-30', (date) =>
      date.endsWith('-10') || date.endsWith('-20')
        ? [night(karuizawaHotel, date)]
        : [night(tokyoHome, date)],
    );
    const { evidence, placeOf } = analyse(visits);
    expect(inferHome(evidence, REF)).toEqual({
      place: placeOf(tokyoHome),
      nights: 26,
      observedNights: 28,
    });
  });

  it('needs at least 7 nights', () => {
    const visits = everyDay('2026-07-24', '2026-07-29', (date) => [night(tokyoHome, date)]);
    expect(inferHome(analyse(visits).evidence, REF)).toMatchObject({ place: null, nights: 6 });
  });

  it('needs 50% of the observed nights', () => {
    const spots = [tokyoHome, karuizawaHotel, SPOTS.karuizawaCottage];
    const visits = everyDay('2026-07-03', '2026-07-30', (date) => [
      night(spots[Number(date.slice(8)) % 3]!, date),
    ]);
    const home = inferHome(analyse(visits).evidence, REF);
    expect(home.place).toBeNull();
    expect(home.nights).toBeLessThan(14);
  });

  it('counts a night only with 60 min of overlap', () => {
    const visits = everyDay('2026-07-01', '2026-07-30', (date) => [
      at(tokyoHome, `${date} 20:00`, `${nextDate(date)} 00:50`),
    ]);
    expect(inferHome(analyse(visits).evidence, REF)).toMatchObject({ place: null, nights: 0 });
  });

  it('lets observed nights without a place count against a home, and unobserved ones not', () => {
    // 8 nights at home, then 10 nights of pings while on the move (no stay point at all).
    const home = everyDay('2026-07-04', '2026-07-11', (date) => [night(tokyoHome, date)]);
    const onTheMove = everyDay('2026-07-13', '2026-07-22', (date) =>
      [0, 1, 2, 3, 4].map((i) => {
        const spot: Spot = {
          name: 'train',
          lat: 35 + i * 0.01 + Number(date.slice(8)) * 0.1,
          lon: 139,
        };
        return at(spot, `${nextDate(date)} 0${i}:00`, `${nextDate(date)} 0${i}:00`);
      }),
    );
    expect(inferHome(analyse([...home, ...onTheMove]).evidence, REF)).toMatchObject({
      place: null,
      nights: 8,
      observedNights: 18,
    });
    expect(inferHome(analyse(home).evidence, REF)).toMatchObject({ place: 0, observedNights: 8 });
  });

  it('never falls back to a daytime place', () => {
    const visits = everyDay('2026-07-01', '2026-07-30', (date) => [
      at(tokyoOffice, `${date} 09:00`, `${date} 18:00`),
    ]);
    expect(inferHome(analyse(visits).evidence, REF).place).toBeNull();
  });

  it('looks back 28 nights only', () => {
    // Nights of 06-02 … 07-07 at home; only 07-04 … 07-07 are among the 28 before 07-31.
    const visits = everyDay('2026-06-01', '2026-07-06', (date) => [night(tokyoHome, date)]);
    expect(inferHome(analyse(visits).evidence, REF)).toMatchObject({ place: null, nights: 4 });
  });
});

describe('inferWork (trailing 42 days, working days 09:00–17:00 JST)', () => {
  const window = ['2026-06-20', '2026-07-31'] as const;

  it('finds the office of an office worker', () => {
    const { evidence, places, placeOf } = analyse(
      everyDay(...window, officeWorker(tokyoHome, tokyoOffice)),
    );
    const home = inferHome(evidence, REF).place;
    // 2026-06-22 … 07-31 has 29 working days (海の日 07-20 is a holiday).
    expect(inferWork(evidence, REF, home, places, TEST_HOLIDAYS)).toEqual({
      kind: 'place',
      place: placeOf(tokyoOffice),
      days: 29,
      observedWorkingDays: 29,
    });
  });

  it('ignores weekends and national holidays: a weekend job is not work', () => {
    const visits = everyDay(...window, (date, workingDay) =>
      workingDay
        ? homeDay(tokyoHome)(date, workingDay)
        : [
            at(tokyoHome, `${date} 00:00`, `${date} 07:45`),
            at(tokyoOffice, `${date} 09:00`, `${date} 18:00`),
            at(tokyoHome, `${date} 19:15`, `${nextDate(date)} 00:00`),
          ],
    );
    const { evidence, places } = analyse(visits);
    const home = inferHome(evidence, REF).place;
    expect(inferWork(evidence, REF, home, places, TEST_HOLIDAYS).kind).toBe('telework');
  });

  it('needs 60% of the observed working days', () => {
    let n = 0;
    const visits = everyDay(...window, (date, workingDay) =>
      workingDay && n++ % 2 === 0
        ? officeWorker(tokyoHome, tokyoOffice)(date, true)
        : [
            at(tokyoHome, `${date} 00:00`, `${date} 07:45`),
            at(karuizawaHotel, `${date} 09:00`, `${date} 18:00`),
            at(tokyoHome, `${date} 19:15`, `${nextDate(date)} 00:00`),
          ],
    );
    const { evidence, places } = analyse(visits);
    const work = inferWork(evidence, REF, inferHome(evidence, REF).place, places, TEST_HOLIDAYS);
    expect(work.kind).toBe('none');
  });

  it('does not take a place within 200 m of home for work', () => {
    const { evidence, places } = analyse(everyDay(...window, officeWorker(tokyoHome, near(150))));
    const home = inferHome(evidence, REF).place;
    expect(inferWork(evidence, REF, home, places, TEST_HOLIDAYS).kind).toBe('none');
    const farther = analyse(everyDay(...window, officeWorker(tokyoHome, near(250))));
    const home2 = inferHome(farther.evidence, REF).place;
    expect(inferWork(farther.evidence, REF, home2, farther.places, TEST_HOLIDAYS).kind).toBe(
      'place',
    );
  });

  it('says a device at home through working hours teleworks from home', () => {
    const { evidence, places } = analyse(everyDay(...window, homeDay(tokyoHome)));
    const home = inferHome(evidence, REF).place;
    expect(inferWork(evidence, REF, home, places, TEST_HOLIDAYS)).toEqual({
      kind: 'telework',
      days: 29,
      observedWorkingDays: 29,
    });
  });

  it('leaves working days without any data out of the share', () => {
    // Office on 5 working days; on all others the phone says nothing during working hours.
    let n = 0;
    const visits = everyDay(...window, (date, workingDay) =>
      workingDay && n++ < 5
        ? officeWorker(tokyoHome, tokyoOffice)(date, true)
        : [
            at(tokyoHome, `${date} 00:00`, `${date} 07:45`),
            at(tokyoHome, `${date} 19:15`, `${nextDate(date)} 00:00`),
          ],
    );
    const { evidence, places, placeOf } = analyse(visits);
    const work = inferWork(evidence, REF, inferHome(evidence, REF).place, places, TEST_HOLIDAYS);
    expect(work).toEqual({
      kind: 'place',
      place: placeOf(tokyoOffice),
      days: 5,
      observedWorkingDays: 5,
    });
  });
});

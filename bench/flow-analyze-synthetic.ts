/**
 * Synthetic vendor pings for bench:flow-analyze: devices that live and work in real
 * municipalities (points drawn inside N03 boundaries), commute on working days, go out at
 * weekends (now and then far away, sometimes overnight), with a device-specific ping interval,
 * jitter, phone-off gaps, inaccurate fixes and duplicates. Rows come day by day with the day's
 * rows of all devices shuffled together and a few arriving a day late, so nothing is grouped
 * or sorted per device. Timestamps are ISO 8601 with +09:00.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import {
  type MunicipalityBoundary,
  boundariesFromN03Features,
  buildMunicipalityLocator,
} from '../src/domain/geo/municipality-locator';
import {
  dateOfDay,
  dayOfDate,
  isWorkingDay,
  nationalHolidayDays,
} from '../src/domain/mobility/analysis-calendar';
import { seededRandom } from '../src/domain/shared/seeded-random';
import { formatJst } from './flow-synthetic-pings';

type Point = { lat: number; lon: number };
type Device = {
  id: string;
  home: Point;
  work: Point | null;
  near: Point[];
  far: Point[];
  everyMin: number;
};

const M_PER_DEG = 111_195;

function bbox(b: MunicipalityBoundary) {
  const polygons =
    b.geometry.type === 'Polygon' ? [b.geometry.coordinates] : b.geometry.coordinates;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const rings of polygons) {
    for (const [x, y] of rings[0] ?? []) {
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  }
  return { minX, minY, maxX, maxY };
}

/** Points inside real municipalities: `perMunicipality` for each of `count` drawn at random. */
function anchorPoints(
  boundariesFile: string,
  count: number,
  perMunicipality: number,
  random: () => number,
) {
  const topology = JSON.parse(readFileSync(boundariesFile, 'utf8')) as Topology;
  const name = Object.keys(topology.objects)[0]!;
  const { boundaries } = boundariesFromN03Features(
    feature(topology, topology.objects[name] as GeometryCollection).features,
  );
  const locator = buildMunicipalityLocator(boundaries);
  const chosen = [...boundaries].sort(() => random() - 0.5).slice(0, count);
  const anchors: { code: string; points: Point[] }[] = [];
  for (const b of chosen) {
    const box = bbox(b);
    const points: Point[] = [];
    for (let tries = 0; tries < 400 && points.length < perMunicipality; tries++) {
      const lat = box.minY + random() * (box.maxY - box.minY);
      const lon = box.minX + random() * (box.maxX - box.minX);
      if (locator.locate(lat, lon) === b.code) points.push({ lat, lon });
    }
    if (points.length >= 2) anchors.push({ code: b.code, points });
  }
  return anchors;
}

export type SyntheticPlan = { firstDate: string; days: number; devices: number };

/** How many days `fixes` pings of `devices` devices cover at ≈ 55 pings a device-day. */
export function planFor(fixes: number, devices: number): SyntheticPlan {
  const days = Math.max(28, Math.min(366, Math.ceil(fixes / (devices * 55))));
  return { firstDate: '2026-04-01', days, devices };
}

/**
 * Writes about `fixes` rows for the plan's devices to `file`, stopping at `fixes`; returns the
 * rows written.
 */
export function writeSyntheticFlowPings(
  file: string,
  boundariesFile: string,
  fixes: number,
  plan: SyntheticPlan,
  seed = 20260601,
): number {
  const random = seededRandom(seed);
  const anchors = anchorPoints(boundariesFile, 400, 12, random);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  // A few popular destinations (resorts, cities) draw most of the far trips.
  const destinations = anchors.slice(0, 25);
  const devices: Device[] = [];
  for (let d = 0; d < plan.devices; d++) {
    const homeArea = anchors[Math.floor(random() ** 1.5 * anchors.length)]!;
    const workArea = random() < 0.5 ? homeArea : pick(anchors);
    devices.push({
      id: `dev${String(d).padStart(7, '0')}`,
      home: pick(homeArea.points),
      work: random() < 0.8 ? pick(workArea.points) : null,
      near: [pick(homeArea.points), pick(pick(anchors).points)],
      far: [pick(pick(destinations).points), pick(pick(anchors).points)],
      everyMin: 10 + random() * 25,
    });
  }
  const firstDay = dayOfDate(plan.firstDate);
  const holidays = nationalHolidayDays(plan.firstDate, dateOfDay(firstDay + plan.days));
  const dayCache = new Map<number, string>();
  const fd = openSync(file, 'w');
  writeSync(fd, 'device_id,timestamp,lat,lon,accuracy\n');
  let written = 0;
  let late: string[] = [];
  /** Overnight trips: device index → the far point it sleeps at tonight. */
  const away = new Map<number, Point>();

  for (let day = firstDay; day < firstDay + plan.days && written < fixes; day++) {
    const dayStartMs = day * 86_400_000 - 9 * 3_600_000; // 00:00 JST
    const working = isWorkingDay(day, holidays);
    const rows: string[] = late;
    late = [];
    devices.forEach((dev, index) => {
      const stays: { at: Point; from: number; to: number }[] = [];
      const sleep = away.get(index);
      away.delete(index);
      if (sleep) {
        stays.push({ at: sleep, from: 0, to: 10 * 60 });
        stays.push({ at: dev.home, from: 15 * 60, to: 24 * 60 });
      } else if (working && dev.work) {
        stays.push({ at: dev.home, from: 0, to: 7 * 60 + 30 + random() * 60 });
        stays.push({ at: dev.work, from: 9 * 60, to: 17 * 60 + random() * 120 });
        if (random() < 0.15) stays.push({ at: dev.near[1]!, from: 19 * 60 + 30, to: 21 * 60 });
        stays.push({ at: dev.home, from: 22 * 60, to: 24 * 60 });
      } else {
        stays.push({ at: dev.home, from: 0, to: 9 * 60 + random() * 60 });
        const r = random();
        if (r < 0.12) {
          const far = pick(dev.far);
          stays.push({ at: far, from: 12 * 60, to: 17 * 60 });
          if (random() < 0.4) {
            stays.push({ at: far, from: 19 * 60, to: 24 * 60 });
            away.set(index, far);
          } else stays.push({ at: dev.home, from: 21 * 60, to: 24 * 60 });
        } else if (r < 0.45) {
          stays.push({ at: pick(dev.near), from: 11 * 60, to: 11 * 60 + 60 + random() * 240 });
          stays.push({ at: dev.home, from: 18 * 60, to: 24 * 60 });
        } else stays.push({ at: dev.home, from: 11 * 60, to: 24 * 60 });
      }
      const phoneOff = random() < 0.05 ? 8 * 60 + random() * 12 * 60 : -1;
      for (const s of stays) {
        for (let minute = s.from; minute < s.to; minute += dev.everyMin * (0.5 + random())) {
          if (phoneOff >= 0 && minute > phoneOff && minute < phoneOff + 180) continue;
          const ms = dayStartMs + Math.floor(minute * 60) * 1000;
          const lat = s.at.lat + ((random() - 0.5) * 40) / M_PER_DEG;
          const lon = s.at.lon + ((random() - 0.5) * 40) / M_PER_DEG;
          const q = random();
          const accuracy =
            q < 0.01
              ? ''
              : q < 0.02
                ? (150 + random() * 400).toFixed(1)
                : (4 + random() * 40).toFixed(1);
          const line = `${dev.id},${formatJst(ms, dayCache)},${lat.toFixed(6)},${lon.toFixed(6)},${accuracy}\n`;
          if (random() < 0.003)
            late.push(line); // delivered a day late
          else rows.push(line);
          if (random() < 0.001) rows.push(line); // an exact duplicate
        }
      }
    });
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    }
    let text = '';
    for (const row of rows) {
      if (written >= fixes) break;
      text += row;
      written++;
      if (text.length > 1 << 22) {
        writeSync(fd, text);
        text = '';
      }
    }
    writeSync(fd, text);
  }
  closeSync(fd);
  return written;
}

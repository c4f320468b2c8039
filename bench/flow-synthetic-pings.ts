/**
 * Synthetic vendor pings for bench:flow: devices that stay (jitter of a few metres, a ping every
 * 1–5 min, or every 10–30 min for sparse devices) and move (10–60 s pings at 5–15 m/s) between a
 * few places, with phone-off gaps, accuracies (some worse than 100 m, some missing), a few exact
 * duplicates and late arrivals. Rows of all devices are interleaved roughly by time, as a vendor
 * delivers them, so nothing is grouped or sorted per device. Timestamps are ISO 8601 with +09:00.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { seededRandom } from '../src/domain/shared/seeded-random';

const M_PER_DEG_LAT = 111_195;

type Device = {
  id: string;
  tMs: number;
  lat: number;
  lon: number;
  places: { lat: number; lon: number }[];
  moving: boolean;
  segmentEndMs: number;
  stepLat: number;
  stepLon: number;
  sparse: boolean;
  late: string | undefined;
};

const pad2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

/**
 * ISO 8601 in JST with its offset, e.g. 2026-04-01T09:15:30+09:00 (the day's prefix cached:
 * writing 100 M rows, Date formatting would dominate).
 */
export function formatJst(ms: number, dayCache: Map<number, string>): string {
  const local = ms + 9 * 3_600_000;
  const day = Math.floor(local / 86_400_000);
  let prefix = dayCache.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * 86_400_000).toISOString().slice(0, 11);
    dayCache.set(day, prefix);
  }
  const secondOfDay = Math.floor((local - day * 86_400_000) / 1000);
  const h = Math.floor(secondOfDay / 3600);
  const m = Math.floor((secondOfDay % 3600) / 60);
  const s = secondOfDay % 60;
  return `${prefix}${pad2[h]}:${pad2[m]}:${pad2[s]}+09:00`;
}

/** Writes `fixes` rows for `devices` devices to `file`; returns the rows written. */
export function writeSyntheticPings(
  file: string,
  fixes: number,
  devices: number,
  seed = 20260501,
): number {
  const random = seededRandom(seed);
  const startMs = Date.UTC(2026, 3, 1, 15); // 2026-04-02 00:00 JST
  const all: Device[] = [];
  for (let d = 0; d < devices; d++) {
    const homeLat = 33 + random() * 3;
    const homeLon = 133 + random() * 7;
    const places = [{ lat: homeLat, lon: homeLon }];
    for (let p = 0; p < 3; p++) {
      places.push({
        lat: homeLat + (random() - 0.5) * 0.3,
        lon: homeLon + (random() - 0.5) * 0.3,
      });
    }
    all.push({
      id: `dev${String(d).padStart(7, '0')}`,
      tMs: startMs + Math.floor(random() * 3_600_000),
      lat: homeLat,
      lon: homeLon,
      places,
      moving: false,
      segmentEndMs: 0,
      stepLat: 0,
      stepLon: 0,
      sparse: random() < 0.1,
      late: undefined,
    });
  }
  // A shuffled visiting order, so that device ids do not come in order either.
  const order = all.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const dayCache = new Map<number, string>();
  const fd = openSync(file, 'w');
  let text = 'device_id,timestamp,lat,lon,accuracy\n';
  let written = 0;

  const nextFix = (dev: Device): string => {
    if (dev.tMs >= dev.segmentEndMs) {
      if (dev.moving || random() < 0.15) {
        // arrive (or stay on): a stay of 10 min to 6 h
        dev.moving = false;
        dev.segmentEndMs = dev.tMs + (10 + random() * 350) * 60_000;
        if (random() < 0.1) dev.tMs += (60 + random() * 120) * 60_000; // phone off
      } else {
        const target = dev.places[Math.floor(random() * dev.places.length)]!;
        const dLatM = (target.lat - dev.lat) * M_PER_DEG_LAT;
        const dLonM = (target.lon - dev.lon) * M_PER_DEG_LAT * Math.cos((dev.lat * Math.PI) / 180);
        const distanceM = Math.max(300, Math.hypot(dLatM, dLonM));
        const durationMs = (distanceM / (5 + random() * 10)) * 1000;
        dev.moving = true;
        dev.segmentEndMs = dev.tMs + durationMs;
        dev.stepLat = (target.lat - dev.lat) / durationMs;
        dev.stepLon = (target.lon - dev.lon) / durationMs;
      }
    }
    const intervalMs = dev.moving
      ? (10 + random() * 50) * 1000
      : dev.sparse
        ? (10 + random() * 20) * 60_000
        : (60 + random() * 240) * 1000;
    dev.tMs += Math.floor(intervalMs / 1000) * 1000;
    let lat: number;
    let lon: number;
    if (dev.moving) {
      dev.lat += dev.stepLat * intervalMs;
      dev.lon += dev.stepLon * intervalMs;
      lat = dev.lat;
      lon = dev.lon;
    } else {
      lat = dev.lat + ((random() - 0.5) * 30) / M_PER_DEG_LAT;
      lon = dev.lon + ((random() - 0.5) * 30) / M_PER_DEG_LAT;
    }
    const r = random();
    const accuracy =
      r < 0.01 ? '' : r < 0.03 ? (100 + random() * 400).toFixed(1) : (3 + random() * 45).toFixed(1);
    return `${dev.id},${formatJst(dev.tMs, dayCache)},${lat.toFixed(7)},${lon.toFixed(7)},${accuracy}\n`;
  };

  while (written < fixes) {
    for (const index of order) {
      const dev = all[index]!;
      const burst = 1 + Math.floor(random() * 4);
      for (let b = 0; b < burst && written < fixes; b++) {
        let line = nextFix(dev);
        if (dev.late !== undefined) {
          line += dev.late; // a late arrival: after a fix that is newer than it
          dev.late = undefined;
          written++;
        } else if (random() < 0.005) {
          dev.late = line;
          continue;
        }
        if (random() < 0.001) {
          line += line; // an exact duplicate
          written++;
        }
        text += line;
        written++;
      }
      if (text.length > 1 << 22) {
        writeSync(fd, text);
        text = '';
      }
      if (written >= fixes) break;
    }
  }
  writeSync(fd, text);
  closeSync(fd);
  return written;
}

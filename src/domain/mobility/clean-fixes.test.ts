import { describe, expect, it } from 'vitest';
import { CLEANING_DROP_REASONS, type FixColumns, cleanDeviceFixes } from './clean-fixes';

type Row = { t: number; lat: number; lon: number; acc?: number; alt?: number; seq?: number };

function columns(rows: Row[], withAccuracy = false, withSeq = false): FixColumns {
  return {
    tsMs: Float64Array.from(rows, (r) => r.t),
    lat: Float64Array.from(rows, (r) => r.lat),
    lon: Float64Array.from(rows, (r) => r.lon),
    accuracyM: withAccuracy ? Float64Array.from(rows, (r) => r.acc ?? NaN) : undefined,
    altitudeM: rows.some((r) => r.alt !== undefined)
      ? Float64Array.from(rows, (r) => r.alt ?? NaN)
      : undefined,
    seq: withSeq ? Float64Array.from(rows, (r, i) => r.seq ?? i) : undefined,
  };
}

const noAccuracyFilter = { maxAccuracyM: Infinity };

function dropped(result: ReturnType<typeof cleanDeviceFixes>): [number, string][] {
  return Array.from(result.dropped, (index, k) => [
    index,
    CLEANING_DROP_REASONS[result.reasons[k]!]!,
  ]);
}

describe('cleanDeviceFixes', () => {
  it('drops non-finite values, |lat| > 90, |lon| > 180 and (0, 0), each with its reason', () => {
    const result = cleanDeviceFixes(
      columns([
        { t: 1, lat: NaN, lon: 139 },
        { t: 2, lat: 35, lon: Infinity },
        { t: 3, lat: 90.0001, lon: 139 },
        { t: 4, lat: 35, lon: -180.5 },
        { t: 5, lat: 0, lon: 0 },
        { t: 6, lat: 90, lon: 180 },
        { t: 7, lat: -90, lon: -180 },
        { t: 8, lat: 0, lon: 139 },
        { t: 9, lat: 35, lon: 0 },
      ]),
      noAccuracyFilter,
    );
    expect(dropped(result)).toEqual([
      [0, 'non_finite'],
      [1, 'non_finite'],
      [2, 'lat_out_of_range'],
      [3, 'lon_out_of_range'],
      [4, 'null_island'],
    ]);
    expect(Array.from(result.kept)).toEqual([5, 6, 7, 8]);
  });

  it('drops accuracy worse than the threshold, keeps it at the threshold and when missing', () => {
    const result = cleanDeviceFixes(
      columns(
        [
          { t: 1, lat: 35, lon: 139, acc: 100 },
          { t: 2, lat: 35, lon: 139.001, acc: 100.1 },
          { t: 3, lat: 35, lon: 139.002 },
          { t: 4, lat: 35, lon: 139.003, acc: Infinity },
        ],
        true,
      ),
      { maxAccuracyM: 100 },
    );
    expect(dropped(result)).toEqual([
      [1, 'accuracy'],
      [3, 'accuracy'],
    ]);
    expect(Array.from(result.kept)).toEqual([0, 2]);
  });

  it('keeps every accuracy when the threshold is Infinity (the trackintel profile)', () => {
    const result = cleanDeviceFixes(
      columns([{ t: 1, lat: 35, lon: 139, acc: 5000 }], true),
      noAccuracyFilter,
    );
    expect(Array.from(result.kept)).toEqual([0]);
  });

  it('drops exact duplicates and keeps the first in input order', () => {
    const result = cleanDeviceFixes(
      columns([
        { t: 10, lat: 35, lon: 139 },
        { t: 10, lat: 35, lon: 139 },
        { t: 20, lat: 35, lon: 139 },
      ]),
      noAccuracyFilter,
    );
    expect(Array.from(result.kept)).toEqual([0, 2]);
    expect(dropped(result)).toEqual([[1, 'duplicate']]);
  });

  it('finds duplicates that are not next to each other within one instant', () => {
    const result = cleanDeviceFixes(
      columns([
        { t: 10, lat: 35, lon: 139 },
        { t: 10, lat: 35.1, lon: 139 },
        { t: 10, lat: 35, lon: 139 },
      ]),
      noAccuracyFilter,
    );
    expect(Array.from(result.kept)).toEqual([0, 1]);
    expect(dropped(result)).toEqual([[2, 'duplicate']]);
  });

  it('does not call rows duplicates when any column differs (time, place, accuracy, altitude)', () => {
    const result = cleanDeviceFixes(
      columns(
        [
          { t: 10, lat: 35, lon: 139, acc: 5, alt: 10 },
          { t: 11, lat: 35, lon: 139, acc: 5, alt: 10 },
          { t: 10, lat: 35, lon: 139, acc: 6, alt: 10 },
          { t: 10, lat: 35, lon: 139, acc: 5, alt: 11 },
          { t: 10, lat: 35, lon: 139, alt: 10 },
        ],
        true,
      ),
      noAccuracyFilter,
    );
    expect(result.dropped.length).toBe(0);
  });

  it('treats two missing accuracies as identical', () => {
    const result = cleanDeviceFixes(
      columns(
        [
          { t: 10, lat: 35, lon: 139 },
          { t: 10, lat: 35, lon: 139 },
        ],
        true,
      ),
      noAccuracyFilter,
    );
    expect(dropped(result)).toEqual([[1, 'duplicate']]);
  });

  it('sorts stably by time: input in any order, equal instants keep input order', () => {
    const result = cleanDeviceFixes(
      columns([
        { t: 30, lat: 35, lon: 139 },
        { t: 10, lat: 35.2, lon: 139 },
        { t: 20, lat: 35, lon: 139 },
        { t: 10, lat: 35.1, lon: 139 },
      ]),
      noAccuracyFilter,
    );
    expect(Array.from(result.kept)).toEqual([1, 3, 2, 0]);
  });

  it('uses seq for input order when rows come from several readers', () => {
    const result = cleanDeviceFixes(
      columns(
        [
          { t: 10, lat: 35.3, lon: 139, seq: 7 },
          { t: 10, lat: 35.1, lon: 139, seq: 2 },
          { t: 10, lat: 35.1, lon: 139, seq: 9 },
          { t: 5, lat: 35, lon: 139, seq: 8 },
        ],
        false,
        true,
      ),
      noAccuracyFilter,
    );
    // time first, then seq: 3 (t 5), then seqs 2, 7, 9 — and seq 9 duplicates seq 2
    expect(Array.from(result.kept)).toEqual([3, 1, 0]);
    expect(dropped(result)).toEqual([[2, 'duplicate']]);
  });

  it('counts a fix under the first rule it breaks only', () => {
    const result = cleanDeviceFixes(columns([{ t: 1, lat: 95, lon: 200, acc: 1000 }], true), {
      maxAccuracyM: 100,
    });
    expect(dropped(result)).toEqual([[0, 'lat_out_of_range']]);
  });

  it('accounts for every fix: kept + dropped = input', () => {
    const rows: Row[] = Array.from({ length: 200 }, (_, i) => ({
      t: (i * 7919) % 50,
      lat: i % 13 === 0 ? 0 : 35 + (i % 3) / 100,
      lon: i % 13 === 0 ? 0 : 139,
    }));
    const result = cleanDeviceFixes(columns(rows), noAccuracyFilter);
    expect(result.kept.length + result.dropped.length).toBe(rows.length);
    const all = [...result.kept, ...result.dropped].sort((a, b) => a - b);
    expect(all).toEqual(rows.map((_, i) => i));
  });
});

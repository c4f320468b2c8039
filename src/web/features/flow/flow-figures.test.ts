import { describe, expect, it } from 'vitest';
import japan from '@svg-maps/japan';
import type { MunicipalityFlow } from './flow-api';
import {
  anySuppressed,
  hiddenOriginVisitors,
  originRows,
  originScopeFromParam,
  originScopeOptions,
  prefectureMapValues,
  trendRows,
  trendSeries,
} from './flow-figures';
import { SVG_MAP_IDS, prefectureSvg, type SvgMapLocation } from './japan-prefecture-map';

const dataset = { months: ['2026-07', '2026-08', '2026-09'] } as MunicipalityFlow['dataset'];
const shown = (value: number) => ({ value, suppressed: false });
const hidden = { value: null, suppressed: true };

const flow: Pick<MunicipalityFlow, 'dataset' | 'metrics'> = {
  dataset,
  metrics: [
    {
      metric: 'visitors',
      months: [
        { month: '2026-07', ...shown(120) },
        { month: '2026-08', ...shown(340) },
        { month: '2026-09', ...shown(95) },
      ],
      period: shown(480),
    },
    {
      metric: 'workationers',
      months: [
        { month: '2026-07', ...shown(12) },
        { month: '2026-08', ...hidden },
        { month: '2026-09', ...hidden },
      ],
      period: shown(21),
    },
  ],
};

describe('trendSeries', () => {
  it('leaves a suppressed month as a gap (null), never a zero', () => {
    const { months, series } = trendSeries(flow, ['visitors', 'workationers']);
    expect(months).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(series).toEqual([
      { metric: 'visitors', values: [120, 340, 95] },
      { metric: 'workationers', values: [12, null, null] },
    ]);
  });

  it('treats a metric the response lacks as suppressed in every month', () => {
    expect(trendSeries(flow, ['dual_residents']).series[0]!.values).toEqual([null, null, null]);
  });

  it('has no months without a dataset', () => {
    expect(trendSeries({ dataset: null, metrics: [] }, ['visitors'])).toEqual({
      months: [],
      series: [{ metric: 'visitors', values: [] }],
    });
  });
});

describe('trendRows', () => {
  it('gives each metric its months in the dataset order and its period total', () => {
    const rows = trendRows(flow, ['workationers', 'dual_residents']);
    expect(rows[0]).toEqual({
      metric: 'workationers',
      months: [shown(12), hidden, hidden].map((f, i) => ({ month: dataset!.months[i], ...f })),
      period: shown(21),
    });
    expect(rows[1]!.period).toEqual(hidden);
    expect(anySuppressed(rows)).toBe(true);
    expect(anySuppressed(trendRows(flow, ['visitors']))).toBe(false);
  });
});

describe('origin scope', () => {
  it('offers the whole period first, then each month', () => {
    expect(originScopeOptions(flow)).toEqual(['period', '2026-07', '2026-08', '2026-09']);
    expect(originScopeOptions({ dataset: null })).toEqual(['period']);
  });

  it('reads a month from the address bar and falls back to the period', () => {
    expect(originScopeFromParam('2026-08')).toBe('2026-08');
    expect(originScopeFromParam('2026-13')).toBe('period');
    expect(originScopeFromParam(null)).toBe('period');
  });
});

describe('prefectureMapValues', () => {
  it('keys prefectures by their two-digit number and finds the largest value', () => {
    expect(
      prefectureMapValues([
        { prefectureCode: '130001', name: '東京都', value: 120 },
        { prefectureCode: '200000', name: '長野県', value: 45 },
      ]),
    ).toEqual({
      values: [
        { key: '13', prefectureCode: '130001', name: '東京都', value: 120 },
        { key: '20', prefectureCode: '200000', name: '長野県', value: 45 },
      ],
      max: 120,
    });
    expect(prefectureMapValues([])).toEqual({ values: [], max: 0 });
  });
});

describe('originRows', () => {
  it('lists the largest origins first and unknown homes last', () => {
    const rows = originRows([
      { code: 'unknown', kind: 'unknown', name: null, prefectureCode: null, value: 90 },
      {
        code: '131121',
        kind: 'municipality',
        name: '世田谷区',
        prefectureCode: '130001',
        value: 40,
      },
      { code: '100005', kind: 'prefecture', name: '群馬県', prefectureCode: '100005', value: 60 },
    ]);
    expect(rows.map((r) => r.code)).toEqual(['100005', '131121', 'unknown']);
  });
});

describe('the prefecture map', () => {
  it('names all 47 prefectures of the bundled map by their number', () => {
    const locations = japan.locations as SvgMapLocation[];
    const ids = new Set(locations.map((l) => l.id));
    expect(Object.keys(SVG_MAP_IDS)).toHaveLength(47);
    expect(Object.values(SVG_MAP_IDS).every((id) => ids.has(id))).toBe(true);
    const svg = prefectureSvg(japan.viewBox, locations);
    expect(svg.match(/<path name="\d{2}"/g)).toHaveLength(47);
    expect(svg).toContain('<path name="20" d="');
  });
});

describe('hiddenOriginVisitors', () => {
  const unknown = {
    code: 'unknown',
    kind: 'unknown',
    name: null,
    prefectureCode: null,
    value: 29,
  } as const;
  it('leaves out unknown homes already listed as their own row', () => {
    expect(hiddenOriginVisitors({ notListed: 40, items: [unknown] })).toBe(11);
    expect(hiddenOriginVisitors({ notListed: 29, items: [unknown] })).toBe(0);
  });

  it('counts everything not listed when unknown homes are not a row, and nothing when visitors are suppressed', () => {
    expect(hiddenOriginVisitors({ notListed: 40, items: [] })).toBe(40);
    expect(hiddenOriginVisitors({ notListed: null, items: [unknown] })).toBeNull();
  });
});

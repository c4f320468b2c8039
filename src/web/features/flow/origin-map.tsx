import japan from '@svg-maps/japan';
import { MapChart, type MapSeriesOption } from 'echarts/charts';
import {
  TooltipComponent,
  VisualMapComponent,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components';
import { registerMap, use, type ComposeOption } from 'echarts/core';
import { useMemo } from 'react';
import { EChart } from '../../components/echart';
import { formatNumber } from '../../lib/format';
import { useLanguage } from '../../i18n/use-language';
import type { prefectureMapValues } from './flow-figures';
import { prefectureSvg, type SvgMapLocation } from './japan-prefecture-map';

use([MapChart, TooltipComponent, VisualMapComponent]);

const MAP_NAME = 'japan-prefectures';
// The geometry ships in the npm package (no download at run time); this module is loaded
// lazily, so neither the map nor ECharts' map series weigh on the main bundle.
registerMap(MAP_NAME, {
  svg: prefectureSvg(japan.viewBox as string, japan.locations as SvgMapLocation[]),
});

type Option = ComposeOption<MapSeriesOption | TooltipComponentOption | VisualMapComponentOption>;

/**
 * Where the visitors live, as a choropleth of Japan's prefectures: the published origins summed
 * per prefecture. A prefecture with nothing published stays grey (no figure, not a zero).
 */
export default function OriginMap({
  values,
  max,
  ariaLabel,
}: ReturnType<typeof prefectureMapValues> & { ariaLabel: string }) {
  const language = useLanguage();
  const option = useMemo<Option>(() => {
    const names = new Map(values.map((v) => [v.key, v.name]));
    return {
      aria: { enabled: false },
      tooltip: {
        trigger: 'item',
        formatter: (params) => {
          const p = Array.isArray(params) ? params[0] : params;
          if (!p) return '';
          const name = names.get(p.name) ?? '';
          return typeof p.value === 'number' && !Number.isNaN(p.value)
            ? `${name} ${formatNumber(p.value, language)}`
            : `${name}`;
        },
      },
      visualMap: {
        type: 'continuous',
        min: 0,
        max: Math.max(max, 1),
        left: 8,
        bottom: 8,
        calculable: false,
        itemHeight: 100,
        text: [formatNumber(max, language), '0'],
        inRange: { color: ['#d0ebff', '#1864ab'] },
      },
      series: [
        {
          type: 'map',
          map: MAP_NAME,
          roam: false,
          selectedMode: false,
          label: { show: false },
          itemStyle: { areaColor: '#f1f3f5', borderColor: '#868e96', borderWidth: 0.5 },
          emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffd43b' } },
          data: values.map((v) => ({ name: v.key, value: v.value })),
        },
      ],
    };
  }, [values, max, language]);
  return <EChart option={option} height={420} ariaLabel={ariaLabel} testId="flow-origin-map" />;
}

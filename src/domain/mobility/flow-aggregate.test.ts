import { describe, expect, it } from 'vitest';
import {
  UNKNOWN_ORIGIN,
  addDeviceFlow,
  createFlowAggregate,
  dataQuality,
  expansionWeights,
  mergeFlowAggregates,
  metricCells,
  originCells,
  type FlowAggregate,
} from './flow-aggregate';
import {
  FLOW_METRICS,
  type DeviceFlow,
  type DeviceScopeRow,
  type FlowValues,
  PERIOD_SCOPE,
} from './metrics';

const K = '203211';
const CHIYODA = '131016';
const CHUO = '131024';

function values(v: Partial<FlowValues>): FlowValues {
  return { ...(Object.fromEntries(FLOW_METRICS.map((m) => [m, 0])) as FlowValues), ...v };
}

function scopeRow(
  scope: string,
  home: string | null,
  activeDays = 20,
  stayDays = 15,
): DeviceScopeRow {
  return { scope, home, work: null, teleworks: false, activeDays, stayDays };
}

/** A visitor of K in August with `visitDays` visit-days, living in `home`. */
function visitor(home: string | null, visitDays: number, overnight = false): DeviceFlow {
  return {
    cells: [
      {
        municipality: K,
        scope: '2026-08',
        origin: home,
        values: values({
          visitors: 1,
          visit_days: visitDays,
          trips: 1,
          overnight_visitors: overnight ? 1 : 0,
          day_trippers: overnight ? 0 : 1,
        }),
      },
    ],
    scopes: [scopeRow('2026-08', home), scopeRow(PERIOD_SCOPE, home)],
  };
}

function aggregateOf(flows: DeviceFlow[]): FlowAggregate {
  const aggregate = createFlowAggregate();
  for (const f of flows) addDeviceFlow(aggregate, f);
  return aggregate;
}

describe('the flow aggregate', () => {
  const devices = [
    visitor(CHIYODA, 1),
    visitor(CHIYODA, 3, true),
    visitor(CHUO, 2),
    visitor(null, 1),
    visitor(CHIYODA, 5, true),
  ];

  it('counts each device once per cell: devices behind a sum are the rows with a non-zero value', () => {
    const [visitDays] = metricCells(aggregateOf(devices), 'visit_days');
    expect(visitDays).toEqual({
      municipality: K,
      scope: '2026-08',
      value: 12,
      devices: 5,
      expanded: null,
    });
    const [overnight] = metricCells(aggregateOf(devices), 'overnight_visitors');
    expect(overnight).toMatchObject({ value: 2, devices: 2 });
    expect(metricCells(aggregateOf(devices), 'workationers')).toEqual([]);
  });

  it('breaks a cell down by origin, unknown homes apart', () => {
    expect(
      originCells(aggregateOf(devices), 'visitors').map((c) => [c.origin, c.value, c.devices]),
    ).toEqual([
      [CHIYODA, 3, 3],
      [CHUO, 1, 1],
      [UNKNOWN_ORIGIN, 1, 1],
    ]);
  });

  it('gives the same figures however the devices are partitioned and merged', () => {
    const whole = aggregateOf(devices);
    const a = aggregateOf(devices.slice(0, 2));
    const b = aggregateOf(devices.slice(2, 3));
    const c = aggregateOf(devices.slice(3));
    const abc = createFlowAggregate();
    mergeFlowAggregates(abc, c);
    mergeFlowAggregates(abc, a);
    mergeFlowAggregates(abc, b);
    for (const metric of FLOW_METRICS) {
      expect(metricCells(abc, metric), metric).toEqual(metricCells(whole, metric));
      expect(originCells(abc, metric), metric).toEqual(originCells(whole, metric));
    }
    expect(dataQuality(abc)).toEqual(dataQuality(whole));
    expect(abc.panel).toEqual(whole.panel);
  });

  it('expands with resident population ÷ panel devices of the home municipality', () => {
    // Panel: 3 devices in 千代田区 (population 67,000), 1 in 中央区 (170,000).
    const aggregate = aggregateOf(devices);
    const weights = expansionWeights(
      aggregate,
      new Map([
        [CHIYODA, 67_000],
        [CHUO, 170_000],
      ]),
    );
    const august = weights.get('2026-08')!;
    expect(august.get(CHIYODA)).toBeCloseTo(67_000 / 3, 9);
    expect(august.get(CHUO)).toBe(170_000);
    expect(august.get(UNKNOWN_ORIGIN)).toBeCloseTo(237_000 / 4, 9); // the overall ratio
    const [cell] = metricCells(aggregate, 'visitors', weights);
    expect(cell!.expanded).toBeCloseTo(67_000 + 170_000 + 237_000 / 4, 6);
    const byOrigin = originCells(aggregate, 'visitors', weights);
    expect(byOrigin.reduce((s, c) => s + c.expanded!, 0)).toBeCloseTo(cell!.expanded!, 6);
  });

  it('reports the share of device-days with a stay point, leaving out devices active < 3 days', () => {
    const aggregate = aggregateOf([
      { cells: [], scopes: [scopeRow('2026-08', CHIYODA, 20, 15)] },
      { cells: [], scopes: [scopeRow('2026-08', null, 10, 5)] },
      { cells: [], scopes: [scopeRow('2026-08', null, 2, 0)] }, // active on 2 days
      { cells: [], scopes: [scopeRow('2026-08', null, 0, 0)] }, // not active at all
    ]);
    expect(dataQuality(aggregate)).toEqual([
      {
        scope: '2026-08',
        devices: 3,
        lowActivityDevices: 1,
        activeDeviceDays: 30,
        stayDeviceDays: 20,
        stayShare: 20 / 30,
      },
    ]);
    expect(aggregate.panel).toEqual(new Map([[`2026-08|${CHIYODA}`, 1]]));
  });
});

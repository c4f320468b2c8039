/**
 * One partition of `flow analyze`, in a worker: every device of the bucket is cleaned, its stay
 * points detected, its municipalities located and its contribution to the metrics computed
 * (domain engines), then added into the partition's aggregate — nothing of a single device
 * leaves this function. The aggregate is written as the partition's result file.
 */
import type { CleaningOptions } from '../../domain/mobility/clean-fixes';
import { type StayPointParams, detectStayPoints } from '../../domain/mobility/detect-stay-points';
import {
  type HolidayDays,
  dateOfDay,
  firstDayOfMonth,
  lastDayOfMonth,
  nationalHolidayDays,
} from '../../domain/mobility/analysis-calendar';
import { addDeviceFlow, createFlowAggregate } from '../../domain/mobility/flow-aggregate';
import {
  FLOW_DEFAULTS,
  type FlowContext,
  type FlowPeriod,
  computeDeviceFlow,
} from '../../domain/mobility/metrics';
import {
  type FlowBucketCounters,
  type FlowBucketFile,
  serializeFlowAggregate,
  writeFileAtomicallySync,
} from './flow-bucket-file';
import { type FlowGeography, loadFlowGeography } from './flow-geography';
import { cleanDeviceInto, loadBucketDevices, trackBuffers, trimSeqs } from './process-bucket';

/** What every partition of one run shares. */
export type FlowBucketSetup = {
  /** The N03 TopoJSON file. */
  boundaries: string;
  period: FlowPeriod;
  params: StayPointParams;
  cleaning: CleaningOptions;
  runId: string;
};

/** Built once per worker thread and boundaries file, then kept for every partition. */
let cached: { boundaries: string; geography: FlowGeography } | null = null;
const holidayCache = new Map<string, HolidayDays>();

/** National holidays over the period and the twelve months before it (trailing windows). */
function holidaysFor(period: FlowPeriod): HolidayDays {
  const first = dateOfDay(firstDayOfMonth(period.firstMonth - FLOW_DEFAULTS.trailingMonths));
  const last = dateOfDay(lastDayOfMonth(period.lastMonth));
  const key = `${first}..${last}`;
  let days = holidayCache.get(key);
  if (!days) holidayCache.set(key, (days = nationalHolidayDays(first, last)));
  return days;
}

/**
 * Analyses the devices of one bucket's spill files and writes the partition's result to
 * `resultFile` (atomically). Returns its counters.
 */
export function processFlowBucket(
  bucket: number,
  files: readonly string[],
  setup: FlowBucketSetup,
  resultFile: string,
): FlowBucketCounters {
  if (cached?.boundaries !== setup.boundaries) {
    cached = { boundaries: setup.boundaries, geography: loadFlowGeography(setup.boundaries) };
  }
  const { locator, adjacency } = cached.geography;
  const context: FlowContext = {
    period: setup.period,
    locate: (lat, lon) => locator.locate(lat, lon),
    adjacency,
    holidays: holidaysFor(setup.period),
  };
  const devices = loadBucketDevices(files);
  const track = trackBuffers(devices);
  const aggregate = createFlowAggregate();
  const result: FlowBucketFile = {
    runId: setup.runId,
    bucket,
    devices: devices.ids.length,
    fixes: devices.total,
    keptFixes: 0,
    stayPoints: 0,
    firstFixMs: null,
    lastFixMs: null,
    drops: {},
    aggregate: { metrics: [], cells: [], panel: [], quality: [] },
  };
  for (let d = 0; d < devices.ids.length; d++) {
    const n = cleanDeviceInto(devices, d, setup.cleaning, result.drops, track);
    result.keptFixes += n;
    if (n > 0) {
      const first = track.tsMs[0]!;
      const last = track.tsMs[n - 1]!;
      if (result.firstFixMs === null || first < result.firstFixMs) result.firstFixMs = first;
      if (result.lastFixMs === null || last > result.lastFixMs) result.lastFixMs = last;
    }
    const fixTsMs = track.tsMs.subarray(0, n);
    const stayPoints = detectStayPoints(
      { tsMs: fixTsMs, lat: track.lat.subarray(0, n), lon: track.lon.subarray(0, n) },
      setup.params,
    );
    result.stayPoints += stayPoints.length;
    addDeviceFlow(aggregate, computeDeviceFlow({ stayPoints, fixTsMs }, context));
  }
  for (const tally of Object.values(result.drops)) if (tally) trimSeqs(tally);
  result.aggregate = serializeFlowAggregate(aggregate);
  writeFileAtomicallySync(resultFile, JSON.stringify(result));
  const { devices: n, fixes, keptFixes, stayPoints, firstFixMs, lastFixMs } = result;
  return { devices: n, fixes, keptFixes, stayPoints, firstFixMs, lastFixMs };
}

import type { Command } from 'commander';
import type { CleaningOptions } from '../../domain/mobility/clean-fixes';
import {
  STAY_POINT_PROFILES,
  type StayPointParams,
  type StayPointProfile,
} from '../../domain/mobility/detect-stay-points';
import { CliError } from '../cli-errors';
import type { TimeFormat } from '../flow/fix-chunk-parser';
import { progressBars } from '../flow/progress-bars';
import { type InputFormat, type StaypointsSummary, runStaypoints } from '../flow/run-staypoints';

/** Accuracy filter per profile (docs/domain-mobility.md §1): trackintel has none. */
export const CLEANING: Readonly<Record<StayPointProfile, CleaningOptions>> = {
  trackintel: { maxAccuracyM: Infinity },
  production: { maxAccuracyM: 100 },
};

export type StaypointsFlags = {
  input: string;
  output: string;
  format?: string;
  timeFormat: string;
  profile: string;
  distThreshold?: string;
  timeThreshold?: string;
  gapThreshold?: string;
  includeLast?: boolean;
};

export function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CliError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
}

export function nonNegative(
  value: string | undefined,
  flag: string,
  unit: string,
): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0) {
    throw new CliError(`${flag} must be a number of ${unit} ≥ 0 (got "${value}")`);
  }
  return number;
}

/** The profile's parameters with the flags' overrides. */
export function staypointParams(flags: StaypointsFlags): {
  profile: StayPointProfile;
  params: StayPointParams;
} {
  const profile = oneOf(flags.profile, ['trackintel', 'production'] as const, '--profile');
  const base = STAY_POINT_PROFILES[profile];
  return {
    profile,
    params: {
      ...base,
      distThresholdM:
        nonNegative(flags.distThreshold, '--dist-threshold', 'metres') ?? base.distThresholdM,
      timeThresholdMin:
        nonNegative(flags.timeThreshold, '--time-threshold', 'minutes') ?? base.timeThresholdMin,
      gapThresholdMin:
        nonNegative(flags.gapThreshold, '--gap-threshold', 'minutes') ?? base.gapThresholdMin,
      includeLast: flags.includeLast === true || base.includeLast,
    },
  };
}

/** --format (unset: detected from the input) and --time-format, shared by the flow commands. */
export function inputFormats(flags: { format?: string; timeFormat: string }): {
  format: InputFormat | undefined;
  timeFormat: TimeFormat;
} {
  return {
    format:
      flags.format === undefined
        ? undefined
        : oneOf<InputFormat>(flags.format, ['csv', 'geolife'], '--format'),
    timeFormat: oneOf<TimeFormat>(
      flags.timeFormat,
      ['auto', 'iso', 'epoch-ms', 'epoch-s'],
      '--time-format',
    ),
  };
}

const count = (n: number) => n.toLocaleString('en-US');

/** What the run did, for stderr. */
export function describeRun(summary: StaypointsSummary, seconds: number): string[] {
  const r = summary.report;
  const p = r.parameters;
  const lines = [
    `flow staypoints: ${count(r.lines)} lines, ${count(r.rows)} rows, ${count(r.fixes)} fixes after cleaning, ${count(r.devices)} devices → ${count(r.stayPoints)} stay points in ${seconds.toFixed(1)} s`,
    `  profile ${r.profile}: distance ${p.distThresholdM} m, time ${p.timeThresholdMin} min, gap ${p.gapThresholdMin} min, last ${p.includeLast ? 'included' : 'not included'}; timestamps: ${r.timestamps}`,
    `  written: ${summary.outputPath}`,
  ];
  const reasons = Object.entries(r.rejected.byReason);
  if (reasons.length === 0) {
    lines.push(`  nothing rejected (report: ${summary.rejectsPath})`);
    return lines;
  }
  lines.push(`  rejected ${count(r.rejected.total)} (report: ${summary.rejectsPath}):`);
  for (const [reason, entry] of reasons) {
    if (!entry) continue;
    const shown = entry.lines.slice(0, 5).join(', ');
    const more = entry.count > 5 ? ', …' : '';
    lines.push(`    ${reason} (${entry.stage}): ${count(entry.count)} — ${shown}${more}`);
  }
  return lines;
}

export function registerFlowStaypoints(flow: Command): void {
  flow
    .command('staypoints')
    .description(
      'Stay points from raw pings (CSV, gzip CSV or a GeoLife folder): sliding method, trackintel-compatible',
    )
    .requiredOption(
      '--input <path>',
      'CSV (device_id,timestamp,lat,lon[,accuracy]; .gz too) or GeoLife folder',
    )
    .option('--format <format>', 'csv | geolife (default: a folder is geolife, a file csv)')
    .option('--time-format <format>', 'CSV timestamps: auto | iso | epoch-ms | epoch-s', 'auto')
    .option('--profile <profile>', 'trackintel | production', 'trackintel')
    .option('--dist-threshold <m>', 'distance threshold in metres (profile default 100)')
    .option('--time-threshold <min>', 'time threshold in minutes (profile default 5)')
    .option('--gap-threshold <min>', 'gap threshold in minutes (trackintel 15, production 60)')
    .option('--include-last', 'also emit the candidate open after the last fix')
    .requiredOption(
      '--output <file>',
      'stay points CSV; the reject report goes to <file>.rejects.json',
    )
    .action(async (flags: StaypointsFlags) => {
      const { profile, params } = staypointParams(flags);
      const { format, timeFormat } = inputFormats(flags);
      const bars = progressBars({
        read: { label: 'reading', unit: 'bytes' },
        detect: { label: 'detecting', unit: 'buckets' },
      });
      const started = performance.now();
      let summary: StaypointsSummary;
      try {
        summary = await runStaypoints({
          input: flags.input,
          format,
          timeFormat,
          profile,
          params,
          cleaning: CLEANING[profile],
          output: flags.output,
          onProgress: bars.onProgress,
        });
      } finally {
        bars.stop();
      }
      const seconds = (performance.now() - started) / 1000;
      process.stderr.write(`${describeRun(summary, seconds).join('\n')}\n`);
    });
}

import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import { loadConfig } from '../../config';
import type { Database } from '../../db/database';
import {
  importReference,
  type InputReport,
  type ReferenceImportPlan,
} from '../../db/reference/import-reference';
import { loadBundledMaster } from '../../db/reference/load-bundled-master';
import { parseBoundaryTopology } from '../../db/reference/reference-boundaries';
import { parseMunicipalityOfficesCsv, parsePrefecturesCsv } from '../../db/reference/reference-csv';
import type { InputProblem } from '../../db/reference/reference-records';
import { N03_BOUNDARY_CREDIT } from '../../domain/geo/attribution';
import { CliError } from '../cli-errors';
import { openMigratedDb } from '../open-db';
import { readInput, type FetchLike } from '../read-input';

export type ReferenceImportOptions = {
  municipalities?: string;
  prefectures?: string;
  boundaries?: string[];
};

export type ReferenceImportIo = {
  /** Opened only once every input has been read and found valid. */
  openDb: () => Promise<{ db: Kysely<Database>; close(): Promise<void> }>;
  out: (line: string) => void;
  showProgress: boolean;
  fetch?: FetchLike;
};

const MAX_LISTED_PROBLEMS = 50;
const MAX_LISTED_NOT_COVERED = 20;
const n = (x: number) => x.toLocaleString('en-US');

/** Reads and checks every input; any defect in any of them stops the import before the database. */
async function planImport(
  opts: ReferenceImportOptions,
  fetchImpl?: FetchLike,
): Promise<ReferenceImportPlan> {
  const plan: ReferenceImportPlan = {};
  const problems: InputProblem[] = [];
  if (opts.municipalities) {
    const source = opts.municipalities;
    const parsed = parseMunicipalityOfficesCsv(await readInput(source, fetchImpl), source);
    if (parsed.ok) {
      plan.municipalityOffices = { source, records: parsed.value, skipped: parsed.skipped };
    } else {
      problems.push(...parsed.problems);
    }
  }
  if (opts.prefectures) {
    const source = opts.prefectures;
    const parsed = parsePrefecturesCsv(await readInput(source, fetchImpl), source);
    if (parsed.ok) plan.prefectures = { source, records: parsed.value, skipped: parsed.skipped };
    else problems.push(...parsed.problems);
  }
  for (const source of opts.boundaries ?? []) {
    const parsed = parseBoundaryTopology(await readInput(source, fetchImpl), source);
    if (parsed.ok) {
      (plan.boundaries ??= []).push({ source, set: parsed.value, skipped: parsed.skipped });
    } else {
      problems.push(...parsed.problems);
    }
  }
  if (problems.length > 0) {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => `  ${p.where}: ${p.message}`);
    if (problems.length > MAX_LISTED_PROBLEMS) {
      listed.push(`  … and ${n(problems.length - MAX_LISTED_PROBLEMS)} more`);
    }
    throw new CliError(
      `Nothing was imported: ${n(problems.length)} problem${problems.length > 1 ? 's' : ''} in the input.\n${listed.join('\n')}`,
    );
  }
  return plan;
}

function describeReport(r: InputReport): string[] {
  const lines = [
    `${r.label} from ${r.source}: ${n(r.read)} read; ${n(r.updated)} updated, ${n(r.unchanged)} unchanged, ${n(r.skipped.length)} skipped`,
  ];
  for (const s of r.skipped) {
    lines.push(`  skipped ${s.where} (${[s.code, s.name].filter(Boolean).join(' ')}): ${s.reason}`);
  }
  if (r.notCovered.length > 0) {
    const shown = r.notCovered.slice(0, MAX_LISTED_NOT_COVERED).join(', ');
    const more =
      r.notCovered.length > MAX_LISTED_NOT_COVERED ? `, … (${n(r.notCovered.length)} in all)` : '';
    lines.push(`  not in this input (left as they were): ${shown}${more}`);
  }
  return lines;
}

/**
 * `tsunagu reference import`: enriches the master with town-hall positions and websites,
 * prefecture details, and N03 boundaries. Validates everything, then writes in one transaction,
 * then prints what changed and what was skipped (and the credit the boundaries require).
 */
export async function runReferenceImport(
  opts: ReferenceImportOptions,
  io: ReferenceImportIo,
): Promise<InputReport[]> {
  if (!opts.municipalities && !opts.prefectures && !opts.boundaries?.length) {
    throw new CliError('Give at least one of --municipalities, --prefectures, --boundaries.');
  }
  const plan = await planImport(opts, io.fetch);
  const handle = await io.openDb();
  const bar = io.showProgress
    ? new SingleBar(
        { stream: process.stderr, format: 'Importing [{bar}] {value}/{total}', hideCursor: true },
        Presets.shades_classic,
      )
    : null;
  let reports: InputReport[];
  try {
    // The import enriches the master, so the master has to be there (a no-op when it is).
    await loadBundledMaster(handle.db);
    let started = false;
    reports = await importReference(handle.db, plan, (done, total) => {
      if (!bar) return;
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    });
  } finally {
    bar?.stop();
    await handle.close();
  }
  for (const r of reports) for (const line of describeReport(r)) io.out(line);
  if (plan.boundaries?.length) io.out(`Boundaries: ${N03_BOUNDARY_CREDIT}`);
  return reports;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerReferenceImport(reference: Command): void {
  reference
    .command('import')
    .description(
      'Add town-hall positions, websites and boundaries to the local-government master / 参照データの取り込み',
    )
    .option('--municipalities <fileOrUrl>', 'localgovjp-style CSV (lgcode, lat, lng, url, …)')
    .option(
      '--prefectures <fileOrUrl>',
      'prefjp-style CSV (lgcode, pref_en, ISO3166-2, lat, lng, url, …)',
    )
    .option(
      '--boundaries <fileOrUrl>',
      'N03 TopoJSON of municipalities or prefectures (repeatable)',
      collect,
    )
    .action(async (opts: ReferenceImportOptions) => {
      const config = loadConfig();
      await runReferenceImport(opts, {
        openDb: () => openMigratedDb(config),
        out: (line) => console.log(line),
        showProgress: process.stderr.isTTY === true,
      });
    });
}

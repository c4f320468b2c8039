import { spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/helpers/test-db';
import { createPasswordUser } from '../../db/accounts.repository';
import type { DbHandle } from '../../db/create-db';
import { addMembership } from '../../db/invitations.repository';
import {
  SPOTS,
  type Visit,
  at,
  everyDay,
  nextDate,
  officeWorker,
  withDays,
} from '../../domain/mobility/flow-test-fixtures';
import { CliError } from '../cli-errors';
import type { QualityReport } from '../flow/run-analyze';
import { type AnalyzeFlags, EXIT_RESUME, runFlowAnalyzeCommand } from './flow-analyze';

const BOUNDARIES = path.resolve(
  '..',
  'shared',
  'data',
  'boundaries',
  's0010-N03-21_210101_designated_city.json',
);
const KARUIZAWA = '203211';
const dir = mkdtempSync(path.join(tmpdir(), 'tsunagu-flow-analyze-'));
let handle: DbHandle;
let coordinatorEmail = '';
let officerEmail = '';

beforeAll(async () => {
  handle = await createTestDb();
  const org = crypto.randomUUID();
  await handle.db
    .insertInto('organizations')
    .values({ id: org, kind: 'association', name: '協会', name_en: null, lg_code: null })
    .execute();
  coordinatorEmail = 'flow-coordinator@example.jp';
  const coordinator = await createPasswordUser(handle.db, {
    email: coordinatorEmail,
    name: 'コーディネーター',
    password: 'long-enough-password',
  });
  await addMembership(handle.db, { userId: coordinator, organizationId: org, role: 'coordinator' });
  const town = crypto.randomUUID();
  await handle.db
    .insertInto('organizations')
    .values({ id: town, kind: 'municipality', name: '軽井沢町', name_en: null, lg_code: KARUIZAWA })
    .execute();
  officerEmail = 'flow-officer@example.jp';
  const officer = await createPasswordUser(handle.db, {
    email: officerEmail,
    name: '職員',
    password: 'long-enough-password',
  });
  await addMembership(handle.db, {
    userId: officer,
    organizationId: town,
    role: 'municipal_officer',
  });
});
afterAll(async () => {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Pings every `everyMin` minutes through each visit, as ISO 8601 UTC, accuracy 12 m. */
function pingsOf(device: string, visits: readonly Visit[], everyMin = 15): string[] {
  const out: string[] = [];
  for (const v of visits) {
    for (let t = v.fromMs; t <= v.toMs; t += everyMin * 60_000) {
      out.push(`${device},${new Date(t).toISOString()},${v.spot.lat},${v.spot.lon},12`);
    }
  }
  return out;
}

/** A deterministic shuffle: vendors deliver rows in no particular order. */
function shuffled<T>(items: T[], seed = 7): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 16807) % 2147483647;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const { tokyoHome, tokyoOffice, karuizawaCafe, karuizawaHotel, karuizawaCottage, karuizawaOffice } =
  SPOTS;

/**
 * Tokyo office workers (home 千代田区, office 中央区) who visit 軽井沢町: `trippers` spend a
 * Saturday there in July and another in August; `workationers` work three days from a café in
 * August, sleeping at a hotel; `locals` live and work in 軽井沢町 (never its visitors).
 */
function personas(trippers = 12, workationers = 3, locals = 3): string[] {
  const worker = officeWorker(tokyoHome, tokyoOffice);
  const july = ['2026-07-04', '2026-07-11', '2026-07-18', '2026-07-25'];
  const august = ['2026-08-01', '2026-08-08', '2026-08-15', '2026-08-22', '2026-08-29'];
  const saturday = (date: string) => [
    at(tokyoHome, `${date} 00:00`, `${date} 07:00`),
    at(karuizawaCafe, `${date} 10:00`, `${date} 16:00`),
    at(tokyoHome, `${date} 19:00`, `${nextDate(date)} 00:00`),
  ];
  const rows: string[] = [];
  for (let i = 0; i < trippers; i++) {
    const a = july[i % july.length]!;
    const b = august[i % august.length]!;
    const plan = withDays(worker, { [a]: saturday(a), [b]: saturday(b) });
    rows.push(...pingsOf(`tripper-${i}`, everyDay('2026-07-01', '2026-08-31', plan)));
  }
  for (let i = 0; i < workationers; i++) {
    const days: Record<string, Visit[]> = {
      '2026-08-16': [
        at(tokyoHome, '2026-08-16 00:00', '2026-08-16 16:00'),
        at(karuizawaHotel, '2026-08-16 19:00', '2026-08-17 08:30'),
      ],
    };
    for (const d of ['2026-08-17', '2026-08-18', '2026-08-19']) {
      days[d] = [
        at(karuizawaCafe, `${d} 09:00`, `${d} 17:30`),
        d === '2026-08-19'
          ? at(tokyoHome, `${d} 21:00`, `${nextDate(d)} 00:00`)
          : at(karuizawaHotel, `${d} 18:00`, `${nextDate(d)} 08:30`),
      ];
    }
    rows.push(
      ...pingsOf(`workation-${i}`, everyDay('2026-07-01', '2026-08-31', withDays(worker, days))),
    );
  }
  for (let i = 0; i < locals; i++) {
    const plan = officeWorker(karuizawaCottage, karuizawaOffice);
    rows.push(...pingsOf(`local-${i}`, everyDay('2026-07-01', '2026-08-31', plan)));
  }
  return shuffled(rows);
}

const HEADER = 'device_id,timestamp,lat,lon,accuracy';
let files = 0;
function write(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, `${files++}-${name}`);
  writeFileSync(file, content);
  return file;
}
const PERSONAS_CSV = `${HEADER}\n${personas().join('\n')}\n`;

function flags(input: string, out: string, more: Partial<AnalyzeFlags> = {}): AnalyzeFlags {
  return {
    input,
    boundaries: BOUNDARIES,
    period: '2026-07..2026-08',
    out,
    k: '2',
    profile: 'production',
    timeFormat: 'auto',
    minOriginDevices: '50',
    maxInvalidShare: '0.01',
    workers: '0',
    buckets: '6',
    ...more,
  };
}

const messages: string[] = [];
const io = {
  openDb: async () => ({ db: handle.db, close: async () => {} }),
  err: (line: string) => messages.push(line),
};

async function analyze(input: string, out: string, more: Partial<AnalyzeFlags> = {}) {
  await runFlowAnalyzeCommand(flags(input, out, more), io);
  return readFileSync(path.join(out, 'metrics.csv'), 'utf8');
}

async function refusal(promise: Promise<unknown>): Promise<CliError> {
  const err = await promise.then(
    () => new Error('expected the command to refuse'),
    (e: unknown) => e,
  );
  if (!(err instanceof CliError)) throw err;
  return err;
}

/** metrics.csv as municipality|scope|metric → value (null when suppressed). */
function figures(csv: string): Map<string, number | null> {
  const out = new Map<string, number | null>();
  const [header, ...lines] = csv.trimEnd().split('\n');
  expect(header).toBe('municipality_code,municipality_name,scope,metric,value,suppressed');
  for (const line of lines) {
    const [code, , scope, metric, value, suppressed] = line.split(',');
    expect(suppressed === 'true').toBe(value === '');
    out.set(`${code}|${scope}|${metric}`, value === '' ? null : Number(value));
  }
  return out;
}

const datasetCount = async () =>
  Number(
    (
      await handle.db
        .selectFrom('flow_datasets')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('tsunagu flow analyze', () => {
  it('writes the metrics per municipality and month that the personas imply', async () => {
    const out = path.join(dir, 'first');
    const input = write('personas.csv', PERSONAS_CSV);
    const csv = await analyze(input, out);
    const f = figures(csv);
    const k = (scope: string, metric: string) => f.get(`${KARUIZAWA}|${scope}|${metric}`);
    // 12 day trippers in July; 12 + 3 workationers in August; the three locals never count.
    expect(k('2026-07', 'visitors')).toBe(12);
    expect(k('2026-08', 'visitors')).toBe(15);
    expect(k('period', 'visitors')).toBe(15);
    expect(k('period', 'trips')).toBe(27);
    expect(k('period', 'repeat_visitors')).toBe(12);
    expect(k('period', 'overnight_visitors')).toBe(3);
    expect(k('period', 'day_trippers')).toBe(12);
    expect(k('period', 'workationers')).toBe(3);
    // July had no overnight visitor: a zero is hidden like any figure under k, and so are the
    // figures it could be worked out from (August = period − July).
    expect(k('2026-07', 'overnight_visitors')).toBeNull();
    expect(k('2026-08', 'overnight_visitors')).toBeNull();
    // Every metric of each month and of the period is listed.
    expect([...f.keys()].filter((key) => key.startsWith(`${KARUIZAWA}|`))).toHaveLength(18 * 3);

    const origins = readFileSync(path.join(out, 'origins.csv'), 'utf8').trimEnd().split('\n');
    expect(origins[0]).toBe(
      'municipality_code,municipality_name,scope,origin_code,origin_kind,origin_name,value',
    );
    // 15 visitors from 千代田区 (< 50 devices) are shown as "the rest of 東京都".
    expect(origins).toContain(`${KARUIZAWA},軽井沢町,period,130001,prefecture,東京都,15`);
    expect(origins.join('\n')).not.toContain('131016');

    const metrics = JSON.parse(readFileSync(path.join(out, 'metrics.json'), 'utf8'));
    expect(metrics.metadata).toMatchObject({
      source: path.basename(input),
      period: { first: '2026-07', last: '2026-08' },
      profile: 'production',
      k: 2,
      panelDevices: 18,
      devices: 18,
    });
    expect(metrics.metadata.suppressedCells).toBe(
      metrics.metadata.belowK + metrics.metadata.complementary,
    );
    const quality = JSON.parse(
      readFileSync(path.join(out, 'quality.json'), 'utf8'),
    ) as QualityReport;
    expect(quality).toMatchObject({
      devices: 18,
      activeDevices: 18,
      panelDevices: 18,
      dataQualityShare: 1,
      partitions: { total: 6, finishedEarlier: 0 },
      refused: null,
    });
    expect(quality.deviceDays).toBe(18 * 62);
    expect(quality.rejected.invalid).toBe(0);
    expect(quality.timings.total).toBeGreaterThan(0);
  }, 60_000);

  it('resumes a stopped run: finished partitions are kept, none is counted twice', async () => {
    const input = write('resume.csv', PERSONAS_CSV);
    const whole = await analyze(input, path.join(dir, 'whole'));

    const out = path.join(dir, 'resumed');
    const first = await refusal(analyze(input, out, { maxBuckets: '2' }));
    expect(first.exitCode).toBe(EXIT_RESUME);
    expect(first.message).toMatch(
      /stopped: 2 of 6 partitions finished .* run the same command again/,
    );
    expect(readdirSync(path.join(out, '.work', 'buckets'))).toHaveLength(2);
    expect(existsSync(path.join(out, 'metrics.csv'))).toBe(false);

    const second = await refusal(analyze(input, out, { maxBuckets: '3' }));
    expect(second.message).toMatch(/stopped: 5 of 6 partitions/);
    const resumed = await analyze(input, out);
    expect(resumed).toBe(whole);
    const quality = JSON.parse(
      readFileSync(path.join(out, 'quality.json'), 'utf8'),
    ) as QualityReport;
    expect(quality.partitions).toMatchObject({
      withData: 6,
      finishedEarlier: 5,
      analysedThisRun: 1,
    });
    expect(quality.devices).toBe(18);
    // The spill files of finished partitions are gone; only the results stay.
    expect(readdirSync(path.join(out, '.work', 'spill'))).toEqual([]);

    // Run again: nothing is analysed again, the figures are the same; another k needs no rerun.
    expect(await analyze(input, out)).toBe(whole);
    const again = JSON.parse(readFileSync(path.join(out, 'quality.json'), 'utf8')) as QualityReport;
    expect(again.partitions.analysedThisRun).toBe(0);
    const strict = figures(await analyze(input, out, { k: '13' }));
    expect(strict.get(`${KARUIZAWA}|period|visitors`)).toBe(15);
    expect(strict.get(`${KARUIZAWA}|2026-07|visitors`)).toBeNull();
  }, 120_000);

  it('refuses to resume with a changed input or flags, unless --restart', async () => {
    const input = write('changing.csv', PERSONAS_CSV);
    const out = path.join(dir, 'changing');
    await refusal(analyze(input, out, { maxBuckets: '1' }));
    appendFileSync(input, 'late-device,2026-08-10T03:00:00Z,36.34,138.63,10\n');
    const changed = await refusal(analyze(input, out));
    expect(changed.exitCode).toBe(2);
    expect(changed.message).toMatch(
      /holds a stopped run of another input or with other flags \(changed: input size, input modification time\).*--restart/,
    );
    const period = await refusal(analyze(input, out, { period: '2026-08' }));
    expect(period.message).toMatch(/changed: input size, input modification time, --period/);
    const restarted = figures(await analyze(input, out, { restart: true }));
    expect(restarted.get(`${KARUIZAWA}|period|visitors`)).toBe(15);
  }, 120_000);

  function expectNothingWritten(out: string) {
    for (const name of ['metrics.csv', 'metrics.json', 'origins.csv', 'origins.json']) {
      expect(existsSync(path.join(out, name)), name).toBe(false);
    }
  }

  it('refuses bad files with a clear message, and publishes nothing', async () => {
    const publish = { publish: true, publisher: coordinatorEmail };
    const before = await datasetCount();

    const columns = path.join(dir, 'columns');
    const wrong = await refusal(
      analyze(
        write('columns.csv', 'device,time,lat,lng\nd1,2026-08-01T00:00:00Z,36.3,138.6\n'),
        columns,
        publish,
      ),
    );
    expect(wrong.message).toMatch(
      /line 1: wrong columns \(unknown column\(s\) "device", "time", "lng"/,
    );
    expectNothingWritten(columns);
    expect(existsSync(path.join(columns, '.work'))).toBe(false);

    const zipped = gzipSync(PERSONAS_CSV);
    const gz = path.join(dir, 'gzip');
    const broken = await refusal(
      analyze(
        write('broken.csv.gz', zipped.subarray(0, Math.floor(zipped.length / 2))),
        gz,
        publish,
      ),
    );
    expect(broken.message).toMatch(/broken gzip file/);
    expectNothingWritten(gz);

    const lines = PERSONAS_CSV.trimEnd().split('\n');
    lines[5] = `tripper-0,${Date.parse('2026-08-02T01:00:00Z')},36.34,138.63,12`;
    const mixed = path.join(dir, 'mixed');
    const times = await refusal(
      analyze(write('mixed.csv', `${lines.join('\n')}\n`), mixed, publish),
    );
    expect(times.message).toMatch(
      /line 6: timestamp "\d+" is epoch milliseconds, but the file's timestamps are ISO 8601 with offset \(from line 2\)/,
    );
    expectNothingWritten(mixed);

    // 3 % of the lines out of range: over the 1 % allowed, refused with the report kept.
    const rows = PERSONAS_CSV.trimEnd().split('\n');
    for (let i = 1; i < rows.length; i += 33)
      rows[i] = rows[i]!.replace(/,36\.\d+,138\.\d+,|,35\.\d+,139\.\d+,/, ',95.5,138.6,');
    const range = path.join(dir, 'range');
    const ranges = await refusal(
      analyze(write('range.csv', `${rows.join('\n')}\n`), range, publish),
    );
    expect(ranges.message).toMatch(
      /lines \(\d\.\d\d %\) are malformed or out of range, more than --max-invalid-share 1\.00 %: lat_out_of_range \d+ \(first: 2, /,
    );
    expectNothingWritten(range);
    const report = JSON.parse(
      readFileSync(path.join(range, 'quality.json'), 'utf8'),
    ) as QualityReport;
    expect(report.refused).toMatch(/malformed or out of range/);
    expect(report.rejected.byReason.lat_out_of_range!.lines[0]).toBe(2);
    // With a looser limit the same file is analysed; the bad rows are only counted.
    const loose = figures(
      await analyze(
        path.join(
          dir,
          readdirSync(dir).find((n) => n.endsWith('range.csv'))!,
        ),
        range,
        { maxInvalidShare: '0.05' },
      ),
    );
    expect(loose.size).toBeGreaterThan(0);

    const empty = await refusal(
      analyze(write('outside.csv', PERSONAS_CSV), path.join(dir, 'outside'), {
        ...publish,
        period: '2025-01..2025-03',
      }),
    );
    expect(empty.message).toMatch(
      /no device has a fix in the period 2025-01\.\.2025-03 \(the input's fixes run from 2026-06-30T/,
    );

    expect(await datasetCount()).toBe(before);
  }, 120_000);

  it('refuses to publish under anyone but a coordinator, before doing any work', async () => {
    const out = path.join(dir, 'not-coordinator');
    const notCoordinator = await refusal(
      analyze(write('p.csv', PERSONAS_CSV), out, { publish: true, publisher: officerEmail }),
    );
    expect(notCoordinator.message).toMatch(
      /--publisher: flow-officer@example\.jp is not a coordinator's account/,
    );
    expect(existsSync(out)).toBe(false);
    const missing = await refusal(analyze(write('p.csv', PERSONAS_CSV), out, { publish: true }));
    expect(missing.message).toMatch(/--publish needs --publisher EMAIL/);
  });

  it('publishes only protected figures, in one transaction, once', async () => {
    const input = write('publish.csv', PERSONAS_CSV);
    const out = path.join(dir, 'publish');
    const before = await datasetCount();

    // A failure half-way (the origin figures cannot be stored) leaves nothing behind.
    await sql`alter table flow_origin_cells add constraint flow_test_fail check (false)`.execute(
      handle.db,
    );
    await expect(
      analyze(input, out, { publish: true, publisher: coordinatorEmail }),
    ).rejects.toThrow();
    await sql`alter table flow_origin_cells drop constraint flow_test_fail`.execute(handle.db);
    expect(await datasetCount()).toBe(before);
    const cellsAfterFailure = await handle.db
      .selectFrom('flow_cells')
      .select('dataset_id')
      .execute();
    expect(cellsAfterFailure).toHaveLength(0);

    messages.length = 0;
    await analyze(input, out, {
      publish: true,
      publisher: coordinatorEmail.toUpperCase(),
      sourceLabel: 'テスト位置情報 2026',
    });
    expect(messages.at(-1)).toMatch(
      /published as dataset [\w-]{36}: 108 figures, \d+ origin figures/,
    );
    const dataset = await handle.db
      .selectFrom('flow_datasets')
      .selectAll()
      .where('source_label', '=', 'テスト位置情報 2026')
      .executeTakeFirstOrThrow();
    expect(dataset).toMatchObject({
      period_first: '2026-07',
      period_last: '2026-08',
      profile: 'production',
      k: 2,
      panel_devices: 18,
      devices: 18,
      status: 'published',
    });
    const cells = await handle.db
      .selectFrom('flow_cells')
      .selectAll()
      .where('dataset_id', '=', dataset.id)
      .execute();
    expect(cells).toHaveLength(dataset.cells);
    // Every figure counts devices or their days, so a shown one is at least k.
    for (const c of cells) {
      expect(c.suppressed).toBe(c.value === null);
      if (c.value !== null) expect(c.value).toBeGreaterThanOrEqual(2);
    }
    expect(cells.filter((c) => c.suppressed)).toHaveLength(dataset.suppressed_cells);
    const visitors = cells.find(
      (c) => c.municipality_code === KARUIZAWA && c.scope === 'period' && c.metric === 'visitors',
    );
    expect(visitors?.value).toBe(15);
    const origins = await handle.db
      .selectFrom('flow_origin_cells')
      .selectAll()
      .where('dataset_id', '=', dataset.id)
      .execute();
    expect(origins.every((o) => o.value >= 2)).toBe(true);
    expect(origins.map((o) => `${o.municipality_code}|${o.scope}|${o.origin_code}`)).toContain(
      `${KARUIZAWA}|period|130001`,
    );
    const audit = await handle.db
      .selectFrom('audit_events')
      .select(['event', 'subject'])
      .where('event', '=', 'flow_dataset_published')
      .execute();
    expect(audit).toEqual([{ event: 'flow_dataset_published', subject: dataset.id }]);

    // The same analysis again: refused, nothing added. With another k it is a new dataset.
    const twice = await refusal(
      analyze(input, out, { publish: true, publisher: coordinatorEmail }),
    );
    expect(twice.message).toMatch(/already published as dataset .*retract it first/);
    expect(await datasetCount()).toBe(before + 1);
    await analyze(input, out, { publish: true, publisher: coordinatorEmail, k: '3' });
    expect(await datasetCount()).toBe(before + 2);
  }, 120_000);
});

describe('tsunagu flow analyze (command line)', () => {
  const env = { ...process.env, TSUNAGU_DATA_DIR: path.join(dir, 'data') };
  const cli = (...args: string[]) => {
    const res = spawnSync(process.execPath, ['bin/tsunagu.js', 'flow', 'analyze', ...args], {
      encoding: 'utf8',
      timeout: 120_000,
      env,
    });
    return { code: res.status, stdout: res.stdout, stderr: res.stderr };
  };
  const base = (input: string, out: string) => [
    '--input',
    input,
    '--boundaries',
    BOUNDARIES,
    '--period',
    '2026-07..2026-08',
    '--out',
    out,
    '--k',
    '2',
  ];

  it('writes the files, sums up on stderr, and names bad flags', () => {
    const input = write('cli.csv', PERSONAS_CSV);
    const out = path.join(dir, 'cli-out');
    const res = cli(...base(input, out));
    expect(res.stderr).toMatch(
      new RegExp(
        `flow analyze: ${(PERSONAS_CSV.trimEnd().split('\n').length - 1).toLocaleString('en-US')} lines, .* 18 devices \\(18 active in 2026-07\\.\\.2026-08, panel 18\\)`,
      ),
    );
    expect(res.stderr).toMatch(/k = 2: 2 municipalities listed/);
    expect(res.code).toBe(0);
    expect(res.stdout).toBe('');
    expect(existsSync(path.join(out, 'metrics.csv'))).toBe(true);

    const period = cli(...base(input, out).map((a) => (a === '2026-07..2026-08' ? '2026-13' : a)));
    expect(period.code).toBe(2);
    expect(period.stderr).toMatch(/--period must be YYYY-MM\.\.YYYY-MM/);
    const k = cli(...base(input, out).map((a) => (a === '2' ? 'ten' : a)));
    expect(k.stderr).toMatch(/--k must be a whole number ≥ 1 \(got "ten"\)/);
    const boundaries = cli(...base(input, out).map((a) => (a === BOUNDARIES ? input : a)));
    expect(boundaries.code).toBe(2);
    expect(boundaries.stderr).toMatch(
      /not a JSON file .* --boundaries takes an MLIT N03 TopoJSON file/,
    );
  }, 180_000);

  it('stops cleanly on Ctrl-C, keeping finished partitions, and resumes to the same figures', async () => {
    // More devices and partitions, so that Ctrl-C lands in the middle of the analysis.
    const rows = [...personas(40, 10, 10)];
    const input = write('sigint.csv', `${HEADER}\n${rows.join('\n')}\n`);
    const out = path.join(dir, 'sigint');
    const args = [...base(input, out), '--workers', '0', '--buckets', '40'];
    const child = spawn(process.execPath, ['bin/tsunagu.js', 'flow', 'analyze', ...args], { env });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const buckets = path.join(out, '.work', 'buckets');
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    for (let waited = 0; waited < 60_000; waited += 10) {
      if (existsSync(buckets) && readdirSync(buckets).some((n) => n.endsWith('.json'))) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGINT');
    const code = await exited;
    expect(stderr).toMatch(/stopping after the partitions in progress/);
    const stopped = /stopped: (\d+) of (\d+) partitions finished and kept/.exec(stderr);
    expect(stopped, stderr).not.toBeNull();
    expect(code).toBe(130);
    const kept = readdirSync(buckets).filter((n) => n.endsWith('.json')).length;
    const withData = Number(stopped![2]);
    expect(Number(stopped![1])).toBe(kept);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(withData);
    expect(existsSync(path.join(out, 'metrics.csv'))).toBe(false);

    const resumed = cli(...args);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(
      new RegExp(`partitions ${withData} \\(${kept} finished by an earlier run\\)`),
    );
    const fresh = cli(...args.map((a) => (a === out ? `${out}-fresh` : a)));
    expect(fresh.code).toBe(0);
    expect(readFileSync(path.join(out, 'metrics.csv'), 'utf8')).toBe(
      readFileSync(path.join(`${out}-fresh`, 'metrics.csv'), 'utf8'),
    );
  }, 240_000);
});

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/helpers/test-db';
import type { DbHandle } from '../../db/create-db';
import { loadBundledMaster } from '../../db/reference/load-bundled-master';
import { N03_BOUNDARY_CREDIT } from '../../domain/geo/attribution';
import { CliError } from '../cli-errors';
import type { FetchLike } from '../read-input';
import { runReferenceImport, type ReferenceImportOptions } from './reference-import';

const shared = (...p: string[]) => path.resolve('..', 'shared', 'data', ...p);
const LOCALGOV = shared('municipalities', 'localgovjp-utf8.csv');
const PREFJP = shared('municipalities', 'prefjp-utf8.csv');
const BOUNDARIES = shared('boundaries', 's0010-N03-21_210101_designated_city.json');

const HEADER = 'pid,pref,cid,city,citykana,lat,lng,url,phrase,lgcode';
/** Line 2 moves 札幌市's office; line 3 carries a mistyped check digit (011011 is right). */
const BAD_ON_LINE_3 = [
  HEADER,
  '1,北海道,1100,札幌市,さっぽろし,43.1,141.4,https://example.jp/sapporo/,,011002',
  '1,北海道,1101,札幌市 中央区,さっぽろし ちゅうおうく,43.05,141.34,https://www.city.sapporo.jp/chuo/,,011012',
].join('\n');

let handle: DbHandle;
let dir: string;
let opened = 0;
let output: string[] = [];

function run(opts: ReferenceImportOptions, fetchImpl?: FetchLike) {
  output = [];
  return runReferenceImport(opts, {
    openDb: async () => {
      opened += 1;
      // The test owns the database; the command must not close it.
      return { db: handle.db, close: async () => {} };
    },
    out: (line) => output.push(line),
    showProgress: false,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
}

async function rejection(promise: Promise<unknown>): Promise<CliError> {
  const err = await promise.then(
    () => new Error('expected the import to fail'),
    (e: unknown) => e,
  );
  if (!(err instanceof CliError)) throw err;
  return err;
}

const sapporo = () =>
  handle.db
    .selectFrom('municipalities')
    .select(['office_lat', 'office_lng', 'website'])
    .where('code', '=', '011002')
    .executeTakeFirstOrThrow();

beforeAll(async () => {
  handle = await createTestDb();
  await loadBundledMaster(handle.db);
  dir = await mkdtemp(path.join(tmpdir(), 'tsunagu-reference-'));
});
afterAll(async () => {
  await handle.close();
  await rm(dir, { recursive: true, force: true });
});

describe('tsunagu reference import', () => {
  it('refuses a CSV with a wrong check digit on line 3, naming the line, and writes nothing', async () => {
    const file = path.join(dir, 'bad-line-3.csv');
    await writeFile(file, BAD_ON_LINE_3);
    const before = await sapporo();
    opened = 0;
    const err = await rejection(run({ municipalities: file }));
    expect(err.exitCode).toBe(2);
    expect(err.message).toContain(
      `${file} line 3: lgcode 011012: the check digit is wrong, it should end in 1 (011011)`,
    );
    expect(opened).toBe(0);
    expect(await sapporo()).toEqual(before);
  });

  it('refuses a file with the wrong header, naming what is missing', async () => {
    const err = await rejection(run({ municipalities: PREFJP }));
    expect(err.message).toMatch(/prefjp-utf8\.csv line 1: missing columns cid, city, citykana/);
  });

  it('refuses a missing file, a non-UTF-8 file, and being given nothing to do', async () => {
    expect((await rejection(run({ municipalities: path.join(dir, 'nope.csv') }))).message).toMatch(
      /nope\.csv: no such file/,
    );
    const sjis = path.join(dir, 'sjis.csv');
    await writeFile(
      sjis,
      Buffer.from([0x70, 0x69, 0x64, 0x2c, 0x96, 0x6b, 0x8a, 0x43, 0x93, 0xb9]),
    ); // pid,北海道 in Shift_JIS
    expect((await rejection(run({ municipalities: sjis }))).message).toMatch(/not UTF-8/);
    expect((await rejection(run({}))).message).toMatch(/at least one of/);
  });

  it('imports the shared files, prints what it did and the boundary credit', async () => {
    const reports = await run({
      municipalities: LOCALGOV,
      prefectures: PREFJP,
      boundaries: [BOUNDARIES],
    });
    expect(reports.map((r) => r.updated)).toEqual([1916, 47, 1741]);
    const chiyoda = await handle.db
      .selectFrom('municipalities')
      .select(['office_lat', 'office_lng', 'website', 'boundary'])
      .where('code', '=', '131016')
      .executeTakeFirstOrThrow();
    expect(chiyoda.office_lat).toBeCloseTo(35.69, 2);
    expect(chiyoda.office_lng).toBeCloseTo(139.75, 2);
    expect(chiyoda.website).toBe('https://www.city.chiyoda.lg.jp/');
    expect(chiyoda.boundary).not.toBeNull();

    expect(output[0]).toBe(
      `Municipality offices from ${LOCALGOV}: 1,916 read; 1,916 updated, 0 unchanged, 0 skipped`,
    );
    expect(output).toContain(
      `Municipality boundaries from ${BOUNDARIES}: 1,751 read; 1,741 updated, 0 unchanged, 10 skipped`,
    );
    expect(output).toContain(
      `  skipped ${BOUNDARIES} feature 197 (016951 北海道 根室振興局 色丹郡 色丹村): not in the local-government master`,
    );
    expect(output.filter((l) => l.startsWith('  skipped '))).toHaveLength(10);
    expect(output.at(-1)).toBe(`Boundaries: ${N03_BOUNDARY_CREDIT}`);
  });

  it('reads inputs from http(s) URLs and reports a failed download', async () => {
    const csv = await readFile(PREFJP);
    const fetchStub: FetchLike = async (url) =>
      url.endsWith('/prefjp-utf8.csv')
        ? new Response(csv, { status: 200 })
        : new Response('not here', { status: 404, statusText: 'Not Found' });
    const [report] = await run(
      { prefectures: 'https://example.jp/data/prefjp-utf8.csv' },
      fetchStub,
    );
    expect(report).toMatchObject({
      source: 'https://example.jp/data/prefjp-utf8.csv',
      read: 47,
      unchanged: 47,
    });
    const err = await rejection(
      run({ prefectures: 'https://example.jp/data/missing.csv' }, fetchStub),
    );
    expect(err.message).toBe('https://example.jp/data/missing.csv: HTTP 404 Not Found');
  });
});

describe('the tsunagu binary', () => {
  const exec = promisify(execFile);
  const cli = (args: string[], dataDir: string) => {
    const env: NodeJS.ProcessEnv = { ...process.env, TSUNAGU_DATA_DIR: dataDir, NODE_ENV: 'test' };
    delete env.DATABASE_URL;
    return exec(process.execPath, ['bin/tsunagu.js', 'reference', 'import', ...args], { env }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (err: { code: number; stdout: string; stderr: string }) => err,
    );
  };

  it('exits 2 with the file and line on stderr for bad input', async () => {
    const file = path.join(dir, 'bad-line-3.csv');
    await writeFile(file, BAD_ON_LINE_3);
    const res = await cli(['--municipalities', file], path.join(dir, 'data-bad'));
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain('Nothing was imported: 1 problem in the input.');
    expect(res.stderr).toContain(`${file} line 3:`);
  });

  it('imports into the embedded database and exits 0', async () => {
    const res = await cli(
      ['--prefectures', PREFJP, '--boundaries', shared('boundaries', 's0001-prefectures.json')],
      path.join(dir, 'data-ok'),
    );
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(`Prefectures from ${PREFJP}: 47 read; 47 updated`);
    expect(res.stdout).toContain('Prefecture boundaries from');
    expect(res.stdout).toContain(N03_BOUNDARY_CREDIT);
  });
});

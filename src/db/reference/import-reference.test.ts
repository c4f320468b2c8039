import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/helpers/test-db';
import type { DbHandle } from '../create-db';
import { importReference, type ReferenceImportPlan } from './import-reference';
import { loadBundledMaster } from './load-bundled-master';
import { parseBoundaryTopology } from './reference-boundaries';
import { parseMunicipalityOfficesCsv, parsePrefecturesCsv } from './reference-csv';
import type { MunicipalityOfficeRecord } from './reference-records';

const dataDir = path.resolve('..', 'shared', 'data');

function must<T>(parsed: { ok: true; value: T } | { ok: false; problems: unknown[] }): T {
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

function sharedPlan(): ReferenceImportPlan {
  const text = (p: string) => readFileSync(path.join(dataDir, p), 'utf8');
  const boundaries = parseBoundaryTopology(
    text('boundaries/s0010-N03-21_210101_designated_city.json'),
    's0010.json',
  );
  if (!boundaries.ok) throw new Error(JSON.stringify(boundaries.problems));
  return {
    municipalityOffices: {
      source: 'localgovjp-utf8.csv',
      records: must(
        parseMunicipalityOfficesCsv(
          text('municipalities/localgovjp-utf8.csv'),
          'localgovjp-utf8.csv',
        ),
      ),
      skipped: [],
    },
    prefectures: {
      source: 'prefjp-utf8.csv',
      records: must(parsePrefecturesCsv(text('municipalities/prefjp-utf8.csv'), 'prefjp-utf8.csv')),
      skipped: [],
    },
    boundaries: [{ source: 's0010.json', set: boundaries.value, skipped: boundaries.skipped }],
  };
}

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
  await loadBundledMaster(handle.db);
});
afterAll(async () => handle.close());

const enriched = async () =>
  handle.db
    .selectFrom('municipalities')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.or([eb('office_lat', 'is not', null), eb('boundary', 'is not', null)]))
    .executeTakeFirstOrThrow();

describe('importReference', () => {
  it('writes nothing at all when it fails part-way', async () => {
    let calls = 0;
    await expect(
      importReference(handle.db, sharedPlan(), () => {
        calls += 1;
        // Past the first chunk of offices: some rows are already updated inside the transaction.
        if (calls === 2) throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(Number((await enriched()).n)).toBe(0);
  });

  it('fills in offices, websites, prefecture details and boundaries from the shared files', async () => {
    const reports = await importReference(handle.db, sharedPlan());
    expect(reports.map((r) => [r.label, r.read, r.updated, r.unchanged, r.skipped.length])).toEqual(
      [
        ['Municipality offices', 1916, 1916, 0, 0],
        ['Prefectures', 47, 47, 0, 0],
        // 1,751 features: 4 without a code (所属未定地), 6 Northern Territories villages not in the master.
        ['Municipality boundaries', 1751, 1741, 0, 10],
      ],
    );
    expect(reports.every((r) => r.notCovered.length === 0)).toBe(true);
    const skippedVillages = reports[2]?.skipped.filter((s) => s.reason.includes('master')) ?? [];
    expect(skippedVillages.map((s) => s.code).sort()).toEqual([
      '016951',
      '016969',
      '016977',
      '016985',
      '016993',
      '017001',
    ]);

    const chiyoda = await handle.db
      .selectFrom('municipalities')
      .select(['office_lat', 'office_lng', 'website', 'boundary'])
      .where('code', '=', '131016')
      .executeTakeFirstOrThrow();
    expect(chiyoda.office_lat).toBeCloseTo(35.69, 2);
    expect(chiyoda.office_lng).toBeCloseTo(139.75, 2);
    expect(chiyoda.website).toBe('https://www.city.chiyoda.lg.jp/');
    expect(['Polygon', 'MultiPolygon']).toContain(chiyoda.boundary?.type);

    const tokyo = await handle.db
      .selectFrom('prefectures')
      .select(['name_en', 'iso_code', 'office_lat', 'website'])
      .where('code', '=', '130001')
      .executeTakeFirstOrThrow();
    expect(tokyo).toMatchObject({ name_en: 'Tokyo', iso_code: 'JP-13' });
    expect(tokyo.office_lat).toBeCloseTo(35.69, 1);
  });

  it('changes nothing when the same files are imported again', async () => {
    const reports = await importReference(handle.db, sharedPlan());
    expect(reports.map((r) => r.updated)).toEqual([0, 0, 0]);
    expect(reports.map((r) => r.unchanged)).toEqual([1916, 47, 1741]);
  });

  it('skips and lists codes the master does not have, and never erases with an empty cell', async () => {
    const records: MunicipalityOfficeRecord[] = [
      {
        where: 'x.csv line 2',
        code: '016951',
        name: '色丹村',
        officeLat: 43.8,
        officeLng: 146.7,
        website: null,
      },
      {
        where: 'x.csv line 3',
        code: '131016',
        name: '千代田区',
        officeLat: null,
        officeLng: null,
        website: null,
      },
    ];
    const [report] = await importReference(handle.db, {
      municipalityOffices: { source: 'x.csv', records, skipped: [] },
    });
    expect(report).toMatchObject({ read: 2, updated: 0, unchanged: 1 });
    expect(report?.skipped).toEqual([
      {
        where: 'x.csv line 2',
        code: '016951',
        name: '色丹村',
        reason: 'not in the local-government master',
      },
    ]);
    expect(report?.notCovered).toHaveLength(1916 - 1);
    const chiyoda = await handle.db
      .selectFrom('municipalities')
      .select(['office_lat', 'website'])
      .where('code', '=', '131016')
      .executeTakeFirstOrThrow();
    expect(chiyoda.website).toBe('https://www.city.chiyoda.lg.jp/');
    expect(chiyoda.office_lat).toBeCloseTo(35.69, 2);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMunicipalityOfficesCsv, parsePrefecturesCsv } from './reference-csv';

const dataDir = path.resolve('..', 'shared', 'data', 'municipalities');
const HEADER = 'pid,pref,cid,city,citykana,lat,lng,url,phrase,lgcode';
const SAPPORO =
  '1,北海道,1100,札幌市,さっぽろし,43.06208877,141.3543886,https://www.city.sapporo.jp/,,011002';
const CHUO =
  '1,北海道,1101,札幌市 中央区,さっぽろし ちゅうおうく,43.0553865,141.3409671,https://www.city.sapporo.jp/chuo/,,011011';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');

describe('parseMunicipalityOfficesCsv', () => {
  it('reads every row of the shared localgovjp file, BOM and all', () => {
    const text = readFileSync(path.join(dataDir, 'localgovjp-utf8.csv'), 'utf8');
    const parsed = parseMunicipalityOfficesCsv(text, 'localgovjp-utf8.csv');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.value).toHaveLength(1741 + 175);
    expect(parsed.value.find((r) => r.code === '131016')).toEqual({
      where: 'localgovjp-utf8.csv line 660',
      code: '131016',
      name: '東京都 千代田区',
      officeLat: 35.69388889,
      officeLng: 139.7536111,
      website: 'https://www.city.chiyoda.lg.jp/',
    });
  });

  it('reads designated-city ward rows', () => {
    const parsed = parseMunicipalityOfficesCsv(csv(SAPPORO, CHUO), 'x.csv');
    expect(parsed.ok && parsed.value[1]).toMatchObject({
      code: '011011',
      name: '北海道 札幌市 中央区',
      where: 'x.csv line 3',
    });
  });

  it('names the file, the line and the right check digit for a mistyped code', () => {
    const parsed = parseMunicipalityOfficesCsv(
      csv(SAPPORO, CHUO.replace('011011', '011012')),
      'bad.csv',
    );
    expect(parsed).toEqual({
      ok: false,
      problems: [
        {
          where: 'bad.csv line 3',
          message: 'lgcode 011012: the check digit is wrong, it should end in 1 (011011)',
        },
      ],
    });
  });

  it('reports every bad row at once, each with its own line', () => {
    const parsed = parseMunicipalityOfficesCsv(
      csv(
        SAPPORO.replace('011002', '11002'), // leading zero lost, as spreadsheets do
        SAPPORO.replace('43.06208877,141.3543886', '141.3543886,43.06208877'), // swapped
        CHUO.replace('https://www.city.sapporo.jp/chuo/', 'ftp://example.jp/'),
        CHUO, // fine
        SAPPORO.replace('43.06208877', 'north'),
        SAPPORO.replace(/^1,/, '2,'), // code of prefecture 01 under pid 2
        CHUO, // same code again
      ),
      'bad.csv',
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.where)).toEqual([
      'bad.csv line 2',
      'bad.csv line 3',
      'bad.csv line 4',
      'bad.csv line 6',
      'bad.csv line 7',
      'bad.csv line 8',
    ]);
    expect(parsed.problems[0]?.message).toMatch(/"11002" is not a 6-digit/);
    expect(parsed.problems[1]?.message).toMatch(/outside Japan/);
    expect(parsed.problems[2]?.message).toMatch(/not an http\(s\) address/);
    expect(parsed.problems[3]?.message).toMatch(/not both numbers/);
    expect(parsed.problems[4]?.message).toMatch(/not in prefecture 2/);
    expect(parsed.problems[5]?.message).toBe('lgcode 011011 already appears on line 5');
  });

  it('keeps unknown positions and websites as null rather than refusing the row', () => {
    const parsed = parseMunicipalityOfficesCsv(
      csv('1,北海道,1100,札幌市,さっぽろし,,,,,011002'),
      'x.csv',
    );
    expect(parsed.ok && parsed.value[0]).toMatchObject({
      officeLat: null,
      officeLng: null,
      website: null,
    });
  });

  it('counts lines from where a record starts, even after a quoted line break', () => {
    const parsed = parseMunicipalityOfficesCsv(
      csv(SAPPORO.replace(',,011002', ',"two\nlines",011002'), CHUO.replace('011011', '011012')),
      'x.csv',
    );
    expect(!parsed.ok && parsed.problems[0]?.where).toBe('x.csv line 4');
  });

  it('rejects a file with the wrong header, saying which columns are missing', () => {
    const prefFile = readFileSync(path.join(dataDir, 'prefjp-utf8.csv'), 'utf8');
    const parsed = parseMunicipalityOfficesCsv(prefFile, 'prefjp-utf8.csv');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]?.where).toBe('prefjp-utf8.csv line 1');
    expect(parsed.problems[0]?.message).toMatch(/^missing columns cid, city, citykana/);
  });

  it('rejects a file that is not CSV or has no rows', () => {
    const unclosed = parseMunicipalityOfficesCsv(csv(SAPPORO, '1,"北海道'), 'x.csv');
    expect(!unclosed.ok && unclosed.problems[0]?.message).toMatch(/not a readable CSV file/);
    const ragged = parseMunicipalityOfficesCsv(csv(SAPPORO, '1,北海道'), 'x.csv');
    expect(!ragged.ok && ragged.problems[0]?.message).toMatch(/line 3/);
    const empty = parseMunicipalityOfficesCsv(HEADER, 'x.csv');
    expect(!empty.ok && empty.problems[0]?.message).toBe('no rows after the header');
  });
});

describe('parsePrefecturesCsv', () => {
  it('reads the 47 prefectures, restoring the leading zero of their codes', () => {
    const text = readFileSync(path.join(dataDir, 'prefjp-utf8.csv'), 'utf8');
    const parsed = parsePrefecturesCsv(text, 'prefjp-utf8.csv');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.value).toHaveLength(47);
    expect(parsed.value[0]).toMatchObject({
      code: '010006',
      name: '北海道',
      nameEn: 'Hokkaido',
      isoCode: 'JP-01',
    });
    expect(parsed.value[12]).toMatchObject({
      code: '130001',
      nameEn: 'Tokyo',
      isoCode: 'JP-13',
      website: expect.stringMatching(/^https:\/\//),
    });
  });

  it('rejects a row whose code, number or ISO code disagree', () => {
    const header =
      'pid,pref,prefkana,prefshort,prefshortkana,pref_en,pref3code,url,lgcode,ISO3166-2,capital,lat,lng';
    const row =
      '13,東京都,とうきょうと,東京,とうきょう,Tokyo,TKY,https://www.metro.tokyo.lg.jp/,130001,JP-13,新宿区,35.689,139.692';
    const parsed = parsePrefecturesCsv(
      [
        header,
        row.replace('130001', '130002'),
        row.replace('JP-13', 'JP-14'),
        row.replace('130001', '131016'),
      ].join('\n'),
      'p.csv',
    );
    expect(!parsed.ok && parsed.problems).toEqual([
      {
        where: 'p.csv line 2',
        message: 'lgcode 130002: the check digit is wrong, it should end in 1 (130001)',
      },
      { where: 'p.csv line 3', message: 'ISO3166-2 "JP-14" should be JP-13' },
      { where: 'p.csv line 4', message: 'lgcode 131016 is not a prefecture code' },
    ]);
  });
});

import { parse } from 'csv-parse/sync';
import { isInJapanBounds } from '../../domain/geo/boundary-geometry';
import { checkLocalGovCode, isPrefectureCode } from '../../domain/geo/local-gov-code';
import type {
  InputProblem,
  MunicipalityOfficeRecord,
  Parsed,
  PrefectureRecord,
} from './reference-records';

type Row = { line: number; cells: string[] };

/** csv-parse's typings do not model `info: true`; this is the shape it returns with it. */
type RecordWithInfo = { record: string[]; info: { lines: number } };

/**
 * Rows with the line each starts on (1 = header). csv-parse reports the line a record ends on;
 * a quoted field may span lines, so its line breaks are subtracted.
 */
function readRows(text: string, source: string): { rows: Row[] } | { problem: InputProblem } {
  try {
    const parsed = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
    }) as unknown as RecordWithInfo[];
    return {
      rows: parsed.map(({ record, info }) => ({
        line: info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0),
        cells: record.map((c) => c.trim()),
      })),
    };
  } catch (err) {
    return {
      problem: { where: source, message: `not a readable CSV file: ${(err as Error).message}` },
    };
  }
}

/** Column positions by name; a missing column rejects the file with the header it expected. */
function locateColumns<K extends string>(
  header: string[],
  required: readonly K[],
  source: string,
): { columns: Record<K, number> } | { problem: InputProblem } {
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    return {
      problem: {
        where: `${source} line 1`,
        message: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (expected a header with ${required.join(',')}; found ${header.join(',') || 'nothing'})`,
      },
    };
  }
  const columns = Object.fromEntries(required.map((c) => [c, header.indexOf(c)])) as Record<
    K,
    number
  >;
  return { columns };
}

function codeProblem(column: string, value: string): string | null {
  const check = checkLocalGovCode(value);
  if (check.valid) return null;
  return check.reason === 'format'
    ? `${column} "${value}" is not a 6-digit local-government code`
    : `${column} ${value}: the check digit is wrong, it should end in ${check.expectedDigit} (${check.expectedCode})`;
}

/** Both empty (unknown), or both numbers inside Japan; anything else is an error. */
function readPosition(
  latText: string,
  lngText: string,
): { lat: number | null; lng: number | null } | { error: string } {
  if (latText === '' && lngText === '') return { lat: null, lng: null };
  const lat = Number(latText);
  const lng = Number(lngText);
  if (latText === '' || lngText === '' || !Number.isFinite(lat) || !Number.isFinite(lng)) {
    return { error: `lat/lng "${latText}", "${lngText}" are not both numbers` };
  }
  if (!isInJapanBounds(lat, lng)) {
    return { error: `lat/lng ${lat}, ${lng} lie outside Japan (lat 20–46, lng 122–154; swapped?)` };
  }
  return { lat, lng };
}

function readWebsite(text: string): { website: string | null } | { error: string } {
  if (text === '') return { website: null };
  try {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:') return { website: text };
  } catch {
    // Reported below, as for a non-web scheme.
  }
  return { error: `url "${text}" is not an http(s) address` };
}

const MUNICIPALITY_COLUMNS = [
  'pid',
  'pref',
  'cid',
  'city',
  'citykana',
  'lat',
  'lng',
  'url',
  'lgcode',
] as const;

/**
 * Reads a localgovjp-style CSV (code4fukui/localgovjp: pid,pref,cid,city,citykana,lat,lng,url,
 * phrase,lgcode) into office records. Every row is checked and every problem reported at once;
 * any problem rejects the file.
 * @example parseMunicipalityOfficesCsv(text, 'localgovjp-utf8.csv') // → { ok: true, value: [...1916 records] }
 */
export function parseMunicipalityOfficesCsv(
  text: string,
  source: string,
): Parsed<MunicipalityOfficeRecord[]> {
  const read = readRows(text, source);
  if ('problem' in read) return { ok: false, problems: [read.problem] };
  const [header, ...rows] = read.rows;
  const located = locateColumns(header?.cells ?? [], MUNICIPALITY_COLUMNS, source);
  if ('problem' in located) return { ok: false, problems: [located.problem] };
  const col = located.columns;
  const problems: InputProblem[] = [];
  const records: MunicipalityOfficeRecord[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, cells } of rows) {
    const where = `${source} line ${line}`;
    const cell = (i: number) => cells[i] ?? '';
    const code = cell(col.lgcode);
    const rowProblems: string[] = [];
    const bad = codeProblem('lgcode', code);
    if (bad) rowProblems.push(bad);
    else if (code.slice(0, 2) !== cell(col.pid).padStart(2, '0')) {
      rowProblems.push(`lgcode ${code} is not in prefecture ${cell(col.pid)} (pid)`);
    } else if (firstLine.has(code)) {
      rowProblems.push(`lgcode ${code} already appears on line ${firstLine.get(code)}`);
    }
    const position = readPosition(cell(col.lat), cell(col.lng));
    if ('error' in position) rowProblems.push(position.error);
    const site = readWebsite(cell(col.url));
    if ('error' in site) rowProblems.push(site.error);
    // The `in` checks repeat what rowProblems already says, for the type checker's narrowing.
    if (rowProblems.length > 0 || 'error' in position || 'error' in site) {
      for (const message of rowProblems) problems.push({ where, message });
      continue;
    }
    firstLine.set(code, line);
    records.push({
      where,
      code,
      name: `${cell(col.pref)} ${cell(col.city)}`.trim(),
      officeLat: position.lat,
      officeLng: position.lng,
      website: site.website,
    });
  }
  if (rows.length === 0) problems.push({ where: source, message: 'no rows after the header' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: records, skipped: [] };
}

const PREFECTURE_COLUMNS = [
  'pid',
  'pref',
  'prefkana',
  'pref_en',
  'url',
  'lgcode',
  'ISO3166-2',
  'lat',
  'lng',
] as const;

/**
 * Reads a prefjp-style CSV (code4fukui/localgovjp prefjp: pid,pref,prefkana,…,pref_en,…,url,
 * lgcode,ISO3166-2,capital,lat,lng). Its lgcode drops the leading zero ("10006" is 北海道,
 * 010006), so it is padded back before the check digit is checked.
 * @example parsePrefecturesCsv(text, 'prefjp-utf8.csv') // → { ok: true, value: [...47 records] }
 */
export function parsePrefecturesCsv(text: string, source: string): Parsed<PrefectureRecord[]> {
  const read = readRows(text, source);
  if ('problem' in read) return { ok: false, problems: [read.problem] };
  const [header, ...rows] = read.rows;
  const located = locateColumns(header?.cells ?? [], PREFECTURE_COLUMNS, source);
  if ('problem' in located) return { ok: false, problems: [located.problem] };
  const col = located.columns;
  const problems: InputProblem[] = [];
  const records: PrefectureRecord[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, cells } of rows) {
    const where = `${source} line ${line}`;
    const cell = (i: number) => cells[i] ?? '';
    const rowProblems: string[] = [];
    const rawCode = cell(col.lgcode);
    const code = /^\d{5}$/.test(rawCode) ? rawCode.padStart(6, '0') : rawCode;
    const pid = cell(col.pid).padStart(2, '0');
    const bad = codeProblem('lgcode', code);
    if (bad) rowProblems.push(bad);
    else if (!isPrefectureCode(code)) rowProblems.push(`lgcode ${code} is not a prefecture code`);
    else if (code.slice(0, 2) !== pid)
      rowProblems.push(`lgcode ${code} does not match pid ${cell(col.pid)}`);
    else if (firstLine.has(code)) {
      rowProblems.push(`lgcode ${code} already appears on line ${firstLine.get(code)}`);
    }
    const iso = cell(col['ISO3166-2']);
    if (iso !== '' && iso !== `JP-${pid}`) {
      rowProblems.push(`ISO3166-2 "${iso}" should be JP-${pid}`);
    }
    const position = readPosition(cell(col.lat), cell(col.lng));
    if ('error' in position) rowProblems.push(position.error);
    const site = readWebsite(cell(col.url));
    if ('error' in site) rowProblems.push(site.error);
    if (rowProblems.length > 0 || 'error' in position || 'error' in site) {
      for (const message of rowProblems) problems.push({ where, message });
      continue;
    }
    firstLine.set(code, line);
    records.push({
      where,
      code,
      name: cell(col.pref),
      nameEn: cell(col.pref_en) || null,
      isoCode: iso || null,
      officeLat: position.lat,
      officeLng: position.lng,
      website: site.website,
    });
  }
  if (rows.length === 0) problems.push({ where: source, message: 'no rows after the header' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: records, skipped: [] };
}

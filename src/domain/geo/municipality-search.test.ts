import { describe, expect, it } from 'vitest';
import {
  foldRomaji,
  normalizeSearchText,
  searchMunicipalities,
  type SearchableMunicipality,
} from './municipality-search';

const m = (
  code: string,
  name: string,
  kana: string,
  romaji: string,
  kind: SearchableMunicipality['kind'],
  prefectureName: string,
  parentName: string | null = null,
): SearchableMunicipality => ({ code, name, kana, romaji, kind, prefectureName, parentName });

/** A slice of the master with the look-alikes that make ranking matter. */
const master: SearchableMunicipality[] = [
  m('011002', '札幌市', 'さっぽろし', 'sapporoshi', 'designated_city', '北海道'),
  m('011011', '中央区', 'ちゅうおうく', 'chuuouku', 'ward', '北海道', '札幌市'),
  m('011029', '北区', 'きたく', 'kitaku', 'ward', '北海道', '札幌市'),
  m('105236', '千代田町', 'ちよだまち', 'chiyodamachi', 'town', '群馬県'),
  m('112038', '川口市', 'かわぐちし', 'kawaguchishi', 'city', '埼玉県'),
  m('131016', '千代田区', 'ちよだく', 'chiyodaku', 'special_ward', '東京都'),
  m('131024', '中央区', 'ちゅうおうく', 'chuuouku', 'special_ward', '東京都'),
  m('131172', '北区', 'きたく', 'kitaku', 'special_ward', '東京都'),
  m('132063', '府中市', 'ふちゅうし', 'fuchuushi', 'city', '東京都'),
  m('203211', '軽井沢町', 'かるいざわまち', 'karuizawamachi', 'town', '長野県'),
  m('342084', '府中市', 'ふちゅうし', 'fuchuushi', 'city', '広島県'),
  m('343021', '府中町', 'ふちゅうちょう', 'fuchuuchou', 'town', '広島県'),
  m('394050', '梼原町', 'ゆすはらちょう', 'yusuharachou', 'town', '高知県'),
];

const codes = (q: string) => searchMunicipalities(q, master).map((r) => r.item.code);

describe('normalising what people type', () => {
  it('folds width, case, spaces and katakana', () => {
    expect(normalizeSearchText(' チヨダ　ク ')).toBe('ちよだく');
    expect(normalizeSearchText('ｶﾙｲｻﾞﾜ')).toBe('かるいざわ');
    expect(normalizeSearchText('１３１０１６')).toBe('131016');
    expect(normalizeSearchText('KaruiZawa')).toBe('karuizawa');
  });
  it('treats ヶ and ケ (and old kanji forms) as the same character', () => {
    expect(normalizeSearchText('鶴ヶ島市')).toBe(normalizeSearchText('鶴ケ島市'));
    expect(normalizeSearchText('檮原町')).toBe(normalizeSearchText('梼原町'));
  });
  it('folds romaji long vowels and macrons', () => {
    expect(foldRomaji('Chūō-ku')).toBe('chuoku');
    expect(foldRomaji('chuuouku')).toBe('chuoku');
    expect(foldRomaji('Tōkyō')).toBe(foldRomaji('toukyou'));
    expect(foldRomaji('Shimbashi')).toBe(foldRomaji('shinbashi'));
  });
});

describe('searchMunicipalities', () => {
  it('puts 千代田区 first for 千代田, ahead of 群馬県千代田町', () => {
    expect(codes('千代田')).toEqual(['131016', '105236']);
  });

  it('finds 千代田区 by kana, katakana, romaji and code', () => {
    for (const q of [
      'ちよだ',
      'チヨダ',
      'chiyoda',
      'Chiyoda-ku',
      '131016',
      '13101',
      '１３１０１６',
    ]) {
      expect(codes(q)[0], q).toBe('131016');
    }
  });

  it('matches a whole code exactly and a partial code as a prefix, in code order', () => {
    expect(searchMunicipalities('131016', master)).toEqual([
      { item: master[5], match: 'exact_code' },
    ]);
    const tokyo = searchMunicipalities('13', master);
    expect(tokyo.map((r) => r.item.code)).toEqual(['131016', '131024', '131172', '132063']);
    expect(tokyo.every((r) => r.match === 'code_prefix')).toBe(true);
  });

  it('does not match a code with a wrong check digit', () => {
    expect(codes('131017')).toEqual([]);
  });

  it('finds 軽井沢町 with or without its suffix, in any script', () => {
    for (const q of [
      '軽井沢',
      '軽井沢町',
      'かるいざわ',
      'karuizawa',
      'karuizawa-machi',
      '長野県軽井沢町',
    ]) {
      expect(codes(q), q).toEqual(['203211']);
    }
  });

  it('ranks an exact name above the same name with another suffix', () => {
    const results = searchMunicipalities('府中市', master);
    expect(results.map((r) => [r.item.code, r.match])).toEqual([
      ['132063', 'exact_name'],
      ['342084', 'exact_name'],
      ['343021', 'exact_name_without_suffix'],
    ]);
  });

  it('ranks name prefix, kana prefix, romaji prefix, then contains', () => {
    expect(searchMunicipalities('川', master).map((r) => r.match)).toEqual(['name_prefix']);
    expect(searchMunicipalities('ふちゅ', master).map((r) => r.match)).toEqual([
      'kana_prefix',
      'kana_prefix',
      'kana_prefix',
    ]);
    expect(searchMunicipalities('fuch', master).map((r) => r.match)).toEqual([
      'romaji_prefix',
      'romaji_prefix',
      'romaji_prefix',
    ]);
    expect(searchMunicipalities('井沢', master)).toEqual([{ item: master[9], match: 'contains' }]);
  });

  it('prefers the special ward to designated-city wards of the same name', () => {
    expect(codes('北区')).toEqual(['131172', '011029']);
  });

  it('tells wards apart by their city', () => {
    expect(codes('札幌市中央区')).toEqual(['011011']);
    const sapporo = searchMunicipalities('札幌', master);
    expect(sapporo[0]).toEqual({ item: master[0], match: 'exact_name_without_suffix' });
    expect(sapporo.slice(1).map((r) => r.item.code)).toEqual(['011011', '011029']);
  });

  it('matches romaji regardless of long vowels', () => {
    expect(codes('chuoku')).toEqual(['131024', '011011']);
    expect(codes('chūō')).toEqual(['131024', '011011']);
  });

  it('finds the official 檮原町 spelled with the common 梼', () => {
    expect(codes('梼原')).toEqual(['394050']);
  });

  it('returns nothing for a blank query or a query that matches nothing', () => {
    expect(searchMunicipalities('  ', master)).toEqual([]);
    expect(searchMunicipalities('存在しない町', master)).toEqual([]);
  });
});

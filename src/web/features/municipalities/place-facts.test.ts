import { describe, expect, it } from 'vitest';
import type { MunicipalityDetail, PrefectureView } from '../../../contracts/municipalities';
import { mapLinkFor, municipalityFacts, prefectureFacts } from './place-facts';

const karuizawa: MunicipalityDetail = {
  code: '203211',
  jisCode: '20321',
  name: '軽井沢町',
  kana: 'かるいざわまち',
  romaji: 'karuizawamachi',
  kind: 'town',
  prefectureCode: '200000',
  prefectureName: '長野県',
  parentCode: null,
  parentName: null,
  officeLat: null,
  officeLng: null,
  website: null,
  wards: [],
  hasBoundary: false,
  boundary: null,
  boundaryCredit: null,
};

describe('municipalityFacts', () => {
  it('shows no office or website the master does not hold', () => {
    const facts = municipalityFacts(karuizawa);
    expect(facts).toMatchObject({
      name: '軽井沢町',
      prefectureName: '長野県',
      municipalityKind: 'town',
    });
    expect(facts.office).toBeNull();
    expect(facts.website).toBeNull();
  });

  it('keeps an office position and an http(s) website, but never a script link', () => {
    const located = municipalityFacts({
      ...karuizawa,
      officeLat: 36.3484,
      officeLng: 138.5968,
      website: 'https://www.town.karuizawa.lg.jp/',
    });
    expect(located.office).toEqual({ lat: 36.3484, lng: 138.5968 });
    expect(located.website).toBe('https://www.town.karuizawa.lg.jp/');
    expect(municipalityFacts({ ...karuizawa, website: 'javascript:alert(1)' }).website).toBeNull();
  });
});

describe('prefectureFacts', () => {
  it('gives a prefecture its English name and number of municipalities', () => {
    const nagano: PrefectureView = {
      code: '200000',
      number: 20,
      name: '長野県',
      kana: 'ながのけん',
      nameEn: 'Nagano',
      isoCode: null,
      officeLat: null,
      officeLng: null,
      website: null,
      municipalityCount: 77,
    };
    expect(prefectureFacts(nagano)).toMatchObject({ englishName: 'Nagano', municipalityCount: 77 });
  });
});

describe('mapLinkFor', () => {
  it('points OpenStreetMap at the office', () => {
    expect(mapLinkFor({ lat: 36.3484, lng: 138.5968 })).toBe(
      'https://www.openstreetmap.org/?mlat=36.34840&mlon=138.59680#map=15/36.34840/138.59680',
    );
  });
});

import type { MunicipalityDetail, PrefectureView } from '../../../contracts/municipalities';
import { safeHttpUrl } from '../../lib/safe-paths';

/**
 * What the place card can truthfully say about a town or prefecture: the master's fields that
 * are present, nothing filled in. `null` fields are simply not shown.
 */
export type PlaceFacts = {
  name: string;
  kana: string | null;
  englishName: string | null;
  romaji: string | null;
  municipalityKind: MunicipalityDetail['kind'] | null;
  prefectureName: string | null;
  /** The designated city a ward belongs to. */
  parentName: string | null;
  municipalityCount: number | null;
  office: { lat: number; lng: number } | null;
  website: string | null;
};

function officeOf(p: { officeLat: number | null; officeLng: number | null }) {
  return p.officeLat !== null && p.officeLng !== null
    ? { lat: p.officeLat, lng: p.officeLng }
    : null;
}

export function municipalityFacts(m: MunicipalityDetail): PlaceFacts {
  return {
    name: m.name,
    kana: m.kana || null,
    englishName: null,
    romaji: m.romaji,
    municipalityKind: m.kind,
    prefectureName: m.prefectureName,
    parentName: m.parentName,
    municipalityCount: null,
    office: officeOf(m),
    website: safeHttpUrl(m.website),
  };
}

export function prefectureFacts(p: PrefectureView): PlaceFacts {
  return {
    name: p.name,
    kana: p.kana || null,
    englishName: p.nameEn,
    romaji: null,
    municipalityKind: null,
    prefectureName: null,
    parentName: null,
    municipalityCount: p.municipalityCount,
    office: officeOf(p),
    website: safeHttpUrl(p.website),
  };
}

/** An OpenStreetMap link to a point: a map anyone can open without an account or key. */
export function mapLinkFor(office: { lat: number; lng: number }): string {
  const lat = office.lat.toFixed(5);
  const lng = office.lng.toFixed(5);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=15/${lat}/${lng}`;
}

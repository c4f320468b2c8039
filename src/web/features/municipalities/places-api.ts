import type {
  MunicipalityDetail,
  MunicipalitySummary,
  PrefectureView,
} from '../../../contracts/municipalities';
import { apiRequest, isApiError } from '../../lib/api-client';

export const placeKeys = {
  municipality: (code: string) => ['municipality', code] as const,
  prefectures: ['prefectures'] as const,
  search: (q: string) => ['municipality-search', q] as const,
  ofPrefecture: (code: string) => ['municipalities-of', code] as const,
};

/**
 * The reference API is optional for this page: on a server without it (404) the callers get
 * "nothing known" and show only what the organisation record itself holds.
 */
async function orNothing<T>(call: Promise<T>, nothing: T): Promise<T> {
  try {
    return await call;
  } catch (err) {
    if (isApiError(err, 404)) return nothing;
    throw err;
  }
}

export function fetchMunicipality(
  code: string,
  signal?: AbortSignal,
): Promise<MunicipalityDetail | null> {
  return orNothing(
    apiRequest<MunicipalityDetail>(`/municipalities/${encodeURIComponent(code)}`, { signal }),
    null,
  );
}

export async function fetchPrefectures(signal?: AbortSignal): Promise<PrefectureView[]> {
  const list = await orNothing(
    apiRequest<{ items: PrefectureView[] }>('/prefectures', { signal }),
    {
      items: [],
    },
  );
  return list.items;
}

/** Municipalities matching a name, kana, romaji or code fragment (the server's first page). */
export async function searchMunicipalities(
  q: string,
  signal?: AbortSignal,
): Promise<MunicipalitySummary[]> {
  const list = await orNothing(
    apiRequest<{ items: MunicipalitySummary[] }>(
      `/municipalities?q=${encodeURIComponent(q)}&limit=20`,
      { signal },
    ),
    { items: [] },
  );
  return list.items;
}

/** Every municipality of a prefecture (the largest has under 200), for a choice within it. */
export async function fetchMunicipalitiesOf(
  prefectureCode: string,
  signal?: AbortSignal,
): Promise<MunicipalitySummary[]> {
  const list = await orNothing(
    apiRequest<{ items: MunicipalitySummary[] }>(
      `/municipalities?prefecture=${encodeURIComponent(prefectureCode)}&limit=200`,
      { signal },
    ),
    { items: [] },
  );
  return list.items;
}

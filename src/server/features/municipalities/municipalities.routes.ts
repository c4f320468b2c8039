import { errorReplies } from '../../../contracts/common';
import {
  listMunicipalitiesQuery,
  municipalityDetail,
  municipalityList,
  municipalityParams,
  prefectureDetail,
  prefectureDetailQuery,
  prefectureList,
  prefectureParams,
} from '../../../contracts/municipalities';
import { N03_BOUNDARY_CREDIT } from '../../../domain/geo/attribution';
import type { BoundaryGeometry } from '../../../domain/geo/boundary-geometry';
import { searchMunicipalities } from '../../../domain/geo/municipality-search';
import type { AppInstance } from '../../app-types';
import { notFound } from '../../errors';
import {
  findMunicipality,
  findPrefecture,
  listMunicipalities,
  listPrefectures,
  listWards,
} from './municipalities.repository';

/** Boundaries only ever come from MLIT's N03 data (see `tsunagu reference import`). */
const boundaryFields = (boundary: BoundaryGeometry | null) => ({
  hasBoundary: boundary !== null,
  boundary,
  boundaryCredit: boundary ? N03_BOUNDARY_CREDIT : null,
});

/**
 * The official local-government master. It is public reference data, so any signed-in person
 * may read all of it, whatever their organisation.
 */
export async function municipalitiesRoutes(app: AppInstance): Promise<void> {
  // Sign-in is required by the auth plugin's preValidation hook, as on every /api/v1 route.
  app.get(
    '/municipalities',
    {
      schema: {
        tags: ['reference'],
        summary: 'Find municipalities by code, name, kana or romaji, or list them by filter',
        querystring: listMunicipalitiesQuery,
        response: { 200: municipalityList, ...errorReplies },
      },
    },
    async (request) => {
      const { q, prefecture, kind, includeWards, limit, offset } = request.query;
      const candidates = await listMunicipalities(app.db, {
        prefectureCode: prefecture,
        kind,
        includeWards: includeWards || kind === 'ward',
      });
      const matches = q ? searchMunicipalities(q, candidates).map((r) => r.item) : candidates;
      return { items: matches.slice(offset, offset + limit), total: matches.length };
    },
  );

  app.get(
    '/municipalities/:code',
    {
      schema: {
        tags: ['reference'],
        summary: 'One municipality or ward, with its wards and boundary',
        params: municipalityParams,
        response: { 200: municipalityDetail, ...errorReplies },
      },
    },
    async (request) => {
      const found = await findMunicipality(app.db, request.params.code);
      if (!found) throw notFound(`Municipality ${request.params.code}`);
      const wards =
        found.summary.kind === 'designated_city' ? await listWards(app.db, found.summary.code) : [];
      return { ...found.summary, wards, ...boundaryFields(found.boundary) };
    },
  );

  app.get(
    '/prefectures',
    {
      schema: {
        tags: ['reference'],
        summary: 'The 47 prefectures',
        response: { 200: prefectureList, ...errorReplies },
      },
    },
    async () => ({ items: await listPrefectures(app.db) }),
  );

  app.get(
    '/prefectures/:code',
    {
      schema: {
        tags: ['reference'],
        summary: 'One prefecture (by code or number) with its municipalities',
        params: prefectureParams,
        querystring: prefectureDetailQuery,
        response: { 200: prefectureDetail, ...errorReplies },
      },
    },
    async (request) => {
      const found = await findPrefecture(app.db, request.params.code);
      if (!found) throw notFound(`Prefecture ${request.params.code}`);
      const municipalities = await listMunicipalities(app.db, {
        prefectureCode: found.prefecture.code,
        includeWards: request.query.includeWards,
      });
      return { ...found.prefecture, municipalities, ...boundaryFields(found.boundary) };
    },
  );
}

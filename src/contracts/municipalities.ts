import { z } from 'zod';
import type { BoundaryGeometry } from '../domain/geo/boundary-geometry';
import {
  checkLocalGovCode,
  isPrefectureCode,
  toPrefectureCode,
} from '../domain/geo/local-gov-code';
import { municipalityKinds } from '../domain/geo/municipality-kind';

/** A 6-digit 全国地方公共団体コード whose check digit is right; a typo is answered with the fix. */
export const localGovCode = z.string().superRefine((value, ctx) => {
  const check = checkLocalGovCode(value);
  if (check.valid) return;
  ctx.addIssue({
    code: 'custom',
    message:
      check.reason === 'format'
        ? 'must be a 6-digit local-government code (e.g. 131016)'
        : `the check digit is wrong: ${value} should end in ${check.expectedDigit} (${check.expectedCode})`,
  });
});

/** A prefecture by number ("13") or by code ("130001"); either way the code comes out. */
export const prefectureRef = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (/^\d{1,2}$/.test(value)) {
      const n = Number(value);
      if (n >= 1 && n <= 47) return toPrefectureCode(n);
      ctx.addIssue({ code: 'custom', message: 'a prefecture number is 1 to 47' });
      return z.NEVER;
    }
    const check = checkLocalGovCode(value);
    if (!check.valid) {
      ctx.addIssue({
        code: 'custom',
        message:
          check.reason === 'format'
            ? 'must be a prefecture number (1–47) or a 6-digit prefecture code (e.g. 130001)'
            : `the check digit is wrong: ${value} should end in ${check.expectedDigit} (${check.expectedCode})`,
      });
      return z.NEVER;
    }
    if (!isPrefectureCode(value)) {
      ctx.addIssue({ code: 'custom', message: `${value} is not a prefecture code (NN000C)` });
      return z.NEVER;
    }
    return value;
  });

/** "true" or "false" only: a query flag with any other value is a mistake worth reporting. */
const queryFlag = z.stringbool({ truthy: ['true'], falsy: ['false'] });

const lngLat = z.tuple([z.number(), z.number()]);
export const boundaryGeometry: z.ZodType<BoundaryGeometry> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(lngLat)) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(lngLat))) }),
]);

export const municipalitySummary = z.object({
  code: z.string(),
  jisCode: z.string(),
  name: z.string(),
  kana: z.string(),
  romaji: z.string().nullable(),
  kind: z.enum(municipalityKinds),
  prefectureCode: z.string(),
  prefectureName: z.string(),
  /** The designated city of a ward; null for everything else. */
  parentCode: z.string().nullable(),
  parentName: z.string().nullable(),
  officeLat: z.number().nullable(),
  officeLng: z.number().nullable(),
  website: z.string().nullable(),
});
export type MunicipalitySummary = z.infer<typeof municipalitySummary>;

export const listMunicipalitiesQuery = z.object({
  q: z.string().trim().max(100).optional(),
  prefecture: prefectureRef.optional(),
  kind: z.enum(municipalityKinds).optional(),
  /** Designated-city wards are left out unless asked for (or unless kind=ward). */
  includeWards: queryFlag.default(false),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const municipalityList = z.object({
  items: z.array(municipalitySummary),
  /** All matches, of which `items` is the page from `offset`. */
  total: z.number().int(),
});

export const municipalityParams = z.object({ code: localGovCode });

const boundaryFields = {
  hasBoundary: z.boolean(),
  boundary: boundaryGeometry.nullable(),
  /** The attribution a map must show with the boundary (MLIT's terms); null without one. */
  boundaryCredit: z.string().nullable(),
};

export const municipalityDetail = municipalitySummary.extend({
  /** A designated city's wards; empty for everything else. */
  wards: z.array(municipalitySummary),
  ...boundaryFields,
});
export type MunicipalityDetail = z.infer<typeof municipalityDetail>;

export const prefectureView = z.object({
  code: z.string(),
  number: z.number().int(),
  name: z.string(),
  kana: z.string(),
  nameEn: z.string().nullable(),
  isoCode: z.string().nullable(),
  officeLat: z.number().nullable(),
  officeLng: z.number().nullable(),
  website: z.string().nullable(),
  /** Municipalities (cities, special wards, towns, villages); designated-city wards not counted. */
  municipalityCount: z.number().int(),
});
export type PrefectureView = z.infer<typeof prefectureView>;

export const prefectureList = z.object({ items: z.array(prefectureView) });

export const prefectureParams = z.object({ code: prefectureRef });

export const prefectureDetailQuery = z.object({ includeWards: queryFlag.default(false) });

export const prefectureDetail = prefectureView.extend({
  municipalities: z.array(municipalitySummary),
  ...boundaryFields,
});
export type PrefectureDetail = z.infer<typeof prefectureDetail>;

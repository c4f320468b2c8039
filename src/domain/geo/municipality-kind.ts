/**
 * Kinds of local government below the prefecture. `ward` is a designated city's administrative
 * ward (行政区): it has a code but is not a municipality of its own, so it is counted apart from
 * the 1,741; Tokyo's 23 `special_ward`s (特別区) are municipalities.
 */
export const municipalityKinds = [
  'designated_city',
  'city',
  'special_ward',
  'town',
  'village',
  'ward',
] as const;
export type MunicipalityKind = (typeof municipalityKinds)[number];

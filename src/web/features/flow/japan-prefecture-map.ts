/**
 * The ids of `@svg-maps/japan`'s prefecture paths by JIS prefecture number ('01' 北海道 …
 * '47' 沖縄県), so the map's regions can be named by number like the API's codes.
 */
export const SVG_MAP_IDS: Readonly<Record<string, string>> = {
  '01': 'hokkaido',
  '02': 'aomori',
  '03': 'iwate',
  '04': 'miyagi',
  '05': 'akita',
  '06': 'yamagata',
  '07': 'fukushima',
  '08': 'ibaraki',
  '09': 'tochigi',
  '10': 'gunma',
  '11': 'saitama',
  '12': 'chiba',
  '13': 'tokyo',
  '14': 'kanagawa',
  '15': 'niigata',
  '16': 'toyama',
  '17': 'ishikawa',
  '18': 'fukui',
  '19': 'yamanashi',
  '20': 'nagano',
  '21': 'gifu',
  '22': 'shizuoka',
  '23': 'aichi',
  '24': 'mie',
  '25': 'shiga',
  '26': 'kyoto',
  '27': 'osaka',
  '28': 'hyogo',
  '29': 'nara',
  '30': 'wakayama',
  '31': 'tottori',
  '32': 'shimane',
  '33': 'okayama',
  '34': 'hiroshima',
  '35': 'yamaguchi',
  '36': 'tokushima',
  '37': 'kagawa',
  '38': 'ehime',
  '39': 'kochi',
  '40': 'fukuoka',
  '41': 'saga',
  '42': 'nagasaki',
  '43': 'kumamoto',
  '44': 'oita',
  '45': 'miyazaki',
  '46': 'kagoshima',
  '47': 'okinawa',
};

export type SvgMapLocation = { id: string; name: string; path: string };

/**
 * An SVG document for ECharts' map series: one path per prefecture, named by its two-digit
 * number (ECharts takes a region's name from the `name` attribute). Paths of unknown ids are
 * left out.
 */
export function prefectureSvg(viewBox: string, locations: readonly SvgMapLocation[]): string {
  const numberOf = new Map(Object.entries(SVG_MAP_IDS).map(([number, id]) => [id, number]));
  const paths = locations
    .filter((l) => numberOf.has(l.id))
    .map((l) => `<path name="${numberOf.get(l.id)!}" d="${l.path}"/>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}">${paths}</svg>`;
}

/**
 * MLIT's terms for 国土数値情報 require this credit wherever boundaries derived from the N03
 * administrative-area data are shown or redistributed: the import prints it, the API returns it
 * next to a boundary, and maps must display it.
 */
export const N03_BOUNDARY_CREDIT = '「国土数値情報（行政区域データ）」（国土交通省）を加工して作成';

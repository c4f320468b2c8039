import type { OrganizationKind, Role } from '../../domain/shared/organizations';

/** The demo's organisations. Codes are real local-government codes. */
export const demoOrganizations: ReadonlyArray<{
  key: string;
  kind: OrganizationKind;
  name: string;
  nameEn: string;
  lgCode?: string;
}> = [
  {
    key: 'assoc',
    kind: 'association',
    name: '一般社団法人つなぐテレワーク協会',
    nameEn: 'Tsunagu Telework Association',
  },
  {
    key: 'karuizawa',
    kind: 'municipality',
    name: '軽井沢町',
    nameEn: 'Karuizawa',
    lgCode: '203211',
  },
  { key: 'shirahama', kind: 'municipality', name: '白浜町', nameEn: 'Shirahama', lgCode: '304018' },
  { key: 'kamiyama', kind: 'municipality', name: '神山町', nameEn: 'Kamiyama', lgCode: '363421' },
  { key: 'goto', kind: 'municipality', name: '五島市', nameEn: 'Goto', lgCode: '422118' },
  { key: 'hokuto', kind: 'municipality', name: '北杜市', nameEn: 'Hokuto', lgCode: '192091' },
  {
    key: 'nagano',
    kind: 'prefecture',
    name: '長野県',
    nameEn: 'Nagano Prefecture',
    lgCode: '200000',
  },
  {
    key: 'wakayama',
    kind: 'prefecture',
    name: '和歌山県',
    nameEn: 'Wakayama Prefecture',
    lgCode: '300004',
  },
  { key: 'mirai', kind: 'company', name: '株式会社みらいソフト', nameEn: 'Mirai Soft Inc.' },
  { key: 'toto', kind: 'company', name: '東都精機株式会社', nameEn: 'Toto Precision Co., Ltd.' },
  {
    key: 'sakura',
    kind: 'company',
    name: 'さくら商事株式会社',
    nameEn: 'Sakura Trading Co., Ltd.',
  },
  { key: 'hikari', kind: 'company', name: '株式会社ひかりデータ', nameEn: 'Hikari Data Inc.' },
  {
    key: 'nihonbashi',
    kind: 'company',
    name: '日本橋フィナンシャル株式会社',
    nameEn: 'Nihonbashi Financial Co., Ltd.',
  },
];

/** One login per role, listed in the README. */
export const demoLogins: ReadonlyArray<{ email: string; name: string; org: string; role: Role }> = [
  { email: 'coordinator@demo.tsunagu.jp', name: '高橋 美咲', org: 'assoc', role: 'coordinator' },
  {
    email: 'officer@demo.tsunagu.jp',
    name: '佐藤 健一',
    org: 'karuizawa',
    role: 'municipal_officer',
  },
  {
    email: 'pref-officer@demo.tsunagu.jp',
    name: '小林 直子',
    org: 'nagano',
    role: 'municipal_officer',
  },
  { email: 'hr@demo.tsunagu.jp', name: '鈴木 由美', org: 'mirai', role: 'company_admin' },
  { email: 'worker@demo.tsunagu.jp', name: '田中 誠', org: 'mirai', role: 'worker' },
];

export const familyNames = [
  '佐藤',
  '鈴木',
  '高橋',
  '田中',
  '伊藤',
  '渡辺',
  '山本',
  '中村',
  '小林',
  '加藤',
  '吉田',
  '山田',
  '佐々木',
  '山口',
  '松本',
  '井上',
  '木村',
  '林',
  '清水',
  '斎藤',
];
export const givenNames = [
  '誠',
  '浩',
  '健一',
  '隆',
  '直樹',
  '修',
  '学',
  '聡',
  '裕子',
  '久美子',
  '恵子',
  '由美',
  '真由美',
  '幸子',
  '明美',
  '智子',
  '大輔',
  '亮',
  '陽子',
  '洋子',
];

/** Home towns (real codes): mostly the big cities people commute in, some regional. */
export const demoHomeTowns = [
  '131016',
  '131041',
  '131130',
  '131121',
  '141003',
  '141305',
  '112038',
  '122041',
  '271004',
  '231002',
  '401005',
  '011002',
  '203211',
  '202029',
];

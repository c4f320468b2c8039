/**
 * Words for the matching engine's numbers, in Japanese and English: one text per factor and per
 * failed filter, and a one-line summary of a pair, e.g.
 *   en "3 of 4 required skills; grew up in this prefecture; 2h 10m by Shinkansen"
 *   ja "必須スキル 4 件中 3 件；この県の出身；新幹線で 2 時間 10 分"
 * Pure string building from the structured detail: nothing here decides anything.
 */
import type { AffinityKind, ChallengeTheme, StandardSkill, WorkStyle } from './matching-model';
import type {
  AffinityScope,
  FactorResult,
  FilterCode,
  FilterFailure,
  MatchFactor,
  PairEvaluation,
  SkillCoverageDetail,
  TravelDetail,
  TravelNotApplicableReason,
} from './match-factors';
import type { TripMode } from './travel-estimate';

export type MatchLocale = 'ja' | 'en';

export type PairExplanation = {
  /** One line: the main factors of an eligible pair, or every failed filter. */
  summary: string;
  /** One text per factor (matchFactors order) or per failed filter (filterCodes order). */
  parts: { key: MatchFactor | FilterCode; text: string }[];
};

export const skillLabels: Readonly<Record<MatchLocale, Record<StandardSkill, string>>> = {
  en: {
    project_management: 'project management',
    marketing: 'marketing',
    sales: 'sales',
    accounting: 'accounting',
    hr: 'HR',
    legal: 'legal',
    software_engineering: 'software engineering',
    data_analysis: 'data analysis',
    web_design: 'web design',
    it_infrastructure: 'IT infrastructure',
    manufacturing: 'manufacturing',
    quality_control: 'quality control',
    tourism_planning: 'tourism planning',
    agriculture: 'agriculture',
    nursing_care: 'nursing care',
    education: 'education',
    public_relations: 'public relations',
    translation: 'translation',
    finance: 'finance',
    logistics: 'logistics',
  },
  ja: {
    project_management: 'プロジェクト管理',
    marketing: 'マーケティング',
    sales: '営業',
    accounting: '経理・会計',
    hr: '人事',
    legal: '法務',
    software_engineering: 'ソフトウェア開発',
    data_analysis: 'データ分析',
    web_design: 'Webデザイン',
    it_infrastructure: 'ITインフラ',
    manufacturing: '製造',
    quality_control: '品質管理',
    tourism_planning: '観光企画',
    agriculture: '農業',
    nursing_care: '介護',
    education: '教育',
    public_relations: '広報',
    translation: '翻訳',
    finance: '財務',
    logistics: '物流',
  },
};

export const themeLabels: Readonly<Record<MatchLocale, Record<ChallengeTheme, string>>> = {
  en: {
    tourism: 'tourism',
    agriculture_food: 'agriculture and food',
    digital_dx: 'digital/DX',
    education: 'education',
    health_care: 'health care',
    disaster_prevention: 'disaster prevention',
    mobility: 'mobility',
    environment_gx: 'environment/GX',
    local_industry: 'local industry',
    community: 'community',
    culture: 'culture',
  },
  ja: {
    tourism: '観光',
    agriculture_food: '農業・食',
    digital_dx: 'デジタル・DX',
    education: '教育',
    health_care: '医療・福祉',
    disaster_prevention: '防災',
    mobility: '交通・移動',
    environment_gx: '環境・GX',
    local_industry: '地場産業',
    community: 'コミュニティ',
    culture: '文化',
  },
};

const styleLabels: Readonly<Record<MatchLocale, Record<WorkStyle, string>>> = {
  en: { remote: 'remote', hybrid: 'hybrid', onsite: 'on-site' },
  ja: { remote: 'リモート', hybrid: 'ハイブリッド', onsite: '現地勤務' },
};

const modeLabels: Readonly<Record<MatchLocale, Record<TripMode, string>>> = {
  en: { car: 'car', rail: 'rail', shinkansen: 'Shinkansen', air: 'air' },
  ja: { car: '車', rail: '鉄道', shinkansen: '新幹線', air: '飛行機' },
};

const affinityTexts: Readonly<
  Record<MatchLocale, Record<AffinityKind, Record<AffinityScope, string>>>
> = {
  en: {
    hometown: {
      municipality: 'grew up in this municipality',
      prefecture: 'grew up in this prefecture',
    },
    past_residence: {
      municipality: 'has lived in this municipality',
      prefecture: 'has lived in this prefecture',
    },
    furusato: {
      municipality: 'calls this municipality their furusato',
      prefecture: 'calls this prefecture their furusato',
    },
    family: {
      municipality: 'has family in this municipality',
      prefecture: 'has family in this prefecture',
    },
    visited: {
      municipality: 'has visited this municipality',
      prefecture: 'has visited this prefecture',
    },
  },
  ja: {
    hometown: { municipality: 'この市区町村の出身', prefecture: 'この県の出身' },
    past_residence: {
      municipality: 'この市区町村に住んでいたことがある',
      prefecture: 'この県に住んでいたことがある',
    },
    furusato: {
      municipality: 'この市区町村をふるさととしている',
      prefecture: 'この県をふるさととしている',
    },
    family: { municipality: 'この市区町村に家族がいる', prefecture: 'この県に家族がいる' },
    visited: {
      municipality: 'この市区町村を訪れたことがある',
      prefecture: 'この県を訪れたことがある',
    },
  },
};

const travelNotApplicableTexts: Readonly<
  Record<MatchLocale, Record<TravelNotApplicableReason, string>>
> = {
  en: {
    remote: 'remote: no travel',
    no_onsite_days: 'no on-site days: no travel',
    location_unknown: 'travel not estimated (location unknown)',
  },
  ja: {
    remote: 'リモートのため移動なし',
    no_onsite_days: '現地勤務日がないため移動なし',
    location_unknown: '所在地が不明のため移動は未算定',
  },
};

/** Between the parts of a summary. */
const summarySeparator: Readonly<Record<MatchLocale, string>> = { en: '; ', ja: '；' };
/** Between items inside one part. */
const listSeparator: Readonly<Record<MatchLocale, string>> = { en: ', ', ja: '、' };

/**
 * One factor in words, with its numbers.
 *
 * @example
 * explainFactor(skillResult, 'en'); // '3 of 4 required skills (missing: legal)'
 * explainFactor(skillResult, 'ja'); // '必須スキル 4 件中 3 件（未保有：法務）'
 */
export function explainFactor(result: FactorResult, locale: MatchLocale): string {
  switch (result.factor) {
    case 'skill_coverage':
      return explainSkills(result.detail, locale, false);
    case 'theme_fit': {
      const { shared, challengeThemes, sharedThemes } = result.detail;
      if (shared === 0) return locale === 'en' ? 'no shared themes' : '関心テーマの一致なし';
      const names = sharedThemes.map((t) => themeLabels[locale][t]).join(listSeparator[locale]);
      return locale === 'en'
        ? `interested in ${shared} of ${challengeThemes} ${plural(challengeThemes, 'theme')} (${names})`
        : `テーマ ${challengeThemes} 件中 ${shared} 件に関心（${names}）`;
    }
    case 'regional_affinity': {
      const detail = result.detail;
      if (detail.kind === null) {
        return locale === 'en' ? 'no stated tie to this region' : 'この地域とのゆかりの登録なし';
      }
      const text = affinityTexts[locale][detail.kind][detail.scope];
      if (detail.ties <= 1) return text;
      return locale === 'en'
        ? `${text} (${detail.ties} ties to this region)`
        : `${text}（ゆかり ${detail.ties} 件）`;
    }
    case 'travel':
      return explainTravel(result.detail, locale, false);
    case 'schedule_fit': {
      const { daysAfterAvailable, hoursPerMonth, spareHoursPerMonth } = result.detail;
      const start =
        locale === 'en'
          ? daysAfterAvailable === null
            ? 'can start any time'
            : daysAfterAvailable === 0
              ? 'starts on the first day available'
              : `starts ${daysAfterAvailable} ${plural(daysAfterAvailable, 'day')} after availability`
          : daysAfterAvailable === null
            ? 'いつでも開始可能'
            : daysAfterAvailable === 0
              ? '稼働可能日に開始'
              : `稼働可能日の ${daysAfterAvailable} 日後に開始`;
      const hours =
        locale === 'en'
          ? `uses ${formatAmount(hoursPerMonth)} of ${formatAmount(spareHoursPerMonth)} spare hours a month`
          : `月の空き時間 ${formatAmount(spareHoursPerMonth)} 時間中 ${formatAmount(hoursPerMonth)} 時間を使用`;
      return start + listSeparator[locale] + hours;
    }
  }
}

/**
 * One failed filter in words, with its numbers.
 *
 * @example
 * explainFilter({ code: 'no_open_places', detail: { places: 2, filledPlaces: 2 } }, 'en');
 * // 'all 2 places filled'
 */
export function explainFilter(failure: FilterFailure, locale: MatchLocale): string {
  const en = locale === 'en';
  switch (failure.code) {
    case 'programme_not_eligible':
      return en ? "not eligible under the employer's programme" : '勤務先の兼業制度の対象外';
    case 'programme_cap_exceeded': {
      const d = failure.detail;
      const needed = formatAmount(d.hoursPerMonth);
      const left = formatAmount(Math.max(0, d.remainingHoursPerMonth));
      const cap = formatAmount(d.capHoursPerMonth);
      const committed = formatAmount(d.committedHoursPerMonth);
      return en
        ? `needs ${needed} h a month, the programme allows ${left} h more (cap ${cap} h, ${committed} h committed)`
        : `月 ${needed} 時間が必要、制度の残り枠は月 ${left} 時間（上限 ${cap} 時間、うち ${committed} 時間は割当済み）`;
    }
    case 'insufficient_availability': {
      const needed = formatAmount(failure.detail.hoursPerMonth);
      const available = formatAmount(failure.detail.availableHoursPerMonth);
      return en
        ? `needs ${needed} h a month, ${available} h available`
        : `月 ${needed} 時間が必要、空き時間は月 ${available} 時間`;
    }
    case 'style_incompatible': {
      const { challengeStyle, preferredStyles } = failure.detail;
      const style = styleLabels[locale][challengeStyle];
      const preferred = preferredStyles.map((s) => styleLabels[locale][s]).join(en ? ' or ' : '・');
      return en ? `${style} work, prefers ${preferred}` : `${style}の仕事、希望は${preferred}`;
    }
    case 'starts_before_available': {
      const { startDate, availableFrom } = failure.detail;
      return en
        ? `starts ${startDate}, before availability from ${availableFrom}`
        : `開始日 ${startDate} が稼働可能日 ${availableFrom} より前`;
    }
    case 'no_open_places': {
      const { places } = failure.detail;
      return en
        ? places === 1
          ? 'the only place is filled'
          : `all ${places} places filled`
        : `募集枠 ${places} 名はすべて充足`;
    }
    case 'applications_full': {
      const { openApplications, maxOpenApplications } = failure.detail;
      return en
        ? `applications full (${openApplications} of ${maxOpenApplications} open)`
        : `応募受付の上限に達している（上限 ${maxOpenApplications} 件、受付中 ${openApplications} 件）`;
    }
  }
}

const filteredOutTexts: Readonly<Record<MatchLocale, Record<FilterCode, string>>> = {
  en: {
    programme_not_eligible: "not eligible under the employer's programme",
    programme_cap_exceeded: "over what the employer's programme still allows",
    insufficient_availability: 'more hours a month than available',
    style_incompatible: 'a work style not among those preferred',
    starts_before_available: 'starting before the worker is available',
    no_open_places: 'every place filled',
    applications_full: 'applications full for now',
  },
  ja: {
    programme_not_eligible: '勤務先の兼業制度の対象外',
    programme_cap_exceeded: '兼業制度の残り時間枠を超える',
    insufficient_availability: '月の空き時間を超える',
    style_incompatible: '希望しない働き方',
    starts_before_available: '稼働可能日より前に開始',
    no_open_places: '募集枠がすべて充足',
    applications_full: '応募受付が上限に達している',
  },
};

/**
 * How many candidates one filter hid, in words (for "12 hidden" lists; the numbers of each
 * pair are in explainFilter).
 *
 * @example
 * explainFilteredOut('programme_cap_exceeded', 12, 'en');
 * // "12 hidden: over what the employer's programme still allows"
 * explainFilteredOut('no_open_places', 3, 'ja'); // '3 件を除外：募集枠がすべて充足'
 */
export function explainFilteredOut(code: FilterCode, count: number, locale: MatchLocale): string {
  const reason = filteredOutTexts[locale][code];
  return locale === 'en' ? `${count} hidden: ${reason}` : `${count} 件を除外：${reason}`;
}

/**
 * A pair in words: a text per factor or failed filter, and a one-line summary. The summary of
 * an eligible pair names skills, then the tie to the region (if any), shared themes (if any) and
 * travel (unless its location is unknown), in short forms; schedule is left to the parts.
 *
 * @example
 * explainPair(evaluatePair(worker, challenge), 'en').summary;
 * // '3 of 4 required skills; grew up in this prefecture; 2h 10m by Shinkansen'
 * explainPair(evaluatePair(worker, challenge), 'ja').summary;
 * // '必須スキル 4 件中 3 件；この県の出身；新幹線で 2 時間 10 分'
 */
export function explainPair(evaluation: PairEvaluation, locale: MatchLocale): PairExplanation {
  const separator = summarySeparator[locale];
  if (!evaluation.eligible) {
    const parts = evaluation.filters.map((f) => ({ key: f.code, text: explainFilter(f, locale) }));
    return { summary: parts.map((p) => p.text).join(separator), parts };
  }
  const parts = evaluation.factors.map((f) => ({ key: f.factor, text: explainFactor(f, locale) }));
  const summary: string[] = [];
  for (const factor of ['skill_coverage', 'regional_affinity', 'theme_fit', 'travel'] as const) {
    const result = evaluation.factors.find((f) => f.factor === factor);
    if (result === undefined) continue;
    if (result.factor === 'skill_coverage') {
      summary.push(explainSkills(result.detail, locale, true));
    } else if (result.factor === 'regional_affinity') {
      if (result.detail.kind !== null) summary.push(explainFactor(result, locale));
    } else if (result.factor === 'theme_fit') {
      if (result.detail.shared > 0) summary.push(explainFactor(result, locale));
    } else if (result.factor === 'travel') {
      const detail = result.detail;
      if (detail.applicable || detail.reason !== 'location_unknown') {
        summary.push(explainTravel(detail, locale, true));
      }
    }
  }
  return { summary: summary.join(separator), parts };
}

function explainSkills(detail: SkillCoverageDetail, locale: MatchLocale, short: boolean): string {
  const en = locale === 'en';
  const { required, met, welcome, welcomeMet, gaps } = detail;
  let text = en
    ? required === 0
      ? 'no required skills'
      : `${met} of ${required} required ${plural(required, 'skill')}`
    : required === 0
      ? '必須スキルなし'
      : `必須スキル ${required} 件中 ${met} 件`;
  if (short) return text;
  const below = gaps.filter((g) => g.heldLevel > 0).map((g) => skillLabels[locale][g.skill]);
  const missing = gaps.filter((g) => g.heldLevel === 0).map((g) => skillLabels[locale][g.skill]);
  const notes: string[] = [];
  const items = listSeparator[locale];
  if (below.length > 0) {
    notes.push(
      en ? `below the level asked: ${below.join(items)}` : `レベル不足：${below.join(items)}`,
    );
  }
  if (missing.length > 0) {
    notes.push(en ? `missing: ${missing.join(items)}` : `未保有：${missing.join(items)}`);
  }
  if (notes.length > 0) {
    text += en ? ` (${notes.join('; ')})` : `（${notes.join('、')}）`;
  }
  if (welcome > 0) {
    text += en
      ? `, ${welcomeMet} of ${welcome} welcome ${plural(welcome, 'skill')}`
      : `、歓迎スキル ${welcome} 件中 ${welcomeMet} 件`;
  }
  return text;
}

function explainTravel(detail: TravelDetail, locale: MatchLocale, short: boolean): string {
  if (!detail.applicable) return travelNotApplicableTexts[locale][detail.reason];
  const mode = modeLabels[locale][detail.mode];
  const duration = formatDuration(detail.durationMin, locale);
  if (locale === 'en') {
    const head = `${duration} by ${mode}`;
    if (short) return head;
    const trips = formatAmount(detail.tripsPerMonth);
    return (
      `${head} each way (${formatNumber(detail.distanceKm, 0)} km), ` +
      `${formatNumber(detail.co2KgPerRoundTrip, 1)} kg CO2 per round trip, ` +
      `${trips} ${plural(detail.tripsPerMonth, 'trip')} a month`
    );
  }
  if (short) return `${mode}で ${duration}`;
  return (
    `${mode}で片道 ${duration}（${formatNumber(detail.distanceKm, 0)} km）、` +
    `往復 CO2 ${formatNumber(detail.co2KgPerRoundTrip, 1)} kg、` +
    `月 ${formatAmount(detail.tripsPerMonth)} 往復`
  );
}

/**
 * A duration as people write it.
 *
 * @example
 * formatDuration(130, 'en'); // '2h 10m'
 * formatDuration(130, 'ja'); // '2 時間 10 分'
 */
export function formatDuration(durationMin: number, locale: MatchLocale): string {
  const total = Math.round(durationMin);
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  if (locale === 'en') {
    if (hours === 0) return `${minutes}m`;
    return minutes === 0 ? `${hours}h` : `${hours}h ${minutes}m`;
  }
  if (hours === 0) return `${minutes} 分`;
  return minutes === 0 ? `${hours} 時間` : `${hours} 時間 ${minutes} 分`;
}

/** Up to one decimal, none when whole: 32 → '32', 7.5 → '7.5', 8.333… → '8.3'. */
function formatAmount(value: number): string {
  const tenths = Math.round(value * 10) / 10;
  return formatNumber(tenths, Number.isInteger(tenths) ? 0 : 1);
}

/** Fixed decimals with thousands separators (the same in both locales): 1234.5 → '1,234.5'. */
function formatNumber(value: number, decimals: number): string {
  const fixed = value.toFixed(decimals);
  const [whole = '', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function plural(count: number, noun: string): string {
  return count === 1 ? noun : `${noun}s`;
}

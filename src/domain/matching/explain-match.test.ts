import { describe, expect, it } from 'vitest';
import { evaluatePair } from './evaluate-pair';
import {
  explainFactor,
  explainFilter,
  explainFilteredOut,
  explainPair,
  formatDuration,
} from './explain-match';
import { filterCodes } from './match-factors';
import type { EligiblePair, FactorResult, FilterFailure } from './match-factors';
import { aChallenge, aWorker, hostedIn, places } from './match-test-fixtures';

const base = { weight: 0.2, value: 0.5, contribution: 0.1 };

const skills: FactorResult = {
  factor: 'skill_coverage',
  ...base,
  detail: {
    required: 4,
    met: 3,
    belowLevel: 0,
    missing: 1,
    welcome: 0,
    welcomeMet: 0,
    gaps: [{ skill: 'legal', level: 2, heldLevel: 0 }],
  },
};
const affinity: FactorResult = {
  factor: 'regional_affinity',
  ...base,
  detail: { kind: 'hometown', scope: 'prefecture', ties: 1 },
};
const themes: FactorResult = {
  factor: 'theme_fit',
  ...base,
  detail: { shared: 0, challengeThemes: 2, workerInterests: 3, sharedThemes: [] },
};
const travel: FactorResult = {
  factor: 'travel',
  ...base,
  detail: {
    applicable: true,
    onsiteDaysPerMonth: 4,
    mode: 'rail',
    greatCircleKm: 80,
    detourFactor: 1.25,
    distanceKm: 100,
    durationMin: 130,
    co2KgPerRoundTrip: 3.4,
    tripsPerMonth: 4,
    co2KgPerMonth: 13.6,
  },
};
const schedule: FactorResult = {
  factor: 'schedule_fit',
  ...base,
  detail: {
    startDate: '2027-04-01',
    availableFrom: '2027-03-20',
    daysAfterAvailable: 12,
    hoursPerMonth: 20,
    spareHoursPerMonth: 40,
  },
};
const pair: EligiblePair = {
  eligible: true,
  score: 0.5,
  factors: [skills, themes, affinity, travel, schedule],
};

describe('explainPair', () => {
  it('summarises an eligible pair in English: skills; tie to the region; travel', () => {
    expect(explainPair(pair, 'en').summary).toBe(
      '3 of 4 required skills; grew up in this prefecture; 2h 10m by rail',
    );
  });

  it('summarises an eligible pair in Japanese', () => {
    expect(explainPair(pair, 'ja').summary).toBe(
      '必須スキル 4 件中 3 件；この県の出身；鉄道で 2 時間 10 分',
    );
  });

  it('gives one text per factor, in factor order', () => {
    expect(explainPair(pair, 'en').parts).toEqual([
      { key: 'skill_coverage', text: '3 of 4 required skills (missing: legal)' },
      { key: 'theme_fit', text: 'no shared themes' },
      { key: 'regional_affinity', text: 'grew up in this prefecture' },
      {
        key: 'travel',
        text: '2h 10m by rail each way (100 km), 3.4 kg CO2 per round trip, 4 trips a month',
      },
      {
        key: 'schedule_fit',
        text: 'starts 12 days after availability, uses 20 of 40 spare hours a month',
      },
    ]);
    expect(explainPair(pair, 'ja').parts.map((p) => p.text)).toEqual([
      '必須スキル 4 件中 3 件（未保有：法務）',
      '関心テーマの一致なし',
      'この県の出身',
      '鉄道で片道 2 時間 10 分（100 km）、往復 CO2 3.4 kg、月 4 往復',
      '稼働可能日の 12 日後に開始、月の空き時間 40 時間中 20 時間を使用',
    ]);
  });

  it('lists every failed filter for an ineligible pair', () => {
    const evaluation = evaluatePair(
      aWorker({ preferredStyles: ['remote'], availableHoursPerMonth: 16 }),
      aChallenge({ style: 'onsite', hoursPerMonth: 24 }),
    );
    expect(explainPair(evaluation, 'en')).toEqual({
      summary: 'needs 24 h a month, 16 h available; on-site work, prefers remote',
      parts: [
        { key: 'insufficient_availability', text: 'needs 24 h a month, 16 h available' },
        { key: 'style_incompatible', text: 'on-site work, prefers remote' },
      ],
    });
    expect(explainPair(evaluation, 'ja').summary).toBe(
      '月 24 時間が必要、空き時間は月 16 時間；現地勤務の仕事、希望はリモート',
    );
  });

  it('explains a real evaluation end to end, shared themes and remote work included', () => {
    const evaluation = evaluatePair(
      aWorker({
        affinities: [{ kind: 'family', prefectureCode: '01', municipalityCode: '011002' }],
      }),
      aChallenge({ ...hostedIn(places.sapporo), style: 'remote', themes: ['tourism', 'culture'] }),
    );
    expect(explainPair(evaluation, 'en').summary).toBe(
      '2 of 2 required skills; has family in this municipality; interested in 1 of 2 themes (tourism); remote: no travel',
    );
    expect(explainPair(evaluation, 'ja').summary).toBe(
      '必須スキル 2 件中 2 件；この市区町村に家族がいる；テーマ 2 件中 1 件に関心（観光）；リモートのため移動なし',
    );
  });

  it('leaves travel out of the summary when a location is unknown', () => {
    const evaluation = evaluatePair(aWorker({ homeLat: null, homeLng: null }), aChallenge());
    expect(explainPair(evaluation, 'en').summary).toBe(
      '2 of 2 required skills; interested in 1 of 1 theme (tourism)',
    );
    expect(explainPair(evaluation, 'en').parts[3]).toEqual({
      key: 'travel',
      text: 'travel not estimated (location unknown)',
    });
  });
});

describe('explainFactor', () => {
  it('names skills below the level asked and missing ones, and welcome skills', () => {
    const result: FactorResult = {
      ...skills,
      factor: 'skill_coverage',
      detail: {
        required: 3,
        met: 1,
        belowLevel: 1,
        missing: 1,
        welcome: 2,
        welcomeMet: 1,
        gaps: [
          { skill: 'accounting', level: 3, heldLevel: 2 },
          { skill: 'legal', level: 2, heldLevel: 0 },
        ],
      },
    };
    expect(explainFactor(result, 'en')).toBe(
      '1 of 3 required skills (below the level asked: accounting; missing: legal), 1 of 2 welcome skills',
    );
    expect(explainFactor(result, 'ja')).toBe(
      '必須スキル 3 件中 1 件（レベル不足：経理・会計、未保有：法務）、歓迎スキル 2 件中 1 件',
    );
  });

  it('says when no skills are required', () => {
    const result: FactorResult = {
      ...skills,
      factor: 'skill_coverage',
      detail: {
        required: 0,
        met: 0,
        belowLevel: 0,
        missing: 0,
        welcome: 0,
        welcomeMet: 0,
        gaps: [],
      },
    };
    expect(explainFactor(result, 'en')).toBe('no required skills');
    expect(explainFactor(result, 'ja')).toBe('必須スキルなし');
  });

  it('names shared themes in the reader’s language', () => {
    const result: FactorResult = {
      ...themes,
      factor: 'theme_fit',
      detail: {
        shared: 2,
        challengeThemes: 3,
        workerInterests: 2,
        sharedThemes: ['agriculture_food', 'digital_dx'],
      },
    };
    expect(explainFactor(result, 'en')).toBe(
      'interested in 2 of 3 themes (agriculture and food, digital/DX)',
    );
    expect(explainFactor(result, 'ja')).toBe('テーマ 3 件中 2 件に関心（農業・食、デジタル・DX）');
  });

  it('distinguishes a tie to the municipality from one to the prefecture, and counts ties', () => {
    const town: FactorResult = {
      ...affinity,
      factor: 'regional_affinity',
      detail: { kind: 'past_residence', scope: 'municipality', ties: 2 },
    };
    expect(explainFactor(town, 'en')).toBe(
      'has lived in this municipality (2 ties to this region)',
    );
    expect(explainFactor(town, 'ja')).toBe('この市区町村に住んでいたことがある（ゆかり 2 件）');
    const none: FactorResult = {
      ...affinity,
      factor: 'regional_affinity',
      detail: { kind: null, scope: null, ties: 0 },
    };
    expect(explainFactor(none, 'en')).toBe('no stated tie to this region');
    expect(explainFactor(none, 'ja')).toBe('この地域とのゆかりの登録なし');
  });

  it('explains Shinkansen and air travel with distance, CO2 and trips', () => {
    const shinkansen: FactorResult = {
      ...travel,
      factor: 'travel',
      detail: {
        applicable: true,
        onsiteDaysPerMonth: 3,
        mode: 'shinkansen',
        greatCircleKm: 400,
        detourFactor: 1.25,
        distanceKm: 500,
        durationMin: 210,
        co2KgPerRoundTrip: 20,
        tripsPerMonth: 1,
        co2KgPerMonth: 20,
      },
    };
    expect(explainFactor(shinkansen, 'en')).toBe(
      '3h 30m by Shinkansen each way (500 km), 20.0 kg CO2 per round trip, 1 trip a month',
    );
    expect(explainFactor(shinkansen, 'ja')).toBe(
      '新幹線で片道 3 時間 30 分（500 km）、往復 CO2 20.0 kg、月 1 往復',
    );
    const air: FactorResult = {
      ...travel,
      factor: 'travel',
      detail: {
        applicable: true,
        onsiteDaysPerMonth: 8,
        mode: 'air',
        greatCircleKm: 1000,
        detourFactor: 1.1,
        distanceKm: 1100,
        durationMin: 260,
        co2KgPerRoundTrip: 200.2,
        tripsPerMonth: 2,
        co2KgPerMonth: 400.4,
      },
    };
    expect(explainFactor(air, 'en')).toBe(
      '4h 20m by air each way (1,100 km), 200.2 kg CO2 per round trip, 2 trips a month',
    );
    expect(explainFactor(air, 'ja')).toBe(
      '飛行機で片道 4 時間 20 分（1,100 km）、往復 CO2 200.2 kg、月 2 往復',
    );
  });

  it('gives remote work and missing locations their own reason', () => {
    const remote: FactorResult = {
      ...travel,
      factor: 'travel',
      weight: 0,
      detail: { applicable: false, reason: 'remote' },
    };
    expect(explainFactor(remote, 'en')).toBe('remote: no travel');
    expect(explainFactor(remote, 'ja')).toBe('リモートのため移動なし');
    const noDays: FactorResult = {
      ...remote,
      detail: { applicable: false, reason: 'no_onsite_days' },
    };
    expect(explainFactor(noDays, 'en')).toBe('no on-site days: no travel');
    expect(explainFactor(noDays, 'ja')).toBe('現地勤務日がないため移動なし');
  });

  it('explains a start any time and on the first day available', () => {
    const anyTime: FactorResult = {
      ...schedule,
      factor: 'schedule_fit',
      detail: {
        startDate: '2027-04-01',
        availableFrom: null,
        daysAfterAvailable: null,
        hoursPerMonth: 7.5,
        spareHoursPerMonth: 32,
      },
    };
    expect(explainFactor(anyTime, 'en')).toBe(
      'can start any time, uses 7.5 of 32 spare hours a month',
    );
    expect(explainFactor(anyTime, 'ja')).toBe(
      'いつでも開始可能、月の空き時間 32 時間中 7.5 時間を使用',
    );
    const firstDay: FactorResult = {
      ...anyTime,
      factor: 'schedule_fit',
      detail: { ...anyTime.detail, availableFrom: '2027-04-01', daysAfterAvailable: 0 },
    };
    expect(explainFactor(firstDay, 'en')).toMatch(/^starts on the first day available, /);
    expect(explainFactor(firstDay, 'ja')).toMatch(/^稼働可能日に開始、/);
  });
});

describe('explainFilter', () => {
  const cases: [FilterFailure, string, string][] = [
    [
      { code: 'programme_not_eligible', detail: { programmeId: 'p1' } },
      "not eligible under the employer's programme",
      '勤務先の兼業制度の対象外',
    ],
    [
      {
        code: 'programme_cap_exceeded',
        detail: {
          programmeId: 'p1',
          hoursPerMonth: 24,
          capHoursPerMonth: 32,
          committedHoursPerMonth: 16,
          remainingHoursPerMonth: 16,
        },
      },
      'needs 24 h a month, the programme allows 16 h more (cap 32 h, 16 h committed)',
      '月 24 時間が必要、制度の残り枠は月 16 時間（上限 32 時間、うち 16 時間は割当済み）',
    ],
    [
      {
        code: 'programme_cap_exceeded',
        detail: {
          programmeId: 'p1',
          hoursPerMonth: 8,
          capHoursPerMonth: 32,
          committedHoursPerMonth: 40,
          remainingHoursPerMonth: -8,
        },
      },
      'needs 8 h a month, the programme allows 0 h more (cap 32 h, 40 h committed)',
      '月 8 時間が必要、制度の残り枠は月 0 時間（上限 32 時間、うち 40 時間は割当済み）',
    ],
    [
      {
        code: 'insufficient_availability',
        detail: { hoursPerMonth: 20, availableHoursPerMonth: 12.5 },
      },
      'needs 20 h a month, 12.5 h available',
      '月 20 時間が必要、空き時間は月 12.5 時間',
    ],
    [
      {
        code: 'style_incompatible',
        detail: { challengeStyle: 'hybrid', preferredStyles: ['remote'] },
      },
      'hybrid work, prefers remote',
      'ハイブリッドの仕事、希望はリモート',
    ],
    [
      {
        code: 'starts_before_available',
        detail: { startDate: '2027-04-01', availableFrom: '2027-06-01' },
      },
      'starts 2027-04-01, before availability from 2027-06-01',
      '開始日 2027-04-01 が稼働可能日 2027-06-01 より前',
    ],
    [
      { code: 'no_open_places', detail: { places: 3, filledPlaces: 3 } },
      'all 3 places filled',
      '募集枠 3 名はすべて充足',
    ],
    [
      { code: 'no_open_places', detail: { places: 1, filledPlaces: 1 } },
      'the only place is filled',
      '募集枠 1 名はすべて充足',
    ],
    [
      { code: 'applications_full', detail: { openApplications: 10, maxOpenApplications: 10 } },
      'applications full (10 of 10 open)',
      '応募受付の上限に達している（上限 10 件、受付中 10 件）',
    ],
  ];

  it.each(cases)('explains %j', (failure, en, ja) => {
    expect(explainFilter(failure, 'en')).toBe(en);
    expect(explainFilter(failure, 'ja')).toBe(ja);
  });
});

describe('explainFilteredOut', () => {
  it('says how many one filter hid, in both languages, for every filter', () => {
    expect(explainFilteredOut('programme_cap_exceeded', 12, 'en')).toBe(
      "12 hidden: over what the employer's programme still allows",
    );
    expect(explainFilteredOut('no_open_places', 3, 'ja')).toBe('3 件を除外：募集枠がすべて充足');
    for (const code of filterCodes) {
      expect(explainFilteredOut(code, 1, 'en')).toMatch(/^1 hidden: \S/);
      expect(explainFilteredOut(code, 1, 'ja')).toMatch(/^1 件を除外：\S/);
    }
  });
});

describe('formatDuration', () => {
  it('writes hours and minutes, leaving out a zero part', () => {
    expect(formatDuration(45, 'en')).toBe('45m');
    expect(formatDuration(120, 'en')).toBe('2h');
    expect(formatDuration(130, 'en')).toBe('2h 10m');
    expect(formatDuration(45, 'ja')).toBe('45 分');
    expect(formatDuration(120, 'ja')).toBe('2 時間');
    expect(formatDuration(130, 'ja')).toBe('2 時間 10 分');
  });
});

/** Valid request bodies for the matching API, so a test changes only what it is about. */

export function challengeBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '観光予約のDX',
    titleEn: 'Digitalising tourism bookings',
    description: '町内の宿泊施設の予約をオンライン化し、観光客の動きをデータで把握したい。',
    descriptionEn: 'Bring the town’s lodging bookings online and understand visitor flows.',
    themes: ['tourism', 'digital_dx'],
    requiredSkills: [{ skill: 'software_engineering', level: 3 }],
    welcomeSkills: [{ skill: 'marketing', level: 2 }],
    style: 'hybrid',
    onsiteDaysPerMonth: 2,
    hoursPerMonth: 16,
    startDate: '2027-01-04',
    periodMonths: 6,
    places: 2,
    terms: 'paid',
    feeYenPerMonth: 50_000,
    travelSupport: true,
    ...overrides,
  };
}

export function programmeBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'double_work',
    name: '社外兼業制度',
    description: '所定労働時間の20%まで地域の課題に取り組める制度',
    maxSharePercent: 20,
    contractedHoursPerMonth: 160,
    approvalRequired: true,
    travelSubsidyYenPerMonth: 20_000,
    ...overrides,
  };
}

export function profileBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    birthYear: 1978,
    gender: 'female',
    homeMunicipalityCode: '131016',
    skills: [
      { skill: 'marketing', level: 4, years: 15 },
      { skill: 'project_management', level: 3, years: 8 },
    ],
    interests: ['tourism', 'community'],
    affinities: [{ kind: 'hometown', prefectureCode: '200000', municipalityCode: '203211' }],
    availableHoursPerMonth: 20,
    availableFrom: '2027-01-01',
    preferredStyles: ['remote', 'hybrid'],
    languages: ['ja', 'en'],
    lifeStages: ['caregiving'],
    careerGoals: ['second_career', 'social_contribution'],
    sharing: {
      sharedWithHosts: true,
      openToOffers: false,
      sections: { skills: true, affinities: true, career: true, lifeStage: false, gender: false },
    },
    ...overrides,
  };
}

/** Profile sharing shown to hosts and open to offers; life stage and gender stay private. */
export const openShare = {
  sharedWithHosts: true,
  openToOffers: true,
  sections: { skills: true, affinities: true, career: true, lifeStage: false, gender: false },
};

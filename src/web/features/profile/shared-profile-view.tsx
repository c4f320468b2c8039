import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SharedProfileView } from '../../../contracts/matching';
import { FactsTable, type Fact } from '../../components/facts-table';
import { useLanguage } from '../../i18n/use-language';
import { formatCalendarDate, formatList } from '../../lib/format';
import { skillWithLevel, themeLabel } from '../matching/matching-labels';
import { languageName } from './language-names';

/**
 * A worker's profile as the viewer may see it: the basics, then only the sections the reply
 * carries (a section the worker keeps to themselves is absent, and so is its row here).
 */
export function SharedProfileDetails({ profile: p }: { profile: SharedProfileView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const orNotGiven = (items: string[]) =>
    items.length > 0 ? formatList(items, language) : t('profile.notGiven');
  const rows: Fact[] = [
    { key: 'age', label: t('profile.ageBand'), value: p.ageBand ?? t('profile.notGiven') },
    {
      key: 'hours',
      label: t('profile.availableHours'),
      value:
        p.availableHoursPerMonth === null
          ? t('profile.notGiven')
          : t('challenges.hoursPerMonth', { hours: p.availableHoursPerMonth }),
    },
    {
      key: 'from',
      label: t('profile.availableFrom'),
      value: p.availableFrom ? formatCalendarDate(p.availableFrom, language) : t('profile.anyTime'),
    },
    {
      key: 'styles',
      label: t('profile.preferredStyles'),
      value: orNotGiven(p.preferredStyles.map((s) => t(`matching.styles.${s}`))),
    },
    {
      key: 'languages',
      label: t('profile.languages'),
      value: orNotGiven(p.languages.map((l) => languageName(l, language))),
    },
    {
      key: 'interests',
      label: t('profile.interests'),
      value: (
        <Group gap={6}>
          {p.interests.map((i) => (
            <Badge key={i} variant="light" color="grape">
              {themeLabel(i, language)}
            </Badge>
          ))}
        </Group>
      ),
    },
  ];
  if (p.skills) {
    rows.push({
      key: 'skills',
      label: t('profile.skills'),
      value: (
        <Group gap={6}>
          {p.skills.map((s) => (
            <Badge key={s.skill} variant="outline">
              {skillWithLevel(s.skill, s.level, language)}・
              {t('profile.yearsShort', { count: s.years })}
            </Badge>
          ))}
        </Group>
      ),
    });
  }
  if (p.affinities) {
    rows.push({
      key: 'affinities',
      label: t('profile.affinities'),
      value: (
        <Stack gap={2}>
          {p.homeMunicipalityName && (
            <Text size="sm">{t('profile.livesIn', { place: p.homeMunicipalityName })}</Text>
          )}
          {p.affinities.map((a) => (
            <Text size="sm" key={`${a.kind}-${a.prefectureCode}-${a.municipalityCode ?? ''}`}>
              {t(`matching.affinityKinds.${a.kind}`)}：{a.municipalityName ?? a.prefectureName}
            </Text>
          ))}
        </Stack>
      ),
    });
  }
  if (p.careerGoals) {
    rows.push({
      key: 'career',
      label: t('profile.careerGoals'),
      value: orNotGiven(p.careerGoals.map((g) => t(`matching.careerGoals.${g}`))),
    });
  }
  if (p.lifeStages) {
    rows.push({
      key: 'lifeStage',
      label: t('profile.lifeStages'),
      value: orNotGiven(p.lifeStages.map((s) => t(`matching.lifeStages.${s}`))),
    });
  }
  if (p.gender !== undefined) {
    rows.push({
      key: 'gender',
      label: t('profile.gender'),
      value: p.gender ? t(`matching.genders.${p.gender}`) : t('profile.notGiven'),
    });
  }
  return <FactsTable facts={rows} labelWidth="36%" testId="shared-profile" />;
}

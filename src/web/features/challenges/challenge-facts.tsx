import { Badge, Group, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SkillRequirement } from '../../../domain/matching/matching-model';
import type { Language } from '../../i18n/language';
import { FactsTable, type Fact } from '../../components/facts-table';
import { useLanguage } from '../../i18n/use-language';
import { formatCalendarDate, formatYen } from '../../lib/format';
import { skillWithLevel, themeLabel } from '../matching/matching-labels';
import type { Challenge } from './challenges-api';

/** Where a challenge takes place: its municipality, or the whole prefecture. */
export function placeOf(
  c: Pick<Challenge, 'municipalityName' | 'prefectureName'>,
  t: TFunction,
): string {
  return c.municipalityName ?? t('challenges.prefectureWide', { prefecture: c.prefectureName });
}

export function SkillBadges({
  skills,
  color = 'indigo',
}: {
  skills: readonly SkillRequirement[];
  color?: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (skills.length === 0) return <Text size="sm">{t('challenges.none')}</Text>;
  return (
    <Group gap={6}>
      {skills.map((s) => (
        <Badge key={s.skill} variant="outline" color={color}>
          {skillWithLevel(s.skill, s.level, language)}
        </Badge>
      ))}
    </Group>
  );
}

export function ThemeBadges({ themes }: { themes: Challenge['themes'] }) {
  const language = useLanguage();
  return (
    <Group gap={6}>
      {themes.map((theme) => (
        <Badge key={theme} variant="light" color="grape">
          {themeLabel(theme, language)}
        </Badge>
      ))}
    </Group>
  );
}

type TermsOf = Pick<
  Challenge,
  'style' | 'onsiteDaysPerMonth' | 'hoursPerMonth' | 'periodMonths' | 'terms' | 'feeYenPerMonth'
>;

/** The host, and the place when it is not the host itself: '長野県 ・ 軽井沢町'. */
export function hostAndPlace(
  c: Pick<Challenge, 'hostName' | 'municipalityName' | 'prefectureName'>,
  t: TFunction,
): string {
  const place = placeOf(c, t);
  return place === c.hostName ? c.hostName : `${c.hostName} ・ ${place}`;
}

/** Remote, or the style with its days on site: 'ハイブリッド（現地 月2日）'. */
export function styleText(
  c: Pick<Challenge, 'style' | 'onsiteDaysPerMonth'>,
  t: TFunction,
): string {
  return c.style === 'remote'
    ? t('matching.styles.remote')
    : t('challenges.styleWithDays', {
        style: t(`matching.styles.${c.style}`),
        days: c.onsiteDaysPerMonth,
      });
}

/** The terms, with the fee when paid: '有償（月¥30,000）'. */
export function payText(
  c: Pick<Challenge, 'terms' | 'feeYenPerMonth'>,
  t: TFunction,
  language: Language,
): string {
  return c.terms === 'paid' && c.feeYenPerMonth !== null
    ? t('challenges.paidWithFee', { fee: formatYen(c.feeYenPerMonth, language) })
    : t(`matching.terms.${c.terms}`);
}

/** The terms of a challenge in one line: style, hours, period and pay. */
export function challengeTermsLine(c: TermsOf, t: TFunction, language: Language): string {
  return [
    styleText(c, t),
    t('challenges.hoursPerMonth', { hours: c.hoursPerMonth }),
    t('challenges.periodMonths', { months: c.periodMonths }),
    payText(c, t, language),
  ].join(' ・ ');
}

/** Everything a worker weighs about a challenge, as a two-column table. */
export function ChallengeFacts({ challenge: c }: { challenge: Challenge }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rows: Fact[] = [
    { key: 'host', label: t('challenges.host'), value: c.hostName },
    { key: 'place', label: t('challenges.place'), value: placeOf(c, t) },
    { key: 'themes', label: t('challenges.themes'), value: <ThemeBadges themes={c.themes} /> },
    {
      key: 'required',
      label: t('challenges.requiredSkills'),
      value: <SkillBadges skills={c.requiredSkills} />,
    },
    {
      key: 'welcome',
      label: t('challenges.welcomeSkills'),
      value: <SkillBadges skills={c.welcomeSkills} color="gray" />,
    },
    {
      key: 'style',
      label: t('challenges.style'),
      value: styleText(c, t),
    },
    {
      key: 'hours',
      label: t('challenges.hours'),
      value: t('challenges.hoursPerMonth', { hours: c.hoursPerMonth }),
    },
    {
      key: 'period',
      label: t('challenges.period'),
      value: t('challenges.periodFrom', {
        start: formatCalendarDate(c.startDate, language),
        months: c.periodMonths,
      }),
    },
    {
      key: 'places',
      label: t('challenges.places'),
      value: t('challenges.placesFilled', { places: c.places, filled: c.filledPlaces }),
    },
    {
      key: 'terms',
      label: t('challenges.terms'),
      value: payText(c, t, language),
    },
    {
      key: 'travel',
      label: t('challenges.travelSupport'),
      value: c.travelSupport ? t('challenges.travelSupported') : t('challenges.noTravelSupport'),
    },
  ];
  return (
    <FactsTable facts={rows} labelWidth={{ base: '38%', sm: '28%' }} testId="challenge-facts" />
  );
}

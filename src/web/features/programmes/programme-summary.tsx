import { Badge, Group, List, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/use-language';
import { formatYen } from '../../lib/format';
import type { Programme } from './programmes-api';

/** The terms of a programme in plain words: its share of hours, who may join, approval, money. */
export function ProgrammeSummary({ programme: p }: { programme: Programme }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const e = p.eligibility;
  const who = [
    e.minAge !== null && e.maxAge !== null
      ? t('programmes.terms.ageBetween', { min: e.minAge, max: e.maxAge })
      : e.minAge !== null
        ? t('programmes.terms.ageFrom', { min: e.minAge })
        : e.maxAge !== null
          ? t('programmes.terms.ageUpTo', { max: e.maxAge })
          : null,
    e.minTenureYears !== null ? t('programmes.terms.tenure', { years: e.minTenureYears }) : null,
  ].filter((x): x is string => x !== null);
  return (
    <>
      <Group gap="xs" wrap="wrap">
        <Title order={3} size="h4">
          {p.name}
        </Title>
        <Badge variant="light">{t(`matching.programmeKinds.${p.kind}`)}</Badge>
        {p.retiredAt && (
          <Badge color="gray" variant="filled">
            {t('programmes.retired')}
          </Badge>
        )}
      </Group>
      {p.description && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {p.description}
        </Text>
      )}
      <List size="sm" spacing={2}>
        {p.maxSharePercent !== null && (
          <List.Item>
            {t('programmes.terms.share', {
              percent: p.maxSharePercent,
              contracted: p.contractedHoursPerMonth,
              cap: p.hourCapPerMonth ?? 0,
            })}
          </List.Item>
        )}
        {p.workation.maxDaysPerMonth !== null && (
          <List.Item>
            {t('programmes.terms.workationDays', { days: p.workation.maxDaysPerMonth })}
          </List.Item>
        )}
        <List.Item>
          {who.length > 0
            ? t('programmes.terms.who', { who: who.join(' ・ ') })
            : t('programmes.terms.everyone')}
        </List.Item>
        <List.Item>
          {p.approvalRequired ? t('programmes.terms.approval') : t('programmes.terms.noApproval')}
        </List.Item>
        {p.travelSubsidyYenPerMonth > 0 && (
          <List.Item>
            {t('programmes.terms.subsidy', {
              yen: formatYen(p.travelSubsidyYenPerMonth, language),
            })}
          </List.Item>
        )}
      </List>
      {p.workation.policy && (
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
          {p.workation.policy}
        </Text>
      )}
    </>
  );
}

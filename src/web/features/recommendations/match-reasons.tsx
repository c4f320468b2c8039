import { Button, Collapse, Group, List, Progress, RingProgress, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/use-language';
import { formatPercent } from '../../lib/format';
import type { Factor, FilteredOut } from './recommendations-api';

/** A score of 0..1 as a ring with the percentage, labelled for screen readers. */
export function ScoreRing({ score }: { score: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const percent = formatPercent(score, language);
  const color = score >= 0.7 ? 'teal' : score >= 0.5 ? 'indigo' : 'gray';
  return (
    <RingProgress
      size={72}
      thickness={7}
      roundCaps
      sections={[{ value: Math.round(score * 100), color }]}
      label={
        <Text ta="center" fw={700} size="sm" aria-hidden>
          {percent}
        </Text>
      }
      aria-label={t('recommendations.scoreLabel', { percent })}
      role="img"
      data-testid="match-score"
    />
  );
}

/**
 * Each factor of a score with its reason in words and what it added: a bar of its share of the
 * score. A factor left out for this pair (travel of remote work) says so instead of a bar.
 */
export function FactorList({ factors }: { factors: readonly Factor[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Stack
      gap={6}
      component="ul"
      style={{ listStyle: 'none', margin: 0, padding: 0 }}
      data-testid="match-factors"
    >
      {factors.map((f) => (
        <li key={f.factor} data-factor={f.factor}>
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Text size="sm" style={{ flex: 1 }}>
              <Text span fw={600}>
                {t(`recommendations.factors.${f.factor}`)}
              </Text>
              {'：'}
              <span data-testid="factor-text">{f.text}</span>
            </Text>
            <Text
              size="xs"
              c="dimmed"
              style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
            >
              {f.weight === 0
                ? t('recommendations.notCounted')
                : t('recommendations.contribution', {
                    points: formatPercent(f.contribution, language),
                  })}
            </Text>
          </Group>
          {f.weight > 0 && (
            <Progress
              value={f.value * 100}
              size="sm"
              color={f.value >= 0.7 ? 'teal' : f.value >= 0.4 ? 'indigo' : 'orange'}
              aria-label={t('recommendations.factorValue', {
                factor: t(`recommendations.factors.${f.factor}`),
                percent: formatPercent(f.value, language),
              })}
            />
          )}
        </li>
      ))}
    </Stack>
  );
}

/** The factors behind a toggle, for lists long enough that every breakdown at once is too much. */
export function FoldedFactorList({ factors, id }: { factors: readonly Factor[]; id: string }) {
  const { t } = useTranslation();
  const [opened, { toggle }] = useDisclosure(false);
  return (
    <Stack gap="xs">
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={toggle}
        aria-expanded={opened}
        aria-controls={id}
        style={{ alignSelf: 'flex-start' }}
      >
        {opened ? t('recommendations.hideFactors') : t('recommendations.showFactors')}
      </Button>
      <Collapse expanded={opened} id={id}>
        <FactorList factors={factors} />
      </Collapse>
    </Stack>
  );
}

/** "n more hidden because …", with the count per hard filter as the server words it. */
export function HiddenCounts({
  filteredOut,
  what,
}: {
  filteredOut: FilteredOut;
  what: 'challenges' | 'workers';
}) {
  const { t } = useTranslation();
  if (filteredOut.total === 0) return null;
  return (
    <Stack gap={4} data-testid="filtered-out">
      <Text size="sm" fw={600}>
        {t(`recommendations.hidden.${what}`, { count: filteredOut.total })}
      </Text>
      <List size="sm" spacing={2}>
        {filteredOut.byReason.map((r) => (
          // The server's text carries the count ("8 件を除外：…").
          <List.Item key={r.reason}>{r.text}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

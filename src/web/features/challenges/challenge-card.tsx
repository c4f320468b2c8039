import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '../../i18n/use-language';
import { localized } from '../matching/matching-labels';
import { ApplicationStatusBadge } from '../applications/application-status-badge';
import type { ApplicationStatus } from '../../../domain/engagement/application-workflow';
import { challengeTermsLine, hostAndPlace, SkillBadges, ThemeBadges } from './challenge-facts';
import type { Challenge } from './challenges-api';

export const challengePath = (id: string) => `/challenges/${encodeURIComponent(id)}`;

/**
 * A challenge in a list a worker reads: the title (its link), the host and place, the terms in
 * one line, themes and required skills. `children` adds what the list is about (e.g. reasons).
 */
export function ChallengeCard({
  challenge: c,
  status,
  headingLevel = 2,
  children,
  testId = 'challenge-card',
}: {
  challenge: Challenge;
  status?: ApplicationStatus | null;
  headingLevel?: 2 | 3;
  children?: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <Card withBorder radius="md" padding="md" component="article" data-testid={testId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Heading style={{ margin: 0, fontSize: 'var(--mantine-font-size-lg)', lineHeight: 1.4 }}>
            <Anchor component={Link} to={challengePath(c.id)} inherit>
              {localized(c.title, c.titleEn, language)}
            </Anchor>
          </Heading>
          {status && <ApplicationStatusBadge status={status} />}
        </Group>
        <Text size="sm" c="dimmed">
          {hostAndPlace(c, t)}
        </Text>
        <Text size="sm">{challengeTermsLine(c, t, language)}</Text>
        <ThemeBadges themes={c.themes} />
        {c.requiredSkills.length > 0 && (
          <Group gap="xs" wrap="wrap">
            <Text size="xs" c="dimmed">
              {t('challenges.requiredSkills')}
            </Text>
            <SkillBadges skills={c.requiredSkills} />
          </Group>
        )}
        {children}
      </Stack>
    </Card>
  );
}

import { Alert, Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { PageLoader } from '../../components/page-loader';
import { useLanguage } from '../../i18n/use-language';
import { formatList } from '../../lib/format';
import { ApplicationStatusBadge } from '../applications/application-status-badge';
import { challengePath } from '../challenges/challenge-card';
import { challengeTermsLine, hostAndPlace, ThemeBadges } from '../challenges/challenge-facts';
import { localized } from '../matching/matching-labels';
import { FactorList, HiddenCounts, ScoreRing } from './match-reasons';
import {
  fetchMyRecommendations,
  recommendationKeys,
  type ChallengeRecommendation,
} from './recommendations-api';

function RecommendationCard({ item, rank }: { item: ChallengeRecommendation; rank: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const c = item.challenge;
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="article"
      aria-labelledby={`recommendation-${c.id}`}
      data-testid="recommendation"
      data-challenge-id={c.id}
    >
      <Stack gap="sm">
        <Group align="flex-start" wrap="nowrap" gap="md">
          <ScoreRing score={item.score} />
          <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
            <Group gap="xs" wrap="wrap">
              <Badge variant="outline" color="gray" size="sm">
                {t('recommendations.rank', { rank })}
              </Badge>
              {item.myApplication && <ApplicationStatusBadge status={item.myApplication.status} />}
            </Group>
            <Title order={2} size="h4" id={`recommendation-${c.id}`}>
              <Anchor component={Link} to={challengePath(c.id)} inherit>
                {localized(c.title, c.titleEn, language)}
              </Anchor>
            </Title>
            <Text size="sm" c="dimmed">
              {hostAndPlace(
                { ...c, hostName: language === 'en' && c.hostNameEn ? c.hostNameEn : c.hostName },
                t,
              )}
            </Text>
            <Text size="sm">{challengeTermsLine(c, t, language)}</Text>
          </Stack>
        </Group>
        <Text fw={600} size="sm" data-testid="recommendation-summary">
          {item.summary}
        </Text>
        <ThemeBadges themes={c.themes} />
        <FactorList factors={item.factors} />
      </Stack>
    </Card>
  );
}

/** おすすめ: open challenges that suit the worker, best first, each with its reasons. */
export function RecommendationsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const recommendations = useQuery({
    queryKey: recommendationKeys.mine(language),
    queryFn: ({ signal }) => fetchMyRecommendations(language, signal),
  });
  const data = recommendations.data;
  return (
    <Stack gap="lg">
      <Title order={1} data-testid="recommendations-heading">
        {t('recommendations.title')}
      </Title>
      <Text c="dimmed">{t('recommendations.intro')}</Text>
      {recommendations.isPending && <PageLoader />}
      {recommendations.isError && <ApiErrorAlert error={recommendations.error} />}
      {data && data.profileGaps.length > 0 && (
        <Alert color="yellow" variant="light" title={t('recommendations.gapsTitle')}>
          <Text size="sm">
            {t('recommendations.gapsBody', {
              items: formatList(
                data.profileGaps.map((g) => t(`recommendations.gaps.${g}`)),
                language,
              ),
            })}{' '}
            <Anchor component={Link} to="/profile">
              {t('recommendations.editProfile')}
            </Anchor>
          </Text>
        </Alert>
      )}
      {data && (
        <Text size="sm" role="status" data-testid="recommendations-count">
          {t('recommendations.counts', { shown: data.items.length, considered: data.considered })}
        </Text>
      )}
      {data && data.items.length === 0 && <Text c="dimmed">{t('recommendations.none')}</Text>}
      {data && (
        <Stack gap="sm">
          {data.items.map((item, i) => (
            <RecommendationCard key={item.challenge.id} item={item} rank={i + 1} />
          ))}
        </Stack>
      )}
      {data && (
        <Card withBorder radius="md" padding="md" bg="var(--mantine-color-gray-light)">
          <HiddenCounts filteredOut={data.filteredOut} what="challenges" />
          {data.filteredOut.total === 0 && (
            <Text size="sm" c="dimmed">
              {t('recommendations.nothingHidden')}
            </Text>
          )}
          <Text size="xs" c="dimmed" mt="xs">
            {t('recommendations.howScored')}
          </Text>
        </Card>
      )}
    </Stack>
  );
}

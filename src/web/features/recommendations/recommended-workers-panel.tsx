import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { PageLoader } from '../../components/page-loader';
import { useLanguage } from '../../i18n/use-language';
import { WorkerProfileModal } from '../applications/worker-profile-modal';
import { FoldedFactorList, HiddenCounts, ScoreRing } from './match-reasons';
import { fetchRecommendedWorkers, recommendationKeys } from './recommendations-api';

/**
 * Workers open to offers who suit a challenge, for its host: each with the score and reasons,
 * scored and shown only on what the worker shares with hosts.
 */
export function RecommendedWorkersPanel({ challengeId }: { challengeId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [profileOf, setProfileOf] = useState<{ userId: string; name: string } | null>(null);
  const workers = useQuery({
    queryKey: recommendationKeys.forChallenge(challengeId, language),
    queryFn: ({ signal }) => fetchRecommendedWorkers(challengeId, language, signal),
  });
  if (workers.isPending) return <PageLoader />;
  if (workers.isError) return <ApiErrorAlert error={workers.error} />;
  const data = workers.data;
  return (
    <Stack gap="sm" data-testid="recommended-workers">
      <Text size="sm" c="dimmed">
        {t('recommendedWorkers.intro', { considered: data.considered })}
      </Text>
      {data.items.length === 0 && <Text c="dimmed">{t('recommendedWorkers.none')}</Text>}
      {data.items.map((item) => (
        <Card key={item.worker.userId} withBorder radius="md" padding="md" component="article">
          <Stack gap="sm">
            <Group align="flex-start" wrap="nowrap" gap="md">
              <ScoreRing score={item.score} />
              <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                <Text fw={600}>{item.worker.name}</Text>
                <Text size="sm" c="dimmed">
                  {[
                    item.worker.ageBand,
                    item.worker.availableHoursPerMonth !== null
                      ? t('challenges.hoursPerMonth', { hours: item.worker.availableHoursPerMonth })
                      : null,
                  ]
                    .filter(Boolean)
                    .join(' ・ ')}
                </Text>
                <Text size="sm" fw={600}>
                  {item.summary}
                </Text>
              </Stack>
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => setProfileOf({ userId: item.worker.userId, name: item.worker.name })}
              >
                {t('applicants.viewProfile')}
              </Button>
            </Group>
            <FoldedFactorList factors={item.factors} id={`factors-${item.worker.userId}`} />
          </Stack>
        </Card>
      ))}
      <HiddenCounts filteredOut={data.filteredOut} what="workers" />
      {profileOf && (
        <WorkerProfileModal
          userId={profileOf.userId}
          name={profileOf.name}
          onClose={() => setProfileOf(null)}
        />
      )}
    </Stack>
  );
}

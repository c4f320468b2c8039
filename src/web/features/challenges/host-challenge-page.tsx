import { Alert, Anchor, Button, Card, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import {
  decideChallengeTransition,
  isChallengeEditable,
} from '../../../domain/engagement/challenge-lifecycle';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { DecisionModal } from '../../components/decision-modal';
import { PageLoader } from '../../components/page-loader';
import { ApplicantsPanel } from '../applications/applicants-panel';
import { RecommendedWorkersPanel } from '../recommendations/recommended-workers-panel';
import { ChallengeFacts } from './challenge-facts';
import { hostChallengePath, hostChallengesPath } from './challenge-form-page';
import { ChallengeHistory } from './challenge-history';
import { ChallengeStateBadge } from './challenge-state-badge';
import {
  challengeKeys,
  fetchChallenge,
  transitionChallenge,
  type ChallengeAction,
} from './challenges-api';

const actions: readonly ChallengeAction[] = ['open', 'close', 'archive'];

/**
 * One of the organisation's challenges for its officers: what it says, the state with the steps
 * to the next one (each confirmed), who applied, and its history.
 */
export function HostChallengePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const justCreated = (location.state as { created?: boolean } | null)?.created === true;
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<ChallengeAction | null>(null);
  const challenge = useQuery({
    queryKey: challengeKeys.detail(id),
    queryFn: ({ signal }) => fetchChallenge(id, signal),
  });
  const transition = useMutation({
    mutationFn: (action: ChallengeAction) => transitionChallenge(id, action),
    onSuccess: (fresh) => {
      queryClient.setQueryData(challengeKeys.detail(id), fresh);
      void queryClient.invalidateQueries({ queryKey: challengeKeys.all });
      setConfirming(null);
    },
  });

  if (challenge.isPending) return <PageLoader />;
  if (challenge.isError) return <ApiErrorAlert error={challenge.error} />;
  const c = challenge.data;
  const possible = actions.filter((a) => decideChallengeTransition(c.state, a, 'host').ok);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={hostChallengesPath} size="sm">
        {t('hostChallenges.backToList')}
      </Anchor>
      <Stack gap="xs">
        <Group gap="sm" wrap="wrap">
          <ChallengeStateBadge state={c.state} />
          <Text size="sm" c="dimmed">
            {c.hostName}
          </Text>
        </Group>
        <Title order={1} data-testid="host-challenge-heading">
          {c.title}
        </Title>
        {c.titleEn && (
          <Text c="dimmed" lang="en">
            {c.titleEn}
          </Text>
        )}
      </Stack>
      {justCreated && c.state === 'draft' && (
        <Alert color="teal" variant="light" role="status" data-testid="challenge-created">
          {t('hostChallenges.createdDraft')}
        </Alert>
      )}
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="actions">
        <Stack gap="sm">
          <Title order={2} size="h4" id="actions">
            {t('hostChallenges.stateTitle')}
          </Title>
          <Text size="sm">{t(`hostChallenges.stateHelp.${c.state}`)}</Text>
          <Group gap="sm" wrap="wrap">
            {isChallengeEditable(c.state) && (
              <Button component={Link} to={`${hostChallengePath(c.id)}/edit`} variant="default">
                {t('hostChallenges.edit')}
              </Button>
            )}
            {possible.map((action) => (
              <Button
                key={action}
                color={action === 'open' ? 'teal' : action === 'close' ? 'orange' : 'gray'}
                variant={action === 'open' ? 'filled' : 'light'}
                onClick={() => {
                  transition.reset();
                  setConfirming(action);
                }}
              >
                {action === 'open' && c.state === 'closed'
                  ? t('hostChallenges.actions.openAgain')
                  : t(`hostChallenges.actions.${action}`)}
              </Button>
            ))}
          </Group>
        </Stack>
      </Card>
      <Tabs defaultValue="applicants" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="applicants">
            {t('hostChallenges.tabs.applicants', { count: c.openApplications })}
          </Tabs.Tab>
          <Tabs.Tab value="recommended">{t('hostChallenges.tabs.recommended')}</Tabs.Tab>
          <Tabs.Tab value="details">{t('hostChallenges.tabs.details')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('hostChallenges.tabs.history')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="applicants" pt="md">
          <ApplicantsPanel challengeId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="recommended" pt="md">
          <RecommendedWorkersPanel challengeId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="details" pt="md">
          <Stack gap="md">
            <ChallengeFacts challenge={c} />
            <Text style={{ whiteSpace: 'pre-wrap' }}>{c.description}</Text>
            {c.descriptionEn && (
              <Text style={{ whiteSpace: 'pre-wrap' }} c="dimmed" lang="en">
                {c.descriptionEn}
              </Text>
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <ChallengeHistory events={c.events} />
        </Tabs.Panel>
      </Tabs>
      {confirming && (
        <DecisionModal
          title={t(`hostChallenges.confirm.${confirming}Title`, { title: c.title })}
          body={t(`hostChallenges.confirm.${confirming}Body`)}
          confirmLabel={t(`hostChallenges.actions.${confirming}`)}
          confirmColor={confirming === 'open' ? 'teal' : confirming === 'close' ? 'orange' : 'gray'}
          pending={transition.isPending}
          error={transition.error}
          onConfirm={() => transition.mutate(confirming)}
          onClose={() => setConfirming(null)}
        />
      )}
    </Stack>
  );
}

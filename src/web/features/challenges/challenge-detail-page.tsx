import { Alert, Anchor, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ApplicationStatus } from '../../../domain/engagement/application-workflow';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { PageLoader } from '../../components/page-loader';
import { useLanguage } from '../../i18n/use-language';
import { fieldErrorsOf } from '../../lib/field-errors';
import { ApplicationStatusBadge } from '../applications/application-status-badge';
import {
  applicationKeys,
  applyToChallenge,
  showInterest,
  withdrawApplication,
  type Application,
} from '../applications/applications-api';
import { useSession } from '../auth/session-context';
import { localized } from '../matching/matching-labels';
import { FactorList, ScoreRing } from '../recommendations/match-reasons';
import {
  recommendationKeys,
  type WorkerRecommendations,
} from '../recommendations/recommendations-api';
import { ChallengeFacts } from './challenge-facts';
import { ChallengeStateBadge } from './challenge-state-badge';
import { challengeKeys, fetchChallenge, type ChallengeDetail } from './challenges-api';

export const myApplicationsPath = '/applications';

const underWay: readonly ApplicationStatus[] = ['applied', 'employer_pending', 'host_review'];
/** Where a worker may (again) apply from. */
const beforeApplying: readonly ApplicationStatus[] = [
  'interested',
  'proposed',
  'declined',
  'withdrawn',
];

/** Interest, an application with a message, or where the application stands. */
function ApplySection({ challenge: c }: { challenge: ChallengeDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState('');
  const [missing, setMissing] = useState(false);
  const [outcome, setOutcome] = useState<Application | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: challengeKeys.detail(c.id) });
    void queryClient.invalidateQueries({ queryKey: applicationKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['recommendations'] });
  };
  const interest = useMutation({ mutationFn: () => showInterest(c.id), onSuccess: refresh });
  const apply = useMutation({
    mutationFn: () => applyToChallenge(c.id, message.trim()),
    onSuccess: (application) => {
      setOutcome(application);
      setMessage('');
      refresh();
    },
  });
  const withdraw = useMutation({
    mutationFn: (applicationId: string) => withdrawApplication(applicationId),
    onSuccess: refresh,
  });
  const mine = c.myApplication;
  const status = mine?.status ?? null;
  const canApply = c.state === 'open' && (status === null || beforeApplying.includes(status));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (message.trim() === '') {
      setMissing(true);
      return;
    }
    apply.mutate();
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="apply-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="apply-title">
          {t('challengeDetail.applyTitle')}
        </Title>
        {outcome && (
          <Alert color="teal" variant="light" role="status" data-testid="apply-outcome">
            {t(
              outcome.status === 'employer_pending'
                ? 'challengeDetail.appliedToEmployer'
                : 'challengeDetail.appliedToHost',
              { employer: outcome.employerName ?? '', host: c.hostName },
            )}{' '}
            <Anchor component={Link} to={myApplicationsPath}>
              {t('challengeDetail.seeApplications')}
            </Anchor>
          </Alert>
        )}
        {status !== null && (
          <Group gap="sm" data-testid="my-application">
            <Text size="sm">{t('challengeDetail.yourStatus')}</Text>
            <ApplicationStatusBadge status={status} />
            {status !== 'interested' && !outcome && (
              <Anchor component={Link} to={myApplicationsPath} size="sm">
                {t('challengeDetail.seeApplications')}
              </Anchor>
            )}
          </Group>
        )}
        {canApply ? (
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="sm">
              <Text size="sm">{t('challengeDetail.applyHelp')}</Text>
              <Textarea
                label={t('challengeDetail.message')}
                description={t('challengeDetail.messageHint')}
                required
                autosize
                minRows={4}
                maxLength={2000}
                value={message}
                onChange={(e) => {
                  setMessage(e.currentTarget.value);
                  setMissing(false);
                }}
                error={
                  missing
                    ? t('challengeDetail.messageRequired')
                    : fieldErrorsOf(apply.error).get('message')
                }
              />
              {apply.isError && (
                <ApiErrorAlert error={apply.error} title={t('challengeDetail.applyFailed')} />
              )}
              {interest.isError && <ApiErrorAlert error={interest.error} />}
              <Group gap="sm" justify="flex-end" wrap="wrap">
                {status === null && (
                  <Button
                    variant="light"
                    onClick={() => interest.mutate()}
                    loading={interest.isPending}
                  >
                    {t('challengeDetail.interest')}
                  </Button>
                )}
                {(status === 'interested' || status === 'proposed') && mine && (
                  <Button
                    variant="subtle"
                    color="gray"
                    onClick={() => withdraw.mutate(mine.id)}
                    loading={withdraw.isPending}
                  >
                    {t(
                      status === 'proposed'
                        ? 'challengeDetail.declineProposal'
                        : 'challengeDetail.removeInterest',
                    )}
                  </Button>
                )}
                <Button type="submit" loading={apply.isPending}>
                  {t('challengeDetail.apply')}
                </Button>
              </Group>
              <Text size="xs" c="dimmed">
                {status === null ? t('challengeDetail.interestHelp') : ''}
              </Text>
            </Stack>
          </form>
        ) : (
          c.state !== 'open' &&
          status === null && <Text c="dimmed">{t('challengeDetail.notOpen')}</Text>
        )}
        {mine && underWay.includes(mine.status) && (
          <Group justify="flex-end">
            <Button
              variant="subtle"
              color="red"
              onClick={() => withdraw.mutate(mine.id)}
              loading={withdraw.isPending}
            >
              {t('challengeDetail.withdraw')}
            </Button>
          </Group>
        )}
        {withdraw.isError && <ApiErrorAlert error={withdraw.error} />}
      </Stack>
    </Card>
  );
}

/**
 * The reasons this challenge was recommended, when the worker came from the recommendations
 * (their answer is still in the cache); nothing otherwise.
 */
function WhyRecommended({ challengeId }: { challengeId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const item = queryClient
    .getQueryData<WorkerRecommendations>(recommendationKeys.mine(language))
    ?.items.find((i) => i.challenge.id === challengeId);
  if (!item) return null;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="why">
      <Stack gap="sm">
        <Group gap="md" wrap="nowrap" align="center">
          <ScoreRing score={item.score} />
          <Stack gap={2}>
            <Title order={2} size="h4" id="why">
              {t('challengeDetail.whyRecommended')}
            </Title>
            <Text size="sm" fw={600}>
              {item.summary}
            </Text>
          </Stack>
        </Group>
        <FactorList factors={item.factors} />
      </Stack>
    </Card>
  );
}

/** A challenge as a worker reads it, with interest and the application form. */
export function ChallengeDetailPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  const { active } = useSession();
  const challenge = useQuery({
    queryKey: challengeKeys.detail(id),
    queryFn: ({ signal }) => fetchChallenge(id, signal),
  });
  if (challenge.isPending) return <PageLoader />;
  if (challenge.isError) return <ApiErrorAlert error={challenge.error} />;
  const c = challenge.data;
  const description = localized(c.description, c.descriptionEn, language);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/challenges" size="sm">
        {t('challengeDetail.backToSearch')}
      </Anchor>
      <Stack gap="xs">
        <Group gap="sm">
          {c.state !== 'open' && <ChallengeStateBadge state={c.state} />}
          <Text size="sm" c="dimmed">
            {c.hostName}
          </Text>
        </Group>
        <Title order={1} data-testid="challenge-heading">
          {localized(c.title, c.titleEn, language)}
        </Title>
      </Stack>
      <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="challenge-description">
        {description}
      </Text>
      {active?.role === 'worker' && <WhyRecommended challengeId={c.id} />}
      <ChallengeFacts challenge={c} />
      {active?.role === 'worker' && <ApplySection challenge={c} />}
    </Stack>
  );
}

import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApplicationStatus } from '../../../domain/engagement/application-workflow';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { DecisionModal } from '../../components/decision-modal';
import { PageLoader } from '../../components/page-loader';
import { useLanguage } from '../../i18n/use-language';
import { formatDateTime } from '../../lib/format';
import { challengeKeys } from '../challenges/challenges-api';
import { localized } from '../matching/matching-labels';
import { ApplicationStatusBadge } from './application-status-badge';
import { ApplicationTimeline } from './application-timeline';
import {
  applicationKeys,
  fetchMyApplications,
  withdrawApplication,
  type Application,
} from './applications-api';

const groups: ReadonlyArray<{
  key: 'underWay' | 'matched' | 'ended';
  statuses: ApplicationStatus[];
}> = [
  {
    key: 'underWay',
    statuses: ['host_review', 'employer_pending', 'applied', 'proposed', 'interested'],
  },
  { key: 'matched', statuses: ['matched'] },
  { key: 'ended', statuses: ['declined', 'withdrawn'] },
];

const withdrawable: readonly ApplicationStatus[] = [
  'interested',
  'proposed',
  'applied',
  'employer_pending',
  'host_review',
];

const withdrawLabel = (status: ApplicationStatus) =>
  status === 'interested'
    ? 'myApplications.removeInterest'
    : status === 'proposed'
      ? 'myApplications.declineProposal'
      : 'myApplications.withdraw';

function ApplicationCard({
  application: a,
  onWithdraw,
}: {
  application: Application;
  onWithdraw: (a: Application) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Card withBorder radius="md" padding="md" component="article" data-testid="my-application-card">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Title order={3} size="h4">
            <Anchor
              component={Link}
              to={`/challenges/${encodeURIComponent(a.challengeId)}`}
              inherit
            >
              {localized(a.challengeTitle, a.challengeTitleEn, language)}
            </Anchor>
          </Title>
          <ApplicationStatusBadge status={a.status} />
        </Group>
        <Text size="sm" c="dimmed">
          {a.hostName}
          {a.employerName ? ` ・ ${t('myApplications.through', { employer: a.employerName })}` : ''}
          {` ・ ${t('challenges.hoursPerMonth', { hours: a.hoursPerMonth })}`}
        </Text>
        {a.status === 'proposed' && <Text size="sm">{t('myApplications.proposedHelp')}</Text>}
        {a.status === 'host_review' && a.hostDueAt && (
          <Text size="sm">
            {t('myApplications.answerBy', { at: formatDateTime(a.hostDueAt, language) })}
          </Text>
        )}
        {a.declineReason && (
          <Text size="sm" c="red.8" data-testid="decline-reason">
            {t(
              a.declinedBy === 'employer'
                ? 'myApplications.rejectedBecause'
                : 'myApplications.declinedBecause',
              {
                reason: a.declineReason,
              },
            )}
          </Text>
        )}
        {a.message && (
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }} lineClamp={3}>
            {t('myApplications.yourMessage', { message: a.message })}
          </Text>
        )}
        <ApplicationTimeline application={a} />
        {withdrawable.includes(a.status) && (
          <Group justify="flex-end">
            <Button variant="subtle" color="red" size="compact-sm" onClick={() => onWithdraw(a)}>
              {t(withdrawLabel(a.status))}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** 応募状況: every interest and application of the worker, with the steps so far and ahead. */
export function MyApplicationsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [withdrawing, setWithdrawing] = useState<Application | null>(null);
  const applications = useQuery({
    queryKey: applicationKeys.mine,
    queryFn: ({ signal }) => fetchMyApplications(signal),
  });
  const withdraw = useMutation({
    mutationFn: (a: Application) => withdrawApplication(a.id),
    onSuccess: (a) => {
      setWithdrawing(null);
      void queryClient.invalidateQueries({ queryKey: applicationKeys.all });
      void queryClient.invalidateQueries({ queryKey: challengeKeys.detail(a.challengeId) });
    },
  });
  return (
    <Stack gap="lg">
      <Title order={1} data-testid="my-applications-heading">
        {t('myApplications.title')}
      </Title>
      <Text c="dimmed">{t('myApplications.intro')}</Text>
      {applications.isPending && <PageLoader />}
      {applications.isError && <ApiErrorAlert error={applications.error} />}
      {applications.isSuccess && applications.data.length === 0 && (
        <Text c="dimmed">
          {t('myApplications.none')}{' '}
          <Anchor component={Link} to="/recommendations">
            {t('myApplications.seeRecommendations')}
          </Anchor>
        </Text>
      )}
      {applications.isSuccess &&
        groups.map((g) => {
          const items = applications.data.filter((a) => g.statuses.includes(a.status));
          if (items.length === 0) return null;
          return (
            <section key={g.key} aria-labelledby={`applications-${g.key}`}>
              <Title order={2} size="h3" id={`applications-${g.key}`} mb="sm">
                {t(`myApplications.groups.${g.key}`, { count: items.length })}
              </Title>
              <Stack gap="sm">
                {items.map((a) => (
                  <ApplicationCard
                    key={a.id}
                    application={a}
                    onWithdraw={(x) => {
                      withdraw.reset();
                      setWithdrawing(x);
                    }}
                  />
                ))}
              </Stack>
            </section>
          );
        })}
      {withdrawing && (
        <DecisionModal
          title={t('myApplications.withdrawTitle')}
          body={t('myApplications.withdrawBody', { title: withdrawing.challengeTitle })}
          confirmLabel={t(withdrawLabel(withdrawing.status))}
          confirmColor="red"
          pending={withdraw.isPending}
          error={withdraw.error}
          onConfirm={() => withdraw.mutate(withdrawing)}
          onClose={() => setWithdrawing(null)}
        />
      )}
    </Stack>
  );
}

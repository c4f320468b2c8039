import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus } from '../../../domain/engagement/application-workflow';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { DecisionModal } from '../../components/decision-modal';
import { FilterChoices } from '../../components/filter-choices';
import { PageLoader } from '../../components/page-loader';
import { useLanguage } from '../../i18n/use-language';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../auth/session-context';
import { localized } from '../matching/matching-labels';
import {
  fetchProgrammeMembers,
  fetchProgrammes,
  programmeKeys,
} from '../programmes/programmes-api';
import { AnswerButtons } from './answer-buttons';
import { ApplicationNotes } from './application-notes';
import { ApplicationStatusBadge } from './application-status-badge';
import {
  applicationKeys,
  approveApplication,
  fetchOrganizationApplications,
  rejectApplication,
  type Application,
} from './applications-api';
import { WorkerProfileModal } from './worker-profile-modal';

type StatusFilter = ApplicationStatus | 'all';
const statusFilters: readonly StatusFilter[] = [
  'employer_pending',
  'host_review',
  'matched',
  'declined',
  'all',
];

type Decision = { kind: 'approve' | 'reject'; application: Application };

/**
 * How the application sits in the programme's share of hours: already committed by the worker,
 * this application, and the cap — what HR weighs before approving.
 */
function ProgrammeHours({
  organizationId,
  application: a,
}: {
  organizationId: string;
  application: Application;
}) {
  const { t } = useTranslation();
  const programmeId = a.programmeId ?? '';
  const programmes = useQuery({
    queryKey: programmeKeys.list(organizationId, true),
    queryFn: ({ signal }) => fetchProgrammes(organizationId, true, signal),
  });
  const members = useQuery({
    queryKey: programmeKeys.members(organizationId, programmeId),
    queryFn: ({ signal }) => fetchProgrammeMembers(organizationId, programmeId, signal),
    enabled: programmeId !== '',
  });
  const programme = programmes.data?.find((p) => p.id === programmeId);
  if (!programme) return null;
  const committed =
    members.data?.find((m) => m.userId === a.workerUserId)?.committedHoursPerMonth ?? 0;
  const cap = programme.hourCapPerMonth;
  const over = cap !== null && committed + a.hoursPerMonth > cap;
  return (
    <Group gap="xs" wrap="wrap" data-testid="programme-hours">
      <Text size="sm">
        {t('applicationApprovals.programmeHours', {
          programme: programme.name,
          committed,
          hours: a.hoursPerMonth,
          cap: cap ?? '—',
        })}
      </Text>
      {over && (
        <Badge color="red" variant="light">
          {t('applicationApprovals.overCap')}
        </Badge>
      )}
    </Group>
  );
}

/** 応募の承認: employees' applications under the company's programmes, approved or not by HR. */
export function ApplicationApprovalsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { active } = useSession();
  const organizationId = active?.organizationId ?? '';
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<StatusFilter>('employer_pending');
  const [decision, setDecision] = useState<Decision | null>(null);
  const [done, setDone] = useState<{ kind: Decision['kind']; name: string } | null>(null);
  const [profileOf, setProfileOf] = useState<Application | null>(null);
  const filter = status === 'all' ? null : status;
  const applications = useQuery({
    queryKey: applicationKeys.ofOrganization(organizationId, filter),
    queryFn: ({ signal }) => fetchOrganizationApplications(organizationId, filter, signal),
    enabled: organizationId !== '',
  });
  const review = useMutation({
    mutationFn: ({ kind, application, text }: Decision & { text: string }) =>
      kind === 'approve'
        ? approveApplication(organizationId, application.id, text)
        : rejectApplication(organizationId, application.id, text),
    onSuccess: (_fresh, { kind, application }) => {
      setDecision(null);
      setDone({ kind, name: application.workerName });
      void queryClient.invalidateQueries({ queryKey: applicationKeys.all });
      void queryClient.invalidateQueries({ queryKey: programmeKeys.all });
    },
  });

  return (
    <Stack gap="lg">
      <Title order={1} data-testid="application-approvals-heading">
        {t('applicationApprovals.title')}
      </Title>
      <Text c="dimmed">{t('applicationApprovals.intro')}</Text>
      <FilterChoices
        id="application-status-filter"
        label={t('applicationApprovals.filterStatus')}
        options={statusFilters}
        value={status}
        labelOf={(s) => (s === 'all' ? t('applicationApprovals.all') : t(`matching.statuses.${s}`))}
        onChange={(s) => {
          setStatus(s);
          setDone(null);
        }}
      />
      {done && (
        <Text role="status" c="teal.8" fw={500} data-testid="approval-outcome">
          {t(
            done.kind === 'approve'
              ? 'applicationApprovals.approvedFor'
              : 'applicationApprovals.rejectedFor',
            {
              name: done.name,
            },
          )}
        </Text>
      )}
      {applications.isPending && <PageLoader />}
      {applications.isError && <ApiErrorAlert error={applications.error} />}
      {applications.isSuccess && applications.data.length === 0 && (
        <Text c="dimmed">{t('applicationApprovals.none')}</Text>
      )}
      {applications.isSuccess && (
        <Stack gap="sm">
          {applications.data.map((a) => (
            <Card
              key={a.id}
              withBorder
              radius="md"
              padding="md"
              component="article"
              data-testid="approval-card"
            >
              <Stack gap="xs">
                <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                  <Stack gap={2}>
                    <Title order={2} size="h4">
                      {a.workerName}
                    </Title>
                    <Text size="sm">
                      {localized(a.challengeTitle, a.challengeTitleEn, language)} ・ {a.hostName}
                    </Text>
                  </Stack>
                  <ApplicationStatusBadge status={a.status} />
                </Group>
                <Text size="xs" c="dimmed">
                  {t('applicationApprovals.appliedAt', {
                    at: formatDateTime(a.createdAt, language),
                  })}
                </Text>
                {a.status === 'employer_pending' && (
                  <ProgrammeHours organizationId={organizationId} application={a} />
                )}
                <ApplicationNotes application={a} />
                <Group justify="space-between" gap="sm" wrap="wrap">
                  <Button variant="subtle" size="compact-sm" onClick={() => setProfileOf(a)}>
                    {t('applicants.viewProfile')}
                  </Button>
                  {a.status === 'employer_pending' && (
                    <AnswerButtons
                      no={{
                        label: t('applicationApprovals.reject'),
                        ariaLabel: t('applicationApprovals.rejectFor', { name: a.workerName }),
                        onClick: () => {
                          review.reset();
                          setDecision({ kind: 'reject', application: a });
                        },
                      }}
                      yes={{
                        label: t('applicationApprovals.approve'),
                        ariaLabel: t('applicationApprovals.approveFor', { name: a.workerName }),
                        onClick: () => {
                          review.reset();
                          setDecision({ kind: 'approve', application: a });
                        },
                      }}
                    />
                  )}
                </Group>
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
      {decision && (
        <DecisionModal
          title={t(
            decision.kind === 'approve'
              ? 'applicationApprovals.approveTitle'
              : 'applicationApprovals.rejectTitle',
            {
              name: decision.application.workerName,
            },
          )}
          body={t(
            decision.kind === 'approve'
              ? 'applicationApprovals.approveBody'
              : 'applicationApprovals.rejectBody',
            {
              host: decision.application.hostName,
            },
          )}
          text={decision.kind === 'approve' ? 'optional' : 'required'}
          textLabel={t(
            decision.kind === 'approve'
              ? 'applicationApprovals.comment'
              : 'applicationApprovals.reason',
          )}
          textHint={t(
            decision.kind === 'approve'
              ? 'applicationApprovals.commentHint'
              : 'applicationApprovals.reasonHint',
          )}
          confirmLabel={t(
            decision.kind === 'approve'
              ? 'applicationApprovals.approve'
              : 'applicationApprovals.reject',
          )}
          confirmColor={decision.kind === 'approve' ? 'teal' : 'red'}
          pending={review.isPending}
          error={review.error}
          onConfirm={(text) => review.mutate({ ...decision, text })}
          onClose={() => setDecision(null)}
        />
      )}
      {profileOf && (
        <WorkerProfileModal
          userId={profileOf.workerUserId}
          name={profileOf.workerName}
          onClose={() => setProfileOf(null)}
        />
      )}
    </Stack>
  );
}

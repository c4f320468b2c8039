import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus } from '../../../domain/engagement/application-workflow';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { DecisionModal } from '../../components/decision-modal';
import { PageLoader } from '../../components/page-loader';
import { useLanguage } from '../../i18n/use-language';
import { formatDateTime } from '../../lib/format';
import { challengeKeys } from '../challenges/challenges-api';
import { AnswerButtons } from './answer-buttons';
import { ApplicationNotes } from './application-notes';
import { ApplicationStatusBadge } from './application-status-badge';
import {
  acceptApplication,
  applicationKeys,
  declineApplication,
  fetchChallengeApplications,
  type Application,
} from './applications-api';
import { WorkerProfileModal } from './worker-profile-modal';

/** Waiting for an answer first, then interest, then what has been decided. */
const order: Readonly<Record<ApplicationStatus, number>> = {
  host_review: 0,
  interested: 1,
  proposed: 1,
  applied: 2,
  employer_pending: 2,
  matched: 3,
  declined: 4,
  withdrawn: 5,
};

type Decision = { kind: 'accept' | 'decline'; application: Application };

/**
 * The host's view of who turned to a challenge: interest (気になる) and applications that reached
 * their review, each with the worker's message, the steps so far and the answer due; accept, or
 * decline with a reason the worker will read.
 */
export function ApplicantsPanel({ challengeId }: { challengeId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [profileOf, setProfileOf] = useState<Application | null>(null);
  const applications = useQuery({
    queryKey: applicationKeys.ofChallenge(challengeId),
    queryFn: ({ signal }) => fetchChallengeApplications(challengeId, signal),
  });
  const answer = useMutation({
    mutationFn: ({ kind, application, text }: Decision & { text: string }) =>
      kind === 'accept'
        ? acceptApplication(challengeId, application.id, text)
        : declineApplication(challengeId, application.id, text),
    onSuccess: () => {
      setDecision(null);
      void queryClient.invalidateQueries({ queryKey: applicationKeys.ofChallenge(challengeId) });
      // Places filled and open applications are counted on the challenge.
      void queryClient.invalidateQueries({ queryKey: challengeKeys.all });
    },
  });

  if (applications.isPending) return <PageLoader />;
  if (applications.isError) return <ApiErrorAlert error={applications.error} />;
  if (applications.data.length === 0) {
    return <Text c="dimmed">{t('applicants.none')}</Text>;
  }
  const sorted = [...applications.data].sort(
    (a, b) => order[a.status] - order[b.status] || a.createdAt.localeCompare(b.createdAt),
  );
  return (
    <Stack gap="sm" data-testid="applicants">
      {sorted.map((a) => (
        <Card
          key={a.id}
          withBorder
          radius="md"
          padding="md"
          data-testid="applicant-card"
          data-application-id={a.id}
        >
          <Stack gap="xs">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Group gap="xs" wrap="wrap">
                <Text fw={600} data-testid="applicant-name">
                  {a.workerName}
                </Text>
                <ApplicationStatusBadge status={a.status} />
                {a.overdue && (
                  <Badge color="red" variant="filled">
                    {t('applicants.overdue')}
                  </Badge>
                )}
              </Group>
              <Button variant="subtle" size="compact-sm" onClick={() => setProfileOf(a)}>
                {t('applicants.viewProfile')}
              </Button>
            </Group>
            <Text size="xs" c="dimmed">
              {t('applicants.hoursAndEmployer', {
                hours: a.hoursPerMonth,
                employer: a.employerName ?? t('applicants.independent'),
              })}
              {a.hostDueAt && a.status === 'host_review'
                ? ` ・ ${t('applicants.dueAt', { at: formatDateTime(a.hostDueAt, language) })}`
                : ''}
            </Text>
            <ApplicationNotes application={a} messageTestId="applicant-message" />
            {a.status === 'host_review' && (
              <AnswerButtons
                justify="flex-end"
                no={{
                  label: t('applicants.decline'),
                  ariaLabel: t('applicants.declineFor', { name: a.workerName }),
                  onClick: () => {
                    answer.reset();
                    setDecision({ kind: 'decline', application: a });
                  },
                }}
                yes={{
                  label: t('applicants.accept'),
                  ariaLabel: t('applicants.acceptFor', { name: a.workerName }),
                  onClick: () => {
                    answer.reset();
                    setDecision({ kind: 'accept', application: a });
                  },
                }}
              />
            )}
          </Stack>
        </Card>
      ))}
      {decision && (
        <DecisionModal
          title={t(
            decision.kind === 'accept' ? 'applicants.acceptTitle' : 'applicants.declineTitle',
            { name: decision.application.workerName },
          )}
          body={t(decision.kind === 'accept' ? 'applicants.acceptBody' : 'applicants.declineBody')}
          text={decision.kind === 'accept' ? 'optional' : 'required'}
          textLabel={t(
            decision.kind === 'accept'
              ? 'applicants.acceptComment'
              : 'applicants.declineReasonLabel',
          )}
          textHint={t(
            decision.kind === 'accept'
              ? 'applicants.acceptCommentHint'
              : 'applicants.declineReasonHint',
          )}
          confirmLabel={t(decision.kind === 'accept' ? 'applicants.accept' : 'applicants.decline')}
          confirmColor={decision.kind === 'accept' ? 'teal' : 'red'}
          pending={answer.isPending}
          error={answer.error}
          onConfirm={(text) => answer.mutate({ ...decision, text })}
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

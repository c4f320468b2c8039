import { Alert, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DecisionModal } from '../../components/decision-modal';
import { useLanguage } from '../../i18n/use-language';
import { formatDate } from '../../lib/format';
import { useSession } from '../auth/session-context';
import { ProgrammeCards } from './programme-cards';
import {
  fetchProgrammes,
  joinProgramme,
  leaveProgramme,
  programmeKeys,
  type Programme,
} from './programmes-api';

type Step = { kind: 'join' | 'leave'; programme: Programme };

/** The programmes of the worker's company, with their standing: joined, eligible and why not. */
export function WorkerProgrammesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { active } = useSession();
  const organizationId = active?.organizationId ?? '';
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step | null>(null);
  const programmes = useQuery({
    queryKey: programmeKeys.list(organizationId, false),
    queryFn: ({ signal }) => fetchProgrammes(organizationId, false, signal),
    enabled: organizationId !== '',
  });
  const change = useMutation({
    mutationFn: ({ kind, programme }: Step) =>
      kind === 'join'
        ? joinProgramme(organizationId, programme.id)
        : leaveProgramme(organizationId, programme.id),
    onSuccess: () => {
      setStep(null);
      void queryClient.invalidateQueries({ queryKey: programmeKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['recommendations'] });
    },
  });
  return (
    <Stack gap="lg">
      <Title order={1} data-testid="worker-programmes-heading">
        {t('programmes.workerTitle', { name: active?.organizationName ?? '' })}
      </Title>
      <Text c="dimmed">{t('programmes.workerIntro')}</Text>
      <ProgrammeCards programmes={programmes} noneText={t('programmes.noneForWorker')}>
        {(p) => (
          <>
            {p.me?.joined && (
              <Alert color="teal" variant="light" p="xs">
                {t('programmes.joinedSince', {
                  date: p.me.joinedAt ? formatDate(p.me.joinedAt, language) : '',
                })}
              </Alert>
            )}
            {p.me && !p.me.joined && !p.me.eligible && (
              <Alert color="gray" variant="light" p="xs" title={t('programmes.notEligible')}>
                <List size="sm">
                  {p.me.reasons.map((r) => (
                    <List.Item key={r}>{r}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            {p.me && (
              <Group justify="flex-end">
                {p.me.joined ? (
                  <Button
                    variant="light"
                    color="gray"
                    onClick={() => {
                      change.reset();
                      setStep({ kind: 'leave', programme: p });
                    }}
                  >
                    {t('programmes.leave')}
                  </Button>
                ) : (
                  <Button
                    disabled={!p.me.eligible}
                    onClick={() => {
                      change.reset();
                      setStep({ kind: 'join', programme: p });
                    }}
                  >
                    {t('programmes.join')}
                  </Button>
                )}
              </Group>
            )}
          </>
        )}
      </ProgrammeCards>
      {step && (
        <DecisionModal
          title={t(step.kind === 'join' ? 'programmes.joinTitle' : 'programmes.leaveTitle', {
            name: step.programme.name,
          })}
          body={t(step.kind === 'join' ? 'programmes.joinBody' : 'programmes.leaveBody')}
          confirmLabel={t(step.kind === 'join' ? 'programmes.join' : 'programmes.leave')}
          confirmColor={step.kind === 'join' ? 'indigo' : 'gray'}
          pending={change.isPending}
          error={change.error}
          onConfirm={() => change.mutate(step)}
          onClose={() => setStep(null)}
        />
      )}
    </Stack>
  );
}

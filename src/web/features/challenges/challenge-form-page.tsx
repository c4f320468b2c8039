import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { PageLoader } from '../../components/page-loader';
import { useSession } from '../auth/session-context';
import { ChallengeForm } from './challenge-form';
import { emptyChallengeForm, formFromChallenge } from './challenge-form-values';
import {
  challengeKeys,
  createChallenge,
  fetchChallenge,
  updateChallenge,
  type ChallengeInput,
} from './challenges-api';

export const hostChallengesPath = '/regional-challenges';
export const hostChallengePath = (id: string) => `${hostChallengesPath}/${encodeURIComponent(id)}`;

/** A new challenge of the officer's organisation: saved as a draft, opened from its page. */
export function NewChallengePage() {
  const { t } = useTranslation();
  const { active } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (input: ChallengeInput) => createChallenge(active?.organizationId ?? '', input),
    onSuccess: (created) => {
      queryClient.setQueryData(challengeKeys.detail(created.id), created);
      void queryClient.invalidateQueries({ queryKey: challengeKeys.all });
      void navigate(hostChallengePath(created.id), { state: { created: true } });
    },
  });
  if (!active) return null;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={hostChallengesPath} size="sm">
        {t('hostChallenges.backToList')}
      </Anchor>
      <Title order={1} data-testid="challenge-form-heading">
        {t('challengeForm.newTitle')}
      </Title>
      <Text c="dimmed">{t('challengeForm.newIntro', { name: active.organizationName })}</Text>
      <ChallengeForm
        host={active}
        initial={emptyChallengeForm()}
        submitLabel={t('challengeForm.saveDraft')}
        pending={create.isPending}
        error={create.error}
        onSubmit={(input) => create.mutate(input)}
        onCancel={() => void navigate(hostChallengesPath)}
      />
    </Stack>
  );
}

/** Rewrites a draft or open challenge; applicants see the current text. */
export function EditChallengePage() {
  const { t } = useTranslation();
  const { active } = useSession();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const challenge = useQuery({
    queryKey: challengeKeys.detail(id),
    queryFn: ({ signal }) => fetchChallenge(id, signal),
  });
  const save = useMutation({
    mutationFn: (input: ChallengeInput) => updateChallenge(id, input),
    onSuccess: (saved) => {
      queryClient.setQueryData(challengeKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: challengeKeys.all });
      void navigate(hostChallengePath(saved.id));
    },
  });
  if (!active) return null;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={hostChallengePath(id)} size="sm">
        {t('hostChallenges.backToChallenge')}
      </Anchor>
      <Title order={1} data-testid="challenge-form-heading">
        {t('challengeForm.editTitle')}
      </Title>
      {challenge.isPending && <PageLoader />}
      {challenge.isError && <ApiErrorAlert error={challenge.error} />}
      {challenge.isSuccess && (
        <ChallengeForm
          key={challenge.data.updatedAt}
          host={active}
          initial={formFromChallenge(challenge.data)}
          submitLabel={t('challengeForm.save')}
          pending={save.isPending}
          error={save.error}
          onSubmit={(input) => save.mutate(input)}
          onCancel={() => void navigate(hostChallengePath(id))}
        />
      )}
    </Stack>
  );
}

import {
  Anchor,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { hintBelowInput } from '../../components/field-layout';
import { WholeNumberInput } from '../../components/whole-number-input';
import { useLanguage } from '../../i18n/use-language';
import { fieldErrorsOf } from '../../lib/field-errors';
import { localized } from '../matching/matching-labels';
import {
  fetchRecommendedWorkers,
  recommendationKeys,
} from '../recommendations/recommendations-api';
import {
  createRound,
  fetchAllOpenChallenges,
  roundKeys,
  type RoundCreateRequest,
} from './rounds-api';
import { roundPath } from './rounds-page';

/** Candidate workers are gathered from this many chosen challenges at most. */
const maxChallengesForWorkerChoice = 20;

/** A new round: which challenges and workers, how many challenges a worker may get, the guarantee. */
export function NewRoundPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [allChallenges, setAllChallenges] = useState(true);
  const [challengeIds, setChallengeIds] = useState<string[]>([]);
  const [workerMode, setWorkerMode] = useState<'all' | 'chosen'>('all');
  const [workerIds, setWorkerIds] = useState<string[]>([]);
  const [capacity, setCapacity] = useState<number | ''>(1);
  const [minPerMunicipality, setMinPerMunicipality] = useState<number | ''>(0);
  const [candidates, setCandidates] = useState<number | ''>(50);
  const [nameMissing, setNameMissing] = useState(false);
  const open = useQuery({
    queryKey: roundKeys.openChallenges,
    queryFn: ({ signal }) => fetchAllOpenChallenges(signal),
  });
  const chosenChallenges = allChallenges ? (open.data ?? []).map((c) => c.id) : challengeIds;
  // The people a host could be offered for the chosen challenges: who a round can choose from.
  const candidateQueries = useQueries({
    queries: (workerMode === 'chosen'
      ? chosenChallenges.slice(0, maxChallengesForWorkerChoice)
      : []
    ).map((id) => ({
      queryKey: recommendationKeys.forChallenge(id, language),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        fetchRecommendedWorkers(id, language, signal),
    })),
  });
  const workerOptions = new Map<string, string>();
  for (const q of candidateQueries) {
    for (const item of q.data?.items ?? []) {
      workerOptions.set(item.worker.userId, item.worker.name);
    }
  }
  const create = useMutation({
    mutationFn: (body: RoundCreateRequest) => createRound(body, language),
    onSuccess: (round) => {
      void queryClient.invalidateQueries({ queryKey: roundKeys.all });
      void navigate(roundPath(round.id));
    },
  });
  const server = fieldErrorsOf(create.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (name.trim() === '') {
      setNameMissing(true);
      return;
    }
    create.mutate({
      name: name.trim(),
      challengeIds: chosenChallenges,
      ...(workerMode === 'all' ? { allOptedIn: true } : { workerIds }),
      workerCapacity: capacity === '' ? 1 : capacity,
      minPerMunicipality: minPerMunicipality === '' ? 0 : minPerMunicipality,
      candidatesPerWorker: candidates === '' ? 50 : candidates,
    });
  };

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/rounds" size="sm">
        {t('rounds.backToList')}
      </Anchor>
      <Title order={1} data-testid="new-round-heading">
        {t('rounds.newTitle')}
      </Title>
      <Text c="dimmed">{t('rounds.newIntro')}</Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={760}>
          <TextInput
            label={t('rounds.name')}
            placeholder={t('rounds.namePlaceholder')}
            required
            maxLength={200}
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setNameMissing(false);
            }}
            error={nameMissing ? t('challengeForm.required') : server.get('name')}
          />
          <Stack gap="xs">
            <Checkbox
              label={t('rounds.allOpenChallenges', { count: open.data?.length ?? 0 })}
              checked={allChallenges}
              onChange={(e) => setAllChallenges(e.currentTarget.checked)}
            />
            {!allChallenges && (
              <MultiSelect
                label={t('rounds.challenges')}
                searchable
                data={(open.data ?? []).map((c) => ({
                  value: c.id,
                  label: `${localized(c.title, c.titleEn, language)}（${c.hostName}）`,
                }))}
                value={challengeIds}
                onChange={setChallengeIds}
                error={server.get('challengeIds')}
                comboboxProps={{ withinPortal: true }}
              />
            )}
          </Stack>
          <Radio.Group
            label={t('rounds.workers')}
            value={workerMode}
            onChange={(v) => setWorkerMode(v === 'chosen' ? 'chosen' : 'all')}
            error={server.get('workerIds')}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="all" label={t('rounds.allOptedIn')} />
              <Radio value="chosen" label={t('rounds.chosenWorkers')} />
            </Stack>
          </Radio.Group>
          {workerMode === 'chosen' && (
            <MultiSelect
              label={t('rounds.chooseWorkers')}
              description={t('rounds.chooseWorkersHint', { max: maxChallengesForWorkerChoice })}
              searchable
              data={[...workerOptions].map(([value, label]) => ({ value, label }))}
              value={workerIds}
              onChange={setWorkerIds}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
            <WholeNumberInput
              label={t('rounds.capacity')}
              description={t('rounds.capacityHint')}
              inputWrapperOrder={hintBelowInput}
              min={1}
              max={20}
              value={capacity}
              onValue={setCapacity}
              error={server.get('workerCapacity')}
            />
            <WholeNumberInput
              label={t('rounds.minPerMunicipality')}
              description={t('rounds.minPerMunicipalityHint')}
              inputWrapperOrder={hintBelowInput}
              min={0}
              max={100}
              value={minPerMunicipality}
              onValue={setMinPerMunicipality}
              error={server.get('minPerMunicipality')}
            />
            <WholeNumberInput
              label={t('rounds.candidatesPerWorker')}
              description={t('rounds.candidatesPerWorkerHint')}
              inputWrapperOrder={hintBelowInput}
              min={1}
              max={500}
              value={candidates}
              onValue={setCandidates}
              error={server.get('candidatesPerWorker')}
            />
          </SimpleGrid>
          {create.isError && (
            <ApiErrorAlert error={create.error} title={t('rounds.createFailed')} />
          )}
          <Group justify="flex-end">
            <Button
              type="submit"
              loading={create.isPending}
              disabled={chosenChallenges.length === 0}
            >
              {t('rounds.run')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

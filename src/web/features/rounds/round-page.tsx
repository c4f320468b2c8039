import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { DecisionModal } from '../../components/decision-modal';
import { PageLoader } from '../../components/page-loader';
import { useLanguage } from '../../i18n/use-language';
import { ApiError } from '../../lib/api-client';
import { formatDateTime, formatNumber, formatPercent } from '../../lib/format';
import { ApplicationStatusBadge } from '../applications/application-status-badge';
import { localized } from '../matching/matching-labels';
import {
  fetchRecommendedWorkers,
  recommendationKeys,
} from '../recommendations/recommendations-api';
import {
  addPair,
  draftFrom,
  entriesOf,
  pairKey,
  pairsPerWorker,
  problemsByPair,
  removePair,
  type DraftPair,
} from './round-draft';
import {
  fetchAllOpenChallenges,
  fetchRound,
  publishRound,
  roundKeys,
  saveRoundAssignments,
  type Round,
} from './rounds-api';

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder radius="md" padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
    </Card>
  );
}

/** Adds a pair: a challenge, then one of the people recommended for it. */
function AddPair({ onAdd }: { onAdd: (pair: DraftPair) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [challengeId, setChallengeId] = useState<string | null>(null);
  const [workerId, setWorkerId] = useState<string | null>(null);
  const open = useQuery({
    queryKey: roundKeys.openChallenges,
    queryFn: ({ signal }) => fetchAllOpenChallenges(signal),
  });
  const people = useQuery({
    queryKey: recommendationKeys.forChallenge(challengeId ?? '', language),
    queryFn: ({ signal }) => fetchRecommendedWorkers(challengeId ?? '', language, signal),
    enabled: challengeId !== null,
  });
  const challenge = open.data?.find((c) => c.id === challengeId);
  const person = people.data?.items.find((i) => i.worker.userId === workerId);
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="add-pair">
      <Stack gap="sm">
        <Title order={3} size="h5" id="add-pair">
          {t('rounds.addPair')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('rounds.pairChallenge')}
            searchable
            data={(open.data ?? []).map((c) => ({
              value: c.id,
              label: `${localized(c.title, c.titleEn, language)}（${c.hostName}）`,
            }))}
            value={challengeId}
            onChange={(id) => {
              setChallengeId(id);
              setWorkerId(null);
            }}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('rounds.pairWorker')}
            description={t('rounds.pairWorkerHint')}
            searchable
            disabled={challengeId === null}
            data={(people.data?.items ?? []).map((i) => ({
              value: i.worker.userId,
              label: `${i.worker.name}（${formatPercent(i.score, language)}）`,
            }))}
            value={workerId}
            onChange={setWorkerId}
            nothingFoundMessage={people.isFetching ? t('common.loading') : t('rounds.nobodySuits')}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button
            variant="light"
            disabled={!challenge || !person}
            onClick={() => {
              if (!challenge || !person) return;
              onAdd({
                workerId: person.worker.userId,
                workerName: person.worker.name,
                challengeId: challenge.id,
                challengeTitle: challenge.title,
                hostName: challenge.hostName,
                score: person.score,
                summary: person.summary,
                added: true,
              });
              setWorkerId(null);
            }}
          >
            {t('rounds.add')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function AssignmentsTable({
  round,
  pairs,
  editing,
  problems,
  onRemove,
}: {
  round: Round;
  pairs: readonly DraftPair[];
  editing: boolean;
  problems: Map<string, string[]>;
  onRemove: (key: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const application = new Map(
    round.assignments.map((a) => [
      pairKey({ workerId: a.worker.userId, challengeId: a.challenge.id }),
      a,
    ]),
  );
  const perWorker = pairsPerWorker(pairs);
  if (pairs.length === 0) return <Text c="dimmed">{t('rounds.noPairs')}</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped data-testid="round-assignments">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('rounds.worker')}</Table.Th>
            <Table.Th scope="col">{t('rounds.challenge')}</Table.Th>
            <Table.Th scope="col">{t('rounds.score')}</Table.Th>
            <Table.Th scope="col">{t('rounds.reasons')}</Table.Th>
            <Table.Th scope="col">{editing ? t('rounds.actions') : t('rounds.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pairs.map((p) => {
            const key = pairKey(p);
            const stored = application.get(key);
            const messages = problems.get(key) ?? [];
            return (
              <Table.Tr key={key} data-invalid={messages.length > 0 ? 'true' : undefined}>
                <Table.Td>
                  <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {p.workerName}
                  </Text>
                  {(perWorker.get(p.workerId) ?? 0) > 1 && (
                    <Text size="xs" c="dimmed">
                      {t('rounds.pairsOfWorker', { count: perWorker.get(p.workerId) ?? 0 })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{p.challengeTitle}</Text>
                  <Text size="xs" c="dimmed">
                    {p.hostName}
                  </Text>
                </Table.Td>
                <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {p.score === null ? '—' : formatPercent(p.score, language)}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{p.summary ?? t('rounds.scoredOnSave')}</Text>
                  {(stored?.source === 'coordinator' || p.added) && (
                    <Badge size="xs" variant="light" color="grape" mt={4}>
                      {t('rounds.addedByCoordinator')}
                    </Badge>
                  )}
                  {messages.map((m) => (
                    <Text key={m} size="xs" c="red.8" role="alert">
                      {m}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>
                  {editing ? (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      onClick={() => onRemove(key)}
                      aria-label={t('rounds.removePair', {
                        worker: p.workerName,
                        challenge: p.challengeTitle,
                      })}
                    >
                      {t('rounds.remove')}
                    </Button>
                  ) : stored?.application ? (
                    <ApplicationStatusBadge status={stored.application.status} />
                  ) : (
                    <Text size="xs" c="dimmed">
                      {t('rounds.notPublished')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A round's proposal: the pairs with scores and reasons, the guarantee, editing, publishing. */
export function RoundPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<DraftPair[] | null>(null);
  const [sent, setSent] = useState<DraftPair[]>([]);
  const [confirming, setConfirming] = useState(false);
  const round = useQuery({
    queryKey: roundKeys.detail(id, language),
    queryFn: ({ signal }) => fetchRound(id, language, signal),
  });
  const onFresh = (fresh: Round) => {
    queryClient.setQueryData(roundKeys.detail(id, language), fresh);
    void queryClient.invalidateQueries({ queryKey: roundKeys.list });
  };
  const save = useMutation({
    mutationFn: (pairs: DraftPair[]) => saveRoundAssignments(id, entriesOf(pairs), language),
    onSuccess: (fresh) => {
      onFresh(fresh);
      setDraft(null);
    },
  });
  const publish = useMutation({
    mutationFn: () => publishRound(id, language),
    onSuccess: (fresh) => {
      onFresh(fresh);
      setConfirming(false);
    },
  });
  if (round.isPending) return <PageLoader />;
  if (round.isError) return <ApiErrorAlert error={round.error} />;
  const r = round.data;
  const editing = draft !== null;
  const pairs = draft ?? draftFrom(r.assignments);
  const { byPair, general } =
    save.error instanceof ApiError
      ? problemsByPair(sent, save.error.details)
      : { byPair: new Map<string, string[]>(), general: [] };

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/rounds" size="sm">
        {t('rounds.backToList')}
      </Anchor>
      <Group gap="sm" wrap="wrap">
        <Title order={1} data-testid="round-heading">
          {r.name}
        </Title>
        <Badge color={r.status === 'published' ? 'teal' : 'yellow'} variant="light" size="lg">
          {t(`rounds.statuses.${r.status}`)}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {t('rounds.createdBy', {
          name: r.createdByName ?? '—',
          at: formatDateTime(r.createdAt, language),
        })}
        {r.publishedAt
          ? ` ・ ${t('rounds.publishedAt', { at: formatDateTime(r.publishedAt, language) })}`
          : ''}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="sm" data-testid="round-stats">
        <Stat
          label={t('rounds.statWorkers')}
          value={formatNumber(r.participants.workers, language)}
        />
        <Stat
          label={t('rounds.statChallenges')}
          value={formatNumber(r.participants.challenges, language)}
        />
        <Stat label={t('rounds.statPairs')} value={formatNumber(r.pairs, language)} />
        <Stat
          label={t('rounds.statAssignments')}
          value={formatNumber(r.assignmentCount, language)}
        />
        <Stat label={t('rounds.statTotal')} value={r.totalScore.toFixed(2)} />
        <Stat
          label={t('rounds.statTime')}
          value={t('rounds.ms', { ms: formatNumber(r.scoringMs + r.solveMs, language) })}
        />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('rounds.settings', {
          k: r.workerCapacity,
          min: r.minPerMunicipality,
          scoring: formatNumber(r.scoringMs, language),
          solve: formatNumber(r.solveMs, language),
        })}
      </Text>
      {r.shortfalls.length > 0 ? (
        <Alert
          color="orange"
          variant="light"
          title={t('rounds.shortfallsTitle')}
          data-testid="round-shortfalls"
        >
          <List size="sm">
            {r.shortfalls.map((s) => (
              <List.Item key={s.localGovCode}>
                {t('rounds.shortfall', {
                  name: s.name ?? s.localGovCode,
                  matched: s.matched,
                  required: s.required,
                })}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : (
        r.minPerMunicipality > 0 && (
          <Text size="sm" c="teal.8">
            {t('rounds.guaranteeMet', { min: r.minPerMunicipality })}
          </Text>
        )
      )}
      <section aria-labelledby="round-pairs">
        <Group justify="space-between" mb="sm" wrap="wrap" gap="sm">
          <Title order={2} size="h3" id="round-pairs">
            {t('rounds.pairsTitle', { count: pairs.length })}
          </Title>
          {r.status === 'proposal' && !editing && (
            <Group gap="sm">
              <Button
                variant="default"
                onClick={() => {
                  save.reset();
                  setDraft(draftFrom(r.assignments));
                }}
              >
                {t('rounds.edit')}
              </Button>
              <Button
                color="teal"
                disabled={r.assignments.length === 0}
                onClick={() => {
                  publish.reset();
                  setConfirming(true);
                }}
              >
                {t('rounds.publish')}
              </Button>
            </Group>
          )}
        </Group>
        <Stack gap="sm">
          <AssignmentsTable
            round={r}
            pairs={pairs}
            editing={editing}
            problems={byPair}
            onRemove={(key) => setDraft((d) => removePair(d ?? [], key))}
          />
          {editing && (
            <>
              <AddPair onAdd={(pair) => setDraft((d) => addPair(d ?? [], pair))} />
              {save.isError && <ApiErrorAlert error={save.error} title={t('rounds.saveFailed')} />}
              {general.length > 0 && (
                <List size="sm" c="red.8">
                  {general.map((m) => (
                    <List.Item key={m}>{m}</List.Item>
                  ))}
                </List>
              )}
              <Group justify="flex-end" gap="sm">
                <Button variant="default" onClick={() => setDraft(null)} disabled={save.isPending}>
                  {t('common.cancel')}
                </Button>
                <Button
                  loading={save.isPending}
                  onClick={() => {
                    setSent(pairs);
                    save.mutate(pairs);
                  }}
                >
                  {t('rounds.saveEdits')}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </section>
      {r.events.length > 0 && (
        <section aria-labelledby="round-history">
          <Title order={2} size="h3" id="round-history" mb="sm">
            {t('rounds.history')}
          </Title>
          <List size="sm" spacing={4}>
            {r.events.map((e, i) => (
              <List.Item key={`${e.at}-${i}`}>
                {t(`rounds.events.${e.event}`)} ・ {formatDateTime(e.at, language)} ・{' '}
                {e.actorName ?? '—'}
              </List.Item>
            ))}
          </List>
        </section>
      )}
      {confirming && (
        <DecisionModal
          title={t('rounds.publishTitle', { name: r.name })}
          body={t('rounds.publishBody', { count: r.assignments.length })}
          confirmLabel={t('rounds.publish')}
          confirmColor="teal"
          pending={publish.isPending}
          error={publish.error}
          onConfirm={() => publish.mutate()}
          onClose={() => setConfirming(false)}
        />
      )}
    </Stack>
  );
}

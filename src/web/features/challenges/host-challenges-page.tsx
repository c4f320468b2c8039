import { Anchor, Button, Group, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { challengeStates, type ChallengeState } from '../../../domain/matching/matching-model';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { FilterChoices } from '../../components/filter-choices';
import { PageLoader } from '../../components/page-loader';
import { useLanguage } from '../../i18n/use-language';
import { formatDate } from '../../lib/format';
import { useSession } from '../auth/session-context';
import { localized } from '../matching/matching-labels';
import { challengeTermsLine, placeOf } from './challenge-facts';
import { hostChallengePath, hostChallengesPath } from './challenge-form-page';
import { ChallengeStateBadge } from './challenge-state-badge';
import { challengeKeys, searchChallenges } from './challenges-api';

type StateFilter = ChallengeState | 'all';
const stateFilters: readonly StateFilter[] = ['all', ...challengeStates];
const pageSize = 20;

/** 地域の課題: the officer's organisation's challenges in every state, newest first. */
export function HostChallengesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { active } = useSession();
  const organizationId = active?.organizationId ?? '';
  const [state, setState] = useState<StateFilter>('all');
  const [page, setPage] = useState(1);
  const filter = {
    organizationId,
    ...(state === 'all' ? {} : { state }),
    limit: pageSize,
    offset: (page - 1) * pageSize,
  };
  const challenges = useQuery({
    queryKey: challengeKeys.search(filter),
    queryFn: ({ signal }) => searchChallenges(filter, signal),
    enabled: organizationId !== '',
  });
  const pages = challenges.data ? Math.ceil(challenges.data.total / pageSize) : 0;

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Title order={1} data-testid="host-challenges-heading">
          {t('hostChallenges.title', { name: active?.organizationName ?? '' })}
        </Title>
        <Button component={Link} to={`${hostChallengesPath}/new`}>
          {t('hostChallenges.new')}
        </Button>
      </Group>
      <Text c="dimmed">{t('hostChallenges.intro')}</Text>
      <FilterChoices
        id="state-filter"
        label={t('hostChallenges.filterState')}
        options={stateFilters}
        value={state}
        labelOf={(s) => (s === 'all' ? t('hostChallenges.allStates') : t(`matching.states.${s}`))}
        onChange={(s) => {
          setState(s);
          setPage(1);
        }}
      />
      {challenges.isPending && <PageLoader />}
      {challenges.isError && <ApiErrorAlert error={challenges.error} />}
      {challenges.isSuccess && challenges.data.items.length === 0 && (
        <Text c="dimmed">{t('hostChallenges.none')}</Text>
      )}
      {challenges.isSuccess && challenges.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover data-testid="host-challenges-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('hostChallenges.challenge')}</Table.Th>
                <Table.Th scope="col">{t('hostChallenges.state')}</Table.Th>
                <Table.Th scope="col">{t('hostChallenges.applications')}</Table.Th>
                <Table.Th scope="col">{t('hostChallenges.places')}</Table.Th>
                <Table.Th scope="col">{t('hostChallenges.updatedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {challenges.data.items.map((c) => (
                <Table.Tr key={c.id} data-testid="host-challenge-row">
                  <Table.Td>
                    <Anchor component={Link} to={hostChallengePath(c.id)} fw={600}>
                      {localized(c.title, c.titleEn, language)}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {placeOf(c, t)} ・ {challengeTermsLine(c, t, language)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <ChallengeStateBadge state={c.state} />
                  </Table.Td>
                  <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {t('hostChallenges.openOfMax', {
                      open: c.openApplications,
                      max: c.maxOpenApplications,
                    })}
                  </Table.Td>
                  <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {t('hostChallenges.filledOfPlaces', {
                      filled: c.filledPlaces,
                      places: c.places,
                    })}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(c.updatedAt, language)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={setPage}
          getControlProps={(control) => ({
            'aria-label': t(`common.pagination.${control}`),
          })}
          getItemProps={(p) => ({ 'aria-label': t('common.pagination.page', { page: p }) })}
        />
      )}
    </Stack>
  );
}

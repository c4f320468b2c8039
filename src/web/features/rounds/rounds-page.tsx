import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { PageLoader } from '../../components/page-loader';
import { useLanguage } from '../../i18n/use-language';
import { formatDateTime, formatNumber } from '../../lib/format';
import { fetchRounds, roundKeys } from './rounds-api';

export const roundPath = (id: string) => `/rounds/${encodeURIComponent(id)}`;

/** Coordinators: the matching rounds run so far, newest first, and a new one. */
export function RoundsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const rounds = useQuery({
    queryKey: roundKeys.list,
    queryFn: ({ signal }) => fetchRounds(signal),
  });
  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} data-testid="rounds-heading">
          {t('rounds.title')}
        </Title>
        <Button component={Link} to="/rounds/new">
          {t('rounds.new')}
        </Button>
      </Group>
      <Text c="dimmed">{t('rounds.intro')}</Text>
      {rounds.isPending && <PageLoader />}
      {rounds.isError && <ApiErrorAlert error={rounds.error} />}
      {rounds.isSuccess && rounds.data.length === 0 && <Text c="dimmed">{t('rounds.none')}</Text>}
      {rounds.isSuccess && rounds.data.length > 0 && (
        <Table.ScrollContainer minWidth={680}>
          <Table striped highlightOnHover data-testid="rounds-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('rounds.name')}</Table.Th>
                <Table.Th scope="col">{t('rounds.status')}</Table.Th>
                <Table.Th scope="col">{t('rounds.participants')}</Table.Th>
                <Table.Th scope="col">{t('rounds.assignments')}</Table.Th>
                <Table.Th scope="col">{t('rounds.createdAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rounds.data.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={roundPath(r.id)} fw={600}>
                      {r.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={r.status === 'published' ? 'teal' : 'yellow'} variant="light">
                      {t(`rounds.statuses.${r.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {t('rounds.participantsValue', {
                      workers: formatNumber(r.participants.workers, language),
                      challenges: formatNumber(r.participants.challenges, language),
                    })}
                  </Table.Td>
                  <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatNumber(r.assignmentCount, language)}
                    {r.shortfalls.length > 0 && (
                      <Badge ml="xs" color="orange" variant="light">
                        {t('rounds.shortfallCount', { count: r.shortfalls.length })}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(r.createdAt, language)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

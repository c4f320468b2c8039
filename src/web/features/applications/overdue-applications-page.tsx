import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { PageLoader } from '../../components/page-loader';
import { useLanguage } from '../../i18n/use-language';
import { formatDateTime } from '../../lib/format';
import { applicationKeys, fetchOverdueApplications } from './applications-api';

/** Coordinators: applications a host has not answered within its set days, latest first. */
export function OverdueApplicationsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const overdue = useQuery({
    queryKey: applicationKeys.overdue,
    queryFn: ({ signal }) => fetchOverdueApplications(signal),
  });
  return (
    <Stack gap="lg">
      <Title order={1} data-testid="overdue-heading">
        {t('overdue.title')}
      </Title>
      <Text c="dimmed">{t('overdue.intro')}</Text>
      {overdue.isPending && <PageLoader />}
      {overdue.isError && <ApiErrorAlert error={overdue.error} />}
      {overdue.isSuccess && overdue.data.length === 0 && (
        <Text c="dimmed">{t('overdue.none')}</Text>
      )}
      {overdue.isSuccess && overdue.data.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="overdue-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('overdue.host')}</Table.Th>
                <Table.Th scope="col">{t('overdue.challenge')}</Table.Th>
                <Table.Th scope="col">{t('overdue.worker')}</Table.Th>
                <Table.Th scope="col">{t('overdue.dueAt')}</Table.Th>
                <Table.Th scope="col">{t('overdue.daysOverdue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {overdue.data.map((o) => (
                <Table.Tr key={o.applicationId}>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/organizations/${encodeURIComponent(o.hostOrganizationId)}`}
                    >
                      {o.hostName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{o.challengeTitle}</Table.Td>
                  <Table.Td>{o.workerName}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(o.hostDueAt, language)}
                  </Table.Td>
                  <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {t('overdue.days', { count: o.daysOverdue })}
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

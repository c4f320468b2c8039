import { Card, Group, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { PageLoader } from '../../components/page-loader';
import { formatDate, formatNumber } from '../../lib/format';
import { useLanguage } from '../../i18n/use-language';
import { KindBadge } from './kind-badge';
import { fetchOrganization, organizationKeys } from './organizations-api';

/** An organisation's record as registered: names, code, number of members, member since. */
export function OrganizationSummaryCard({
  organizationId,
  headingLevel = 2,
}: {
  organizationId: string;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const organization = useQuery({
    queryKey: organizationKeys.one(organizationId),
    queryFn: ({ signal }) => fetchOrganization(organizationId, signal),
  });
  if (organization.isPending) return <PageLoader />;
  if (organization.isError) return <ApiErrorAlert error={organization.error} />;
  const org = organization.data;
  return (
    <Card withBorder radius="md" padding="lg" data-testid="organization-card">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="sm">
        <Title order={headingLevel} size="h3">
          {org.name}
        </Title>
        <KindBadge kind={org.kind} />
      </Group>
      <Table variant="vertical" layout="fixed" withTableBorder>
        <Table.Tbody>
          {org.nameEn && (
            <Table.Tr>
              <Table.Th w="40%" scope="row">
                {t('organizations.nameEn')}
              </Table.Th>
              <Table.Td lang="en">{org.nameEn}</Table.Td>
            </Table.Tr>
          )}
          {org.lgCode && (
            <Table.Tr>
              <Table.Th scope="row">{t('organizations.lgCode')}</Table.Th>
              <Table.Td>{org.lgCode}</Table.Td>
            </Table.Tr>
          )}
          <Table.Tr>
            <Table.Th w="40%" scope="row">
              {t('organizations.members')}
            </Table.Th>
            <Table.Td>{formatNumber(org.memberCount, language)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('organizations.memberSince')}</Table.Th>
            <Table.Td>{formatDate(org.createdAt, language)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Card>
  );
}

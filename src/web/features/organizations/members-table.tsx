import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { PageLoader } from '../../components/page-loader';
import { formatDate } from '../../lib/format';
import { useLanguage } from '../../i18n/use-language';
import { RoleBadge } from './kind-badge';
import { fetchMembers, organizationKeys } from './organizations-api';

/** The people in an organisation with their roles. */
export function MembersTable({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const members = useQuery({
    queryKey: organizationKeys.members(organizationId),
    queryFn: ({ signal }) => fetchMembers(organizationId, signal),
  });
  if (members.isPending) return <PageLoader />;
  if (members.isError) return <ApiErrorAlert error={members.error} />;
  if (members.data.length === 0) return <Text c="dimmed">{t('members.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped highlightOnHover data-testid="members-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('members.name')}</Table.Th>
            <Table.Th scope="col">{t('members.email')}</Table.Th>
            <Table.Th scope="col">{t('members.role')}</Table.Th>
            <Table.Th scope="col">{t('members.joinedAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.data.map((m) => (
            <Table.Tr key={m.userId}>
              <Table.Td>{m.name}</Table.Td>
              <Table.Td>{m.email}</Table.Td>
              <Table.Td>
                <RoleBadge role={m.role} />
              </Table.Td>
              <Table.Td>{formatDate(m.joinedAt, language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OrganizationView } from '../../../contracts/organizations';
import { formatDate, formatNumber } from '../../lib/format';
import { useLanguage } from '../../i18n/use-language';
import { KindBadge } from './kind-badge';

/** Member organisations with their kind, code and size; each name opens the organisation. */
export function OrganizationsTable({ organizations }: { organizations: OrganizationView[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (organizations.length === 0) return <Text c="dimmed">{t('organizations.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped highlightOnHover data-testid="organizations-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('organizations.name')}</Table.Th>
            <Table.Th scope="col">{t('organizations.kind')}</Table.Th>
            <Table.Th scope="col">{t('organizations.lgCode')}</Table.Th>
            <Table.Th scope="col" ta="end">
              {t('organizations.members')}
            </Table.Th>
            <Table.Th scope="col">{t('organizations.createdAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {organizations.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Td>
                <Anchor component={Link} to={`/organizations/${o.id}`}>
                  {language === 'en' && o.nameEn ? o.nameEn : o.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <KindBadge kind={o.kind} />
              </Table.Td>
              <Table.Td>{o.lgCode ?? '—'}</Table.Td>
              <Table.Td ta="end">{formatNumber(o.memberCount, language)}</Table.Td>
              <Table.Td>{formatDate(o.createdAt, language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

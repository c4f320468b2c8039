import { Badge, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { PageLoader } from '../../components/page-loader';
import { formatDateTime } from '../../lib/format';
import { useLanguage } from '../../i18n/use-language';
import { RoleBadge } from '../organizations/kind-badge';
import {
  fetchInvitations,
  invitationKeys,
  revokeInvitation,
  type Invitation,
} from './invitations-api';

const statusColor: Record<Invitation['status'], string> = {
  pending: 'yellow',
  accepted: 'teal',
  revoked: 'gray',
  expired: 'gray',
};

/** An organisation's invitations, pending ones first, each pending one revocable. */
export function InvitationsTable({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const invitations = useQuery({
    queryKey: invitationKeys.ofOrganization(organizationId),
    queryFn: ({ signal }) => fetchInvitations(organizationId, signal),
  });
  const revoke = useMutation({
    mutationFn: (invitationId: string) => revokeInvitation(organizationId, invitationId),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: invitationKeys.ofOrganization(organizationId) }),
  });

  if (invitations.isPending) return <PageLoader />;
  if (invitations.isError) return <ApiErrorAlert error={invitations.error} />;
  if (invitations.data.length === 0) return <Text c="dimmed">{t('invitations.none')}</Text>;

  const rows = [...invitations.data].sort(
    (a, b) => Number(b.status === 'pending') - Number(a.status === 'pending'),
  );
  return (
    <>
      {revoke.isError && (
        <ApiErrorAlert error={revoke.error} title={t('invitations.revokeFailed')} />
      )}
      <Table.ScrollContainer minWidth={640}>
        <Table striped data-testid="invitations-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('invitations.email')}</Table.Th>
              <Table.Th scope="col">{t('invitations.role')}</Table.Th>
              <Table.Th scope="col">{t('invitations.status')}</Table.Th>
              <Table.Th scope="col">{t('invitations.expiresAt')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('invitations.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((inv) => (
              <Table.Tr key={inv.id}>
                <Table.Td>{inv.email}</Table.Td>
                <Table.Td>
                  <RoleBadge role={inv.role} />
                </Table.Td>
                <Table.Td>
                  <Badge color={statusColor[inv.status]} variant="light" radius="sm">
                    {t(`invitations.statuses.${inv.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{formatDateTime(inv.expiresAt, language)}</Table.Td>
                <Table.Td>
                  {inv.status === 'pending' && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      loading={revoke.isPending && revoke.variables === inv.id}
                      disabled={revoke.isPending}
                      onClick={() => revoke.mutate(inv.id)}
                      aria-label={t('invitations.revokeFor', { email: inv.email })}
                    >
                      {t('invitations.revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

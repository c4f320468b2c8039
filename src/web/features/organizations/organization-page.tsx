import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { PageLoader } from '../../components/page-loader';
import { InvitationsTable } from '../invitations/invitations-table';
import { InviteForm } from '../invitations/invite-form';
import { KindBadge } from './kind-badge';
import { MembersTable } from './members-table';
import { fetchOrganization, organizationKeys } from './organizations-api';

/** Coordinators: one member organisation, its people, and inviting its admins. */
export function OrganizationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const organization = useQuery({
    queryKey: organizationKeys.one(id),
    queryFn: ({ signal }) => fetchOrganization(id, signal),
  });

  if (organization.isPending) return <PageLoader />;
  if (organization.isError)
    return (
      <Stack>
        <ApiErrorAlert error={organization.error} />
        <Anchor component={Link} to="/organizations">
          {t('organizations.backToList')}
        </Anchor>
      </Stack>
    );
  const org = organization.data;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/organizations" size="sm">
        {t('organizations.backToList')}
      </Anchor>
      <Group gap="sm" align="center">
        <Title order={1}>{org.name}</Title>
        <KindBadge kind={org.kind} />
      </Group>
      {(org.nameEn || org.lgCode) && (
        <Text c="dimmed">
          {[org.nameEn, org.lgCode && t('organizations.codeLabel', { code: org.lgCode })]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      )}
      <section aria-labelledby="org-members">
        <Title order={2} size="h3" id="org-members" mb="sm">
          {t('members.title')}
        </Title>
        <MembersTable organizationId={org.id} />
      </section>
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="org-invite">
        <Title order={2} size="h3" id="org-invite" mb="sm">
          {t('invite.title')}
        </Title>
        <InviteForm
          organizationId={org.id}
          organizationKind={org.kind}
          organizationName={org.name}
        />
      </Card>
      <section aria-labelledby="org-invitations">
        <Title order={2} size="h3" id="org-invitations" mb="sm">
          {t('invitations.title')}
        </Title>
        <InvitationsTable organizationId={org.id} />
      </section>
    </Stack>
  );
}

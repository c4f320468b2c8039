import { Card, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-context';
import { InvitationsTable } from './invitations-table';
import { InviteForm } from './invite-form';

/** An organisation's admins (company admins, officers) bring in their own people here. */
export function TeamInvitationsPage() {
  const { t } = useTranslation();
  const { active } = useSession();
  if (!active) return null;
  return (
    <Stack gap="lg">
      <Title order={1}>{t('teamInvitations.title', { name: active.organizationName })}</Title>
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="team-invite">
        <Title order={2} size="h3" id="team-invite" mb="sm">
          {t('invite.title')}
        </Title>
        <InviteForm
          organizationId={active.organizationId}
          organizationKind={active.organizationKind}
          organizationName={active.organizationName}
        />
      </Card>
      <section aria-labelledby="team-invitations">
        <Title order={2} size="h3" id="team-invitations" mb="sm">
          {t('invitations.title')}
        </Title>
        <InvitationsTable organizationId={active.organizationId} />
      </section>
    </Stack>
  );
}

import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationKind, Role } from '../../../domain/shared/organizations';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { useSession } from '../auth/session-context';
import { invitableRoles } from './invitable-roles';
import { createInvitation, invitationKeys, type CreatedInvitation } from './invitations-api';

type Props = {
  organizationId: string;
  organizationKind: OrganizationKind;
  organizationName: string;
};

/**
 * Invites a person by email. The link is shown once, here, for the inviter to pass on: the
 * server keeps only its hash, so it cannot be shown again later.
 */
export function InviteForm({ organizationId, organizationKind, organizationName }: Props) {
  const { t } = useTranslation();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const roles = invitableRoles(me.memberships, { organizationId, organizationKind });
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role | null>(roles.length === 1 ? (roles[0] ?? null) : null);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const invite = useMutation({
    mutationFn: (body: { email: string; role: Role }) => createInvitation(organizationId, body),
    onSuccess: (result) => {
      setCreated(result);
      setEmail('');
      void queryClient.invalidateQueries({
        queryKey: invitationKeys.ofOrganization(organizationId),
      });
    },
  });

  if (roles.length === 0) return null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!role) return;
    setCreated(null);
    invite.mutate({ email: email.trim(), role });
  };

  return (
    <Stack gap="sm">
      <form onSubmit={onSubmit} aria-label={t('invite.formLabel', { name: organizationName })}>
        <Stack gap="sm">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t('invite.email')}
              type="email"
              required
              autoComplete="off"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              style={{ flex: '1 1 16rem' }}
            />
            <Select
              label={t('invite.role')}
              required
              data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              value={role}
              onChange={(value) => setRole(roles.find((r) => r === value) ?? null)}
              allowDeselect={false}
              style={{ flex: '0 1 12rem' }}
            />
            <Button type="submit" loading={invite.isPending} disabled={!role || invite.isPending}>
              {t('invite.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      {invite.isError && <ApiErrorAlert error={invite.error} title={t('invite.failedTitle')} />}
      {created && (
        <Alert color="teal" variant="light" title={t('invite.createdTitle')} role="status">
          <Stack gap="xs">
            <Text size="sm">
              {t('invite.createdBody', {
                email: created.invitation.email,
                role: t(`roles.${created.invitation.role}`),
              })}
            </Text>
            <Code block data-testid="invite-accept-url" style={{ wordBreak: 'break-all' }}>
              {created.acceptUrl}
            </Code>
            <CopyButton value={created.acceptUrl}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy} w="fit-content">
                  {copied ? t('invite.copied') : t('invite.copy')}
                </Button>
              )}
            </CopyButton>
            <Text size="xs" c="dimmed">
              {t('invite.shownOnce')}
            </Text>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}

import {
  Alert,
  Anchor,
  Button,
  Group,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { PageLoader } from '../../components/page-loader';
import { PublicPageFrame } from '../../components/public-page-frame';
import { isApiError } from '../../lib/api-client';
import { formatDateTime } from '../../lib/format';
import { loginPathFor } from '../../lib/safe-paths';
import { useLanguage } from '../../i18n/use-language';
import { fetchSession, sessionQueryKey } from '../auth/session-api';
import { LanguageSwitch } from '../language/language-switch';
import { KindBadge, RoleBadge } from '../organizations/kind-badge';
import {
  acceptInvitation,
  fetchInvitationPreview,
  invitationKeys,
  minPasswordLength,
  type InvitationPreview,
} from './invitations-api';

/** A link that does not lead to a usable invitation: unknown, malformed, used or expired. */
const isUnusableLink = (error: unknown) => isApiError(error, 404) || isApiError(error, 400);

export function InvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const preview = useQuery({
    queryKey: invitationKeys.preview(token),
    queryFn: ({ signal }) => fetchInvitationPreview(token, signal),
  });

  let content;
  if (preview.isPending) content = <PageLoader />;
  else if (preview.isError)
    content = isUnusableLink(preview.error) ? (
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('acceptInvitation.unusableTitle')}
        </Title>
        <Alert color="red" variant="light" role="alert">
          {t('acceptInvitation.unusableBody')}
        </Alert>
        <Anchor component={Link} to="/login">
          {t('acceptInvitation.goToLogin')}
        </Anchor>
      </Stack>
    ) : (
      <ApiErrorAlert error={preview.error} />
    );
  else content = <InvitationDetails token={token} preview={preview.data} />;

  return <PublicPageFrame languageSwitch={<LanguageSwitch size="sm" />}>{content}</PublicPageFrame>;
}

function InvitationDetails({ token, preview }: { token: string; preview: InvitationPreview }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('acceptInvitation.title', { organization: preview.organizationName })}
      </Title>
      <Table variant="vertical" layout="fixed" withTableBorder data-testid="invitation-summary">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w="35%">{t('acceptInvitation.organization')}</Table.Th>
            <Table.Td>
              <Group gap="xs">
                <span>{preview.organizationName}</span>
                <KindBadge kind={preview.organizationKind} />
              </Group>
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('acceptInvitation.role')}</Table.Th>
            <Table.Td>
              <RoleBadge role={preview.role} />
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('acceptInvitation.email')}</Table.Th>
            <Table.Td style={{ wordBreak: 'break-all' }}>{preview.email}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('acceptInvitation.expiresAt')}</Table.Th>
            <Table.Td>{formatDateTime(preview.expiresAt, language)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {preview.accountExists ? (
        <ExistingAccountAccept token={token} email={preview.email} />
      ) : (
        <NewAccountForm token={token} />
      )}
    </Stack>
  );
}

/**
 * Someone who already has an account joins by accepting while signed in as that account; the
 * server adds the membership to it.
 */
function ExistingAccountAccept({ token, email }: { token: string; email: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useQuery({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => fetchSession(signal),
    retry: false,
  });
  const accept = useMutation({
    mutationFn: () => acceptInvitation(token, {}),
    onSuccess: (me) => {
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, me);
      void navigate('/', { replace: true });
    },
  });
  if (session.isPending) return <PageLoader />;
  const signedInAs = session.data?.email ?? null;
  if (signedInAs === email) {
    return (
      <Stack gap="md">
        {accept.isError && (
          <ApiErrorAlert error={accept.error} title={t('acceptInvitation.failedTitle')} />
        )}
        <Button
          onClick={() => accept.mutate()}
          loading={accept.isPending}
          disabled={accept.isPending}
        >
          {t('acceptInvitation.acceptAsExisting', { email })}
        </Button>
      </Stack>
    );
  }
  return (
    <Alert color="blue" variant="light" title={t('acceptInvitation.accountExistsTitle')}>
      <Stack gap="xs">
        <Text size="sm">
          {signedInAs
            ? t('acceptInvitation.signedInAsOther', { email, current: signedInAs })
            : t('acceptInvitation.accountExistsBody', { email })}
        </Text>
        <Anchor component={Link} to={loginPathFor(`/invitations/${token}`)}>
          {t('acceptInvitation.signInFirst')}
        </Anchor>
      </Stack>
    </Alert>
  );
}

function NewAccountForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [showProblems, setShowProblems] = useState(false);
  const accept = useMutation({
    mutationFn: () => acceptInvitation(token, { name: name.trim(), password }),
    onSuccess: (me) => {
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, me);
      void navigate('/', { replace: true });
    },
  });

  const nameProblem = name.trim() === '' ? t('acceptInvitation.nameRequired') : null;
  const passwordProblem =
    password.length < minPasswordLength
      ? t('acceptInvitation.passwordTooShort', { min: minPasswordLength })
      : null;
  const confirmationProblem =
    confirmation !== password ? t('acceptInvitation.passwordsDiffer') : null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setShowProblems(true);
    if (nameProblem || passwordProblem || confirmationProblem) return;
    accept.mutate();
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('acceptInvitation.newAccountIntro')}</Text>
        {accept.isError &&
          (isApiError(accept.error, 404) ? (
            <Alert color="red" variant="light" role="alert">
              {t('acceptInvitation.unusableBody')}
            </Alert>
          ) : (
            <ApiErrorAlert error={accept.error} title={t('acceptInvitation.failedTitle')} />
          ))}
        <TextInput
          label={t('acceptInvitation.name')}
          description={t('acceptInvitation.nameHint')}
          autoComplete="name"
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={showProblems ? nameProblem : null}
        />
        <PasswordInput
          label={t('acceptInvitation.password')}
          description={t('acceptInvitation.passwordHint', { min: minPasswordLength })}
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={showProblems ? passwordProblem : null}
          visibilityToggleButtonProps={{ 'aria-label': t('login.togglePasswordVisibility') }}
        />
        <PasswordInput
          label={t('acceptInvitation.confirmPassword')}
          autoComplete="new-password"
          required
          value={confirmation}
          onChange={(e) => setConfirmation(e.currentTarget.value)}
          error={showProblems ? confirmationProblem : null}
          visibilityToggleButtonProps={{ 'aria-label': t('login.togglePasswordVisibility') }}
        />
        <Button type="submit" loading={accept.isPending} disabled={accept.isPending}>
          {t('acceptInvitation.submit')}
        </Button>
      </Stack>
    </form>
  );
}

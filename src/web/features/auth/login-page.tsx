import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { PageLoader } from '../../components/page-loader';
import { PublicPageFrame } from '../../components/public-page-frame';
import { isApiError } from '../../lib/api-client';
import { safeNextPath } from '../../lib/safe-paths';
import { LanguageSwitch } from '../language/language-switch';
import { fetchSession, logIn, sessionQueryKey } from './session-api';

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const queryClient = useQueryClient();
  const session = useQuery({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => fetchSession(signal),
  });
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: logIn,
    onSuccess: (me) => {
      // Whatever an earlier person left in the cache is not this person's to see.
      queryClient.clear();
      // Setting the session re-renders this page into a redirect to `next`.
      queryClient.setQueryData(sessionQueryKey, me);
    },
  });

  if (session.isPending) return <PageLoader />;
  if (session.data) return <Navigate to={next} replace />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    login.mutate({ email: email.trim(), password });
  };

  return (
    <PublicPageFrame languageSwitch={<LanguageSwitch size="sm" />}>
      <form onSubmit={onSubmit}>
        <Stack gap="md">
          <Title order={1} size="h2">
            {t('login.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('login.intro')}
          </Text>
          {login.isError &&
            (isApiError(login.error, 401) ? (
              <Alert color="red" variant="light" role="alert" title={t('login.failedTitle')}>
                {t('login.wrongCredentials')}
              </Alert>
            ) : isApiError(login.error, 429) ? (
              <Alert color="orange" variant="light" role="alert" title={t('login.failedTitle')}>
                {t('login.tooManyAttempts')}
              </Alert>
            ) : (
              <ApiErrorAlert error={login.error} title={t('login.failedTitle')} />
            ))}
          <TextInput
            label={t('login.email')}
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('login.password')}
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            visibilityToggleButtonProps={{
              'aria-label': t('login.togglePasswordVisibility'),
            }}
          />
          <Button type="submit" loading={login.isPending} disabled={login.isPending} fullWidth>
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </PublicPageFrame>
  );
}

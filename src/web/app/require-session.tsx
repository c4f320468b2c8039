import { Button, Center, Stack } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { MeResponse } from '../../contracts/auth';
import { ApiErrorAlert } from '../components/api-error-alert';
import { PageLoader } from '../components/page-loader';
import { fetchSession, saveAccountLanguage, sessionQueryKey } from '../features/auth/session-api';
import { SessionProvider } from '../features/auth/session-context';
import { changeLanguage, readStoredLanguage } from '../i18n/i18n';
import { reconcileLanguage } from '../i18n/language';
import { loginPathFor } from '../lib/safe-paths';
import { AppLayout } from './app-layout';

/** Brings the interface language and the account's language together once per sign-in. */
function useLanguageOfAccount(me: MeResponse) {
  const queryClient = useQueryClient();
  const { mutate } = useMutation({
    mutationFn: saveAccountLanguage,
    onSuccess: (fresh) => queryClient.setQueryData(sessionQueryKey, fresh),
  });
  const userId = me.id;
  const accountLanguage = me.locale;
  useEffect(() => {
    const { show, saveToAccount } = reconcileLanguage(readStoredLanguage(), accountLanguage);
    void changeLanguage(show);
    if (saveToAccount) mutate(saveToAccount);
    // Once per person signing in (hence only userId): later switches go through the language
    // switch, and re-running on every refreshed session would undo a switch in flight.
  }, [userId]);
}

function SignedIn({ me }: { me: MeResponse }) {
  useLanguageOfAccount(me);
  return (
    <SessionProvider me={me}>
      <AppLayout />
    </SessionProvider>
  );
}

/**
 * The gate of every signed-in page. Nobody signed in (or the session ended: any 401 clears it)
 * means the login page, which brings the person back here afterwards.
 */
export function RequireSession() {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useQuery({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => fetchSession(signal),
  });
  if (session.isPending) return <PageLoader />;
  if (session.isError)
    return (
      <Center mih="100dvh" p="md">
        <Stack maw={480}>
          <ApiErrorAlert error={session.error} />
          <Button onClick={() => void session.refetch()} variant="light">
            {t('common.retry')}
          </Button>
        </Stack>
      </Center>
    );
  if (!session.data) {
    return <Navigate to={loginPathFor(`${location.pathname}${location.search}`)} replace />;
  }
  return <SignedIn me={session.data} />;
}

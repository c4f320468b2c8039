import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-context';
import { CompanyHome } from './company-home';
import { CoordinatorHome } from './coordinator-home';
import { OfficerHome } from './officer-home';
import { WorkerHome } from './worker-home';

/** The home of the membership the person is acting in. */
export function HomePage() {
  const { t } = useTranslation();
  const { active } = useSession();
  switch (active?.role) {
    case 'coordinator':
      return <CoordinatorHome />;
    case 'municipal_officer':
      return <OfficerHome membership={active} />;
    case 'company_admin':
      return <CompanyHome membership={active} />;
    case 'worker':
      return <WorkerHome />;
    case undefined:
      return (
        <Stack>
          <Title order={1} data-testid="home-none">
            {t('home.noMembershipTitle')}
          </Title>
          <Alert color="blue" variant="light">
            {t('home.noMembershipBody')}
          </Alert>
        </Stack>
      );
  }
}

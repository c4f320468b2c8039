import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { organizationKinds } from '../../../domain/shared/organizations';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { PageLoader } from '../../components/page-loader';
import { formatNumber } from '../../lib/format';
import { useLanguage } from '../../i18n/use-language';
import { countOrganizationsByKind } from '../organizations/organization-counts';
import { fetchOrganizations, organizationKeys } from '../organizations/organizations-api';
import { OrganizationsTable } from '../organizations/organizations-table';

/** The programme at a glance: who is a member, by kind, and the newest members. */
export function CoordinatorHome() {
  const { t } = useTranslation();
  const language = useLanguage();
  const organizations = useQuery({
    queryKey: organizationKeys.list(null),
    queryFn: ({ signal }) => fetchOrganizations(null, signal),
  });
  const counts = countOrganizationsByKind(organizations.data ?? []);
  const newest = [...(organizations.data ?? [])]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, 10);

  return (
    <Stack gap="lg">
      <Title order={1} data-testid="home-coordinator">
        {t('coordinatorHome.title')}
      </Title>
      {organizations.isPending && <PageLoader />}
      {organizations.isError && <ApiErrorAlert error={organizations.error} />}
      {organizations.isSuccess && (
        <>
          <section aria-labelledby="member-counts">
            <Title order={2} size="h3" id="member-counts" mb="sm">
              {t('coordinatorHome.memberCounts')}
            </Title>
            <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
              {organizationKinds.map((kind) => (
                <Paper key={kind} withBorder p="md" radius="md" data-testid={`count-${kind}`}>
                  <Text size="sm" c="dimmed">
                    {t(`kinds.${kind}`)}
                  </Text>
                  <Text fz={28} fw={700} lh={1.2}>
                    {formatNumber(counts[kind], language)}
                  </Text>
                </Paper>
              ))}
            </SimpleGrid>
          </section>
          <section aria-labelledby="newest-organizations">
            <Group justify="space-between" mb="sm" wrap="wrap">
              <Title order={2} size="h3" id="newest-organizations">
                {t('coordinatorHome.newest')}
              </Title>
              <Group gap="xs">
                <Button component={Link} to="/flow" variant="light">
                  {t('coordinatorHome.peopleFlow')}
                </Button>
                <Button component={Link} to="/organizations" variant="light">
                  {t('coordinatorHome.manageOrganizations')}
                </Button>
              </Group>
            </Group>
            <OrganizationsTable organizations={newest} />
          </section>
        </>
      )}
    </Stack>
  );
}

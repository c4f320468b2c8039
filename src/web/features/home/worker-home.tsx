import { Card, Group, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-context';
import { KindBadge, RoleBadge } from '../organizations/kind-badge';
import { OrganizationSummaryCard } from '../organizations/organization-summary-card';

/** A person's own page: who they are in Tsunagu and the organisations they belong to. */
export function WorkerHome() {
  const { t } = useTranslation();
  const { me } = useSession();
  return (
    <Stack gap="lg">
      <Title order={1} data-testid="home-worker">
        {t('workerHome.title')}
      </Title>
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="profile">
        <Title order={2} size="h3" id="profile" mb="sm">
          {t('workerHome.profile')}
        </Title>
        <Table variant="vertical" layout="fixed" withTableBorder>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w="40%" scope="row">
                {t('workerHome.name')}
              </Table.Th>
              <Table.Td>{me.name}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('workerHome.email')}</Table.Th>
              <Table.Td style={{ wordBreak: 'break-all' }}>{me.email}</Table.Td>
            </Table.Tr>
            {me.memberships.map((m) => (
              <Table.Tr key={m.organizationId}>
                <Table.Th scope="row">{t('workerHome.membership')}</Table.Th>
                <Table.Td>
                  <Group gap="xs">
                    <span>{m.organizationName}</span>
                    <KindBadge kind={m.organizationKind} />
                    <RoleBadge role={m.role} />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <section aria-labelledby="my-organizations">
        <Title order={2} size="h3" id="my-organizations" mb="sm">
          {t('workerHome.organizations')}
        </Title>
        <Stack gap="md">
          {me.memberships.map((m) => (
            <OrganizationSummaryCard
              key={m.organizationId}
              organizationId={m.organizationId}
              headingLevel={3}
            />
          ))}
        </Stack>
      </section>
    </Stack>
  );
}

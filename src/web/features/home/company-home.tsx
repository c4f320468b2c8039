import { Button, Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MembershipView } from '../../../contracts/auth';
import { MembersTable } from '../organizations/members-table';
import { OrganizationSummaryCard } from '../organizations/organization-summary-card';

/** A member company's admin: the company as registered and its people with their roles. */
export function CompanyHome({ membership }: { membership: MembershipView }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Title order={1} data-testid="home-company_admin">
        {t('companyHome.title', { name: membership.organizationName })}
      </Title>
      <OrganizationSummaryCard organizationId={membership.organizationId} />
      <section aria-labelledby="company-members">
        <Group justify="space-between" mb="sm" wrap="wrap">
          <Title order={2} size="h3" id="company-members">
            {t('companyHome.members')}
          </Title>
          <Button component={Link} to="/invitations" variant="light">
            {t('companyHome.invite')}
          </Button>
        </Group>
        <MembersTable organizationId={membership.organizationId} />
      </section>
    </Stack>
  );
}

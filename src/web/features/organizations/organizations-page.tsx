import { Card, SegmentedControl, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { organizationKinds, type OrganizationKind } from '../../../domain/shared/organizations';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { PageLoader } from '../../components/page-loader';
import { fetchOrganizations, organizationKeys } from './organizations-api';
import { OrganizationsTable } from './organizations-table';
import { RegisterOrganizationForm } from './register-organization-form';

type KindFilter = OrganizationKind | 'all';

/** Coordinators: every member organisation, by kind, and registering a new one. */
export function OrganizationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<KindFilter>('all');
  const kind = filter === 'all' ? null : filter;
  const organizations = useQuery({
    queryKey: organizationKeys.list(kind),
    queryFn: ({ signal }) => fetchOrganizations(kind, signal),
  });

  return (
    <Stack gap="lg">
      <Title order={1}>{t('organizations.title')}</Title>
      <section aria-labelledby="organization-list">
        <Title order={2} size="h3" id="organization-list" mb="sm">
          {t('organizations.listTitle')}
        </Title>
        <SegmentedControl<KindFilter>
          aria-label={t('organizations.filterByKind')}
          mb="sm"
          value={filter}
          onChange={setFilter}
          data={[
            { value: 'all', label: t('organizations.allKinds') },
            ...organizationKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) })),
          ]}
          style={{ maxWidth: '100%', overflowX: 'auto' }}
        />
        {organizations.isPending && <PageLoader />}
        {organizations.isError && <ApiErrorAlert error={organizations.error} />}
        {organizations.isSuccess && <OrganizationsTable organizations={organizations.data} />}
      </section>
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="register">
        <Title order={2} size="h3" id="register" mb="sm">
          {t('registerOrganization.title')}
        </Title>
        <RegisterOrganizationForm
          onCreated={(organization) => void navigate(`/organizations/${organization.id}`)}
        />
      </Card>
    </Stack>
  );
}

import { Alert, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { PageLoader } from '../../components/page-loader';
import { formatCalendarDate, formatYen } from '../../lib/format';
import { useLanguage } from '../../i18n/use-language';
import { DeclareEmploymentForm } from './declare-employment-form';
import { employmentKeys, fetchMyEmployments, type Employment } from './employments-api';

function AgreementLabel({ agreement }: { agreement: Employment['agreement36'] }) {
  const { t } = useTranslation();
  if (agreement.mode !== 'custom') return <>{t(`sideJobs.agreementModes.${agreement.mode}`)}</>;
  const parts = [t('sideJobs.agreementModes.custom')];
  if (agreement.monthlyLimitMinutes)
    parts.push(t('sideJobs.perMonth', { hours: agreement.monthlyLimitMinutes / 60 }));
  if (agreement.yearlyLimitMinutes)
    parts.push(t('sideJobs.perYear', { hours: agreement.yearlyLimitMinutes / 60 }));
  if (agreement.specialClause) parts.push(t('sideJobs.specialClause'));
  return <>{parts.join(' · ')}</>;
}

/** The worker's employments: the main job and every declared side job (副業・兼業). */
function EmploymentsTable({ employments }: { employments: readonly Employment[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const dash = '—';
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped data-testid="employments-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('sideJobs.employer')}</Table.Th>
            <Table.Th scope="col">{t('sideJobs.relation')}</Table.Th>
            <Table.Th scope="col">{t('sideJobs.contractSignedOn')}</Table.Th>
            <Table.Th scope="col">{t('sideJobs.weekAndHoliday')}</Table.Th>
            <Table.Th scope="col">{t('sideJobs.hourlyWage')}</Table.Th>
            <Table.Th scope="col">{t('sideJobs.agreement36')}</Table.Th>
            <Table.Th scope="col">{t('sideJobs.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {employments.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>
                <Stack gap={2}>
                  <Text size="sm" fw={500}>
                    {e.employerName}
                  </Text>
                  <Badge
                    color={e.isPrimary ? 'indigo' : 'grape'}
                    variant="light"
                    radius="sm"
                    w="fit-content"
                  >
                    {t(e.isPrimary ? 'timesheet.primary' : 'timesheet.sideJob')}
                  </Badge>
                </Stack>
              </Table.Td>
              <Table.Td>{t(`sideJobs.relations.${e.relation}`)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatCalendarDate(e.contractSignedOn, language)}
              </Table.Td>
              <Table.Td>
                {e.weekStartsOn ? t(`sideJobs.weekdays.${e.weekStartsOn}`) : dash} /{' '}
                {e.legalHoliday ? t(`sideJobs.weekdays.${e.legalHoliday}`) : dash}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {e.hourlyWageYen === null
                  ? dash
                  : t('sideJobs.perHour', { amount: formatYen(e.hourlyWageYen, language) })}
              </Table.Td>
              <Table.Td>
                {e.relation === 'employee' ? <AgreementLabel agreement={e.agreement36} /> : dash}
              </Table.Td>
              <Table.Td>
                {e.endedOn
                  ? t('sideJobs.endedOn', { date: formatCalendarDate(e.endedOn, language) })
                  : t('sideJobs.active')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Where else the worker works, declared so the hours can be aggregated across employers. */
export function SideJobsPage() {
  const { t } = useTranslation();
  const employments = useQuery({
    queryKey: employmentKeys.mine,
    queryFn: ({ signal }) => fetchMyEmployments(signal),
  });
  return (
    <Stack gap="lg">
      <Title order={1} data-testid="side-jobs-heading">
        {t('sideJobs.title')}
      </Title>
      <Text>{t('sideJobs.intro')}</Text>
      <section aria-labelledby="employments-list">
        <Title order={2} size="h3" id="employments-list" mb="sm">
          {t('sideJobs.listTitle')}
        </Title>
        {employments.isPending && <PageLoader />}
        {employments.isError && <ApiErrorAlert error={employments.error} />}
        {employments.isSuccess &&
          (employments.data.length === 0 ? (
            <Alert color="gray" variant="light">
              {t('sideJobs.none')}
            </Alert>
          ) : (
            <EmploymentsTable employments={employments.data} />
          ))}
      </section>
      <section aria-labelledby="declare-side-job">
        <Title order={2} size="h3" id="declare-side-job" mb="sm">
          {t('sideJobs.formTitle')}
        </Title>
        <DeclareEmploymentForm existing={employments.data ?? []} />
      </section>
    </Stack>
  );
}

import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { PageLoader } from '../../components/page-loader';
import { addMonths, monthFromParam, monthOf, todayInTokyo } from '../../lib/calendar';
import {
  formatMinutes,
  formatMonth,
  formatNumber,
  formatPercent,
  formatYen,
} from '../../lib/format';
import { useLanguage } from '../../i18n/use-language';
import { useSession } from '../auth/session-context';
import {
  complianceExportUrl,
  complianceKeys,
  fetchCompliance,
  type AlertLevel,
  type Compliance,
  type ComplianceWorker,
} from './compliance-api';
import { alertRows, overtimeBars, sortByConcern } from './compliance-figures';

const OvertimeChart = lazy(() => import('./overtime-chart'));

const alertColor: Record<AlertLevel, string> = { ok: 'teal', near: 'yellow', over: 'red' };

function AlertBadge({ level }: { level: AlertLevel }) {
  const { t } = useTranslation();
  return (
    <Badge color={alertColor[level]} variant={level === 'ok' ? 'light' : 'filled'} radius="sm">
      {t(`compliance.levels.${level}`)}
    </Badge>
  );
}

/** The share of the highest limit a person has reached, as a bar coloured ok / near / over. */
function LimitShareBar({ row }: { row: ComplianceWorker }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const percent = formatPercent(row.highestLimitShare, language);
  return (
    <Group gap="xs" wrap="nowrap" miw={140}>
      <Progress
        value={Math.min(100, Math.round(row.highestLimitShare * 100))}
        color={alertColor[row.alert]}
        size="lg"
        radius="sm"
        style={{ flex: 1 }}
        aria-label={t('compliance.limitShareOf', { name: row.workerName, percent })}
      />
      <Text size="sm" w={44} ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {percent}
      </Text>
    </Group>
  );
}

const isMonth = (text: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(text);

function MonthPicker({ month, onChange }: { month: string; onChange: (month: string) => void }) {
  const { t } = useTranslation();
  const current = monthOf(todayInTokyo());
  // What is typed, kept apart from the month shown: browsers without a month picker (Firefox,
  // desktop Safari) show a text box, where '2026-1' is on its way to a month, not a mistake.
  const [typed, setTyped] = useState(month);
  useEffect(() => setTyped(month), [month]);
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <Group gap="xs" role="group" aria-label={t('compliance.monthNavigation')} wrap="nowrap">
        <Button variant="default" onClick={() => onChange(addMonths(month, -1))}>
          {t('compliance.previousMonth')}
        </Button>
        <Button variant="default" onClick={() => onChange(current)} disabled={month === current}>
          {t('compliance.thisMonth')}
        </Button>
        <Button variant="default" onClick={() => onChange(addMonths(month, 1))}>
          {t('compliance.nextMonth')}
        </Button>
      </Group>
      <TextInput
        type="month"
        size="sm"
        label={t('compliance.month')}
        placeholder="2026-11"
        value={typed}
        onChange={(e) => {
          const value = e.currentTarget.value.trim();
          setTyped(value);
          if (isMonth(value)) onChange(value);
        }}
        styles={{ input: { width: 170 } }}
        data-testid="month-input"
      />
    </Group>
  );
}

function Totals({ compliance }: { compliance: Compliance }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { totals } = compliance;
  const tiles = [
    {
      key: 'overtime',
      label: t('compliance.totalOvertime'),
      value: formatMinutes(totals.overtimeMinutes),
    },
    {
      key: 'premium',
      label: t('compliance.totalPremium'),
      value: formatYen(totals.premiumYen, language),
    },
    {
      key: 'near',
      label: t('compliance.peopleNear'),
      value: t('compliance.people', { n: formatNumber(totals.peopleNear, language) }),
      color: totals.peopleNear > 0 ? 'yellow.9' : undefined,
    },
    {
      key: 'over',
      label: t('compliance.peopleOver'),
      value: t('compliance.people', { n: formatNumber(totals.peopleOver, language) }),
      color: totals.peopleOver > 0 ? 'red.8' : undefined,
    },
  ];
  return (
    <SimpleGrid
      cols={{ base: 2, md: 4 }}
      spacing="sm"
      component="section"
      aria-label={t('compliance.totals')}
    >
      {tiles.map((tile) => (
        <Paper key={tile.key} withBorder p="md" radius="md">
          <Text size="sm" c="dimmed">
            {tile.label}
          </Text>
          <Text
            fz={26}
            fw={700}
            lh={1.2}
            c={tile.color}
            data-testid={`total-${tile.key}`}
            style={{ fontVariantNumeric: 'tabular-nums' }}
          >
            {tile.value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function RuleLabel({ rule }: { rule: ComplianceWorker['violations'][number]['rule'] }) {
  const { t } = useTranslation();
  return <>{t(`compliance.rules.${rule}`)}</>;
}

/** Alerts before a limit is reached: everyone at 80% of a limit or beyond, with the findings. */
function Alerts({ rows }: { rows: readonly ComplianceWorker[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const concerns = alertRows(rows);
  return (
    <section aria-labelledby="compliance-alerts">
      <Title order={2} size="h3" id="compliance-alerts" mb="sm">
        {t('compliance.alertsTitle')}
      </Title>
      {concerns.length === 0 ? (
        <Alert color="teal" variant="light">
          {t('compliance.noAlerts')}
        </Alert>
      ) : (
        <Stack gap="xs" data-testid="compliance-alerts">
          {concerns.map((row) => (
            <Alert
              key={row.workerUserId}
              color={row.alert === 'over' ? 'red' : 'yellow'}
              variant="light"
              title={
                <Group gap="xs">
                  <span>{row.workerName}</span>
                  <AlertBadge level={row.alert} />
                  <Text size="sm" span>
                    {t('compliance.nearLimit', {
                      percent: formatPercent(row.highestLimitShare, language),
                    })}
                  </Text>
                </Group>
              }
            >
              {row.violations.length === 0 ? (
                <Text size="sm">{t('compliance.approachingOnly')}</Text>
              ) : (
                <List size="sm" spacing={2}>
                  {row.violations.map((v) => (
                    <List.Item key={`${v.rule}:${v.period}`}>
                      <b>
                        <RuleLabel rule={v.rule} />
                      </b>{' '}
                      （{v.period}）— {v.message}
                    </List.Item>
                  ))}
                </List>
              )}
            </Alert>
          ))}
        </Stack>
      )}
    </section>
  );
}

function WorkersTable({ rows }: { rows: readonly ComplianceWorker[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const num = {
    fontVariantNumeric: 'tabular-nums',
    textAlign: 'right',
    whiteSpace: 'nowrap',
  } as const;
  return (
    <Table.ScrollContainer minWidth={1180}>
      <Table striped highlightOnHover data-testid="compliance-table" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('compliance.columns.worker')}</Table.Th>
            <Table.Th scope="col" style={num}>
              {t('compliance.columns.worked')}
            </Table.Th>
            <Table.Th scope="col" style={num}>
              {t('compliance.columns.overtime')}
            </Table.Th>
            <Table.Th scope="col" style={num}>
              {t('compliance.columns.night')}
            </Table.Th>
            <Table.Th scope="col" style={num}>
              {t('compliance.columns.legalHoliday')}
            </Table.Th>
            <Table.Th scope="col" style={num}>
              {t('compliance.columns.over60')}
            </Table.Th>
            <Table.Th scope="col" style={num}>
              {t('compliance.columns.premium')}
            </Table.Th>
            <Table.Th scope="col" style={num}>
              {t('compliance.columns.aggregate')}
            </Table.Th>
            <Table.Th scope="col">{t('compliance.columns.limitShare')}</Table.Th>
            <Table.Th scope="col">{t('compliance.columns.violations')}</Table.Th>
            <Table.Th scope="col">{t('compliance.columns.weeks')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.workerUserId} data-testid={`compliance-row-${row.workerUserId}`}>
              <Table.Th scope="row" fw={500}>
                <Stack gap={2}>
                  <span data-testid="worker-name">{row.workerName}</span>
                  <Group gap={4}>
                    <AlertBadge level={row.alert} />
                    {row.employments > 1 && (
                      <Badge color="grape" variant="outline" radius="sm">
                        {t('compliance.employers', { n: row.employments })}
                      </Badge>
                    )}
                  </Group>
                </Stack>
              </Table.Th>
              <Table.Td style={num} data-testid="worked">
                {formatMinutes(row.workedMinutes)}
              </Table.Td>
              <Table.Td style={num} data-testid="overtime">
                {formatMinutes(row.overtimeMinutes)}
              </Table.Td>
              <Table.Td style={num} data-testid="night">
                {formatMinutes(row.nightMinutes)}
              </Table.Td>
              <Table.Td style={num} data-testid="legal-holiday">
                {formatMinutes(row.legalHolidayMinutes)}
              </Table.Td>
              <Table.Td style={num} data-testid="over60">
                {formatMinutes(row.over60Minutes)}
              </Table.Td>
              <Table.Td style={num} data-testid="premium">
                {formatYen(row.premiumYen, language)}
              </Table.Td>
              <Table.Td style={num} data-testid="aggregate">
                {formatMinutes(row.aggregateOvertimeAndHolidayMinutes)}
              </Table.Td>
              <Table.Td>
                <LimitShareBar row={row} />
              </Table.Td>
              <Table.Td>
                {row.violations.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('compliance.noViolations')}
                  </Text>
                ) : (
                  <List size="xs" spacing={2}>
                    {row.violations.map((v) => (
                      <List.Item key={`${v.rule}:${v.period}`}>
                        <RuleLabel rule={v.rule} />
                      </List.Item>
                    ))}
                  </List>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {t('compliance.weeksValue', {
                  submitted: row.weeksSubmitted,
                  pending: row.weeksPending,
                })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Company admins: the month's working time against every limit — who is near or over, the
 * overtime each person caused here, the premiums owed, and the exports payroll needs.
 */
export function CompliancePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { active } = useSession();
  const organizationId = active?.organizationId ?? '';
  const [params, setParams] = useSearchParams();
  const month = monthFromParam(params.get('month'), todayInTokyo());
  const compliance = useQuery({
    queryKey: complianceKeys.month(organizationId, month),
    queryFn: ({ signal }) => fetchCompliance(organizationId, month, signal),
    enabled: organizationId !== '',
  });
  const rows = sortByConcern(compliance.data?.rows ?? []);
  const bars = overtimeBars(rows);

  return (
    <Stack gap="lg">
      <Title order={1} data-testid="compliance-heading">
        {t('compliance.title')}
      </Title>
      <Stack gap="xs">
        <Title order={2} size="h3" aria-live="polite" data-testid="compliance-month">
          {formatMonth(month, language)}
        </Title>
        <MonthPicker month={month} onChange={(m) => setParams({ month: m })} />
      </Stack>
      <Paper withBorder radius="md" p="sm" component="section" aria-labelledby="compliance-export">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <div>
            <Title order={2} size="h5" id="compliance-export">
              {t('compliance.exportTitle')}
            </Title>
            <Text size="xs" c="dimmed">
              {t('compliance.exportHint')}
            </Text>
          </div>
          <Group gap="xs">
            <Button
              component="a"
              href={complianceExportUrl(organizationId, month, 'csv')}
              download
              variant="light"
              data-testid="export-csv"
            >
              {t('compliance.exportCsv')}
            </Button>
            <Button
              component="a"
              href={complianceExportUrl(organizationId, month, 'xlsx')}
              download
              variant="light"
              data-testid="export-xlsx"
            >
              {t('compliance.exportXlsx')}
            </Button>
          </Group>
        </Group>
      </Paper>
      {compliance.isPending && <PageLoader />}
      {compliance.isError && <ApiErrorAlert error={compliance.error} />}
      {compliance.isSuccess && (
        <>
          <Totals compliance={compliance.data} />
          <Alerts rows={rows} />
          <section aria-labelledby="compliance-chart">
            <Title order={2} size="h3" id="compliance-chart" mb="sm">
              {t('compliance.chart.title')}
            </Title>
            {bars.length === 0 ? (
              <Text c="dimmed">{t('compliance.chart.none')}</Text>
            ) : (
              <Paper withBorder radius="md" p="sm">
                <Suspense fallback={<PageLoader />}>
                  <OvertimeChart bars={bars} month={month} />
                </Suspense>
              </Paper>
            )}
          </section>
          <section aria-labelledby="compliance-workers">
            <Title order={2} size="h3" id="compliance-workers" mb={4}>
              {t('compliance.tableTitle')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('compliance.aggregateNote')}
            </Text>
            {rows.length === 0 ? (
              <Text c="dimmed">{t('compliance.none')}</Text>
            ) : (
              <WorkersTable rows={rows} />
            )}
          </section>
        </>
      )}
    </Stack>
  );
}

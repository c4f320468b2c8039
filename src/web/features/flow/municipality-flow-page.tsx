import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { PageLoader } from '../../components/page-loader';
import { isApiError } from '../../lib/api-client';
import { formatDate, formatMonth, formatNumber, formatPercent } from '../../lib/format';
import { useLanguage } from '../../i18n/use-language';
import { useSession } from '../auth/session-context';
import {
  fetchFlowDatasets,
  fetchMunicipalityFlow,
  flowKeys,
  type FlowSelection,
  type MunicipalityFlow,
} from './flow-api';
import {
  anySuppressed,
  hiddenOriginVisitors,
  originRows,
  originScopeFromParam,
  originScopeOptions,
  prefectureMapValues,
  TREND_CHART_METRICS,
  TREND_TABLE_METRICS,
  trendRows,
  trendSeries,
  type FlowFigure,
} from './flow-figures';

const FlowTrendChart = lazy(() => import('./flow-trend-chart'));
const OriginMap = lazy(() => import('./origin-map'));

const num = {
  fontVariantNumeric: 'tabular-nums',
  textAlign: 'right',
  whiteSpace: 'nowrap',
} as const;

/** A protected figure: its value, or 「秘匿」 — never a zero in its place. */
function Figure({ figure, k }: { figure: FlowFigure; k: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (figure.suppressed || figure.value === null) {
    return (
      <Text
        span
        size="sm"
        c="dimmed"
        title={t('flow.suppressedTitle', { k })}
        data-testid="flow-suppressed"
      >
        {t('flow.suppressed')}
      </Text>
    );
  }
  return <>{formatNumber(figure.value, language)}</>;
}

function Fact({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w="36%" style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Th>
      <Table.Td>
        {children}
        {hint && (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** Where the figures come from and how they were protected. */
function DatasetFacts({
  flow,
  dataset,
}: {
  flow: MunicipalityFlow;
  dataset: NonNullable<MunicipalityFlow['dataset']>;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const ownCells = (dataset.months.length + 1) * flow.metrics.length;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="flow-dataset">
      <Title order={2} size="h3" id="flow-dataset" mb="sm">
        {t('flow.dataset.title')}
      </Title>
      <Table variant="vertical" layout="fixed" withTableBorder data-testid="flow-dataset-facts">
        <Table.Tbody>
          <Fact label={t('flow.dataset.source')}>
            <span data-testid="flow-source">{dataset.sourceLabel}</span>
          </Fact>
          <Fact label={t('flow.dataset.period')}>
            <span data-testid="flow-period">
              {t('flow.dataset.periodValue', {
                first: formatMonth(dataset.periodFirst, language),
                last: formatMonth(dataset.periodLast, language),
              })}
            </span>
          </Fact>
          <Fact label={t('flow.dataset.panel')} hint={t('flow.dataset.panelHint')}>
            <span data-testid="flow-panel">
              {t('flow.dataset.panelValue', { n: formatNumber(dataset.panelDevices, language) })}
            </span>
          </Fact>
          <Fact label={t('flow.dataset.k')}>
            <span data-testid="flow-k">{t('flow.dataset.kValue', { k: dataset.k })}</span>
          </Fact>
          <Fact label={t('flow.dataset.suppressedCells')}>
            <span data-testid="flow-suppressed-cells">
              {t('flow.dataset.suppressedCellsValue', {
                n: formatNumber(flow.suppressedCells, language),
                total: formatNumber(ownCells, language),
              })}
            </span>
          </Fact>
          <Fact label={t('flow.dataset.quality')} hint={t('flow.dataset.qualityHint')}>
            <span data-testid="flow-quality">
              {dataset.dataQualityShare === null
                ? t('flow.dataset.qualityUnknown')
                : formatPercent(dataset.dataQualityShare, language)}
            </span>
          </Fact>
          <Fact label={t('flow.dataset.published')}>
            {dataset.createdBy
              ? t('flow.dataset.publishedValue', {
                  date: formatDate(dataset.createdAt, language),
                  name: dataset.createdBy.name,
                })
              : formatDate(dataset.createdAt, language)}
          </Fact>
        </Table.Tbody>
      </Table>
      <Alert color="blue" variant="light" mt="sm" data-testid="flow-rule">
        {t('flow.dataset.rule', { k: dataset.k })} {t('flow.devicesUnit')}
      </Alert>
    </Paper>
  );
}

function Tile({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text
        fz={24}
        fw={700}
        lh={1.25}
        data-testid={testId}
        style={{ fontVariantNumeric: 'tabular-nums' }}
      >
        {children}
      </Text>
    </Paper>
  );
}

/** The period's main people-flow figures beside what the platform has done for the place. */
function Summary({ flow }: { flow: MunicipalityFlow }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const k = flow.dataset?.k ?? 10;
  const period = new Map(flow.metrics.map((m) => [m.metric, m.period]));
  const flowTiles = ['visitors', 'overnight_visitors', 'repeat_visitors', 'workationers'] as const;
  const platformTiles = ['challenges', 'openChallenges', 'applications', 'matches'] as const;
  return (
    <section aria-labelledby="flow-summary">
      <Title order={2} size="h3" id="flow-summary" mb="sm">
        {t('flow.summary.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {flow.dataset && flow.listed && (
          <div>
            <Title order={3} size="h5" mb={6}>
              {t('flow.summary.flowTitle')}
            </Title>
            <SimpleGrid cols={2} spacing="sm">
              {flowTiles.map((metric) => (
                <Tile
                  key={metric}
                  label={t(`flow.metrics.${metric}`)}
                  testId={`flow-total-${metric}`}
                >
                  <Figure figure={period.get(metric) ?? { value: null, suppressed: true }} k={k} />
                </Tile>
              ))}
            </SimpleGrid>
          </div>
        )}
        <div>
          <Title order={3} size="h5" mb={6}>
            {t('flow.summary.platformTitle')}
          </Title>
          <SimpleGrid cols={2} spacing="sm">
            {platformTiles.map((key) => (
              <Tile key={key} label={t(`flow.summary.${key}`)} testId={`flow-platform-${key}`}>
                {formatNumber(flow.platform[key], language)}
              </Tile>
            ))}
          </SimpleGrid>
        </div>
      </SimpleGrid>
    </section>
  );
}

function Trend({ flow, name }: { flow: MunicipalityFlow; name: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const k = flow.dataset?.k ?? 10;
  const chart = trendSeries(flow, TREND_CHART_METRICS);
  const rows = trendRows(flow, TREND_TABLE_METRICS);
  return (
    <section aria-labelledby="flow-trend">
      <Title order={2} size="h3" id="flow-trend" mb="sm">
        {t('flow.trend.title')}
      </Title>
      <Paper withBorder radius="md" p="sm" mb="sm">
        <Suspense fallback={<PageLoader />}>
          <FlowTrendChart months={chart.months} series={chart.series} municipalityName={name} />
        </Suspense>
        {chart.series.some((s) => s.values.includes(null)) && (
          <Text size="xs" c="dimmed" mt={4}>
            {t('flow.trend.gapNote')}
          </Text>
        )}
      </Paper>
      <Table.ScrollContainer minWidth={760}>
        <Table striped withTableBorder verticalSpacing={6} data-testid="flow-trend-table">
          <Table.Caption>{t('flow.trend.caption', { name })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('flow.trend.metric')}</Table.Th>
              {chart.months.map((month) => (
                <Table.Th key={month} scope="col" style={num}>
                  {formatMonth(month, language)}
                </Table.Th>
              ))}
              <Table.Th scope="col" style={num}>
                {t('flow.trend.period')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.metric} data-testid={`flow-row-${row.metric}`}>
                <Table.Th scope="row" fw={500}>
                  {t(`flow.metrics.${row.metric}`)}
                </Table.Th>
                {row.months.map((figure, i) => (
                  <Table.Td key={chart.months[i]} style={num}>
                    <Figure figure={figure} k={k} />
                  </Table.Td>
                ))}
                <Table.Td style={{ ...num, fontWeight: 600 }}>
                  <Figure figure={row.period} k={k} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {anySuppressed(rows) && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('flow.dataset.rule', { k })}
        </Text>
      )}
    </section>
  );
}

/** Connected population by visit-days, as a table with a bar per segment. */
function Connected({ flow }: { flow: MunicipalityFlow }) {
  const { t } = useTranslation();
  const k = flow.dataset?.k ?? 10;
  const { total, segments } = flow.connectedPopulation;
  const largest = Math.max(1, ...segments.map((s) => s.value ?? 0));
  return (
    <section aria-labelledby="flow-connected">
      <Title order={2} size="h3" id="flow-connected" mb={4}>
        {t('flow.connected.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('flow.connected.intro')}
      </Text>
      <Table withTableBorder verticalSpacing={6} data-testid="flow-connected-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('flow.connected.segment')}</Table.Th>
            <Table.Th scope="col" style={num}>
              {t('flow.connected.devices')}
            </Table.Th>
            <Table.Th scope="col" w="40%" aria-hidden />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {segments.map((s) => (
            <Table.Tr key={s.segment}>
              <Table.Th scope="row" fw={500}>
                {t(`flow.connected.segments.${s.segment}`)}
              </Table.Th>
              <Table.Td style={num}>
                <Figure figure={s} k={k} />
              </Table.Td>
              <Table.Td aria-hidden>
                {s.value !== null && (
                  <Progress value={(s.value / largest) * 100} size="lg" radius="sm" color="teal" />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row">{t('flow.connected.total')}</Table.Th>
            <Table.Td style={{ ...num, fontWeight: 600 }}>
              <Figure figure={total} k={k} />
            </Table.Td>
            <Table.Td aria-hidden />
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </section>
  );
}

/** An origin's label: a municipality's name, the rest of a prefecture, or an unknown home. */
function OriginName({ item }: { item: MunicipalityFlow['origins']['items'][number] }) {
  const { t } = useTranslation();
  if (item.kind === 'unknown') return <>{t('flow.origins.unknown')}</>;
  if (item.kind === 'prefecture') {
    return <>{t('flow.origins.restOf', { name: item.name ?? item.code })}</>;
  }
  return <>{item.name ?? item.code}</>;
}

function Origins({
  flow,
  scope,
  onScope,
}: {
  flow: MunicipalityFlow;
  scope: string;
  onScope: (scope: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const map = prefectureMapValues(flow.origins.byPrefecture);
  const rows = originRows(flow.origins.items);
  const hidden = hiddenOriginVisitors(flow.origins);
  return (
    <section aria-labelledby="flow-origins">
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
        <Title order={2} size="h3" id="flow-origins">
          {t('flow.origins.title')}
        </Title>
        <Select
          label={t('flow.origins.scope')}
          size="sm"
          allowDeselect={false}
          w={200}
          data={originScopeOptions(flow).map((s) => ({
            value: s,
            label: s === 'period' ? t('flow.origins.scopePeriod') : formatMonth(s, language),
          }))}
          value={scope}
          onChange={(value) => value && onScope(value)}
          data-testid="flow-origin-scope"
        />
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder radius="md" p="sm">
          <Suspense fallback={<PageLoader />}>
            <OriginMap values={map.values} max={map.max} ariaLabel={t('flow.origins.mapAria')} />
          </Suspense>
          <Text size="xs" c="dimmed" mt={4} data-testid="flow-map-credit">
            {t('flow.origins.mapCredit')}
          </Text>
        </Paper>
        <Stack gap="sm">
          <Table withTableBorder verticalSpacing={4} data-testid="flow-prefecture-table">
            <Table.Caption>{t('flow.origins.byPrefecture')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('flow.origins.origin')}</Table.Th>
                <Table.Th scope="col" style={num}>
                  {t('flow.origins.visitors')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {map.values.map((p) => (
                <Table.Tr key={p.prefectureCode}>
                  <Table.Th scope="row" fw={500}>
                    {p.name ?? p.prefectureCode}
                  </Table.Th>
                  <Table.Td style={num}>{formatNumber(p.value, language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </SimpleGrid>
      {rows.length === 0 ? (
        <Text c="dimmed" mt="sm">
          {t('flow.origins.none')}
        </Text>
      ) : (
        <Table withTableBorder striped verticalSpacing={4} mt="sm" data-testid="flow-origin-table">
          <Table.Caption>{t('flow.origins.listed')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('flow.origins.origin')}</Table.Th>
              <Table.Th scope="col" style={num}>
                {t('flow.origins.visitors')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((item) => (
              <Table.Tr key={item.code}>
                <Table.Th scope="row" fw={500}>
                  <OriginName item={item} />
                </Table.Th>
                <Table.Td style={num}>{formatNumber(item.value, language)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Th scope="row" fw={500}>
                {t('flow.origins.notListed')}
                <Text size="xs" c="dimmed">
                  {t('flow.origins.notListedHint', { k: flow.dataset?.k ?? 10 })}
                </Text>
              </Table.Th>
              <Table.Td style={num} data-testid="flow-not-listed">
                <Figure
                  figure={{ value: hidden, suppressed: hidden === null }}
                  k={flow.dataset?.k ?? 10}
                />
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}

/** Coordinators choose among the published datasets; others see the latest one. */
function DatasetSelect({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const datasets = useQuery({
    queryKey: flowKeys.datasets,
    queryFn: ({ signal }) => fetchFlowDatasets(signal),
    staleTime: 60_000,
  });
  const published = (datasets.data ?? []).filter((d) => d.status === 'published');
  if (published.length < 2) return null;
  return (
    <Select
      label={t('flow.dataset.choose')}
      size="sm"
      w={{ base: '100%', sm: 420 }}
      allowDeselect={false}
      data={published.map((d) => ({
        value: d.id,
        label: `${d.sourceLabel}（${formatMonth(d.periodFirst, language)}〜${formatMonth(d.periodLast, language)}）`,
      }))}
      value={value ?? published[0]!.id}
      onChange={(id) => onChange(id)}
      data-testid="flow-dataset-select"
    />
  );
}

/** The whole page for someone who may not read this municipality (or a code that is not one). */
function NoAccess() {
  const { t } = useTranslation();
  return (
    <Stack data-testid="flow-no-access">
      <Title order={1}>{t('flow.noAccess.title')}</Title>
      <Text>{t('flow.noAccess.body')}</Text>
      <Group>
        <Anchor component={Link} to="/flow">
          {t('flow.chooseAnother')}
        </Anchor>
        <Anchor component={Link} to="/">
          {t('notFound.home')}
        </Anchor>
      </Group>
    </Stack>
  );
}

/**
 * A municipality's people flow (decision 9) beside its figures in Tsunagu: where the data comes
 * from and how it was protected, the monthly trend, the connected population and where the
 * visitors live. Read by the municipality's officers, its prefecture's and coordinators; the API
 * answers 404 to anyone else, shown here as "cannot be shown".
 */
export function MunicipalityFlowPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const { active } = useSession();
  const [params, setParams] = useSearchParams();
  const selection: FlowSelection = {
    dataset: params.get('dataset'),
    originScope: originScopeFromParam(params.get('originScope')),
  };
  const validCode = /^\d{6}$/.test(code);
  const flow = useQuery({
    queryKey: flowKeys.municipality(code, selection),
    queryFn: ({ signal }) => fetchMunicipalityFlow(code, selection, signal),
    enabled: validCode,
    placeholderData: keepPreviousData,
    retry: (count, error) => !isApiError(error, 404) && !isApiError(error, 400) && count < 2,
  });
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === 'period') next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  if (!validCode || isApiError(flow.error, 404)) return <NoAccess />;
  // A dataset or month in the address that the data does not have (an old link): say which,
  // and offer the latest dataset's whole period.
  if (isApiError(flow.error, 400)) {
    return (
      <Stack gap="md" data-testid="flow-bad-selection">
        <ApiErrorAlert error={flow.error} title={t('flow.badSelection.title')} />
        <Button
          variant="light"
          w="fit-content"
          onClick={() => setParams(new URLSearchParams(), { replace: true })}
        >
          {t('flow.badSelection.reset')}
        </Button>
      </Stack>
    );
  }
  if (flow.isPending) return <PageLoader />;
  if (flow.isError) return <ApiErrorAlert error={flow.error} />;

  const data = flow.data;
  const name = data.municipality.name;
  const dataset = data.dataset;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} data-testid="flow-heading">
          {t('flow.title', { name })}
        </Title>
        <Group gap="sm" mt={4}>
          <Text c="dimmed">
            {data.municipality.prefectureName} ・ {data.municipality.code}
          </Text>
          {(active?.role === 'coordinator' || active?.organizationKind === 'prefecture') && (
            <Anchor component={Link} to="/flow" size="sm">
              {t('flow.chooseAnother')}
            </Anchor>
          )}
        </Group>
      </div>
      {active?.role === 'coordinator' && (
        <DatasetSelect
          value={selection.dataset}
          onChange={(id) => update({ dataset: id, originScope: null })}
        />
      )}
      {dataset === null ? (
        <Alert
          color="gray"
          variant="light"
          title={t('flow.noDataset.title')}
          data-testid="flow-no-dataset"
        >
          {t('flow.noDataset.body')}
        </Alert>
      ) : (
        <DatasetFacts flow={data} dataset={dataset} />
      )}
      {dataset !== null && !data.listed && (
        <Alert
          color="yellow"
          variant="light"
          title={t('flow.notListed.title', { name })}
          data-testid="flow-not-listed-municipality"
        >
          {t('flow.notListed.body', { name, k: dataset.k })}
        </Alert>
      )}
      <Summary flow={data} />
      {dataset !== null && data.listed && (
        <>
          <Trend flow={data} name={name} />
          <Connected flow={data} />
          <Origins
            flow={data}
            scope={selection.originScope}
            onScope={(scope) => update({ originScope: scope })}
          />
        </>
      )}
    </Stack>
  );
}

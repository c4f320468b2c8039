import { Badge, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { DecisionModal } from '../../components/decision-modal';
import { PageLoader } from '../../components/page-loader';
import { useLanguage } from '../../i18n/use-language';
import { formatDateTime, formatMonth, formatNumber } from '../../lib/format';
import { fetchFlowDatasets, flowKeys, retractFlowDataset, type FlowDataset } from './flow-api';

/**
 * Coordinators: every people-flow dataset published with `tsunagu flow analyze --publish`, and a
 * way to withdraw one (a wrong input, a source that withdrew its licence). A retracted dataset is
 * never shown again; municipalities see the latest one still published.
 */
export function FlowDatasetsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [retracting, setRetracting] = useState<FlowDataset | null>(null);
  const datasets = useQuery({
    queryKey: flowKeys.datasets,
    queryFn: ({ signal }) => fetchFlowDatasets(signal),
  });
  const retract = useMutation({
    mutationFn: (id: string) => retractFlowDataset(id),
    onSuccess: async () => {
      setRetracting(null);
      // Every municipality page may now show another dataset, or none.
      await queryClient.invalidateQueries({ queryKey: flowKeys.datasets });
      await queryClient.invalidateQueries({ queryKey: ['municipality-flow'] });
    },
  });
  return (
    <Stack gap="lg">
      <Title order={1} data-testid="flow-datasets-heading">
        {t('flow.datasets.title')}
      </Title>
      <Text>{t('flow.datasets.intro')}</Text>
      {datasets.isPending && <PageLoader />}
      {datasets.isError && <ApiErrorAlert error={datasets.error} />}
      {datasets.isSuccess && datasets.data.length === 0 && (
        <Text c="dimmed">{t('flow.datasets.none')}</Text>
      )}
      {datasets.isSuccess && datasets.data.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped data-testid="flow-datasets-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('flow.dataset.source')}</Table.Th>
                <Table.Th scope="col">{t('flow.dataset.period')}</Table.Th>
                <Table.Th scope="col">{t('flow.dataset.panel')}</Table.Th>
                <Table.Th scope="col">{t('flow.dataset.k')}</Table.Th>
                <Table.Th scope="col">{t('flow.dataset.suppressedCells')}</Table.Th>
                <Table.Th scope="col">{t('flow.dataset.published')}</Table.Th>
                <Table.Th scope="col">{t('flow.datasets.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {datasets.data.map((d) => (
                <Table.Tr key={d.id} data-testid="flow-dataset-row" data-status={d.status}>
                  <Table.Td>{d.sourceLabel}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {t('flow.dataset.periodValue', {
                      first: formatMonth(d.periodFirst, language),
                      last: formatMonth(d.periodLast, language),
                    })}
                  </Table.Td>
                  <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatNumber(d.panelDevices, language)}
                  </Table.Td>
                  <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{d.k}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {t('flow.dataset.suppressedCellsValue', {
                      n: formatNumber(d.suppressedCells, language),
                      total: formatNumber(d.cells, language),
                    })}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {t('flow.dataset.publishedValue', {
                      date: formatDateTime(d.createdAt, language),
                      name: d.createdBy?.name ?? '—',
                    })}
                  </Table.Td>
                  <Table.Td>
                    {d.status === 'published' ? (
                      <Button
                        size="xs"
                        color="red"
                        variant="light"
                        onClick={() => {
                          retract.reset();
                          setRetracting(d);
                        }}
                        aria-label={t('flow.datasets.retractNamed', { source: d.sourceLabel })}
                      >
                        {t('flow.datasets.retract')}
                      </Button>
                    ) : (
                      <Badge color="gray" variant="light">
                        {t('flow.datasets.retractedAt', {
                          date: d.retractedAt ? formatDateTime(d.retractedAt, language) : '—',
                        })}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {retracting && (
        <DecisionModal
          title={t('flow.datasets.confirmTitle')}
          body={t('flow.datasets.confirmBody', { source: retracting.sourceLabel })}
          confirmLabel={t('flow.datasets.retract')}
          confirmColor="red"
          pending={retract.isPending}
          error={retract.error}
          onConfirm={() => retract.mutate(retracting.id)}
          onClose={() => setRetracting(null)}
        />
      )}
    </Stack>
  );
}

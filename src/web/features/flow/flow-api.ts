import type { FlowDatasetView, MunicipalityFlowResponse } from '../../../contracts/flow';
import { apiRequest } from '../../lib/api-client';

export type MunicipalityFlow = MunicipalityFlowResponse;
export type FlowDataset = FlowDatasetView;

/** What to show: a dataset (null: the latest published) and whose origins (a month or 'period'). */
export type FlowSelection = { dataset: string | null; originScope: string };

export const flowKeys = {
  municipality: (code: string, selection: FlowSelection) =>
    ['municipality-flow', code, selection.dataset, selection.originScope] as const,
  datasets: ['flow-datasets'] as const,
};

/**
 * A municipality's people-flow figures. The API answers 404 both for an unknown code and for a
 * municipality the reader may not see; the page treats both alike.
 */
export function fetchMunicipalityFlow(
  code: string,
  selection: FlowSelection,
  signal?: AbortSignal,
): Promise<MunicipalityFlow> {
  const search = new URLSearchParams();
  if (selection.dataset) search.set('dataset', selection.dataset);
  if (selection.originScope !== 'period') search.set('originScope', selection.originScope);
  const query = search.size > 0 ? `?${search.toString()}` : '';
  return apiRequest<MunicipalityFlow>(`/municipalities/${encodeURIComponent(code)}/flow${query}`, {
    signal,
  });
}

/** Every dataset, newest first (coordinators only). */
export async function fetchFlowDatasets(signal?: AbortSignal): Promise<FlowDataset[]> {
  const list = await apiRequest<{ items: FlowDataset[] }>('/flow/datasets', { signal });
  return list.items;
}

/** Withdraws a dataset (coordinators only); the previous published one is shown again. */
export function retractFlowDataset(id: string): Promise<FlowDataset> {
  return apiRequest<FlowDataset>(`/flow/datasets/${encodeURIComponent(id)}/retract`, {
    method: 'POST',
  });
}

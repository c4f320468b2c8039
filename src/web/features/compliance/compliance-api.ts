import type { ComplianceResponse, ComplianceRow } from '../../../contracts/labor';
import { apiRequest } from '../../lib/api-client';

export type Compliance = ComplianceResponse;
export type ComplianceWorker = ComplianceRow;
export type AlertLevel = ComplianceRow['alert'];
export type ExportFormat = 'csv' | 'xlsx';

export const complianceKeys = {
  month: (organizationId: string, month: string) => ['compliance', organizationId, month] as const,
};

const compliancePath = (organizationId: string) =>
  `/organizations/${encodeURIComponent(organizationId)}/labor/compliance`;

export function fetchCompliance(
  organizationId: string,
  month: string,
  signal?: AbortSignal,
): Promise<Compliance> {
  return apiRequest<Compliance>(
    `${compliancePath(organizationId)}?month=${encodeURIComponent(month)}`,
    { signal },
  );
}

/**
 * The address of the month's export, for a plain download link: the session cookie goes with
 * it (same origin), and the browser saves the file under the name the server gives.
 */
export function complianceExportUrl(
  organizationId: string,
  month: string,
  format: ExportFormat,
): string {
  const search = new URLSearchParams({ month, format });
  return `/api/v1${compliancePath(organizationId)}/export?${search.toString()}`;
}

import { errorReplies, idParams } from '../../../contracts/common';
import {
  complianceExportQuery,
  complianceQuery,
  complianceResponse,
  fileDownload,
} from '../../../contracts/labor';
import { recordAuditEvent } from '../../../db/audit.repository';
import type { AppInstance } from '../../app-types';
import { requireActor } from '../../plugins/auth';
import { toComplianceCsv, toComplianceXlsx } from './compliance-export';
import { buildComplianceReport } from './compliance-report';
import { administeredOrganization } from './labor-access';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function complianceRoutes(app: AppInstance): Promise<void> {
  app.get(
    '/organizations/:id/labor/compliance',
    {
      schema: {
        tags: ['working time'],
        summary:
          "The month's working-time compliance per worker: overtime, premiums, limits near or over",
        params: idParams,
        querystring: complianceQuery,
        response: { 200: complianceResponse, ...errorReplies },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const org = await administeredOrganization(app.db, actor, request.params.id);
      return buildComplianceReport(app.db, org.id, request.query.month);
    },
  );

  app.get(
    '/organizations/:id/labor/compliance/export',
    {
      schema: {
        tags: ['working time'],
        summary:
          'The compliance month for payroll: CSV (UTF-8 with BOM) or XLSX, one row per worker',
        params: idParams,
        querystring: complianceExportQuery,
        response: {
          200: {
            description:
              'A file download (content-disposition: attachment; filename tsunagu-compliance-YYYY-MM.csv|xlsx)',
            content: {
              'text/csv': { schema: fileDownload },
              [XLSX_TYPE]: { schema: fileDownload },
            },
          },
          ...errorReplies,
        },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      const org = await administeredOrganization(app.db, actor, request.params.id);
      const { month, format } = request.query;
      const report = await buildComplianceReport(app.db, org.id, month);
      const body =
        format === 'csv'
          ? Buffer.from(toComplianceCsv(report), 'utf8')
          : await toComplianceXlsx(report, org.name);
      await recordAuditEvent(app.db, {
        event: 'export_created',
        actorUserId: actor.userId,
        organizationId: org.id,
        subject: month,
        ip: request.ip,
        requestId: request.id,
        details: { export: 'labor_compliance', format, rows: report.rows.length },
      });
      return reply
        .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="tsunagu-compliance-${month}.${format}"`,
        )
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
}

import ExcelJS from 'exceljs';
import type { ComplianceResponse, ComplianceRow } from '../../../contracts/labor';

/**
 * The compliance month as a table for payroll: one row per worker, Japanese headers, minutes
 * and hours side by side (payroll systems import either), premiums in yen.
 */
type Column = { header: string; value: (row: ComplianceRow) => string | number; width: number };

const hours = (minutes: number): number => Math.round((minutes / 60) * 100) / 100;
const alertLabels = { ok: '正常', near: '注意（上限の80%以上）', over: '超過・違反' } as const;

export const complianceColumns: readonly Column[] = [
  { header: '氏名', value: (r) => r.workerName, width: 16 },
  { header: '従業員ID', value: (r) => r.workerUserId, width: 38 },
  { header: '雇用・業務数', value: (r) => r.employments, width: 10 },
  { header: '労働時間（分）', value: (r) => r.workedMinutes, width: 12 },
  { header: '労働時間（時間）', value: (r) => hours(r.workedMinutes), width: 12 },
  { header: '時間外労働（分）', value: (r) => r.overtimeMinutes, width: 12 },
  { header: '時間外労働（時間）', value: (r) => hours(r.overtimeMinutes), width: 12 },
  { header: '深夜労働（分）', value: (r) => r.nightMinutes, width: 12 },
  { header: '法定休日労働（分）', value: (r) => r.legalHolidayMinutes, width: 12 },
  { header: '60時間超の時間外（分）', value: (r) => r.over60Minutes, width: 14 },
  { header: '割増賃金（円）', value: (r) => r.premiumYen, width: 12 },
  {
    header: '通算 時間外・休日労働（分）',
    value: (r) => r.aggregateOvertimeAndHolidayMinutes,
    width: 14,
  },
  {
    header: '通算 時間外・休日労働（時間）',
    value: (r) => hours(r.aggregateOvertimeAndHolidayMinutes),
    width: 14,
  },
  {
    header: '上限到達率（%）',
    value: (r) => Math.round(r.highestLimitShare * 1000) / 10,
    width: 10,
  },
  { header: '判定', value: (r) => alertLabels[r.alert], width: 18 },
  { header: '提出済みの週', value: (r) => r.weeksSubmitted, width: 10 },
  { header: '承認待ちの週', value: (r) => r.weeksPending, width: 10 },
  {
    header: '指摘事項',
    value: (r) => r.violations.map((v) => `[${v.rule} ${v.period}] ${v.message}`).join(' / '),
    width: 60,
  },
];

const BOM = '\uFEFF';

/**
 * A text cell Excel would run as a formula (=, +, -, @, or a tab/CR first) gets a leading
 * apostrophe: a worker's name must never become a formula in HR's spreadsheet (CSV injection).
 */
function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** UTF-8 with a byte-order mark and CRLF lines, as Excel in Japan opens without garbling. */
export function toComplianceCsv(report: ComplianceResponse): string {
  const lines = [complianceColumns.map((c) => csvCell(c.header)).join(',')];
  for (const row of report.rows) {
    lines.push(complianceColumns.map((c) => csvCell(c.value(row))).join(','));
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** The same table as an .xlsx workbook: one sheet named after the month, header frozen. */
export async function toComplianceXlsx(
  report: ComplianceResponse,
  organizationName: string,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tsunagu';
  workbook.title = `${organizationName} 労働時間集計 ${report.month}`;
  const sheet = workbook.addWorksheet(report.month, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = complianceColumns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of report.rows) sheet.addRow(complianceColumns.map((c) => c.value(row)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

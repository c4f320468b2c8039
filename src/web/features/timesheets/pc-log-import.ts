import { PC_LOG_CSV_MAX_BYTES } from '../../../contracts/labor';
import type { ApiErrorDetail } from '../../lib/api-client';

/**
 * The text of a CSV file as the import route takes it (UTF-8). Japanese Excel saves CSV in
 * Shift_JIS by default, so a file that is not valid UTF-8 is read as Shift_JIS instead.
 * @example decodeCsvFile(new Uint8Array([0x93, 0xfa, 0x95, 0x74])) // → '日付'
 */
export function decodeCsvFile(bytes: ArrayBuffer | Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('shift_jis').decode(bytes);
  }
}

/** Whether the CSV text is small enough for the import route (1 MB of UTF-8). */
export function fitsImportLimit(text: string): boolean {
  return new TextEncoder().encode(text).length <= PC_LOG_CSV_MAX_BYTES;
}

export type LineProblem = { line: number; message: string };

/**
 * The error details of a refused import split into problems of CSV lines ('csv line 7') and
 * the rest (a wrong header on `body.csv`, a week that cannot change), each in the server's words.
 * @example problemsByLine([{ path: 'csv line 3', message: 'overlaps line 2 at A' }])
 * // → { lines: [{ line: 3, message: 'overlaps line 2 at A' }], other: [] }
 */
export function problemsByLine(details: readonly ApiErrorDetail[]): {
  lines: LineProblem[];
  other: ApiErrorDetail[];
} {
  const lines: LineProblem[] = [];
  const other: ApiErrorDetail[] = [];
  for (const detail of details) {
    const match = /^csv line (\d+)$/.exec(detail.path);
    if (match) lines.push({ line: Number(match[1]), message: detail.message });
    else other.push(detail);
  }
  return { lines: lines.sort((a, b) => a.line - b.line), other };
}

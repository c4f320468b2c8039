import { describe, expect, it } from 'vitest';
import { decodeCsvFile, fitsImportLimit, problemsByLine } from './pc-log-import';

describe('PC log import in the browser', () => {
  it('reads a UTF-8 file (dropping its BOM) and falls back to Shift_JIS', () => {
    const utf8 = new TextEncoder().encode('\uFEFF日付,開始,終了\n');
    expect(decodeCsvFile(utf8)).toBe('日付,開始,終了\n');
    // 日付,開始,終了 as Excel saves it on a Japanese Windows machine.
    const sjis = new Uint8Array([
      0x93, 0xfa, 0x95, 0x74, 0x2c, 0x8a, 0x4a, 0x8e, 0x6e, 0x2c, 0x8f, 0x49, 0x97, 0xb9, 0x0a,
    ]);
    expect(decodeCsvFile(sjis)).toBe('日付,開始,終了\n');
  });

  it('holds the text to 1 MB of UTF-8, counting Japanese characters as three bytes', () => {
    expect(fitsImportLimit('x'.repeat(1024 * 1024))).toBe(true);
    expect(fitsImportLimit('x'.repeat(1024 * 1024 + 1))).toBe(false);
    expect(fitsImportLimit('備'.repeat(349_526))).toBe(false);
  });

  it('puts the problems of CSV lines in line order and keeps the others apart', () => {
    expect(
      problemsByLine([
        { path: 'csv line 12', message: 'b' },
        { path: 'week 2026-11-23', message: 'submitted' },
        { path: 'csv line 3', message: 'a' },
      ]),
    ).toEqual({
      lines: [
        { line: 3, message: 'a' },
        { line: 12, message: 'b' },
      ],
      other: [{ path: 'week 2026-11-23', message: 'submitted' }],
    });
  });
});

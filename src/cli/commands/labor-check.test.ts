import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLaborCompliance } from '../../domain/labor/labor-compliance';
import { employee, twoEmployerYear, work } from '../../domain/labor/labor-test-fixtures';
import { CliError } from '../cli-errors';
import { runLaborCheck } from './labor-check';

const dir = mkdtempSync(path.join(tmpdir(), 'tsunagu-labor-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(file: string) {
  const res = spawnSync(process.execPath, ['bin/tsunagu.js', 'labor', 'check', '--input', file], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe('tsunagu labor check', () => {
  it('prints exactly the engine’s figures for a year at two employers', () => {
    const input = twoEmployerYear(7);
    const file = path.join(dir, 'year.json');
    writeFileSync(file, JSON.stringify(input));
    const res = cli(file);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual(checkLaborCompliance(input));
    expect(JSON.parse(res.stdout).employers).toHaveLength(2);
  }, 60_000);

  it('names each bad entry, exits with 2 and writes nothing', () => {
    const input = {
      method: 'principle',
      employers: [employee('A', '2017-04-01')],
      work: [
        work('A', '2026-11-02', '09:00', '17:00'),
        work('A', '2026-11-02', '16:00', '18:00'),
        work('B', '2026-11-03', '09:00', '10:00'),
        work('A', '2026-02-30', '09:00', '10:00'),
        work('A', '2026-11-04', '17:00', '09:00'),
      ],
    };
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(input));
    const before = readdirSync(dir).sort();
    const res = cli(file);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/work\[1\]: overlaps work\[0\] of employer A/);
    expect(res.stderr).toMatch(/work\[2\]: unknown employer "B"/);
    expect(res.stderr).toMatch(/work\[3\]\.date: not a date/);
    expect(res.stderr).toMatch(/work\[4\]: end 09:00 is before start 17:00/);
    expect(readdirSync(dir).sort()).toEqual(before);
  }, 60_000);

  it('points at the line and column of broken JSON', () => {
    expect(() => runLaborCheck('{"method":\n  "principle",}', 'x.json')).toThrow(CliError);
    expect(() => runLaborCheck('{"method":\n  "principle",}', 'x.json')).toThrow(
      /x\.json: not valid JSON: .* at line 2, column \d+/,
    );
  });
});

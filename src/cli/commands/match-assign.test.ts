import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assignRound } from '../../domain/matching/assign-round';
import { syntheticRound } from '../../domain/matching/round-test-fixtures';
import { CliError } from '../cli-errors';
import { runMatchAssign } from './match-assign';

const dir = mkdtempSync(path.join(tmpdir(), 'tsunagu-match-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(file: string) {
  const res = spawnSync(process.execPath, ['bin/tsunagu.js', 'match', 'assign', '--input', file], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe('tsunagu match assign', () => {
  it('prints exactly the engine’s assignment for a round with a municipality guarantee', () => {
    const round = syntheticRound(3, {
      workers: 200,
      challenges: 40,
      pairsPerWorker: 8,
      municipalities: 50,
      minPerMunicipality: 1,
    });
    const file = path.join(dir, 'round.json');
    writeFileSync(file, JSON.stringify(round));
    const res = cli(file);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const printed = JSON.parse(res.stdout);
    const engine = assignRound(round);
    expect(printed.assignments).toEqual(engine.assignments);
    expect(printed.totalScore).toBe(engine.totalScore);
    expect(printed.shortfalls ?? []).toEqual(engine.shortfalls);
    expect(printed.assignments.length).toBeGreaterThan(30);
  }, 60_000);

  it('names each bad entry, exits with 2 and writes nothing', () => {
    const round = {
      workers: [
        { id: 'w1', capacity: 1 },
        { id: 'w2', capacity: 0 },
      ],
      challenges: [{ id: 'c1', capacity: 2, municipality: '131017' }],
      scores: [
        { worker: 'w1', challenge: 'c1', score: 0.83 },
        { worker: 'w9', challenge: 'c1', score: 0.5 },
        { worker: 'w1', challenge: 'c1', score: 0.2 },
      ],
      minPerMunicipality: 1,
    };
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(round));
    const before = readdirSync(dir).sort();
    const res = cli(file);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/bad\.json: invalid round:/);
    expect(res.stderr).toMatch(/workers\[1\]\.capacity: must be a whole number ≥ 1/);
    expect(res.stderr).toMatch(
      /challenges\[0\]\.municipality: not a 6-digit local-government code/,
    );
    expect(res.stderr).toMatch(/scores\[1\]: unknown worker "w9"/);
    expect(res.stderr).toMatch(/scores\[2\]: duplicate pair w1\/c1/);
    expect(readdirSync(dir).sort()).toEqual(before);
  }, 60_000);

  it('prints the issue’s example output exactly, with no shortfalls field when none', () => {
    const text = JSON.stringify({
      workers: [{ id: 'w1', capacity: 1 }],
      challenges: [{ id: 'c1', capacity: 2, municipality: '131016' }],
      scores: [{ worker: 'w1', challenge: 'c1', score: 0.83 }],
      minPerMunicipality: 0,
    });
    expect(JSON.stringify(runMatchAssign(text, 'round.json'))).toBe(
      '{"assignments":[{"worker":"w1","challenge":"c1","score":0.83}],"totalScore":0.83}',
    );
  });

  it('adds the municipalities that fell short of the guarantee', () => {
    const text = JSON.stringify({
      workers: [{ id: 'w1', capacity: 1 }],
      challenges: [
        { id: 'c1', capacity: 2, municipality: '131016' },
        { id: 'c2', capacity: 2, municipality: '271276' },
      ],
      scores: [{ worker: 'w1', challenge: 'c1', score: 0.83 }],
      minPerMunicipality: 1,
    });
    expect(runMatchAssign(text, 'round.json').shortfalls).toEqual([
      { municipality: '271276', required: 1, matched: 0 },
    ]);
  });

  it('rejects a round with no pair at all', () => {
    const text = JSON.stringify({
      workers: [{ id: 'w1', capacity: 1 }],
      challenges: [{ id: 'c1', capacity: 2, municipality: '131016' }],
      scores: [],
    });
    expect(() => runMatchAssign(text, 'round.json')).toThrow(
      /round\.json: invalid round:\n {2}scores: must list at least one worker\/challenge pair/,
    );
  });

  it('points at the line and column of broken JSON', () => {
    const text = '{"workers":\n  [{"id": "w1", "capacity": 1},]}';
    expect(() => runMatchAssign(text, 'x.json')).toThrow(CliError);
    // Node 20 gives no position for this one; the command finds it.
    expect(() => runMatchAssign(text, 'x.json')).toThrow(
      /^x\.json: not valid JSON: Unexpected token '\]' at line 2, column 32$/,
    );
    expect(() => runMatchAssign('{"workers": [}', 'y.json')).toThrow(
      /^y\.json: not valid JSON: .* at line 1, column 14$/,
    );
  });
});

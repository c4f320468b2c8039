import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataRoot = mkdtempSync(path.join(tmpdir(), 'tsunagu-cli-'));
afterAll(() => rmSync(dataRoot, { recursive: true, force: true }));

function tsunagu(...args: string[]) {
  const res = spawnSync(process.execPath, ['bin/tsunagu.js', ...args], {
    env: {
      ...process.env,
      TSUNAGU_DATA_DIR: path.join(dataRoot, 'data'),
      PUBLIC_URL: 'https://tsunagu.example.jp',
    },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe('tsunagu db seed and users invite', () => {
  it('seeds the demo, then invites an officer into a town by its code and prints the link', () => {
    const seed = tsunagu('db', 'seed', '--demo');
    expect(seed.stderr).toBe('');
    expect(seed.code).toBe(0);
    expect(seed.stdout).toContain('coordinator@demo.tsunagu.jp');

    const ok = tsunagu(
      'users',
      'invite',
      '--email',
      'kanko@town.example.jp',
      '--role',
      'municipal_officer',
      '--org',
      '304018',
    );
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('白浜町');
    expect(ok.stdout).toMatch(/https:\/\/tsunagu\.example\.jp\/invitations\/[\w-]{43}/);
  }, 240_000);

  it('fails with exit code 2 and a message naming the option for bad input', () => {
    const badRole = tsunagu(
      'users',
      'invite',
      '--email',
      'a@b.jp',
      '--role',
      'mayor',
      '--org',
      '304018',
    );
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toMatch(
      /--role: must be one of coordinator, municipal_officer, company_admin, worker/,
    );
    const wrongKind = tsunagu(
      'users',
      'invite',
      '--email',
      'a@b.jp',
      '--role',
      'worker',
      '--org',
      '304018',
    );
    expect(wrongKind.code).toBe(2);
    expect(wrongKind.stderr).toContain('--role: a municipality has no worker role');
  }, 240_000);
});

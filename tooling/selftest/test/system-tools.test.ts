// `pnpm test` needs system tools (Chromium, poppler-utils, qpdf, openssl, certutil, iconv, a JDK, PostgreSQL when
// TEST_DATABASE_URL is set). On a machine without them it must stop at once with the one apt-get line, before any
// package runs; the postinstall check prints the same list.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { missingMessage, missingTools, systemTools } from '../../scripts/system-tools.mjs';

const root = join(import.meta.dirname, '..', '..', '..');
// A PATH with only node on it: every other tool is missing.
const bare = mkdtempSync(join(tmpdir(), 'egov-bare-path-'));
symlinkSync(process.execPath, join(bare, 'node'));

afterAll(() => {
  rmSync(bare, { recursive: true, force: true });
});

function runBare(script: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [join(root, 'tooling', 'scripts', script)], {
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000,
    env: { HOME: process.env['HOME'] ?? '/tmp', PATH: bare, CHROMIUM_PATH: join(bare, 'no-chromium'), ...env },
  });
}

describe('system tools the tests need', () => {
  it('pnpm test stops at once, names every missing tool and gives the one apt-get line', () => {
    const result = runBare('test.mjs', { TEST_DATABASE_URL: 'postgres://egov:egov@127.0.0.1:5432/postgres' });
    const output = `${result.stdout}${result.stderr}`;
    expect(result.status).toBe(1);
    for (const tool of ['chromium', 'pdfsig', 'pdftotext', 'pdfimages', 'qpdf', 'openssl', 'certutil', 'iconv', 'javac', 'psql']) {
      expect(output).toMatch(new RegExp(`- ${tool} +\\(Debian package`));
    }
    expect(output).toContain(
      'sudo apt-get update && sudo apt-get install -y chromium poppler-utils qpdf openssl libnss3-tools libc-bin openjdk-17-jdk-headless postgresql',
    );
    // Nothing else ran: no sherif, no turbo.
    expect(output).not.toContain('▶');
  });

  it('asks for PostgreSQL only when TEST_DATABASE_URL is set', () => {
    const output = runBare('test.mjs').stderr;
    expect(output).toContain('- javac');
    expect(output).not.toContain('- psql');
  });

  it('the postinstall check prints the same list and never fails the install', () => {
    const result = runBare('setup-browser.mjs');
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('- qpdf       (Debian package qpdf)');
    expect(result.stderr).toContain('sudo apt-get install -y chromium poppler-utils');
  });

  it('finds every tool on this machine (CI installs them with .ci/run)', () => {
    expect(missingTools().map((t) => t.command)).toEqual([]);
    expect(systemTools.length).toBeGreaterThanOrEqual(12);
    expect(missingMessage([])).toContain('apt-get install -y chromium');
  });
});

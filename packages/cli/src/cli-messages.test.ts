// Messages a person meets when something is missing: no password variable for `sign`, a PDF cut short.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { run } from './main.js';

const dir = mkdtempSync(join(tmpdir(), 'egov-cli-messages-'));
const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: dir, stdio: 'pipe' });

function io() {
  const stdout = { text: '', write(s: string) { this.text += s; } };
  const stderr = { text: '', isTTY: false, write(s: string) { this.text += s; } };
  return { stdout, stderr, cwd: dir };
}

beforeAll(async () => {
  sh('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'k.pem', '-out', 'c.pem', '-subj', '/CN=Nguyen Van B', '-days', '30']);
  sh('openssl', ['pkcs12', '-export', '-inkey', 'k.pem', '-in', 'c.pem', '-out', 'signer.p12', '-passout', 'pass:bí-mật']);
  const pdf = await PDFDocument.create();
  pdf.addPage([595.28, 841.89]);
  writeFileSync(join(dir, 'in.pdf'), await pdf.save());
  // 13 bytes: a PDF header and nothing after it, as an interrupted download leaves it.
  writeFileSync(join(dir, 'cut.pdf'), Buffer.from('%PDF-1.7\n%\xe2\xe3\n', 'latin1'));
}, 60_000);

afterEach(() => {
  delete process.env['EGOV_TEST_P12_PASSWORD'];
});

describe('egov-vn sign without a password variable', () => {
  it('names the variable that is not set (not "wrong password"), exit 2', async () => {
    const o = io();
    const code = await run(['sign', 'in.pdf', '-o', 'out.pdf', '--p12', 'signer.p12', '--password-env', 'EGOV_TEST_P12_PASSWORD'], o);
    expect(code).toBe(2);
    expect(o.stderr.text).toContain('biến môi trường EGOV_TEST_P12_PASSWORD chưa được đặt');
    expect(o.stderr.text).not.toMatch(/sai mật khẩu|wrong password/i);
  });

  it('says it in English with --lang en', async () => {
    const o = io();
    await run(['sign', '--lang', 'en', 'in.pdf', '-o', 'out.pdf', '--p12', 'signer.p12', '--password-env', 'EGOV_TEST_P12_PASSWORD'], o);
    expect(o.stderr.text).toContain('the environment variable EGOV_TEST_P12_PASSWORD is not set');
  });

  it('still reports a wrong password as a signing failure when the variable is set', async () => {
    process.env['EGOV_TEST_P12_PASSWORD'] = 'sai';
    const o = io();
    expect(await run(['sign', 'in.pdf', '-o', 'out.pdf', '--p12', 'signer.p12', '--password-env', 'EGOV_TEST_P12_PASSWORD'], o)).toBe(1);
    expect(o.stderr.text).toMatch(/^Không ký được: /);
    process.env['EGOV_TEST_P12_PASSWORD'] = 'bí-mật';
    expect(await run(['sign', 'in.pdf', '-o', 'out.pdf', '--p12', 'signer.p12', '--password-env', 'EGOV_TEST_P12_PASSWORD'], io())).toBe(0);
  });
});

describe('a PDF cut short', () => {
  it('is reported as a truncated or damaged PDF, not as "not a PDF"', async () => {
    const o = io();
    expect(await run(['verify', '--lang', 'en', 'cut.pdf'], o)).not.toBe(0);
    const out = `${o.stdout.text}${o.stderr.text}`;
    expect(out).toContain('Truncated or damaged PDF (13 bytes');
    expect(out).not.toContain('Not a PDF');
  });
});

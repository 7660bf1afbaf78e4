import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FileReport } from './commands/check.js';
import { run } from './main.js';

// An independent PKI made with openssl: a CA and a signer with non-repudiation, packed as PKCS#12 (OpenSSL 3
// defaults: AES-256-CBC, PBKDF2), as an agency would receive from its CA.
const dir = mkdtempSync(join(tmpdir(), 'egov-cli-pdf-'));
const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: dir, stdio: 'pipe' });
const file = (name: string) => join(dir, name);

function io() {
  const stdout = { text: '', write(s: string) { this.text += s; } };
  const stderr = { text: '', isTTY: false, write(s: string) { this.text += s; } };
  return { stdout, stderr, cwd: dir };
}

beforeAll(async () => {
  sh('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-subj', '/CN=Demo Root CA/O=egov-vn test', '-days', '30']);
  sh('openssl', ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'signer.key', '-out', 'signer.csr', '-subj', '/CN=Nguyen Van A/O=UBND tinh Demo']);
  writeFileSync(file('ext.cnf'), 'keyUsage=critical,digitalSignature,nonRepudiation\nbasicConstraints=CA:FALSE\n');
  sh('openssl', ['x509', '-req', '-in', 'signer.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'signer.pem', '-days', '30', '-extfile', 'ext.cnf']);
  sh('openssl', ['pkcs12', '-export', '-inkey', 'signer.key', '-in', 'signer.pem', '-certfile', 'ca.pem', '-out', 'signer.p12', '-passout', 'pass:mật-khẩu']);
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595.28, 841.89]);
  page.drawText('Cong van so 123/UBND-VP', { x: 72, y: 760, size: 13, font: await pdf.embedFont(StandardFonts.TimesRoman) });
  writeFileSync(file('in.pdf'), await pdf.save({ useObjectStreams: false }));
}, 60_000);

describe('egov-vn sign and verify', () => {
  it('signs with a PKCS#12 file (password from the environment) and verifies against the CA', async () => {
    process.env['EGOV_P12_PASSWORD'] = 'mật-khẩu';
    const signing = io();
    expect(await run(['sign', 'in.pdf', '-o', 'out.pdf', '--p12', 'signer.p12', '--reason', 'Phê duyệt'], signing)).toBe(0);
    expect(signing.stdout.text).toContain('Đã ký: out.pdf');
    const input = readFileSync(file('in.pdf'));
    const output = readFileSync(file('out.pdf'));
    expect(output.subarray(0, input.length).equals(input)).toBe(true); // incremental update only
    const o = io();
    expect(await run(['verify', 'out.pdf', '--trust', 'ca.pem'], o)).toBe(0);
    expect(o.stdout.text).toContain('✔ out.pdf');
    expect(o.stdout.text).toContain('TOTAL_PASSED');
    // poppler, an independent verifier, agrees (it exits 0 even on failure: read its output).
    const pdfsig = execFileSync('pdfsig', ['out.pdf'], { cwd: dir }).toString();
    expect(pdfsig).toContain('Signature Validation: Signature is Valid.');
  });

  it('refuses a wrong password with exit code 1 and a Vietnamese message', async () => {
    process.env['EGOV_P12_PASSWORD'] = 'sai';
    const o = io();
    expect(await run(['sign', 'in.pdf', '-o', 'bad.pdf', '--p12', 'signer.p12'], o)).toBe(1);
    expect(o.stderr.text).toMatch(/^Không ký được: /);
  });

  it('is indeterminate (exit 1) without a trust anchor, and answers in English on request', async () => {
    const o = io();
    expect(await run(['verify', 'out.pdf', '--json', '--lang', 'en'], o)).toBe(1);
    const [result] = JSON.parse(o.stdout.text) as [{ passed: boolean; report: { signatures: { indication: string }[] } }];
    expect(result.passed).toBe(false);
    expect(result.report.signatures[0]?.indication).toBe('INDETERMINATE');
  });

  it('fails a PDF modified inside the signed bytes (exit 1)', async () => {
    const bytes = readFileSync(file('out.pdf'));
    const at = bytes.indexOf('%', 5); // the binary comment after the header: signed, but harmless to the parser
    expect(at).toBeGreaterThan(0);
    bytes[at + 1] = (bytes[at + 1]! + 1) & 0xff;
    writeFileSync(file('tampered.pdf'), bytes);
    const o = io();
    expect(await run(['verify', 'tampered.pdf', '--trust', 'ca.pem'], o)).toBe(1);
    expect(o.stdout.text).toContain('TOTAL_FAILED');
  });

  it('usage errors exit 2', async () => {
    expect(await run(['sign', 'in.pdf'], io())).toBe(2);
    expect(await run(['verify'], io())).toBe(2);
    expect(await run(['verify', 'missing.pdf', '--trust', 'nope.pem'], io())).toBe(2);
  });
});

describe('egov-vn check learns signed PDFs', () => {
  it('reports a valid signed PDF as conformant, and an unsigned one as not', async () => {
    const o = io();
    expect(await run(['check', 'out.pdf', 'in.pdf', '--trust', 'ca.pem', '--json', '--no-progress'], o)).toBe(1);
    const [signed, unsigned] = JSON.parse(o.stdout.text) as FileReport[];
    // Conformant (no error); `egov-vn sign` draws no appearance, which Nghị định 30 checking notes as a warning.
    expect(signed).toMatchObject({ kind: 'pdf', ok: true, issues: [{ code: 'ND30_SIGNATURE_INVISIBLE', severity: 'warning' }] });
    expect(unsigned).toMatchObject({ kind: 'pdf', ok: false, issues: [{ code: 'PDF_NOT_SIGNED', severity: 'error' }] });
  });

  it('names the failed signature of a tampered PDF with its location', async () => {
    const o = io();
    expect(await run(['check', 'tampered.pdf', '--trust', 'ca.pem'], o)).toBe(1);
    expect(o.stdout.text).toMatch(/✘ tampered\.pdf: không hợp lệ \(PDF ký số\)/);
    expect(o.stdout.text).toContain('PDF_TOTAL_FAILED');
  });
});

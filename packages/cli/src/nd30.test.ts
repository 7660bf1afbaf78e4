import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDefaultFont } from '@egov-vn/pdf-signature/node';
import { createDemoPki, nd30Gallery, scanPng, toPem, type GalleryEntry } from '@egov-vn/pdf-signature/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FileReport } from './commands/check.js';
import { run } from './main.js';

const dir = mkdtempSync(join(tmpdir(), 'egov-cli-nd30-'));
const file = (name: string) => join(dir, name);
const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: dir, stdio: 'pipe' });
let gallery: GalleryEntry[];

function io() {
  const stdout = { text: '', write(s: string) { this.text += s; } };
  const stderr = { text: '', isTTY: false, write(s: string) { this.text += s; } };
  return { stdout, stderr, cwd: dir };
}

beforeAll(async () => {
  const pki = await createDemoPki({ keyAlgorithm: 'ECDSA' });
  gallery = await nd30Gallery({ pki, stampFont: await loadDefaultFont() });
  for (const e of gallery) writeFileSync(file(`${e.name}.pdf`), e.pdf);
  writeFileSync(file('demo-root.pem'), toPem(pki.root.der));
  // The copying agency's PKCS#12, made with openssl (an organisation certificate: CN is the agency).
  sh('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-subj', '/CN=Demo Root CA/O=egov-vn test', '-days', '30']);
  sh('openssl', ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'agency.key', '-out', 'agency.csr', '-subj', '/CN=UBND tinh Demo/O=UBND tinh Demo']);
  writeFileSync(file('ext.cnf'), 'keyUsage=critical,digitalSignature,nonRepudiation\nbasicConstraints=CA:FALSE\n');
  sh('openssl', ['x509', '-req', '-in', 'agency.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'agency.pem', '-days', '30', '-extfile', 'ext.cnf']);
  sh('openssl', ['pkcs12', '-export', '-inkey', 'agency.key', '-in', 'agency.pem', '-certfile', 'ca.pem', '-out', 'agency.p12', '-passout', 'pass:mật-khẩu']);
  writeFileSync(file('scan300.png'), await scanPng(300));
  writeFileSync(file('scan150.png'), await scanPng(150));
}, 120_000);

/** What names the broken rule in `egov-vn check` output: the Nghị định 30 code, or the verification code. */
const named = (rule: string): string => (rule === 'NO_SIGNATURE' ? 'PDF_NOT_SIGNED' : rule === 'SIGNATURE_INVALID' ? 'PDF_TOTAL_FAILED_HASH_FAILURE' : `ND30_${rule}`);

describe('egov-vn check on signed PDFs (Nghị định 30)', () => {
  it('exits 0 on the conforming gallery (leader + seal, attachment, electronic copy)', async () => {
    const names = gallery.filter((e) => !e.breaks).map((e) => `${e.name}.pdf`);
    const o = io();
    expect(await run(['check', ...names, '--trust', 'demo-root.pem', '--no-progress'], o)).toBe(0);
    expect(o.stdout.text.match(/^✔ /gm)).toHaveLength(3);
  });

  it('exits 1 on each non-conforming file and names the rule it breaks', async () => {
    const results: { name: string; code: number; names: boolean }[] = [];
    for (const e of gallery.filter((g) => g.breaks)) {
      const o = io();
      const code = await run(['check', `${e.name}.pdf`, '--trust', 'demo-root.pem', '--lang', 'en'], o);
      results.push({ name: e.name, code, names: o.stdout.text.includes(`[${named(e.breaks!)}]`) });
    }
    expect(results).toEqual(gallery.filter((g) => g.breaks).map((e) => ({ name: e.name, code: 1, names: true })));
  });

  it('--json gives each finding with its code, page and rectangle', async () => {
    const o = io();
    expect(await run(['check', 'breaks-SEAL_SIZE.pdf', '--trust', 'demo-root.pem', '--json'], o)).toBe(1);
    const [report] = JSON.parse(o.stdout.text) as FileReport[];
    expect(report!.kind).toBe('pdf');
    expect(report!.issues).toHaveLength(1);
    const issue = report!.issues[0]!;
    expect(issue).toMatchObject({ code: 'ND30_SEAL_SIZE', severity: 'error', page: 1 });
    expect(issue.rect).toHaveLength(4);
    expect(((issue.rect![2]! - issue.rect![0]!) * 25.4) / 72).toBeCloseTo(20, 1);
    expect(issue.message).toContain('20 × 20 mm');
  });
});

describe('egov-vn copy', () => {
  it('makes a signed copy from a 300 dpi colour scan that egov-vn check and pdfsig accept', async () => {
    process.env['EGOV_P12_PASSWORD'] = 'mật-khẩu';
    const o = io();
    expect(await run(['copy', 'scan300.png', '-o', 'copy.pdf', '--p12', 'agency.p12', '--agency', 'UBND tỉnh Demo', '--kind', 'SY', '--number', '05/SY-UBND'], o)).toBe(0);
    expect(o.stdout.text).toContain('Đã tạo bản sao điện tử: copy.pdf (300 dpi)');
    const c = io();
    expect(await run(['check', 'copy.pdf', '--trust', 'ca.pem'], c)).toBe(0);
    const pdfsig = execFileSync('pdfsig', ['copy.pdf'], { cwd: dir }).toString();
    expect(pdfsig).toContain('Signature Validation: Signature is Valid.');
    expect(pdfsig).toContain('Total document signed');
    const text = execFileSync('pdftotext', ['copy.pdf', '-'], { cwd: dir }).toString();
    expect(text).toContain('SAO Y');
    expect(text).toContain('05/SY-UBND');
    expect(readFileSync(file('copy.pdf')).subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
  });

  it('refuses a 150 dpi scan with exit code 1 and says why, in English on request', async () => {
    process.env['EGOV_P12_PASSWORD'] = 'mật-khẩu';
    const o = io();
    expect(await run(['copy', 'scan150.png', '-o', 'low.pdf', '--p12', 'agency.p12', '--agency', 'UBND tỉnh Demo', '--lang', 'en'], o)).toBe(1);
    expect(o.stderr.text).toContain('The copy was not made: The scan of page 1 is 150 dpi');
    expect(o.stderr.text).toContain('[COPY_DPI_LOW]');
  });

  it('answers a missing agency or an unknown kind with the usage (exit 2)', async () => {
    const o = io();
    expect(await run(['copy', 'scan300.png', '-o', 'x.pdf', '--p12', 'agency.p12'], o)).toBe(2);
    expect(o.stderr.text).toContain('Cách dùng: egov-vn copy');
    expect(await run(['copy', 'scan300.png', '-o', 'x.pdf', '--p12', 'agency.p12', '--agency', 'A', '--kind', 'XX'], io())).toBe(2);
  });
});

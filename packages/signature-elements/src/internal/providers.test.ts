/** Node side: the PKCS#12 provider with a real .p12 made by openssl, and the provider registry. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toPem } from '@egov-vn/pdf-signature/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { demoPki, makePdf } from './fixtures.js';
import { pkcs12Provider, registerSignerProvider, signerProviders, unregisterSignerProvider } from './providers.js';
import { explainError, signDocument } from './sign-flow.js';

const dir = mkdtempSync(join(tmpdir(), 'egov-sig-p12-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function p12(password: string): Promise<Uint8Array> {
  const pki = await demoPki();
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pki.signer.privateKey));
  writeFileSync(join(dir, 'key.pem'), toPem(pkcs8, 'PRIVATE KEY'));
  writeFileSync(join(dir, 'cert.pem'), toPem(pki.signer.der));
  writeFileSync(join(dir, 'chain.pem'), toPem(pki.intermediate.der));
  const out = join(dir, 'signer.p12');
  execFileSync('openssl', ['pkcs12', '-export', '-inkey', join(dir, 'key.pem'), '-in', join(dir, 'cert.pem'), '-certfile', join(dir, 'chain.pem'), '-passout', `pass:${password}`, '-out', out]);
  return new Uint8Array(readFileSync(out));
}

describe('pkcs12Provider', () => {
  it('signs with a .p12 and its password; the result verifies against the demo root', async () => {
    const pki = await demoPki();
    const signer = await pkcs12Provider.createSigner({ file: await p12('mật khẩu 1'), password: 'mật khẩu 1' });
    const { report } = await signDocument(await makePdf(), { signer, kind: 'author', trustAnchors: [pki.root.der] });
    expect(report.signatures[0]!.indication).toBe('TOTAL_PASSED');
    expect(report.signatures[0]!.signerName).toBe('Nguyễn Văn A');
  });

  it('a wrong password becomes the plain Vietnamese explanation with what to do next', async () => {
    const error: unknown = await pkcs12Provider.createSigner({ file: await p12('dung'), password: 'sai' }).catch((e: unknown) => e);
    const problem = explainError(error);
    expect(problem.code).toMatch(/^P12_(PASSWORD|DECRYPT)$/);
    expect(problem.title.vi).toBe('Sai mật khẩu của tệp chứng thư số.');
    expect(problem.action.vi).toContain('Nhập lại mật khẩu');
  });

  it('no file chosen is explained too', async () => {
    const error: unknown = await pkcs12Provider.createSigner({ password: 'x' }).catch((e: unknown) => e);
    expect(explainError(error).title.vi).toBe('Chưa chọn tệp chứng thư số.');
  });
});

describe('registerSignerProvider', () => {
  it('adds, replaces by id, removes, and rejects a provider without createSigner', () => {
    const before = signerProviders().map((p) => p.id);
    const provider = { id: 'vendor', label: { vi: 'A', en: 'A' }, createSigner: () => Promise.reject(new Error('x')) };
    const off = registerSignerProvider(provider);
    registerSignerProvider({ ...provider, label: { vi: 'B', en: 'B' } });
    expect(signerProviders().filter((p) => p.id === 'vendor').map((p) => p.label.vi)).toEqual(['B']);
    off();
    expect(signerProviders().map((p) => p.id)).toEqual(before);
    unregisterSignerProvider('not-there');
    expect(() => registerSignerProvider({ id: '', label: { vi: '', en: '' } } as never)).toThrow(TypeError);
  });
});

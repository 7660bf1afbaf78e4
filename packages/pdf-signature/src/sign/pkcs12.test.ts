import { beforeAll, describe, expect, it } from 'vitest';
import { pkcs12FileSigner } from '../node/pkcs12-file.js';
import { makePdf, tempDir, writePkcs12 } from '../node/test-support/fixtures.js';
import { createDemoPki, type DemoPki } from '../testing/pki.js';
import { verifyPdf } from '../verify/verify-pdf.js';
import { signPdf } from './sign-pdf.js';

let pki: DemoPki;
let dir: string;
beforeAll(async () => {
  pki = await createDemoPki();
  dir = tempDir();
});

describe('PKCS#12 signer', () => {
  it('signs with an OpenSSL 3 (PBES2/AES-256, HMAC-SHA256) container, with SHA-256 and SHA-384', async () => {
    const path = await writePkcs12(dir, pki.signer, 'mật khẩu');
    const signer = await pkcs12FileSigner(path, 'mật khẩu');
    const chain = await signer.certificateChain();
    expect(chain[0]).toEqual(pki.signer.der);
    for (const hash of ['SHA-256', 'SHA-384'] as const) {
      const signed = await signPdf(await makePdf(), { signer, hash });
      const report = await verifyPdf(signed, { trustAnchors: [pki.root.der] });
      expect(report.signatures[0]!.indication).toBe('TOTAL_PASSED');
    }
  });

  it('rejects a wrong password with a Vietnamese message', async () => {
    const path = await writePkcs12(dir, pki.signer, 'right', false, 'wrong.p12');
    await expect(pkcs12FileSigner(path, 'wrong')).rejects.toMatchObject({ code: 'P12_PASSWORD', message: /Sai mật khẩu/ });
  });

  it('opens a legacy container (openssl -legacy: 3DES key, RC2-40 certificates) and signs with it', async () => {
    const path = await writePkcs12(dir, pki.signer, 'pw', true, 'legacy.p12');
    const signer = await pkcs12FileSigner(path, 'pw');
    expect((await signer.certificateChain())[0]).toEqual(pki.signer.der);
    const signed = await signPdf(await makePdf(), { signer });
    expect((await verifyPdf(signed, { trustAnchors: [pki.root.der] })).signatures[0]!.indication).toBe('TOTAL_PASSED');
    await expect(pkcs12FileSigner(path, 'sai')).rejects.toMatchObject({ code: 'P12_PASSWORD' });
  });
});

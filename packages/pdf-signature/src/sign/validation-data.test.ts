import { beforeAll, describe, expect, it } from 'vitest';
import { makePdf, pdfsig, pdfsigBlocks, qpdfCheck, tempDir, writeTemp } from '../node/test-support/fixtures.js';
import { latin1String } from '../pdf/bytes.js';
import { createDemoPki, issueCrl, issueOcspResponse, type DemoPki } from '../testing/pki.js';
import { verifyPdf } from '../verify/verify-pdf.js';
import { signPdf } from './sign-pdf.js';
import { addValidationData } from './validation-data.js';

let pki: DemoPki;
beforeAll(async () => {
  pki = await createDemoPki();
});

describe('addValidationData (PAdES B-LT)', () => {
  it('stores certificates, CRLs and OCSP responses by incremental update; the signature stays valid and uses them', async () => {
    const signed = await signPdf(await makePdf(), { signer: pki.signerFor(pki.signer) });
    const clean = await issueCrl(pki.intermediate, []);
    const good = await issueOcspResponse(pki.intermediate, pki.signer.certificate, pki.intermediate.certificate);
    const lt = await addValidationData(signed, { certificates: [pki.intermediate.der, pki.root.der], crls: [clean], ocsps: [good] });
    expect([...lt.subarray(0, signed.length)]).toEqual([...signed]);
    expect(latin1String(lt.subarray(signed.length))).toMatch(/\/DSS \d+ 0 R/);
    const [s] = (await verifyPdf(lt, { trustAnchors: [pki.root.der] })).signatures;
    expect(s).toMatchObject({ indication: 'TOTAL_PASSED', modificationLevel: 'LTA_UPDATES' });
    expect(s!.checks.find((c) => c.id === 'NotRevoked')?.message.en).toMatch(/security store \(DSS\)/);
    // Independent readers: qpdf finds the file sound, pdfsig still calls the signature valid.
    const dir = tempDir();
    expect(qpdfCheck(writeTemp(dir, 'lt.pdf', lt)).code).toBe(0);
    const [block] = pdfsigBlocks(pdfsig(writeTemp(dir, 'lt.pdf', lt)));
    expect(block).toMatch(/Signature Validation: Signature is Valid/);
  });

  it('finds a revocation stored later, and an intermediate the CMS left out', async () => {
    // The CMS carries only the signer's certificate: the chain is completed from the DSS.
    const signer = { certificateChain: () => Promise.resolve([pki.signer.der]), sign: pki.signerFor(pki.signer).sign };
    const signed = await signPdf(await makePdf(), { signer });
    const verdict = async (pdf: Uint8Array) => (await verifyPdf(pdf, { trustAnchors: [pki.root.der] })).signatures[0]!;
    expect((await verdict(signed)).subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
    const withChain = await addValidationData(signed, { certificates: [pki.intermediate.der] });
    expect((await verdict(withChain)).indication).toBe('TOTAL_PASSED');
    const revoked = await issueCrl(pki.intermediate, [{ certificate: pki.signer.certificate, date: new Date(Date.now() - 3600_000) }]);
    expect(await verdict(await addValidationData(withChain, { crls: [revoked] }))).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'REVOKED_NO_POE' });
  });

  it('keeps what the store holds, adds only what is new, and changes nothing when nothing is new', async () => {
    const signed = await signPdf(await makePdf(), { signer: pki.signerFor(pki.signer) });
    const a = await issueCrl(pki.intermediate, []);
    const b = await issueCrl(pki.intermediate, [], new Date(Date.now() - 60_000));
    const once = await addValidationData(signed, { crls: [a] });
    expect(await addValidationData(once, { crls: [a] })).toBe(once);
    const twice = await addValidationData(once, { crls: [a, b] });
    const crlsArrays = [...latin1String(twice).matchAll(/\/CRLs\s*\[([^\]]*)\]/g)].map((m) => m[1]!.trim().split(/\s+R\s*/).filter(Boolean).length);
    expect(crlsArrays.at(-1)).toBe(2);
    expect((await verifyPdf(twice, { trustAnchors: [pki.root.der] })).signatures[0]!.indication).toBe('TOTAL_PASSED');
  });
});

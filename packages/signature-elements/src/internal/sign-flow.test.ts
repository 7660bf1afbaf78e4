/** Node side: what the dialog signs passes poppler's pdfsig (which exits 0 even on failure, so its output is parsed). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoPki, makePdf } from './fixtures.js';
import { cryptoKeyProvider } from './providers.js';
import { certificateProblem, explainError, kindReasons, signDocument } from './sign-flow.js';

const dir = mkdtempSync(join(tmpdir(), 'egov-sig-el-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface PdfsigSignature {
  validation: string;
  type: string;
  total: boolean;
}

/** Parses `pdfsig -nocert` output into one entry per "Signature #n:" block. */
function pdfsig(pdf: Uint8Array, name: string): PdfsigSignature[] {
  const path = join(dir, name);
  writeFileSync(path, pdf);
  const out = execFileSync('pdfsig', ['-nocert', path], { encoding: 'utf8' });
  return out
    .split(/^Signature #\d+:$/m)
    .slice(1)
    .map((block) => ({
      validation: /- Signature Validation: (.*)$/m.exec(block)?.[1]?.trim() ?? '',
      type: /- Signature Type: (.*)$/m.exec(block)?.[1]?.trim() ?? '',
      total: /Total document signed/.test(block),
    }));
}

describe('signDocument (the dialog\'s signing step)', () => {
  it('author signature then agency seal: pdfsig says each is valid and the last covers the whole document', async () => {
    const pki = await demoPki();
    const anchors = [pki.root.der];
    const author = await signDocument(await makePdf(), {
      signer: await cryptoKeyProvider(pki.signer.privateKey, pki.signer.chain.slice(0, -1)).createSigner({}),
      kind: 'author',
      trustAnchors: anchors,
    });
    expect(author.report.signatures[0]!.indication).toBe('TOTAL_PASSED');
    expect(author.report.signatures[0]!.reason).toBe(kindReasons.author);
    const sealed = await signDocument(author.pdf, {
      signer: await cryptoKeyProvider(pki.seal.privateKey, pki.seal.chain.slice(0, -1)).createSigner({}),
      kind: 'seal',
      trustAnchors: anchors,
    });
    expect(sealed.report.validSignaturesCount).toBe(2);
    // Incremental update: the first signed bytes are a prefix of the result.
    expect(sealed.pdf.subarray(0, author.pdf.length)).toEqual(author.pdf);

    const blocks = pdfsig(sealed.pdf, 'sealed.pdf');
    expect(blocks).toHaveLength(2);
    for (const b of blocks) {
      expect(b.validation).toBe('Signature is Valid.');
      expect(b.type).toBe('ETSI.CAdES.detached');
    }
    expect(blocks.map((b) => b.total)).toEqual([false, true]);
  });

  it('a flipped byte makes pdfsig and the report disagree with "valid"', async () => {
    const pki = await demoPki();
    const { pdf } = await signDocument(await makePdf(), {
      signer: pki.signerFor(pki.signer),
      kind: 'copy',
      trustAnchors: [pki.root.der],
    });
    const bad = pdf.slice();
    bad[20]! ^= 0x01;
    const [block] = pdfsig(bad, 'bad.pdf');
    expect(block!.validation).not.toBe('Signature is Valid.');
  });

  it('reports an expired certificate as CERT_EXPIRED from the report', async () => {
    const pki = await demoPki();
    const { report } = await signDocument(await makePdf(), { signer: pki.signerFor(pki.signer), kind: 'author', trustAnchors: [pki.root.der] });
    expect(certificateProblem(report)).toBeUndefined();
    const later = { ...report, signatures: report.signatures.map((s) => ({ ...s, subIndication: 'OUT_OF_BOUNDS_NO_POE' as const })) };
    expect(certificateProblem(later)?.code).toBe('CERT_EXPIRED');
  });
});

describe('explainError', () => {
  it('explains known codes with an action, and keeps the technical text of unknown errors', () => {
    expect(explainError({ code: 'REMOTE_CANCELLED', vi: 'Người dùng đã huỷ ký', en: 'cancelled' }).title.vi).toBe('Bạn đã huỷ ký trên thiết bị ký số.');
    expect(explainError({ code: 'P12_DECRYPT' }).action.vi).toContain('Nhập lại mật khẩu');
    const other = explainError(new Error('boom'));
    expect(other.code).toBe('UNKNOWN');
    expect(other.detail?.vi).toBe('boom');
    expect(explainError(undefined).title.vi).toBe('Không ký được văn bản.');
  });
});

/** Node side: the dialog's signing of several documents, with real keys, real PDFs and the real validator. */
import { cryptoKeySigner } from '@egov-vn/pdf-signature';
import type { BatchSigner, Signer } from '@egov-vn/pdf-signature';
import { describe, expect, it } from 'vitest';
import { demoPki, makePdf } from '../internal/fixtures.js';
import type { SignerProvider } from '../internal/providers.js';
import { signDocuments } from './sign-dialog.signing.js';
import type { SigningChoices } from './sign-dialog.signing.js';

/** A real WebCrypto signer that also signs in batches (as a remote service does), counting its calls. */
async function batchKey(): Promise<{ signer: Signer & BatchSigner; calls: number[]; anchors: Uint8Array[] }> {
  const pki = await demoPki();
  const key = cryptoKeySigner(pki.signer.privateKey, pki.signer.chain.slice(0, -1));
  const calls: number[] = [];
  return {
    calls,
    anchors: [pki.root.der],
    signer: {
      certificateChain: () => key.certificateChain(),
      sign: (data, algorithm) => (calls.push(1), key.sign(data, algorithm)),
      signMany: async (data, algorithm) => {
        calls.push(data.length);
        return Promise.all(data.map((d) => key.sign(d, algorithm)));
      },
    },
  };
}

const provider = (signer: Signer): SignerProvider => ({ id: 'test', label: { vi: 'Thử', en: 'Test' }, createSigner: () => Promise.resolve(signer) });

const choices = (signer: Signer, anchors: Uint8Array[], states: string[]): SigningChoices => ({
  kind: 'author',
  trustAnchors: anchors,
  page: 0,
  createSigner: () => Promise.resolve(signer),
  appearance: () => Promise.resolve({}),
  onProgress: (i, state) => states.push(`${i}:${state}`),
});

describe('signDocuments (several documents from the dialog)', () => {
  it('a batch signer is asked once for three documents; each comes back signed and TOTAL_PASSED, in order', async () => {
    const { signer, calls, anchors } = await batchKey();
    const docs = await Promise.all(['a', 'b', 'c'].map(async (name) => ({ name, pdf: await makePdf() })));
    const states: string[] = [];
    const signed = await signDocuments(provider(signer), docs, choices(signer, anchors, states));
    expect(calls).toEqual([3]);
    expect(signed).toHaveLength(3);
    for (const [i, s] of signed.entries()) {
      expect(s.report.signatures).toHaveLength(1);
      expect(s.report.signatures[0]!.indication).toBe('TOTAL_PASSED');
      expect(s.pdf.slice(0, docs[i]!.pdf.length)).toEqual(docs[i]!.pdf); // incremental update of that very document
    }
    expect(states.filter((s) => s.endsWith('signed')).sort()).toEqual(['0:signed', '1:signed', '2:signed']);
  });

  it('a document that fails before its signature is asked cancels the batch: nothing is sent to the signer', async () => {
    const { signer, calls, anchors } = await batchKey();
    const docs = [
      { name: 'a', pdf: await makePdf() },
      { name: 'hong.pdf', pdf: new TextEncoder().encode('không phải PDF') },
      { name: 'c', pdf: await makePdf() },
    ];
    await expect(signDocuments(provider(signer), docs, choices(signer, anchors, []))).rejects.toMatchObject({ code: expect.any(String) });
    expect(calls).toEqual([]);
  });

  it('a signer without batches signs the documents one after another', async () => {
    const { signer: both, calls, anchors } = await batchKey();
    const single: Signer = { certificateChain: () => both.certificateChain(), sign: (d, a) => both.sign(d, a) };
    const states: string[] = [];
    const signed = await signDocuments(provider(single), [{ name: 'a', pdf: await makePdf() }, { name: 'b', pdf: await makePdf() }], choices(single, anchors, states));
    expect(signed.map((s) => s.report.signatures[0]!.indication)).toEqual(['TOTAL_PASSED', 'TOTAL_PASSED']);
    expect(calls).toEqual([1, 1]);
    expect(states).toEqual(['0:signing', '0:signed', '1:signing', '1:signed']);
  });
});

// How <egov-sign-dialog> signs its documents, without DOM or Lit (tested in Node: sign-dialog.signing.test.ts).
import type { Signer } from '@egov-vn/pdf-signature';
import type { SignerProvider } from '../internal/providers.js';
import { signDocument } from '../internal/sign-flow.js';
import type { SignDocumentOptions, SignedDocument } from '../internal/sign-flow.js';
import { signWholeDocument } from '../internal/whole-document.js';
import { isBatchSigner, splitBatch } from './batch.js';
import type { DocumentState } from './sign-dialog.logic.js';

/** One document to sign: its name and bytes. */
export interface DocumentToSign {
  readonly name: string;
  readonly pdf: Uint8Array;
}

/** What the dialog chose, the same for every document. */
export interface SigningChoices extends Omit<SignDocumentOptions, 'signer' | 'appearance'> {
  /** The number and symbol, for whole-document providers (the VGCA plugin's `vgca_sign_issued`). */
  readonly docNumber?: string;
  /** The signer for `createSigner` providers (asked once for all documents). */
  readonly createSigner: () => Promise<Signer>;
  /** The appearance (read once, after the signer was made). */
  readonly appearance: () => Promise<NonNullable<SignDocumentOptions['appearance']>>;
  /** Each document's state as it goes (`signing`, then `signed`). */
  readonly onProgress?: (index: number, state: DocumentState) => void;
}

/**
 * Signs every document, in order, and returns them signed and verified. A batch signer (remote signing:
 * `relaySigner`, `cscSigner`) is asked **once** for all of them — one PIN/OTP or one approval on the phone — and a
 * document that fails before its signature is asked for cancels the batch (nothing is sent, nothing signed). Other
 * providers sign one document after another with one signer; a whole-document provider (the VGCA plugin) signs each
 * file itself. The first failure rejects.
 */
export async function signDocuments(provider: SignerProvider, docs: readonly DocumentToSign[], choices: SigningChoices): Promise<SignedDocument[]> {
  const progress = choices.onProgress ?? (() => undefined);
  if (provider.signDocument) {
    const out: SignedDocument[] = [];
    for (const [i, doc] of docs.entries()) {
      progress(i, 'signing');
      out.push(await signWholeDocument(provider, doc.pdf, { kind: choices.kind, trustAnchors: choices.trustAnchors, ...(choices.docNumber ? { docNumber: choices.docNumber } : {}) }));
      progress(i, 'signed');
    }
    return out;
  }
  const signer = await choices.createSigner();
  const appearance = await choices.appearance();
  const { createSigner: _c, appearance: _a, onProgress: _p, docNumber: _d, ...options } = choices;
  const one = async (doc: DocumentToSign, i: number, s: Signer): Promise<SignedDocument> => {
    progress(i, 'signing');
    const signed = await signDocument(doc.pdf, { ...options, signer: s, appearance });
    progress(i, 'signed');
    return signed;
  };
  if (docs.length > 1 && isBatchSigner(signer)) {
    const batch = splitBatch(signer, docs.length);
    const runs = docs.map((doc, i) =>
      one(doc, i, batch.signers[i]!).catch((error: unknown) => {
        batch.drop(error);
        throw error;
      }),
    );
    const settled = await Promise.allSettled(runs);
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    return settled.map((s) => (s as PromiseFulfilledResult<SignedDocument>).value);
  }
  const out: SignedDocument[] = [];
  for (const [i, doc] of docs.entries()) out.push(await one(doc, i, signer));
  return out;
}

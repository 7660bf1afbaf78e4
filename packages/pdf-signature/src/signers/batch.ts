/**
 * Several documents, one authorisation: each document is prepared by `signPdf` as usual; the signed attributes of all
 * of them are collected and handed to the batch signer in one call (CSC: `numSignatures` = n and one `signHash` with
 * n hashes), then every document is finished with its own signature. If any document fails before its signature is
 * requested, nothing is sent to the signer and no document is returned.
 */
import type { HashAlgorithm } from '../cms/oids.js';
import { signPdf, type SignPdfOptions } from '../sign/sign-pdf.js';
import type { Signer } from '../sign/signer.js';
import { remoteError, type BatchSigner } from './common.js';

export type SignPdfBatchOptions = Omit<SignPdfOptions, 'signer'> & { readonly signer: BatchSigner };

interface Waiting {
  readonly data: Uint8Array;
  readonly resolve: (signature: Uint8Array) => void;
  readonly reject: (error: unknown) => void;
}

/** Signs every PDF with one call to `signer.signMany`; returns the signed PDFs in the same order. */
export async function signPdfBatch(pdfs: readonly Uint8Array[], options: SignPdfBatchOptions): Promise<Uint8Array[]> {
  if (pdfs.length === 0) return [];
  const chain = options.signer.certificateChain();
  const waiting: Waiting[] = [];
  let hash: HashAlgorithm | undefined;
  let sent = false;
  let failed: unknown;
  const flush = (): void => {
    if (sent) return;
    sent = true;
    const batch = waiting.slice();
    if (failed !== undefined) {
      for (const w of batch) w.reject(failed);
      return;
    }
    options.signer.signMany(
      batch.map((w) => w.data),
      { hash: hash ?? 'SHA-256' },
    ).then(
      (signatures) => {
        if (signatures.length !== batch.length) {
          const error = remoteError('REMOTE_BATCH_COUNT', `${signatures.length} ≠ ${batch.length}`);
          for (const w of batch) w.reject(error);
          return;
        }
        batch.forEach((w, i) => w.resolve(signatures[i]!));
      },
      (error: unknown) => {
        for (const w of batch) w.reject(error);
      },
    );
  };
  const collector: Signer = {
    certificateChain: () => chain,
    sign(data, algorithm) {
      if (sent) return Promise.reject(remoteError('REMOTE_BATCH_COUNT', 'late signature request'));
      hash = algorithm.hash;
      return new Promise<Uint8Array>((resolve, reject) => {
        waiting.push({ data, resolve, reject });
        if (waiting.length === pdfs.length) flush();
      });
    },
  };
  const runs = pdfs.map((pdf) =>
    signPdf(pdf, { ...options, signer: collector }).catch((error: unknown) => {
      // A document that fails before asking for its signature cancels the whole batch.
      failed ??= error;
      flush();
      throw error;
    }),
  );
  const settled = await Promise.allSettled(runs);
  const rejected = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (rejected) throw rejected.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<Uint8Array>).value);
}

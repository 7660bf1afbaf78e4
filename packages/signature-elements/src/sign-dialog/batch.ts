// Several documents, one authorisation, with each document's own Nghị định 30 appearance: every document goes
// through the dialog's usual signing flow with its own `Signer`; those signers only collect the data to sign, and
// when every document has asked, the batch signer (`relaySigner`, `cscSigner`: CSC `numSignatures` = n, one
// `signHash` with n hashes) is called once. `signPdfBatch` of @egov-vn/pdf-signature does the same for documents that
// share one set of options; the dialog needs one appearance per document (the signer's name line is located in each).
import type { BatchSigner, Signer } from '@egov-vn/pdf-signature';

/** Whether a signer can sign several documents with one authorisation. */
export function isBatchSigner(signer: Signer): signer is Signer & BatchSigner {
  return typeof (signer as Partial<BatchSigner>).signMany === 'function';
}

export interface SignerBatch {
  /** One signer per document, in the documents' order. */
  readonly signers: readonly Signer[];
  /**
   * A document failed before asking for its signature: nothing is sent to the batch signer and every document's
   * signing fails with `error` (once the batch was sent, this does nothing).
   */
  drop(error: unknown): void;
}

/** Splits a batch signer into `count` signers whose signatures are requested in one `signMany` call. */
export function splitBatch(signer: BatchSigner, count: number): SignerBatch {
  const data: (Uint8Array | undefined)[] = Array.from({ length: count }, () => undefined);
  const waiting: ({ resolve: (s: Uint8Array) => void; reject: (e: unknown) => void } | undefined)[] = [];
  let hash: Parameters<BatchSigner['signMany']>[1]['hash'] | undefined;
  let failed: { error: unknown } | undefined;
  let sent = false;
  const send = (): void => {
    sent = true;
    const all = data as Uint8Array[];
    signer.signMany(all, { hash: hash ?? 'SHA-256' }).then(
      (signatures) => {
        if (signatures.length !== count) {
          const error = Object.assign(new Error(`${signatures.length} ≠ ${count}`), { code: 'REMOTE_BATCH_COUNT' });
          for (const w of waiting) w?.reject(error);
          return;
        }
        waiting.forEach((w, i) => w?.resolve(signatures[i]!));
      },
      (error: unknown) => {
        for (const w of waiting) w?.reject(error);
      },
    );
  };
  const signers = Array.from(
    { length: count },
    (_, i): Signer => ({
      certificateChain: () => signer.certificateChain(),
      sign(bytes, algorithm) {
        return new Promise<Uint8Array>((resolve, reject) => {
          const entry = { resolve, reject };
          if (failed) {
            entry.reject(failed.error);
            return;
          }
          if (sent || data[i]) {
            reject(Object.assign(new Error('second signature request for one document'), { code: 'REMOTE_BATCH_COUNT' }));
            return;
          }
          hash ??= algorithm.hash;
          data[i] = bytes;
          waiting[i] = entry;
          if (data.every(Boolean)) send();
        });
      },
    }),
  );
  return {
    signers,
    drop(error) {
      if (sent || failed) return;
      failed = { error };
      for (const w of waiting) w?.reject(error);
    },
  };
}

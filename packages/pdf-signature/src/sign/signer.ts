/** The signing-key abstraction: a certificate chain and a raw signing operation (local key, token, remote service). */
import { ecdsaRawToDer } from '../cms/crypto.js';
import type { HashAlgorithm } from '../cms/oids.js';
import { pdfError } from '../errors.js';

export interface SignAlgorithm {
  readonly hash: HashAlgorithm;
}

export interface Signer {
  /** DER certificates, the signer's first, then its issuers (the root may be left out). */
  certificateChain(): Promise<Uint8Array[]>;
  /**
   * Signs `data` (the DER signed attributes) and returns the signature as CMS carries it:
   * PKCS#1 v1.5 bytes for RSA, a DER ECDSA-Sig-Value for ECDSA.
   */
  sign(data: Uint8Array, algorithm: SignAlgorithm): Promise<Uint8Array>;
}

/**
 * A WebCrypto key as both the DOM and Node's `node:crypto` (`webcrypto.CryptoKey`) define it, typed structurally so
 * that the declarations compile in a Node-only TypeScript project (no DOM library) as well as in a browser one.
 */
export interface CryptoKeyLike {
  readonly type: string;
  readonly extractable: boolean;
  readonly algorithm: { readonly name: string };
  readonly usages: readonly string[];
}

/** A signer over a WebCrypto private key (RSASSA-PKCS1-v1_5 or ECDSA), extractable or not. */
export function cryptoKeySigner(key: CryptoKeyLike, chain: readonly Uint8Array[]): Signer {
  const privateKey = key as CryptoKey;
  return {
    certificateChain: () => Promise.resolve([...chain]),
    async sign(data, algorithm) {
      const alg = privateKey.algorithm as { name: string; hash?: { name: string } };
      if (alg.name === 'RSASSA-PKCS1-v1_5') {
        if (alg.hash?.name !== algorithm.hash && privateKey.extractable) {
          // WebCrypto binds the hash to an RSA key at import: re-import an extractable key for the requested hash.
          const pkcs8 = await crypto.subtle.exportKey('pkcs8', privateKey);
          const key = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash: algorithm.hash }, false, ['sign']);
          return new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key, data as Uint8Array<ArrayBuffer>));
        }
        if (alg.hash?.name !== algorithm.hash) {
          throw pdfError(
            'SIGNER_HASH',
            `Khoá RSA được nhập với ${alg.hash?.name ?? '?'} nhưng cần ${algorithm.hash}`,
            `The RSA key was imported for ${alg.hash?.name ?? '?'} but ${algorithm.hash} is required`,
          );
        }
        return new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', privateKey, data as Uint8Array<ArrayBuffer>));
      }
      if (alg.name === 'ECDSA') {
        const raw = await crypto.subtle.sign({ name: 'ECDSA', hash: algorithm.hash }, privateKey, data as Uint8Array<ArrayBuffer>);
        return ecdsaRawToDer(new Uint8Array(raw));
      }
      throw pdfError('SIGNER_ALG', `Thuật toán khoá không được hỗ trợ: ${alg.name}`, `Unsupported key algorithm: ${alg.name}`);
    },
  };
}

/**
 * A signer from a PKCS#12 (.p12/.pfx) file, parsed with pkijs and WebCrypto: PBES2 (PBKDF2 + AES-CBC, OpenSSL 3's
 * default) with an HMAC integrity MAC. The legacy RC2/3DES PBE schemes (`openssl pkcs12 -legacy`, OpenSSL 1.x,
 * older Windows exports) go through `pkcs12-legacy.ts` (node-forge, loaded lazily): WebCrypto has neither cipher.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { CURVES, OID, type HashAlgorithm } from '../cms/oids.js';
import { ecdsaRawToDer } from '../cms/crypto.js';
import type { PdfSignatureError } from '../errors.js';
import { pdfError } from '../errors.js';
import { toArrayBuffer } from '../pdf/bytes.js';
import { readLegacyPkcs12 } from './pkcs12-legacy.js';
import type { Signer } from './signer.js';

const KEY_BAG = '1.2.840.113549.1.12.10.1.1';
const SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const CERT_BAG = '1.2.840.113549.1.12.10.1.3';
const X509_CERT = '1.2.840.113549.1.9.22.1';
const LEGACY_PBE = /^1\.2\.840\.113549\.1\.12\.1\./;

export interface Pkcs12Contents {
  readonly privateKeyInfo: Uint8Array;
  /** DER certificates, the one matching the key first. */
  readonly certificates: Uint8Array[];
}

function legacyError(): PdfSignatureError {
  return pdfError(
    'P12_LEGACY',
    'Tệp PKCS#12 dùng mã hoá cũ (RC2/3DES): hãy xuất lại bằng AES (ví dụ: openssl pkcs12 -export không có -legacy)',
    'The PKCS#12 file uses legacy RC2/3DES encryption: re-export it with AES (e.g. openssl pkcs12 -export without -legacy)',
  );
}

/** Whether the DER mentions a PKCS#12 v1 PBE OID (1.2.840.113549.1.12.1.x: RC4/RC2/3DES). */
function usesLegacyPbe(der: Uint8Array): boolean {
  const oid = [0x06, 0x0a, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x01];
  outer: for (let i = 0; i + oid.length < der.length; i++) {
    for (let j = 0; j < oid.length; j++) if (der[i + j] !== oid[j]) continue outer;
    return true;
  }
  return false;
}

/** Opens a PKCS#12 container. */
export async function readPkcs12(bytes: Uint8Array, password: string): Promise<Pkcs12Contents> {
  const pwd = toArrayBuffer(new TextEncoder().encode(password));
  let pfx: pkijs.PFX;
  try {
    pfx = pkijs.PFX.fromBER(toArrayBuffer(bytes));
  } catch {
    throw pdfError('P12_PARSE', 'Không đọc được tệp PKCS#12', 'Cannot parse the PKCS#12 file');
  }
  try {
    await pfx.parseInternalValues({ password: pwd, checkIntegrity: true });
  } catch {
    throw pdfError('P12_PASSWORD', 'Sai mật khẩu PKCS#12 hoặc tệp bị hỏng', 'Wrong PKCS#12 password or corrupt file');
  }
  const authSafe = (pfx.parsedValue)?.authenticatedSafe;
  if (!authSafe) throw pdfError('P12_PARSE', 'PKCS#12 không có AuthenticatedSafe', 'The PKCS#12 has no AuthenticatedSafe');
  if (usesLegacyPbe(bytes)) return readLegacyPkcs12(bytes, password);
  try {
    await authSafe.parseInternalValues({ safeContents: authSafe.safeContents.map(() => ({ password: pwd })) });
  } catch {
    throw pdfError('P12_DECRYPT', 'Không giải mã được nội dung PKCS#12', 'Cannot decrypt the PKCS#12 contents');
  }
  let keyInfo: pkijs.PrivateKeyInfo | undefined;
  const certs: pkijs.Certificate[] = [];
  for (const sc of (authSafe.parsedValue as { safeContents: { value: pkijs.SafeContents }[] }).safeContents) {
    for (const bag of sc.value.safeBags) {
      if (bag.bagId === SHROUDED_KEY_BAG) {
        const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
        if (LEGACY_PBE.test(shrouded.encryptionAlgorithm.algorithmId)) throw legacyError();
        try {
          // Protected in the typings, public at run time: decrypts the PBES2-wrapped PrivateKeyInfo.
          if (!shrouded.parsedValue) await (shrouded as unknown as { parseInternalValues(p: { password: ArrayBuffer }): Promise<void> }).parseInternalValues({ password: pwd });
        } catch {
          throw pdfError('P12_DECRYPT', 'Không giải mã được khoá riêng', 'Cannot decrypt the private key');
        }
        keyInfo = shrouded.parsedValue;
      } else if (bag.bagId === KEY_BAG) {
        keyInfo = bag.bagValue as pkijs.PrivateKeyInfo;
      } else if (bag.bagId === CERT_BAG) {
        const cb = bag.bagValue as pkijs.CertBag;
        if (cb.certId === X509_CERT && cb.parsedValue instanceof pkijs.Certificate) certs.push(cb.parsedValue);
      }
    }
  }
  if (!keyInfo) throw pdfError('P12_NO_KEY', 'PKCS#12 không chứa khoá riêng', 'The PKCS#12 holds no private key');
  if (certs.length === 0) throw pdfError('P12_NO_CERT', 'PKCS#12 không chứa chứng thư', 'The PKCS#12 holds no certificate');
  const privateKeyInfo = new Uint8Array(keyInfo.toSchema().toBER(false));
  // Put the end-entity certificate (not a CA) first, then the others.
  const isCa = (c: pkijs.Certificate): boolean =>
    (c.extensions?.find((e) => e.extnID === '2.5.29.19')?.parsedValue as pkijs.BasicConstraints | undefined)?.cA === true;
  certs.sort((a, b) => Number(isCa(a)) - Number(isCa(b)));
  return { privateKeyInfo, certificates: certs.map((c) => new Uint8Array(c.toSchema().toBER(false))) };
}

/** A Signer from PKCS#12 bytes (works in browsers and Node). */
export async function pkcs12Signer(bytes: Uint8Array, password: string): Promise<Signer> {
  const { privateKeyInfo, certificates } = await readPkcs12(bytes, password);
  const info = pkijs.PrivateKeyInfo.fromBER(toArrayBuffer(privateKeyInfo));
  const algOid = info.privateKeyAlgorithm.algorithmId;
  const params = info.privateKeyAlgorithm.algorithmParams as unknown;
  const curve = params instanceof asn1js.ObjectIdentifier ? CURVES[params.valueBlock.toString()] : undefined;
  const keys = new Map<HashAlgorithm, Promise<CryptoKey>>();
  const keyFor = (hash: HashAlgorithm): Promise<CryptoKey> => {
    let k = keys.get(hash);
    if (!k) {
      const alg = algOid === OID.rsaEncryption ? { name: 'RSASSA-PKCS1-v1_5', hash } : { name: 'ECDSA', namedCurve: curve ?? 'P-256' };
      k = crypto.subtle.importKey('pkcs8', toArrayBuffer(privateKeyInfo), alg, false, ['sign']);
      keys.set(hash, k);
    }
    return k;
  };
  if (algOid !== OID.rsaEncryption && algOid !== OID.ecPublicKey) {
    throw pdfError('P12_ALG', 'Khoá trong PKCS#12 không phải RSA hay ECDSA', 'The PKCS#12 key is neither RSA nor ECDSA');
  }
  return {
    certificateChain: () => Promise.resolve(certificates),
    async sign(data, algorithm) {
      const key = await keyFor(algorithm.hash);
      if (algOid === OID.rsaEncryption) return new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key, data as Uint8Array<ArrayBuffer>));
      return ecdsaRawToDer(new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: algorithm.hash }, key, data as Uint8Array<ArrayBuffer>)));
    },
  };
}

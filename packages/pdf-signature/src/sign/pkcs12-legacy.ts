/**
 * Legacy PKCS#12 (PKCS#12 v1 PBE: pbeWithSHAAnd3-KeyTripleDES-CBC for keys, pbeWithSHAAnd40BitRC2-CBC for
 * certificates, as `openssl pkcs12 -legacy`, OpenSSL 1.x and older Windows exports produce). WebCrypto has neither
 * cipher, so this path uses node-forge (pure JS, browser-safe), loaded lazily only when such a file is opened.
 */
import type forgeTypes from 'node-forge';
import { pdfError } from '../errors.js';
import type { Pkcs12Contents } from './pkcs12.js';

export async function readLegacyPkcs12(bytes: Uint8Array, password: string): Promise<Pkcs12Contents> {
  const forge = (await import('node-forge')).default;
  let p12: ReturnType<typeof forge.pkcs12.pkcs12FromAsn1>;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(binary(bytes)));
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, true, password);
  } catch {
    throw pdfError('P12_PASSWORD', 'Sai mật khẩu PKCS#12 hoặc tệp bị hỏng', 'Wrong PKCS#12 password or corrupt file');
  }
  const keyBags = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!] ?? []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? []),
  ];
  const key = keyBags.find((b) => b.key)?.key;
  if (!key) throw pdfError('P12_NO_KEY', 'PKCS#12 không chứa khoá riêng RSA', 'The PKCS#12 holds no RSA private key');
  const certBags = p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [];
  const certs = certBags.flatMap((b) => (b.cert ? [b.cert] : []));
  if (certs.length === 0) throw pdfError('P12_NO_CERT', 'PKCS#12 không chứa chứng thư', 'The PKCS#12 holds no certificate');
  const toBytes = (der: string): Uint8Array => Uint8Array.from(der, (c) => c.charCodeAt(0));
  const pkcs8 = forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(key));
  const isCa = (c: (typeof certs)[number]): boolean => (c.getExtension('basicConstraints') as { cA?: boolean } | null)?.cA === true;
  certs.sort((a, b) => Number(isCa(a)) - Number(isCa(b)));
  return {
    privateKeyInfo: toBytes(forge.asn1.toDer(pkcs8).getBytes()),
    certificates: certs.map((c) => toBytes(forge.asn1.toDer(originalCertificate(forge, c)).getBytes())),
  };
}

type Forge = typeof forgeTypes;

/**
 * Rebuilds the certificate from its original TBS (kept by forge) and its signature: forge's certificateToAsn1
 * re-encodes names and would change the DER (and so the ESS certificate hash).
 */
function originalCertificate(forge: Forge, cert: forgeTypes.pki.Certificate): forgeTypes.asn1.Asn1 {
  const { asn1 } = forge;
  const tbs = (cert as unknown as { tbsCertificate: forgeTypes.asn1.Asn1 }).tbsCertificate;
  const fields = tbs.value as forgeTypes.asn1.Asn1[];
  const algorithm = fields[fields[0]?.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 2 : 1]!;
  const signature = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BITSTRING, false, `\u0000${cert.signature as string}`);
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [tbs, algorithm, signature]);
}

function binary(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

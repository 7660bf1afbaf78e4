/**
 * Revocation: CRLs (RFC 5280 §5) and OCSP responses (RFC 6960) from wherever a validator finds them — given by the
 * caller, stored in the document (the DSS of ISO 32000-2 §12.8.4.3), or carried by the signature (Adobe's signed
 * revocation archive, ISO 32000-1 §12.8.3.3.2, and the SignedData's own CRLs). Each is checked against the
 * certificate's issuer: a CRL must be signed by the issuer; an OCSP response by the issuer or by a responder the
 * issuer certified for OCSP signing. Any of them saying "revoked" wins (the earliest date); otherwise the newest
 * "not revoked" is reported with its source.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { verifyWithCertificate } from '../cms/crypto.js';
import { SIG_ALGS, hashFromOid } from '../cms/oids.js';
import type { Message } from '../errors.js';
import { bytesEqual, toArrayBuffer } from '../pdf/bytes.js';
import type { PdfFile } from '../pdf/file.js';
import { readDss, type DssField } from '../pdf/dss.js';
import { extendedKeyUsageOf } from './certificates.js';

/** Where revocation data came from: passed by the caller, the document's DSS, or the signature itself. */
export type RevocationSourceKind = 'given' | 'document' | 'signature';

export type RevocationItem =
  | { readonly kind: 'CRL'; readonly crl: pkijs.CertificateRevocationList; readonly source: RevocationSourceKind }
  | { readonly kind: 'OCSP'; readonly response: pkijs.BasicOCSPResponse; readonly source: RevocationSourceKind };

export interface RevocationFinding {
  readonly revoked?: Date;
  /** When the deciding CRL or OCSP response was issued (thisUpdate). */
  readonly thisUpdate: Date;
  readonly kind: 'CRL' | 'OCSP';
  readonly source: RevocationSourceKind;
}

const OCSP_BASIC = '1.3.6.1.5.5.7.48.1.1';
const OCSP_SIGNING = '1.3.6.1.5.5.7.3.9';

const m = (vi: string, en: string): Message => ({ vi, en });

const SOURCES: Record<RevocationFinding['kind'], Record<RevocationSourceKind, Message>> = {
  CRL: {
    given: m('CRL được cung cấp', 'the CRL given'),
    document: m('CRL lưu trong tài liệu (DSS)', "the CRL in the document's security store (DSS)"),
    signature: m('CRL nhúng trong chữ ký', 'the CRL embedded in the signature'),
  },
  OCSP: {
    given: m('phản hồi OCSP được cung cấp', 'the OCSP response given'),
    document: m('phản hồi OCSP lưu trong tài liệu (DSS)', "the OCSP response in the document's security store (DSS)"),
    signature: m('phản hồi OCSP nhúng trong chữ ký', 'the OCSP response embedded in the signature'),
  },
};

/** What a finding is based on, in words ("the CRL embedded in the signature"). */
export function revocationSource(finding: RevocationFinding): Message {
  return SOURCES[finding.kind][finding.source];
}

/** The BasicOCSPResponse inside a successful OCSPResponse (DER), or undefined. */
function basicResponse(der: Uint8Array): pkijs.BasicOCSPResponse | undefined {
  const response = pkijs.OCSPResponse.fromBER(toArrayBuffer(der));
  if (response.responseStatus.valueBlock.valueDec !== 0 || response.responseBytes?.responseType !== OCSP_BASIC) return undefined;
  return pkijs.BasicOCSPResponse.fromBER(toArrayBuffer(new Uint8Array(response.responseBytes.response.valueBlock.valueHexView)));
}

/** Parses DER CRLs and OCSP responses, counting the unreadable ones. */
export function parseRevocationData(
  data: { readonly crls?: readonly Uint8Array[]; readonly ocsps?: readonly Uint8Array[] },
  source: RevocationSourceKind,
): { items: RevocationItem[]; unreadable: number } {
  const items: RevocationItem[] = [];
  let unreadable = 0;
  for (const der of data.crls ?? []) {
    try {
      items.push({ kind: 'CRL', crl: pkijs.CertificateRevocationList.fromBER(toArrayBuffer(der)), source });
    } catch {
      unreadable++;
    }
  }
  for (const der of data.ocsps ?? []) {
    try {
      const response = basicResponse(der);
      if (response) items.push({ kind: 'OCSP', response, source });
      else unreadable++;
    } catch {
      unreadable++;
    }
  }
  return { items, unreadable };
}

/** The certificates, CRLs and OCSP responses (decoded streams) in the document security store of the latest revision. */
export async function storedValidationData(file: PdfFile): Promise<Record<DssField, Uint8Array[]>> {
  const { entries } = await readDss(file);
  const data = (field: DssField): Uint8Array[] => entries[field].flatMap((e) => (e.data ? [e.data] : []));
  return { certificates: data('certificates'), crls: data('crls'), ocsps: data('ocsps') };
}

async function fromCrl(crl: pkijs.CertificateRevocationList, cert: pkijs.Certificate, issuer: pkijs.Certificate): Promise<Omit<RevocationFinding, 'source' | 'kind'> | undefined> {
  if (!crl.issuer.isEqual(cert.issuer)) return undefined;
  try {
    if (!(await crl.verify({ issuerCertificate: issuer }))) return undefined;
  } catch {
    return undefined;
  }
  const entry = crl.revokedCertificates?.find((r) => r.userCertificate.isEqual(cert.serialNumber));
  return { ...(entry ? { revoked: entry.revocationDate.value } : {}), thisUpdate: crl.thisUpdate.value };
}

/** SHA-1 of a certificate's subjectPublicKey bits (the OCSP ResponderID byKey, RFC 6960 §4.2.1). */
async function keyHash(cert: pkijs.Certificate): Promise<Uint8Array> {
  const bits = cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
  return new Uint8Array(await crypto.subtle.digest('SHA-1', bits as Uint8Array<ArrayBuffer>));
}

/** The certificate that signed an OCSP response, when it is the issuer or a responder the issuer certified for it. */
async function responderOf(response: pkijs.BasicOCSPResponse, issuer: pkijs.Certificate): Promise<pkijs.Certificate | undefined> {
  const id = response.tbsResponseData.responderID as unknown;
  const matches = async (c: pkijs.Certificate): Promise<boolean> =>
    id instanceof pkijs.RelativeDistinguishedNames
      ? c.subject.isEqual(id)
      : id instanceof asn1js.OctetString && bytesEqual(new Uint8Array(id.valueBlock.valueHexView), await keyHash(c));
  if (await matches(issuer)) return issuer;
  for (const c of response.certs ?? []) {
    if (!(await matches(c))) continue;
    if (!extendedKeyUsageOf(c)?.includes(OCSP_SIGNING) || !c.issuer.isEqual(issuer.subject)) continue;
    try {
      if (await c.verify(issuer)) return c;
    } catch {
      // not signed by the issuer
    }
  }
  return undefined;
}

async function fromOcsp(response: pkijs.BasicOCSPResponse, cert: pkijs.Certificate, issuer: pkijs.Certificate): Promise<Omit<RevocationFinding, 'source' | 'kind'> | undefined> {
  const responder = await responderOf(response, issuer);
  const hash = SIG_ALGS[response.signatureAlgorithm.algorithmId]?.hash;
  if (!responder || !hash) return undefined;
  const signature = new Uint8Array(response.signature.valueBlock.valueHexView);
  if (!(await verifyWithCertificate(responder, hash, signature, response.tbsResponseData.tbsView))) return undefined;
  const ids = new Map<string, pkijs.CertID>();
  for (const single of response.tbsResponseData.responses) {
    const alg = single.certID.hashAlgorithm.algorithmId;
    let id = ids.get(alg);
    if (!id) {
      id = new pkijs.CertID();
      const name = hashFromOid(alg);
      if (!name) continue;
      await id.createForCertificate(cert, { hashAlgorithm: name, issuerCertificate: issuer });
      ids.set(alg, id);
    }
    if (!single.certID.isEqual(id)) continue;
    // CertStatus: good [0] IMPLICIT NULL, revoked [1] IMPLICIT RevokedInfo { revocationTime, … }, unknown [2].
    const status: unknown = single.certStatus;
    if (!(status instanceof asn1js.BaseBlock)) return undefined;
    if (status.idBlock.tagNumber === 0) return { thisUpdate: single.thisUpdate };
    if (status.idBlock.tagNumber === 1 && status instanceof asn1js.Constructed) {
      const time = status.valueBlock.value[0];
      if (time instanceof asn1js.GeneralizedTime) return { revoked: time.toDate(), thisUpdate: single.thisUpdate };
    }
    return undefined;
  }
  return undefined;
}

/**
 * Checks `cert` against the revocation data: revoked when any CRL or OCSP response (from its issuer) says so, at the
 * earliest date; else not revoked as of the newest. Undefined when nothing applies.
 */
export async function checkRevocation(cert: pkijs.Certificate, pool: pkijs.Certificate[], data: readonly RevocationItem[]): Promise<RevocationFinding | undefined> {
  const issuer = pool.find((c) => c.subject.isEqual(cert.issuer));
  if (!issuer) return undefined;
  let best: RevocationFinding | undefined;
  for (const item of data) {
    const found = item.kind === 'CRL' ? await fromCrl(item.crl, cert, issuer) : await fromOcsp(item.response, cert, issuer);
    if (!found) continue;
    const finding: RevocationFinding = { ...found, kind: item.kind, source: item.source };
    if (
      !best ||
      (finding.revoked && (!best.revoked || finding.revoked < best.revoked)) ||
      (!finding.revoked && !best.revoked && finding.thisUpdate > best.thisUpdate)
    ) {
      best = finding;
    }
  }
  return best;
}

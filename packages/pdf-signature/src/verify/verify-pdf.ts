/**
 * verifyPdf: validates every signature like a trusted validator (DSS / pyHanko model) and fails closed.
 */
import * as pkijs from 'pkijs';
import { digest, digestRanges, hashesInPlace } from '../cms/crypto.js';
import { certificateFromDer } from '../cms/certificate-cache.js';
import { inspectCms, type CmsFacts } from '../cms/inspect.js';
import { OID, hashFromOid, type HashAlgorithm } from '../cms/oids.js';
import { PdfSignatureError, type Message } from '../errors.js';
import { bytesEqual, isWhite, latin1String, toArrayBuffer } from '../pdf/bytes.js';
import { PdfFile } from '../pdf/file.js';
import { PdfArray, PdfDict, PdfRef, PdfString, isName, type PdfObject } from '../pdf/objects.js';
import { analyseModifications } from './diff.js';
import { certificateChain as buildChain, distinguishedName as dn, extendedKeyUsageOf, keyUsageOf } from './certificates.js';
import { checkRevocation, parseRevocationData, revocationSource, storedValidationData, type RevocationItem } from './revocation.js';
import { verdictOf } from './verdict.js';
import type { CertificateInfo, Check, Coverage, Indication, ModificationLevel, SignatureReport, SubIndication, TimestampReport, VerificationReport } from './report.js';
import { MODIFICATION_ORDER } from './report.js';
import { isTrustAnchor, toCertificates, type TrustInput } from './trust.js';

export interface VerifyPolicy {
  /** How a prohibited modification after signing is reported (default TOTAL_FAILED). */
  readonly modificationViolation?: 'TOTAL_FAILED' | 'INDETERMINATE';
  /** Missing nonRepudiation key usage on the signer certificate (default WARN, as DSS). */
  readonly nonRepudiation?: 'FAIL' | 'WARN' | 'IGNORE';
  /** Require a trusted signature timestamp (B-T) (default false). */
  readonly requireTimestamp?: boolean;
}

export interface VerifyOptions {
  /** Trust anchors (PEM bundle text, DER, or pkijs certificates). Nothing is trusted by default. */
  readonly trustAnchors: readonly TrustInput[];
  /** Extra intermediates for chain building. */
  readonly intermediates?: readonly TrustInput[];
  readonly policy?: VerifyPolicy;
  /** Validation time (default now). */
  readonly now?: Date;
  /** More CRLs (DER) to check the signer certificate against, besides those the document carries; OCSP is not read yet. */
  readonly crls?: readonly Uint8Array[];
}

const m = (vi: string, en: string): Message => ({ vi, en });

export interface SigField {
  name: string;
  field: PdfDict;
  v: PdfObject | undefined;
  /** The field's own reference (a merged field/widget is listed in its page's /Annots by it). */
  ref?: PdfRef;
}

export async function collectSignatureFields(file: PdfFile): Promise<SigField[]> {
  const cat = await file.catalog();
  const acro = await file.resolveDict(cat.get('AcroForm'));
  const out: SigField[] = [];
  const seen = new Set<string>();
  const walk = async (arr: PdfObject | undefined, prefix: string, inheritedFt: boolean, depth: number): Promise<void> => {
    if (depth > 32) return;
    for (const f of (await file.resolveArray(arr)) ?? []) {
      if (f instanceof PdfRef) {
        if (seen.has(f.key) || seen.size > 100_000) continue;
        seen.add(f.key);
      }
      const d = await file.resolveDict(f);
      if (!d) continue;
      const t = d.get('T');
      const name = t instanceof PdfString ? (prefix ? `${prefix}.${t.text()}` : t.text()) : prefix;
      const isSig = isName(d.get('FT'), 'Sig') || (inheritedFt && !d.has('FT'));
      if (d.has('Kids')) await walk(d.get('Kids'), name, isSig, depth + 1);
      else if (isSig && d.has('V')) out.push({ name: name || '(unnamed)', field: d, v: d.get('V'), ...(f instanceof PdfRef ? { ref: f } : {}) });
    }
  };
  await walk(acro?.get('Fields'), '', false, 0);
  return out;
}

function nameOf(rdn: pkijs.RelativeDistinguishedNames, oid = '2.5.4.3'): string | undefined {
  const v = rdn.typesAndValues.find((t) => t.type === oid)?.value as { valueBlock?: { value?: string } } | undefined;
  return v?.valueBlock?.value;
}

/** PDF date string → Date (lenient about the optional parts). */
export function parsePdfDate(text: string): Date | undefined {
  const r = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?'?$/.exec(text.trim());
  if (!r) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', tz, th = '00', tm = '00'] = r;
  let t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (tz === '+' || tz === '-') t -= (tz === '+' ? 1 : -1) * (Number(th) * 60 + Number(tm)) * 60_000;
  return new Date(t);
}

function hasNonRepudiation(cert: pkijs.Certificate): boolean | undefined {
  return keyUsageOf(cert)?.includes('nonRepudiation');
}

/** Numbers for certificates (they come from the shared certificate cache), to key chain results. */
const certificateIds = new WeakMap<pkijs.Certificate, number>();
let nextCertificateId = 1;
const idOf = (c: pkijs.Certificate): number => {
  let id = certificateIds.get(c);
  if (id === undefined) certificateIds.set(c, (id = nextCertificateId++));
  return id;
};

/**
 * Chain results per leaf, by the certificates offered, the anchors and which of them are valid at the time. The
 * result is a function of these inputs alone (revocation is checked separately), so an agency verifying many
 * documents from the same signers validates each chain once.
 */
const chainResults = new WeakMap<pkijs.Certificate, Map<string, Promise<{ ok: boolean; message: string }>>>();

function validateChain(
  leaf: pkijs.Certificate,
  extra: pkijs.Certificate[],
  anchors: pkijs.Certificate[],
  at: Date,
): Promise<{ ok: boolean; message: string }> {
  if (anchors.length === 0) return Promise.resolve({ ok: false, message: 'no trust anchors configured' });
  let byInput = chainResults.get(leaf);
  if (!byInput) chainResults.set(leaf, (byInput = new Map<string, Promise<{ ok: boolean; message: string }>>()));
  // The time enters only through which certificates are within their validity period then.
  const valid = (c: pkijs.Certificate): string => (c.notBefore.value <= at && at <= c.notAfter.value ? '+' : '-');
  const key = `${valid(leaf)}|${extra.map((c) => `${idOf(c)}${valid(c)}`).join(',')}|${anchors.map((c) => `${idOf(c)}${valid(c)}`).join(',')}`;
  let result = byInput.get(key);
  if (!result) {
    result = runChainValidation(leaf, extra, anchors, at);
    byInput.set(key, result);
    if (byInput.size > 64) byInput.delete(byInput.keys().next().value as string);
  }
  return result;
}

async function runChainValidation(
  leaf: pkijs.Certificate,
  extra: pkijs.Certificate[],
  anchors: pkijs.Certificate[],
  at: Date,
): Promise<{ ok: boolean; message: string }> {
  if (isTrustAnchor(leaf, anchors)) {
    return leaf.notBefore.value <= at && at <= leaf.notAfter.value
      ? { ok: true, message: 'the certificate is itself a trust anchor' }
      : { ok: false, message: 'the directly trusted certificate is not valid at the signing time' };
  }
  try {
    const engine = new pkijs.CertificateChainValidationEngine({ trustedCerts: anchors, certs: [...extra.filter((c) => c !== leaf), leaf], checkDate: at });
    const r = await engine.verify();
    return { ok: r.result, message: r.resultMessage };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String((error as { resultMessage?: string }).resultMessage ?? error) };
  }
}

async function inspectTimestamp(
  token: Uint8Array,
  signatureValue: Uint8Array,
  anchors: pkijs.Certificate[],
  extra: pkijs.Certificate[],
): Promise<{ report?: TimestampReport; problems: Message[]; imprintBad: boolean }> {
  const facts: CmsFacts = await inspectCms(token);
  const problems: Message[] = facts.problems.map((p) => m(`Dấu thời gian: ${p.vi}`, `Timestamp: ${p.en}`));
  if (facts.eContentType !== OID.tstInfo || !facts.eContent) {
    return { problems: [...problems, m('Dấu thời gian không chứa TSTInfo', 'The timestamp has no TSTInfo')], imprintBad: true };
  }
  let tst: pkijs.TSTInfo;
  try {
    tst = pkijs.TSTInfo.fromBER(toArrayBuffer(facts.eContent));
  } catch {
    return { problems: [...problems, m('TSTInfo hỏng', 'Corrupt TSTInfo')], imprintBad: true };
  }
  const h = hashFromOid(tst.messageImprint.hashAlgorithm.algorithmId);
  const imprint = new Uint8Array(tst.messageImprint.hashedMessage.valueBlock.valueHexView);
  const imprintOk = h !== undefined && bytesEqual(imprint, await digest(h, signatureValue));
  if (!imprintOk) problems.push(m('Dấu thời gian không phải cho giá trị chữ ký này (messageImprint sai)', 'The timestamp is not over this signature value (messageImprint mismatch)'));
  const tsaCert = facts.signerCert;
  let trusted = false;
  if (tsaCert) {
    const chain = await validateChain(tsaCert, [...facts.certificates, ...extra], anchors, tst.genTime);
    trusted = chain.ok;
    if (!chain.ok) problems.push(m(`Không xác minh được chuỗi chứng thư của TSA: ${chain.message}`, `TSA certificate chain not validated: ${chain.message}`));
    if (!extendedKeyUsageOf(tsaCert)?.includes(OID.timeStamping)) problems.push(m('Chứng thư TSA thiếu EKU timeStamping', 'The TSA certificate lacks the timeStamping EKU'));
  }
  const signatureValid = facts.problems.length === 0;
  return {
    report: {
      genTime: tst.genTime,
      tsa: tsaCert ? dn(tsaCert.subject) : '?',
      imprintValid: imprintOk,
      signatureValid,
      trusted: trusted && signatureValid && imprintOk,
    },
    problems,
    imprintBad: !imprintOk || !signatureValid,
  };
}

export async function verifyPdf(pdf: Uint8Array, options: VerifyOptions): Promise<VerificationReport> {
  const now = options.now ?? new Date();
  const anchors = toCertificates(options.trustAnchors);
  const extra = toCertificates(options.intermediates);
  const policy = options.policy ?? {};
  let file: PdfFile;
  let fields: SigField[];
  try {
    file = await PdfFile.open(pdf);
    fields = await collectSignatureFields(file);
  } catch (error) {
    const e = error instanceof PdfSignatureError ? error : undefined;
    return {
      validationTime: now,
      documentError: e ? m(`${e.vi}${e.offset === undefined ? '' : ` (byte ${e.offset})`}`, `${e.en}${e.offset === undefined ? '' : ` (byte ${e.offset})`}`) : m('Tệp PDF hỏng', 'Corrupt PDF file'),
      documentWarnings: [],
      revisions: 0,
      signatures: [],
      signaturesCount: 0,
      validSignaturesCount: 0,
    };
  }
  const documentWarnings: Message[] = [];
  if (file.warnings.includes('xref-order')) documentWarnings.push(m('Các phần xref không theo thứ tự tăng dần (/Prev bất thường)', 'xref sections are not in increasing order (unusual /Prev)'));
  const lastEnd = file.lastSection.revisionEnd;
  let trailingGarbage = false;
  if (lastEnd < 0) trailingGarbage = true;
  else for (let i = lastEnd; i < pdf.length; i++) if (!isWhite(pdf[i]!)) {
    trailingGarbage = true;
    break;
  }
  if (trailingGarbage) documentWarnings.push(m('Có dữ liệu sau phiên bản cuối cùng không thuộc cấu trúc xref (cập nhật ẩn)', 'There are bytes after the last revision outside the xref structure (hidden update)'));

  const gaps: [number, number][] = [];
  const reports: SignatureReport[] = [];
  const given = parseRevocationData({ crls: options.crls ?? [] }, 'given');
  let stored: { certificates: Uint8Array[]; crls: Uint8Array[]; ocsps: Uint8Array[] } = { certificates: [], crls: [], ocsps: [] };
  try {
    stored = await storedValidationData(file);
  } catch {
    documentWarnings.push(m('Không đọc được kho xác minh (DSS) của tài liệu', "Cannot read the document's security store (DSS)"));
  }
  const fromDss = parseRevocationData(stored, 'document');
  if (given.unreadable + fromDss.unreadable > 0) {
    documentWarnings.push(m('Bỏ qua dữ liệu thu hồi (CRL/OCSP) không đọc được', 'Skipped unreadable revocation data (CRL/OCSP)'));
  }
  const revocationData = [...given.items, ...fromDss.items];
  // Certificates stored for long-term validation (PAdES B-LT) help build chains, like `intermediates`.
  for (const der of stored.certificates) {
    try {
      extra.push(certificateFromDer(der));
    } catch {
      documentWarnings.push(m('Bỏ qua một chứng thư không đọc được trong DSS', 'Skipped an unreadable certificate in the DSS'));
    }
  }
  for (const f of fields) reports.push(await verifyOne(file, f, { revocationData, anchors, extra, policy, now, trailingGarbage, gaps }));
  // Byte-range collisions between signatures (DSS ByteRangeCollision).
  return {
    validationTime: now,
    documentWarnings,
    revisions: file.sections.length,
    signatures: reports,
    signaturesCount: reports.length,
    validSignaturesCount: reports.filter((r) => r.indication === 'TOTAL_PASSED').length,
  };
}

interface Ctx {
  revocationData: RevocationItem[];
  anchors: pkijs.Certificate[];
  extra: pkijs.Certificate[];
  policy: VerifyPolicy;
  now: Date;
  trailingGarbage: boolean;
  gaps: [number, number][];
}

async function verifyOne(file: PdfFile, f: SigField, ctx: Ctx): Promise<SignatureReport> {
  const checks: Check[] = [];
  const fail = (id: string, vi: string, en: string, indication: Exclude<Indication, 'TOTAL_PASSED'>, subIndication: SubIndication): void => {
    checks.push({ id, level: 'FAIL', passed: false, message: m(vi, en), indication, subIndication });
  };
  const pass = (id: string, vi: string, en: string): void => {
    checks.push({ id, level: 'FAIL', passed: true, message: m(vi, en) });
  };
  const warn = (id: string, vi: string, en: string): void => {
    checks.push({ id, level: 'WARN', passed: false, message: m(vi, en) });
  };
  const info = (id: string, vi: string, en: string): void => {
    checks.push({ id, level: 'INFO', passed: true, message: m(vi, en) });
  };
  const bytes = file.bytes;
  let revision = -1;
  let coverage: Coverage = 'UNCLEAR';
  let modificationLevel: ModificationLevel = 'NONE';
  let certification = false;
  let docMdp: SignatureReport['docMdp'];
  let claimed: Date | undefined;
  let bestTime = ctx.now;
  let timestamp: TimestampReport | undefined;
  let signerName: string | undefined;
  let signerSubject: string | undefined;
  let issuerSubject: string | undefined;
  let certificateChain: CertificateInfo[] = [];
  let subFilterName: string | undefined;
  let byteRange: number[] | undefined;
  let reason: string | undefined;
  let location: string | undefined;
  let contactInfo: string | undefined;

  const finish = (): SignatureReport => {
    const failed = checks.find((c) => c.level === 'FAIL' && !c.passed && c.indication === 'TOTAL_FAILED');
    const indet = checks.find((c) => c.level === 'FAIL' && !c.passed && c.indication === 'INDETERMINATE');
    const decisive = failed ?? indet;
    const format = subFilterName
      ? `${subFilterName === 'ETSI.CAdES.detached' ? 'PAdES-BASELINE' : 'PKCS7'}-${timestamp ? 'T' : 'B'}`
      : undefined;
    return {
      fieldName: f.name,
      ...(signerName ? { signerName } : {}),
      ...(signerSubject ? { signerSubject } : {}),
      ...(issuerSubject ? { issuerSubject } : {}),
      certificateChain,
      ...(subFilterName ? { subFilter: subFilterName } : {}),
      ...(format ? { format } : {}),
      ...(claimed ? { claimedSigningTime: claimed } : {}),
      bestSignatureTime: bestTime,
      ...(timestamp ? { timestamp } : {}),
      ...(byteRange ? { byteRange } : {}),
      ...(reason ? { reason } : {}),
      ...(location ? { location } : {}),
      ...(contactInfo ? { contactInfo } : {}),
      revision,
      coverage,
      modificationLevel,
      ...(docMdp ? { docMdp } : {}),
      certification,
      indication: decisive ? decisive.indication! : 'TOTAL_PASSED',
      ...(decisive ? { subIndication: decisive.subIndication! } : {}),
      verdict: verdictOf(decisive ? { indication: decisive.indication!, subIndication: decisive.subIndication!, checks } : { indication: 'TOTAL_PASSED', checks }),
      checks,
      errors: checks.filter((c) => c.level === 'FAIL' && !c.passed).map((c) => c.message),
      warnings: checks.filter((c) => c.level === 'WARN' && !c.passed).map((c) => c.message),
      infos: checks.filter((c) => c.level === 'INFO').map((c) => c.message),
    };
  };
  const formatFail = (id: string, vi: string, en: string): SignatureReport => {
    fail(id, vi, en, 'TOTAL_FAILED', 'FORMAT_FAILURE');
    return finish();
  };

  try {
    // The signature dictionary: an indirect object, in a normal xref entry (not an object stream).
    if (!(f.v instanceof PdfRef)) return formatFail('PdfSignatureDictionary', 'Giá trị /V của trường chữ ký phải là tham chiếu gián tiếp', 'The signature field /V must be an indirect reference');
    const entry = file.entry(f.v.num);
    if (entry?.type !== 1) return formatFail('PdfSignatureDictionary', 'Từ điển chữ ký nằm trong luồng đối tượng: không thể ký ByteRange đúng', 'The signature dictionary is in an object stream: it cannot be ByteRange-signed');
    const obj = file.parseAt(entry.offset);
    const sig = obj.value;
    if (!(sig instanceof PdfDict)) return formatFail('PdfSignatureDictionary', 'Giá trị /V không phải từ điển chữ ký', 'The /V value is not a signature dictionary');
    const sf = sig.get('SubFilter');
    subFilterName = sf && typeof sf === 'object' && 'name' in sf ? sf.name : undefined;
    if (subFilterName !== 'ETSI.CAdES.detached' && subFilterName !== 'adbe.pkcs7.detached') {
      return formatFail('SubFilter', `SubFilter không được hỗ trợ: ${subFilterName ?? '(thiếu)'}`, `Unsupported SubFilter: ${subFilterName ?? '(missing)'}`);
    }
    const mDate = sig.get('M');
    if (mDate instanceof PdfString) claimed = parsePdfDate(mDate.text());
    const rs = sig.get('Reason');
    if (rs instanceof PdfString) reason = rs.text();
    const loc = sig.get('Location');
    if (loc instanceof PdfString) location = loc.text();
    const contact = sig.get('ContactInfo');
    if (contact instanceof PdfString) contactInfo = contact.text();

    // /Contents and /ByteRange: direct, well typed, exactly the expected shape (USF, SWA).
    const contents = sig.get('Contents');
    if (!(contents instanceof PdfString) || contents.bytes.length === 0) return formatFail('Contents', '/Contents thiếu, rỗng hoặc không phải chuỗi trực tiếp', '/Contents is missing, empty or not a direct string');
    if (!contents.hex) return formatFail('Contents', '/Contents phải là chuỗi hex', '/Contents must be a hex string');
    const br = sig.get('ByteRange');
    if (!(br instanceof PdfArray)) return formatFail('ByteRange', '/ByteRange thiếu hoặc không phải mảng trực tiếp', '/ByteRange is missing or not a direct array');
    const brText = latin1String(bytes, br.start, br.end);
    if (br.length !== 4 || !/^\[\s*0\s+\d+\s+\d+\s+\d+\s*\]$/.test(brText)) {
      return formatFail('ByteRange', `/ByteRange phải là [0 a b c] với 4 số nguyên không dấu: ${brText.slice(0, 60)}`, `/ByteRange must be [0 a b c] with four unsigned integers: ${brText.slice(0, 60)}`);
    }
    const [, a, b, c] = br as unknown as [number, number, number, number];
    byteRange = [0, a, b, c];
    const end = b + c;
    if (!(a > 0 && a < b && end <= bytes.length)) return formatFail('ByteRange', '/ByteRange nằm ngoài tệp hoặc chồng lấn', '/ByteRange is outside the file or overlapping');
    if (contents.start !== a || contents.end !== b) {
      return formatFail('ByteRange', 'Khoảng trống của /ByteRange không đúng là chuỗi /Contents của chính chữ ký này (tấn công bọc chữ ký)', 'The /ByteRange gap is not exactly this signature\'s own /Contents token (signature wrapping)');
    }
    if (obj.start > a || sig.end < b) return formatFail('ByteRange', 'Từ điển chữ ký không nằm trong vùng được ký', 'The signature dictionary is not inside the signed range');
    for (const [ga, gb] of ctx.gaps) {
      if (ga === a && gb === b) return formatFail('ByteRangeCollision', 'Hai chữ ký dùng chung một khoảng /ByteRange', 'Two signatures share the same /ByteRange gap');
    }
    ctx.gaps.push([a, b]);
    pass('ByteRange', '/ByteRange hợp lệ', '/ByteRange is valid');

    // Coverage (pyHanko): which revision ends where the signed range ends.
    revision = file.sections.findIndex((s) => s.revisionEnd === end);
    if (revision >= 0) {
      const isLast = revision === file.sections.length - 1;
      coverage = isLast && (end === bytes.length || !ctx.trailingGarbage) ? 'ENTIRE_FILE' : 'ENTIRE_REVISION';
      if (isLast && ctx.trailingGarbage) coverage = 'ENTIRE_REVISION';
    } else if (end === bytes.length) coverage = 'CONTIGUOUS_BLOCK_FROM_START';
    if (coverage === 'UNCLEAR' || coverage === 'CONTIGUOUS_BLOCK_FROM_START') {
      fail('ByteRangeAllDocument', 'Vùng được ký không kết thúc ở ranh giới một phiên bản của tệp', 'The signed range does not end at a revision boundary', 'TOTAL_FAILED', 'FORMAT_FAILURE');
    }

    // CMS. With node:crypto the ranges are hashed where they lie, on this thread (WebCrypto must first copy them, and
    // copying a large file into fresh memory costs about as much as hashing it): inspectCms asks for the digest once
    // the signature check is running on the thread pool, so the two overlap. In browsers WebCrypto hashes off the
    // main thread: SHA-256 (what nearly every signature uses) is started before the CMS is even parsed.
    const rangesDigest = (h: HashAlgorithm | 'SHA-1'): Promise<Uint8Array> => digestRanges(bytes, a, b, end, h, { inPlace: true });
    const early = hashesInPlace() ? undefined : rangesDigest('SHA-256');
    early?.catch(() => undefined);
    const facts = await inspectCms(contents.bytes, (h) => (h === 'SHA-256' && early ? early : rangesDigest(h)));
    for (const p of facts.problems) {
      if (p.kind === 'hash') fail(p.id, p.vi, p.en, 'TOTAL_FAILED', 'HASH_FAILURE');
      else if (p.kind === 'crypto') fail(p.id, p.vi, p.en, 'TOTAL_FAILED', 'SIG_CRYPTO_FAILURE');
      else if (p.kind === 'weak') fail(p.id, p.vi, p.en, 'INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE');
      else if (p.kind === 'warn') warn(p.id, p.vi, p.en);
      else fail(p.id, p.vi, p.en, 'TOTAL_FAILED', 'FORMAT_FAILURE');
    }
    const cert = facts.signerCert;
    if (cert) {
      signerName = nameOf(cert.subject);
      signerSubject = dn(cert.subject);
      issuerSubject = dn(cert.issuer);
      certificateChain = buildChain(cert, [...facts.certificates, ...ctx.extra], ctx.anchors);
    }
    if (facts.signer && facts.problems.every((p) => p.kind !== 'hash' && p.kind !== 'crypto')) {
      pass('SignatureIntact', 'Toàn vẹn: giá trị băm và chữ ký số khớp', 'Integrity: digest and signature value match');
    }
    if (subFilterName === 'ETSI.CAdES.detached') {
      if (facts.signer && !facts.hasSigningCertificateV2 && !facts.problems.some((p) => p.id.startsWith('CertDigest'))) {
        fail('SigningCertificatePresent', 'PAdES yêu cầu thuộc tính signing-certificate-v2', 'PAdES requires the signing-certificate-v2 attribute', 'TOTAL_FAILED', 'FORMAT_FAILURE');
      }
      if (facts.signingTime) warn('SigningTime', 'PAdES baseline không cho phép thuộc tính signing-time trong CMS', 'PAdES baseline forbids the CMS signing-time attribute');
    }
    if (!claimed && facts.signingTime) claimed = facts.signingTime;

    // Timestamp (B-T).
    if (facts.timestampToken && facts.signatureValue) {
      const ts = await inspectTimestamp(facts.timestampToken, facts.signatureValue, ctx.anchors, ctx.extra);
      timestamp = ts.report;
      if (ts.imprintBad) {
        for (const p of ts.problems) fail('TimestampIntact', p.vi, p.en, 'TOTAL_FAILED', 'HASH_FAILURE');
      } else {
        for (const p of ts.problems) warn('Timestamp', p.vi, p.en);
        if (timestamp?.trusted) {
          bestTime = timestamp.genTime;
          pass('Timestamp', `Dấu thời gian tin cậy: ${timestamp.genTime.toISOString()}`, `Trusted timestamp: ${timestamp.genTime.toISOString()}`);
          if (claimed && claimed.getTime() > timestamp.genTime.getTime() + 5 * 60_000) {
            warn('SigningTimeAfterTimestamp', 'Thời điểm ký khai báo muộn hơn dấu thời gian', 'The claimed signing time is after the timestamp');
          }
        }
      }
    } else if (ctx.policy.requireTimestamp) {
      fail('Timestamp', 'Chính sách yêu cầu dấu thời gian (B-T)', 'The policy requires a signature timestamp (B-T)', 'INDETERMINATE', 'SIG_CONSTRAINTS_FAILURE');
    }

    // Certificate: validity at the best signature time, chain to the configured anchors, key usage.
    if (cert) {
      const nb = cert.notBefore.value;
      const na = cert.notAfter.value;
      if (bestTime < nb) fail('NotYetValid', 'Chứng thư chưa có hiệu lực tại thời điểm ký', 'The certificate was not yet valid at signing time', 'INDETERMINATE', 'NOT_YET_VALID');
      else if (bestTime > na) {
        fail(
          'NotExpired',
          `Chứng thư đã hết hạn (${na.toISOString()}) và không có dấu thời gian chứng minh chữ ký có trước đó`,
          `The certificate expired (${na.toISOString()}) and no timestamp proves the signature existed before`,
          'INDETERMINATE',
          'OUT_OF_BOUNDS_NO_POE',
        );
      } else {
        const chain = await validateChain(cert, [...facts.certificates, ...ctx.extra], ctx.anchors, bestTime);
        if (chain.ok) pass('Recognition', 'Chuỗi chứng thư dẫn tới gốc tin cậy', 'The certificate chain reaches a trust anchor');
        else fail('Recognition', `Không dựng được chuỗi chứng thư tới gốc tin cậy: ${chain.message}`, `No certificate chain to a trust anchor: ${chain.message}`, 'INDETERMINATE', 'NO_CERTIFICATE_CHAIN_FOUND');
      }
      const nr = hasNonRepudiation(cert);
      const level = ctx.policy.nonRepudiation ?? 'WARN';
      if (nr === false && level !== 'IGNORE') {
        const vi = 'Chứng thư không có mục đích nonRepudiation (chống chối bỏ)';
        const en = 'The certificate lacks the nonRepudiation key usage';
        if (level === 'FAIL') fail('KeyUsage', vi, en, 'INDETERMINATE', 'SIG_CONSTRAINTS_FAILURE');
        else warn('KeyUsage', vi, en);
      }
      const embedded = parseRevocationData({ crls: facts.crls, ocsps: facts.ocsps }, 'signature');
      if (embedded.unreadable > 0) warn('Revocation', 'Chữ ký có dữ liệu thu hồi (CRL/OCSP) không đọc được', 'The signature carries unreadable revocation data (CRL/OCSP)');
      const revocation = await checkRevocation(cert, [...facts.certificates, ...ctx.extra, ...ctx.anchors], [...ctx.revocationData, ...embedded.items]);
      if (!revocation) {
        info('Revocation', 'Chưa kiểm tra thu hồi (không có CRL hay phản hồi OCSP phù hợp)', 'Revocation not checked (no matching CRL or OCSP response)');
      } else if (!revocation.revoked) {
        const from = revocationSource(revocation);
        const at = revocation.thisUpdate.toISOString();
        pass('NotRevoked', `Chứng thư không bị thu hồi theo ${from.vi} (${at})`, `The certificate is not revoked according to ${from.en} (${at})`);
      }
      else if (timestamp?.trusted && revocation.revoked.getTime() > timestamp.genTime.getTime()) {
        info('NotRevoked', `Chứng thư bị thu hồi sau dấu thời gian (${revocation.revoked.toISOString()})`, `The certificate was revoked after the timestamp (${revocation.revoked.toISOString()})`);
      } else if (timestamp?.trusted) {
        fail('NotRevoked', `Chứng thư đã bị thu hồi trước dấu thời gian (${revocation.revoked.toISOString()})`, `The certificate was revoked before the timestamp (${revocation.revoked.toISOString()})`, 'TOTAL_FAILED', 'REVOKED');
      } else {
        fail('NotRevoked', `Chứng thư đã bị thu hồi (${revocation.revoked.toISOString()}) và không có dấu thời gian chứng minh chữ ký có trước`, `The certificate is revoked (${revocation.revoked.toISOString()}) and no timestamp proves the signature came first`, 'INDETERMINATE', 'REVOKED_NO_POE');
      }
    }

    // Certification (DocMDP) and modification analysis of every later revision.
    if (revision >= 0) {
      const cat = await file.catalog(revision);
      const perms = await file.resolveDict(cat.get('Perms'), revision);
      const mdpRef = perms?.get('DocMDP');
      if (mdpRef instanceof PdfRef && mdpRef.num === f.v.num) {
        certification = true;
        let p: 1 | 2 | 3 = 2;
        for (const ref of (await file.resolveArray(sig.get('Reference'))) ?? []) {
          const rd = await file.resolveDict(ref);
          if (rd && isName(rd.get('TransformMethod'), 'DocMDP')) {
            const pv = (await file.resolveDict(rd.get('TransformParams')))?.get('P');
            if (pv === 1 || pv === 3) p = pv;
          }
        }
        docMdp = { permission: p, ok: true };
      }
      const diff = await analyseModifications(file, revision);
      modificationLevel = diff.level;
      if (ctx.trailingGarbage) {
        modificationLevel = 'OTHER';
        diff.findings.push(m('Dữ liệu được nối thêm ngoài cấu trúc xref', 'Bytes appended outside the xref structure'));
      }
      const violation = ctx.policy.modificationViolation ?? 'TOTAL_FAILED';
      const details = diff.findings.slice(0, 5);
      const detailVi = details.map((d) => d.vi).join('; ');
      const detailEn = details.map((d) => d.en).join('; ');
      if (docMdp) {
        const allowed: ModificationLevel = docMdp.permission === 1 ? 'LTA_UPDATES' : docMdp.permission === 2 ? 'FORM_FILLING' : 'ANNOTATIONS';
        let ok = MODIFICATION_ORDER.indexOf(modificationLevel) <= MODIFICATION_ORDER.indexOf(allowed);
        if (ok && diff.newVisibleSignatureWidgets > 0) {
          ok = false;
          diff.findings.push(m('Chữ ký mới hiển thị sau khi chứng thực có thể vẽ đè nội dung (SSA)', 'A new visible signature after certification may paint over content (SSA)'));
        }
        docMdp = { permission: docMdp.permission, ok };
        if (!ok) {
          const last = diff.findings.at(-1)!;
          fail('DocMDP', `Thay đổi vượt quyền DocMDP P=${docMdp.permission}: ${detailVi || last.vi}`, `Changes exceed DocMDP P=${docMdp.permission}: ${detailEn || last.en}`, violation, 'SIG_CONSTRAINTS_FAILURE');
        } else if (diff.newAnnotations > 0) {
          warn('PdfAnnotationOverlap', `Có chú thích thêm sau khi ký có thể che nội dung: ${detailVi}`, `Annotations added after signing may cover content: ${detailEn}`);
        }
      }
      if (modificationLevel === 'OTHER') {
        fail('UndefinedChanges', `Tài liệu bị sửa sau khi ký: ${detailVi}`, `The document was modified after signing: ${detailEn}`, violation, 'SIG_CONSTRAINTS_FAILURE');
      } else if (modificationLevel === 'ANNOTATIONS' && !docMdp) {
        warn('AnnotationChanges', `Có chú thích thêm/xoá sau khi ký: ${detailVi}`, `Annotations were added or removed after signing: ${detailEn}`);
      } else if (modificationLevel !== 'NONE') {
        info('FormFillChanges', `Thay đổi được phép sau khi ký: ${detailVi}`, `Permitted changes after signing: ${detailEn}`);
      }
    }
  } catch (error) {
    const e = error instanceof PdfSignatureError ? error : undefined;
    return formatFail('Parse', e ? e.vi : 'Không đọc được chữ ký (lỗi cấu trúc)', e ? e.en : 'Cannot read the signature (structure error)');
  }
  return finish();
}

/**
 * `checkNd30`: what a machine can check of Nghị định 30/2020/NĐ-CP Phụ lục I (and Điều 25–26 for electronic copies)
 * on a signed PDF — every signature's verdict, the kind of signature against the signer's certificate, the
 * images' colours and transparency, the seal's size and its overlap with the signature image, the text stamp's
 * place, font, size, colour and time format, the order of signatures, and for copies the copy kind and the scans'
 * resolution, colour and scale. Each finding has a code, a severity, a location (page, rectangle) and a bilingual
 * message. Nothing is fetched; the verdicts come from `verifyPdf` with the trust anchors given.
 */
import { VIETNAM_ISO_RE } from '@egov-vn/schemas/time';
import { MM } from '../appearance/layouts.js';
import { pageTextLines, type TextLine } from '../appearance/locate.js';
import { PdfSignatureError, type Message } from '../errors.js';
import { latin1String } from '../pdf/bytes.js';
import { PdfFile } from '../pdf/file.js';
import { decodeStream } from '../pdf/filters.js';
import { PdfRef, PdfStream } from '../pdf/objects.js';
import type { Rect } from '../sign/sign-pdf.js';
import type { CertificateInfo, SignatureReport, VerificationReport } from '../verify/report.js';
import { collectSignatureFields, verifyPdf, type VerifyOptions } from '../verify/verify-pdf.js';
import { readAppearance, readPage, pageBoxOf, type Drawing, type DrawnText } from '../pdf/content.js';
import { copyKindWords, kindCertificate, kindReasons, type SignatureKind } from './rules.js';

/** Every finding `checkNd30` can report (a `switch` over it is checked by the compiler). */
export type Nd30FindingCode =
  | 'DOCUMENT_UNREADABLE'
  | 'NO_SIGNATURE'
  | 'SIGNATURE_INVALID'
  | 'SIGNATURE_MODIFIED'
  | 'SIGNATURE_UNTRUSTED'
  | 'SIGNATURE_INDETERMINATE'
  | 'SIGNATURE_INVISIBLE'
  | 'SIGNER_KIND'
  | 'SIGNATURE_IMAGE_COLOUR'
  | 'SIGNATURE_IMAGE_OPAQUE'
  | 'SIGNATURE_POSITION'
  | 'SEAL_COLOUR'
  | 'SEAL_OPAQUE'
  | 'SEAL_SIZE'
  | 'SEAL_OVERLAP'
  | 'SIGNATURE_ORDER'
  | 'STAMP_HAS_IMAGE'
  | 'STAMP_PLACE'
  | 'STAMP_FONT'
  | 'STAMP_SIZE'
  | 'STAMP_COLOUR'
  | 'STAMP_TIME_FORMAT'
  | 'COPY_KIND'
  | 'COPY_PDF_VERSION'
  | 'COPY_DPI'
  | 'COPY_COLOUR'
  | 'COPY_SCALE';

export const nd30FindingCodes: readonly Nd30FindingCode[] = [
  'DOCUMENT_UNREADABLE',
  'NO_SIGNATURE',
  'SIGNATURE_INVALID',
  'SIGNATURE_MODIFIED',
  'SIGNATURE_UNTRUSTED',
  'SIGNATURE_INDETERMINATE',
  'SIGNATURE_INVISIBLE',
  'SIGNER_KIND',
  'SIGNATURE_IMAGE_COLOUR',
  'SIGNATURE_IMAGE_OPAQUE',
  'SIGNATURE_POSITION',
  'SEAL_COLOUR',
  'SEAL_OPAQUE',
  'SEAL_SIZE',
  'SEAL_OVERLAP',
  'SIGNATURE_ORDER',
  'STAMP_HAS_IMAGE',
  'STAMP_PLACE',
  'STAMP_FONT',
  'STAMP_SIZE',
  'STAMP_COLOUR',
  'STAMP_TIME_FORMAT',
  'COPY_KIND',
  'COPY_PDF_VERSION',
  'COPY_DPI',
  'COPY_COLOUR',
  'COPY_SCALE',
];

export type Nd30Severity = 'error' | 'warning' | 'info';

export interface Nd30Finding {
  readonly code: Nd30FindingCode;
  readonly severity: Nd30Severity;
  /** 0-based page index, when the finding has a place. */
  readonly page?: number;
  /** Rectangle in the page's default user space (points, from bottom left). */
  readonly rect?: Rect;
  /** The signature field concerned. */
  readonly field?: string;
  readonly message: Message;
}

export type CertificateKind = 'person' | 'organisation';

export interface CheckNd30Options extends Partial<VerifyOptions> {
  /** A report from `verifyPdf` for the same bytes (else the document is verified here with the options). */
  readonly report?: VerificationReport;
  /** The document is an electronic copy (default: when a signature's text stamp names a copy kind). */
  readonly copy?: boolean;
  /** Scans must be in colour (Phụ lục I Phần II; default true). */
  readonly requireColour?: boolean;
  /** Lowest scan resolution (default 200 dpi). */
  readonly minDpi?: number;
  /** The seal's real diameter in mm (±5 %), or the range a seal may have (default 30–45 mm). */
  readonly sealDiameterMm?: number | { readonly min: number; readonly max: number };
  /** How to tell a person's certificate from an organisation's (default: `certificateKind`). */
  readonly classifyCertificate?: (certificate: CertificateInfo) => CertificateKind | undefined;
}

export interface Nd30Check {
  readonly findings: Nd30Finding[];
  /** Per signature, in signing order: its field, the kind read from it and its verdict. */
  readonly signatures: readonly { readonly field: string; readonly kind: SignatureKind | undefined; readonly verdict: SignatureReport['verdict'] }[];
  /** The document is an electronic copy (asked, or a copy stamp was found). */
  readonly copy: boolean;
  /** The verification report the verdicts come from. */
  readonly report: VerificationReport;
}

const m = (vi: string, en: string): Message => ({ vi, en });
const fmt = (v: number, digits = 1): string => (Math.round(v * 10 ** digits) / 10 ** digits).toString();
const ORG_WORDS =
  /^(ủy ban|uỷ ban|ubnd|hđnd|hội đồng|sở|ban|bộ|cục|tổng cục|chi cục|vụ|văn phòng|phòng|trung tâm|viện|trường|bệnh viện|công ty|tổng công ty|tập đoàn|ngân hàng|kho bạc|cơ quan|tòa án|toà án|viện kiểm sát|công an|quân|đảng ủy|đảng uỷ|huyện ủy|tỉnh ủy|thành ủy|mặt trận|liên đoàn|hội|đoàn|học viện|đại học|đài|báo|thanh tra|chi nhánh|ttr|ubmttq)(?=[\s,.]|$)/iu;

function subjectParts(subject: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const piece of subject.split(/,\s*(?=[A-Za-z0-9.]+=)/u)) {
    const eq = piece.indexOf('=');
    if (eq > 0) parts.set(piece.slice(0, eq).trim().toUpperCase(), piece.slice(eq + 1).trim());
  }
  return parts;
}

const fold = (s: string): string => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/gu, ' ').trim();

/**
 * Person or organisation, from the certificate's subject: an organisation certificate names the organisation in
 * its CN (CN equal to O, or CN starting with an agency word such as "Ủy ban", "Sở", "UBND"); a person's names a
 * person (given name / surname attributes, or a CN that is not the organisation). Vietnamese CAs (Ban Cơ yếu
 * Chính phủ and licensed providers) issue agency certificates this way; pass `classifyCertificate` for others.
 */
export function certificateKind(certificate: CertificateInfo): CertificateKind | undefined {
  const parts = subjectParts(certificate.subject);
  const cn = parts.get('CN');
  if (!cn) return undefined;
  if (parts.has('GN') || parts.has('GIVENNAME') || parts.has('SN') || parts.has('SURNAME') || parts.has('2.5.4.42') || parts.has('2.5.4.4')) return 'person';
  const o = parts.get('O');
  if (o && fold(o) === fold(cn)) return 'organisation';
  if (ORG_WORDS.test(cn.normalize('NFC'))) return 'organisation';
  return 'person';
}

const TIMES = /times|liberationserif|tinos|nimbusrom|texgyretermes|freeserif|thorndale/iu;
const KIND_WORDS = new Set<string>(Object.values(copyKindWords));

interface Sig {
  readonly report: SignatureReport;
  readonly index: number;
  readonly page: number | undefined;
  readonly rect: Rect | undefined;
  readonly drawing: Drawing | undefined;
  kind: SignatureKind | undefined;
  readonly lines: string[];
}

const widthOf = (r: Rect): number => r[2] - r[0];
const heightOf = (r: Rect): number => r[3] - r[1];
const union = (rs: readonly Rect[]): Rect => [Math.min(...rs.map((r) => r[0])), Math.min(...rs.map((r) => r[1])), Math.max(...rs.map((r) => r[2])), Math.max(...rs.map((r) => r[3]))];
const round = (r: Rect): Rect => [Math.round(r[0] * 100) / 100, Math.round(r[1] * 100) / 100, Math.round(r[2] * 100) / 100, Math.round(r[3] * 100) / 100];

/** Text shows on one baseline joined into lines, top to bottom. */
function stampLines(texts: readonly DrawnText[]): string[] {
  const rows: { y: number; parts: { x: number; text: string }[] }[] = [];
  for (const t of texts) {
    const row = rows.find((r) => Math.abs(r.y - t.y) < Math.max(1, t.size * 0.3));
    if (row) row.parts.push({ x: t.x, text: t.text });
    else rows.push({ y: t.y, parts: [{ x: t.x, text: t.text }] });
  }
  return rows
    .sort((a, b) => b.y - a.y)
    .map((r) =>
      r.parts
        .sort((a, b) => a.x - b.x)
        .map((p) => p.text)
        .join('')
        .normalize('NFC')
        .trim(),
    );
}

function kindFromReason(reason: string | undefined): SignatureKind | undefined {
  if (!reason) return undefined;
  const r = fold(reason);
  return (Object.keys(kindReasons) as SignatureKind[]).find((k) => fold(kindReasons[k]) === r);
}

/** The kind a signature shows: the reason when it is one of `kindReasons`, else what its appearance draws. */
function kindOf(sig: Sig, certificate: CertificateKind | undefined): SignatureKind | undefined {
  const byReason = kindFromReason(sig.report.reason);
  if (byReason) return byReason;
  const d = sig.drawing;
  if (!d || (d.images.length === 0 && d.texts.length === 0)) return undefined;
  if (d.images.length === 0) return sig.lines[0] && KIND_WORDS.has(sig.lines[0].toLocaleUpperCase('vi')) ? 'copy' : 'appendix';
  if (d.texts.length > 0 && d.images.length > 0 && sig.lines.some((l) => KIND_WORDS.has(l.toLocaleUpperCase('vi')))) return 'copy';
  if (certificate === 'organisation') return 'seal';
  if (certificate === 'person') return 'author';
  return d.images.some((i) => i.ink === 'red') ? 'seal' : 'author';
}

async function xmpResolution(file: PdfFile): Promise<number | undefined> {
  try {
    const cat = await file.catalog();
    const meta = await file.resolve(cat.get('Metadata'));
    if (!(meta instanceof PdfStream)) return undefined;
    const xml = new TextDecoder().decode(await decodeStream(meta));
    const r = /<tiff:XResolution>\s*(\d+)(?:\/(\d+))?\s*</u.exec(xml) ?? /tiff:XResolution="(\d+)(?:\/(\d+))?"/u.exec(xml);
    if (!r) return undefined;
    return Number(r[1]) / Number(r[2] ?? 1);
  } catch {
    return undefined;
  }
}

async function linesOfPage(file: PdfFile, page: number, cache: Map<number, TextLine[]>): Promise<TextLine[]> {
  let lines = cache.get(page);
  if (!lines) {
    try {
      lines = await pageTextLines(file, page);
    } catch {
      lines = [];
    }
    cache.set(page, lines);
  }
  return lines;
}

/**
 * Checks a signed PDF against the machine-checkable rules of Nghị định 30/2020 Phụ lục I (and Phần II for
 * electronic copies). Never throws for a bad document: an unreadable one gives a `DOCUMENT_UNREADABLE` finding.
 */
export async function checkNd30(pdf: Uint8Array, options: CheckNd30Options = {}): Promise<Nd30Check> {
  const findings: Nd30Finding[] = [];
  const add = (f: Nd30Finding): void => {
    findings.push(f.rect ? { ...f, rect: round(f.rect) } : f);
  };
  const report = options.report ?? (await verifyPdf(pdf, { ...options, trustAnchors: options.trustAnchors ?? [] }));
  let file: PdfFile;
  try {
    file = await PdfFile.open(pdf);
  } catch (e) {
    const msg = e instanceof PdfSignatureError ? { vi: e.vi, en: e.en } : m('không đọc được tệp', 'the file cannot be read');
    add({ code: 'DOCUMENT_UNREADABLE', severity: 'error', message: m(`Không đọc được tài liệu PDF: ${msg.vi}`, `The PDF cannot be read: ${msg.en}`) });
    return { findings, signatures: [], copy: options.copy ?? false, report };
  }
  if (report.documentError) {
    add({ code: 'DOCUMENT_UNREADABLE', severity: 'error', message: m(`Cấu trúc tài liệu PDF lỗi: ${report.documentError.vi}`, `The PDF structure is broken: ${report.documentError.en}`) });
  }
  let sigs: Sig[] = [];
  let copy = options.copy ?? false;
  try {
    const classify = options.classifyCertificate ?? certificateKind;
    let pages: PdfRef[] = [];
    try {
      pages = await file.pages();
    } catch {
      // reported through documentError
    }
    const pageIndexOf = (ref: unknown): number | undefined => (ref instanceof PdfRef ? pages.findIndex((p) => p.key === ref.key) : -1);

    // Widgets: page, rectangle and appearance of each signature field.
    const widgets = new Map<string, { page: number | undefined; rect: Rect | undefined; drawing: Drawing | undefined }>();
    try {
      for (const f of await collectSignatureFields(file)) {
        const rectArr = await file.resolveArray(f.field.get('Rect'));
        const r = rectArr?.length === 4 && rectArr.every((v) => typeof v === 'number') ? (rectArr as unknown as number[]) : undefined;
        const rect: Rect | undefined = r ? [Math.min(r[0]!, r[2]!), Math.min(r[1]!, r[3]!), Math.max(r[0]!, r[2]!), Math.max(r[1]!, r[3]!)] : undefined;
        let page = pageIndexOf(f.field.get('P'));
        if (page === undefined || page < 0) {
          page = undefined;
          const fieldRef = f.ref;
          for (let i = 0; fieldRef && i < pages.length && page === undefined; i++) {
            const annots = await file.resolveArray((await file.resolveDict(pages[i]))?.get('Annots'));
            if (annots?.some((a) => a instanceof PdfRef && a.key === fieldRef.key)) page = i;
          }
        }
        const ap = await file.resolveDict(f.field.get('AP'));
        const normal = await file.resolve(ap?.get('N'));
        const visible = rect && widthOf(rect) > 0 && heightOf(rect) > 0 && normal instanceof PdfStream;
        widgets.set(f.name, { page, rect, drawing: visible ? await readAppearance(file, normal, rect) : undefined });
      }
    } catch {
      // a broken form: the verdicts below carry the failure
    }

    sigs = [...report.signatures]
      .map((s, index) => ({ s, index }))
      .sort((a, b) => a.s.revision - b.s.revision || a.index - b.index)
      .map(({ s, index }) => {
        const w = widgets.get(s.fieldName);
        return { report: s, index, page: w?.page, rect: w?.rect, drawing: w?.drawing, kind: undefined, lines: w?.drawing ? stampLines(w.drawing.texts) : [] };
      });

    if (sigs.length === 0) {
      add({ code: 'NO_SIGNATURE', severity: 'error', message: m('Tài liệu không có chữ ký số nào.', 'The document has no digital signature.') });
    }

    const textLines = new Map<number, TextLine[]>();
    for (const sig of sigs) {
      const s = sig.report;
      const where = { field: s.fieldName, ...(sig.page !== undefined ? { page: sig.page } : {}), ...(sig.rect ? { rect: sig.rect } : {}) };
      const label = `“${s.fieldName}”${s.signerName ? ` (${s.signerName})` : ''}`;
      // 1. The verdict.
      if (s.verdict === 'invalid') {
        add({ ...where, code: 'SIGNATURE_INVALID', severity: 'error', message: m(`Chữ ký ${label} không hợp lệ (${s.indication}${s.subIndication ? `/${s.subIndication}` : ''}).`, `Signature ${label} is invalid (${s.indication}${s.subIndication ? `/${s.subIndication}` : ''}).`) });
      } else if (s.verdict === 'modified') {
        add({ ...where, code: 'SIGNATURE_MODIFIED', severity: 'error', message: m(`Tài liệu đã bị thay đổi sau khi ký ${label}.`, `The document was changed after signature ${label}.`) });
      } else if (s.verdict === 'valid-untrusted') {
        add({ ...where, code: 'SIGNATURE_UNTRUSTED', severity: 'warning', message: m(`Chữ ký ${label} còn nguyên vẹn nhưng chứng thư số không thuộc tổ chức chứng thực được tin cậy (chưa cấu hình chứng thư gốc?).`, `Signature ${label} is intact but its certificate does not chain to a trusted authority (no trust anchors configured?).`) });
      } else if (s.verdict === 'indeterminate') {
        add({ ...where, code: 'SIGNATURE_INDETERMINATE', severity: 'warning', message: m(`Chưa kết luận được chữ ký ${label} (${s.subIndication ?? s.indication}).`, `Signature ${label} cannot be decided (${s.subIndication ?? s.indication}).`) });
      }
      // 2. The kind, against the certificate.
      const leaf = s.certificateChain[0];
      const certKind = leaf ? classify(leaf) : undefined;
      sig.kind = kindOf(sig, certKind);
      if (!sig.drawing || (sig.drawing.images.length === 0 && sig.drawing.texts.length === 0)) {
        add({ ...where, code: 'SIGNATURE_INVISIBLE', severity: 'warning', message: m(`Chữ ký ${label} không có hình thức hiển thị (Phụ lục I quy định hình ảnh hoặc dòng chữ cho từng loại chữ ký).`, `Signature ${label} has no visible appearance (Phụ lục I gives each kind of signature an image or a text stamp).`) });
      }
      if (sig.kind && certKind && kindCertificate[sig.kind] !== certKind) {
        const want = kindCertificate[sig.kind] === 'person' ? m('cá nhân (người có thẩm quyền)', 'a person (the competent official)') : m('cơ quan, tổ chức', 'the agency (organisation)');
        const kindName = { author: m('chữ ký của người có thẩm quyền', 'the competent official’s signature'), seal: m('chữ ký số của cơ quan (dấu)', 'the agency’s signature (seal)'), copy: m('chữ ký trên bản sao điện tử', 'the signature on an electronic copy'), appendix: m('chữ ký trên phụ lục, văn bản kèm theo', 'the signature on an attachment') }[sig.kind];
        add({ ...where, code: 'SIGNER_KIND', severity: 'error', message: m(`Chữ ký ${label} là ${kindName.vi} nhưng chứng thư số không phải của ${want.vi} (${leaf?.subject ?? ''}).`, `Signature ${label} is ${kindName.en} but its certificate is not one of ${want.en} (${leaf?.subject ?? ''}).`) });
      }
      const d = sig.drawing;
      if (!d) continue;
      const imageRect = d.images.length ? union(d.images.map((i) => i.rect)) : undefined;
      // 3. Images: signature blue, seal red, both transparent PNG.
      if (sig.kind === 'author' || sig.kind === 'seal') {
        const seal = sig.kind === 'seal';
        for (const img of d.images) {
          const at = { ...where, rect: img.rect };
          if ((seal && img.ink !== 'red' && img.ink !== 'unknown') || (!seal && img.ink !== 'blue' && img.ink !== 'unknown')) {
            const ink = img.meanInk ? `rgb(${img.meanInk.map((v) => Math.round(v)).join(', ')})` : img.ink;
            add({
              ...at,
              code: seal ? 'SEAL_COLOUR' : 'SIGNATURE_IMAGE_COLOUR',
              severity: 'error',
              message: seal
                ? m(`Hình con dấu của ${label} phải màu đỏ; màu đọc được: ${ink}.`, `The seal image of ${label} must be red; its colour reads ${ink}.`)
                : m(`Hình chữ ký của ${label} phải màu xanh; màu đọc được: ${ink}.`, `The signature image of ${label} must be blue; its colour reads ${ink}.`),
            });
          }
          if (!img.masked || (img.transparentShare !== undefined && img.transparentShare < 0.05)) {
            add({
              ...at,
              code: seal ? 'SEAL_OPAQUE' : 'SIGNATURE_IMAGE_OPAQUE',
              severity: 'error',
              message: m(`Hình ${seal ? 'con dấu' : 'chữ ký'} của ${label} phải là ảnh PNG nền trong suốt; ảnh này có nền đặc.`, `The ${seal ? 'seal' : 'signature'} image of ${label} must be a PNG with a transparent background; this one is opaque.`),
            });
          }
        }
        if (d.texts.length > 0 && !seal) {
          // Text next to the image is allowed (signer details) — nothing to report.
        }
      }
      // 4. Position of the signature image: between the signer's position line (above) and name line (below).
      if (sig.kind === 'author' && imageRect && sig.page !== undefined) {
        const lines = await linesOfPage(file, sig.page, textLines);
        const cx = (imageRect[0] + imageRect[2]) / 2;
        const tol = Math.max(12, widthOf(imageRect) * 0.15);
        const centredOn = (l: TextLine): boolean => Math.abs((l.x + l.right) / 2 - cx) <= tol;
        const below = lines.some((l) => l.y <= imageRect[1] && l.y >= imageRect[1] - 40 && centredOn(l));
        const above = lines.some((l) => l.y >= imageRect[1] && l.y <= imageRect[3] + 72 && centredOn(l));
        if (!below || !above) {
          add({
            ...where,
            rect: imageRect,
            code: 'SIGNATURE_POSITION',
            severity: 'error',
            message: m(
              `Hình chữ ký của ${label} phải nằm giữa dòng chức vụ (phía trên) và dòng họ tên người ký (phía dưới), căn giữa; ${below ? 'không thấy dòng chức vụ phía trên' : 'không thấy dòng họ tên ngay phía dưới'}.`,
              `The signature image of ${label} must sit centred between the signer’s position line (above) and name line (below); ${below ? 'no position line above it' : 'no name line right below it'}.`,
            ),
          });
        }
      }
      // 5. The text stamp: top right of page 1, no image, Times New Roman (or metric-compatible) 10 pt black, ISO time.
      if (sig.kind === 'copy' || sig.kind === 'appendix') {
        if (d.images.length > 0) {
          add({ ...where, rect: imageRect!, code: 'STAMP_HAS_IMAGE', severity: 'error', message: m(`Chữ ký ${label} trên phụ lục/bản sao không được hiển thị hình ảnh (chỉ có dòng chữ).`, `Signature ${label} on an attachment/copy must show no image (text only).`) });
        }
        if (sig.rect && sig.page !== undefined && d.texts.length > 0) {
          const box = await pageBoxOf(file, pages[sig.page]!);
          const textRect = sig.rect;
          const topRight = sig.page === 0 && textRect[2] >= box[2] - 40 * MM && textRect[3] >= box[3] - 40 * MM;
          if (!topRight) {
            add({ ...where, code: 'STAMP_PLACE', severity: 'error', message: m(`Dòng chữ ký ${label} phải ở góc trên bên phải trang đầu (đang ở trang ${sig.page + 1}).`, `The stamp of ${label} must be at the top right of page 1 (it is on page ${sig.page + 1}).`) });
          }
        }
        const fonts = [...new Set(d.texts.map((t) => t.font))];
        const badFont = fonts.filter((f) => !TIMES.test(f));
        if (badFont.length) {
          add({ ...where, code: 'STAMP_FONT', severity: 'error', message: m(`Dòng chữ ký ${label} phải dùng phông Times New Roman (hoặc phông cùng số đo); đang dùng ${badFont.join(', ') || '(không tên)'}.`, `The stamp of ${label} must use Times New Roman (or a metric-compatible font); it uses ${badFont.join(', ') || '(unnamed)'}.`) });
        }
        const sizes = [...new Set(d.texts.map((t) => Math.round(t.size * 10) / 10))];
        const badSize = sizes.filter((v) => Math.abs(v - 10) > 0.15);
        if (badSize.length) {
          add({ ...where, code: 'STAMP_SIZE', severity: 'error', message: m(`Dòng chữ ký ${label} phải cỡ chữ 10; đang là ${badSize.map((v) => fmt(v)).join(', ')}.`, `The stamp of ${label} must be 10 pt; it is ${badSize.map((v) => fmt(v)).join(', ')} pt.`) });
        }
        const notBlack = d.texts.filter((t) => !t.fill || Math.max(...t.fill) > 0.1);
        if (notBlack.length) {
          const c = notBlack[0]!.fill;
          add({ ...where, code: 'STAMP_COLOUR', severity: 'error', message: m(`Dòng chữ ký ${label} phải màu đen; màu đọc được: ${c ? `rgb(${c.map((v) => Math.round(v * 255)).join(', ')})` : 'không xác định'}.`, `The stamp of ${label} must be black; its colour reads ${c ? `rgb(${c.map((v) => Math.round(v * 255)).join(', ')})` : 'unknown'}.`) });
        }
        if (!sig.lines.some((l) => VIETNAM_ISO_RE.test(l))) {
          add({ ...where, code: 'STAMP_TIME_FORMAT', severity: 'error', message: m(`Dòng chữ ký ${label} phải ghi thời gian ký theo ISO 8601 giờ Việt Nam (ví dụ 2026-11-23T10:04:05+07:00); đọc được: ${sig.lines.join(' | ')}.`, `The stamp of ${label} must give the signing time in ISO 8601, Việt Nam time (e.g. 2026-11-23T10:04:05+07:00); it reads: ${sig.lines.join(' | ')}.`) });
        }
        if (sig.kind === 'copy') {
          const first = (sig.lines[0] ?? '').toLocaleUpperCase('vi');
          if (!KIND_WORDS.has(first)) {
            add({ ...where, code: 'COPY_KIND', severity: 'error', message: m(`Dòng chữ ký bản sao ${label} phải mở đầu bằng hình thức sao (SAO Y, TRÍCH SAO hoặc SAO LỤC); đọc được: “${sig.lines[0] ?? ''}”.`, `The copy stamp of ${label} must start with the copy kind (SAO Y, TRÍCH SAO or SAO LỤC); it reads “${sig.lines[0] ?? ''}”.`) });
          }
        }
      }
    }

    // 6. Seal: after the leader's signature, on the same page, actual size, over the left third of the signature image.
    const authors = sigs.filter((s) => s.kind === 'author');
    for (const seal of sigs.filter((s) => s.kind === 'seal')) {
      const where = { field: seal.report.fieldName, ...(seal.page !== undefined ? { page: seal.page } : {}), ...(seal.rect ? { rect: seal.rect } : {}) };
      const before = authors.filter((a) => a.report.revision < seal.report.revision || (a.report.revision === seal.report.revision && a.index < seal.index));
      if (before.length === 0) {
        add({
          ...where,
          code: 'SIGNATURE_ORDER',
          severity: 'error',
          message: authors.length
            ? m('Chữ ký số của cơ quan (dấu) được ký trước chữ ký của người có thẩm quyền; người có thẩm quyền phải ký trước.', 'The agency’s signature (seal) was applied before the competent official’s signature; the official signs first.')
            : m('Có chữ ký số của cơ quan (dấu) nhưng không có chữ ký của người có thẩm quyền trước đó.', 'The agency’s signature (seal) has no competent official’s signature before it.'),
        });
      }
      const sealImg = seal.drawing?.images.length ? union(seal.drawing.images.map((i) => i.rect)) : undefined;
      if (!sealImg) continue;
      const wMm = widthOf(sealImg) / MM;
      const hMm = heightOf(sealImg) / MM;
      const want = options.sealDiameterMm ?? { min: 30, max: 45 };
      const okSize = typeof want === 'number' ? Math.abs(wMm - want) <= want * 0.05 && Math.abs(hMm - want) <= want * 0.05 : Math.min(wMm, hMm) >= want.min && Math.max(wMm, hMm) <= want.max;
      if (!okSize) {
        const expect = typeof want === 'number' ? `${fmt(want)} mm` : `${fmt(want.min)}–${fmt(want.max)} mm`;
        add({ ...where, rect: sealImg, code: 'SEAL_SIZE', severity: 'error', message: m(`Hình con dấu phải đúng kích thước thực (${expect}); đang là ${fmt(wMm)} × ${fmt(hMm)} mm.`, `The seal image must be at actual size (${expect}); it is ${fmt(wMm)} × ${fmt(hMm)} mm.`) });
      }
      const target = [...before].reverse().find((a) => a.page === seal.page && a.drawing?.images.length) ?? authors.find((a) => a.page === seal.page && a.drawing?.images.length);
      if (!target) continue;
      const sigImg = union(target.drawing!.images.map((i) => i.rect));
      const overlapX = Math.min(sealImg[2], sigImg[2]) - Math.max(sealImg[0], sigImg[0]);
      const overlapY = Math.min(sealImg[3], sigImg[3]) - Math.max(sealImg[1], sigImg[1]);
      const share = overlapX / widthOf(sigImg);
      if (overlapX <= 0 || overlapY <= 0 || share < 0.2 || share > 0.5 || sealImg[0] >= sigImg[0]) {
        add({
          ...where,
          rect: sealImg,
          code: 'SEAL_OVERLAP',
          severity: 'error',
          message: m(
            `Hình con dấu phải trùm lên khoảng 1/3 hình chữ ký về phía bên trái; đang trùm ${overlapX > 0 && overlapY > 0 ? `${fmt(Math.max(0, share) * 100, 0)} %` : 'không'}${sealImg[0] >= sigImg[0] && overlapX > 0 ? ' và không lệch sang trái' : ''}.`,
            `The seal image must cover about a third of the signature image, on its left; it covers ${overlapX > 0 && overlapY > 0 ? `${fmt(Math.max(0, share) * 100, 0)} %` : 'none of it'}${sealImg[0] >= sigImg[0] && overlapX > 0 ? ' and does not extend to the left' : ''}.`,
          ),
        });
      }
    }

    // 7. Electronic copies: PDF 1.4 or later; scans in colour, at least 200 dpi, at 100 %.
    copy = options.copy ?? sigs.some((s) => s.kind === 'copy');
    if (copy) {
      if (!sigs.some((s) => s.kind === 'copy')) {
        add({ code: 'COPY_KIND', severity: 'error', page: 0, message: m('Bản sao điện tử phải có chữ ký số của cơ quan sao với dòng hình thức sao (SAO Y, TRÍCH SAO, SAO LỤC) ở góc trên bên phải trang đầu.', 'An electronic copy must carry the copying agency’s signature with the copy kind (SAO Y, TRÍCH SAO, SAO LỤC) at the top right of page 1.') });
      }
      const header = /%PDF-(\d)\.(\d)/u.exec(latin1String(pdf, 0, Math.min(pdf.length, 1024)));
      let version = header ? Number(header[1]) + Number(header[2]) / 10 : 0;
      try {
        const v = (await file.catalog()).get('Version');
        const cv = v && typeof v === 'object' && 'name' in v ? Number((v as { name: string }).name) : Number.NaN;
        if (cv > version) version = cv;
      } catch {
        // no catalog version
      }
      if (version < 1.4) {
        add({ code: 'COPY_PDF_VERSION', severity: 'error', message: m(`Bản sao điện tử phải là PDF phiên bản 1.4 trở lên; tệp này là ${version ? fmt(version) : 'không rõ phiên bản'}.`, `An electronic copy must be PDF 1.4 or later; this file is ${version ? fmt(version) : 'of unknown version'}.`) });
      }
      const recorded = await xmpResolution(file);
      const minDpi = options.minDpi ?? 200;
      for (let i = 0; i < pages.length; i++) {
        let drawn: Drawing;
        try {
          drawn = await readPage(file, pages[i]!);
        } catch {
          continue;
        }
        const box = await pageBoxOf(file, pages[i]!);
        const area = widthOf(box) * heightOf(box);
        const scans = drawn.images.filter((img) => widthOf(img.rect) * heightOf(img.rect) >= area * 0.5);
        for (const img of scans) {
          const dpiX = img.pixelWidth / (widthOf(img.rect) / 72);
          const dpiY = img.pixelHeight / (heightOf(img.rect) / 72);
          const dpi = Math.min(dpiX, dpiY);
          const at = { page: i, rect: img.rect };
          if (dpi < minDpi - 0.5) {
            add({ ...at, code: 'COPY_DPI', severity: 'error', message: m(`Trang ${i + 1}: ảnh quét có độ phân giải ${fmt(dpi, 0)} dpi, thấp hơn mức tối thiểu ${minDpi} dpi.`, `Page ${i + 1}: the scan is ${fmt(dpi, 0)} dpi, below the minimum of ${minDpi} dpi.`) });
          }
          if ((options.requireColour ?? true) && (img.components === 1 || img.bitsPerComponent === 1)) {
            add({ ...at, code: 'COPY_COLOUR', severity: 'error', message: m(`Trang ${i + 1}: ảnh quét phải là ảnh màu; ảnh này là ảnh ${img.bitsPerComponent === 1 ? 'đen trắng' : 'xám'}.`, `Page ${i + 1}: the scan must be in colour; this one is ${img.bitsPerComponent === 1 ? 'black and white' : 'greyscale'}.`) });
          }
          if (recorded && Math.abs(dpi - recorded) > recorded * 0.02) {
            add({ ...at, code: 'COPY_SCALE', severity: 'error', message: m(`Trang ${i + 1}: ảnh quét ${fmt(recorded, 0)} dpi được đặt ở tỉ lệ ${fmt((recorded / dpi) * 100, 0)} %, không phải 100 %.`, `Page ${i + 1}: the ${fmt(recorded, 0)} dpi scan is placed at ${fmt((recorded / dpi) * 100, 0)} %, not 100 %.`) });
          }
        }
      }
    }
  } catch (e) {
    // A structure too broken to follow (the verdicts above already fail): one located finding, never a throw.
    const msg = e instanceof PdfSignatureError ? { vi: e.vi, en: e.en } : m('cấu trúc không đọc được', 'unreadable structure');
    add({ code: 'DOCUMENT_UNREADABLE', severity: 'error', message: m(`Không kiểm tra hết được tài liệu PDF: ${msg.vi}`, `The PDF could not be checked completely: ${msg.en}`) });
  }

  return { findings, signatures: sigs.map((s) => ({ field: s.report.fieldName, kind: s.kind, verdict: s.report.verdict })), copy, report };
}

/** The findings of one severity or worse. */
export function hasErrors(check: Pick<Nd30Check, 'findings'>): boolean {
  return check.findings.some((f) => f.severity === 'error');
}


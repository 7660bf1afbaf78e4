/**
 * The clerk's issuing step (văn thư cấp số, as the Ban Cơ yếu plugin's `vgca_sign_issued` does): the number and the
 * date of issue written into the blanks the leader signed around, as locked FreeText annotations with a fixed
 * appearance (an embedded Vietnamese-capable font subset with ToUnicode, so the text shows and extracts). Page content
 * is never changed, so earlier signatures stay valid: validators see an annotation added after them (allowed when the
 * document is not certified, or certified with DocMDP P=3). See the README, "Number and date of issue".
 */
import { pdfError } from '../errors.js';
import { latin1Bytes } from '../pdf/bytes.js';
import { PdfFile } from '../pdf/file.js';
import { PdfArray, PdfDict, PdfStream, PdfString, arr, dict, name, textString, type PdfObject, type PdfRef } from '../pdf/objects.js';
import { IncrementalUpdate } from '../pdf/writer.js';
import { appendAnnots, docMdpPermission, issueNotAllowed, pdfDate, type IssueWriter } from '../sign/sign-pdf.js';
import { EmbeddedFont } from './font.js';
import { n, norm } from './layouts.js';

type Rect = readonly [number, number, number, number];

/** A blank to write into: `renderDocumentPdf(…).issueFields.number` / `.date` of `@egov-vn/document-pdf` fit as they are. */
export interface IssueField {
  /** 0-based page index. */
  readonly page: number;
  /** The blank, in default user space: [x1, y1, x2, y2], bottom at the line's descender, top at its ascender. */
  readonly rect: Rect;
  /** Font size (default 13 for the number, 14 for the date). */
  readonly size?: number;
  /** `italic` for the date (Phụ lục I: place and date are italic); default regular for the number, italic for the date. */
  readonly style?: 'regular' | 'italic';
}

export interface IssueOptions {
  /** The number as written in the blank before "/symbol", e.g. `05` (padDocumentNumber of `@egov-vn/schemas`). */
  readonly number?: string;
  /** The date of issue as written after the place name, e.g. `ngày 02 tháng 12 năm 2026` (`formatIssuedPlaceDate`). */
  readonly date?: string;
  /** Where they go (document-pdf's `issueFields`). A text without its field is an error, a field without text is left blank. */
  readonly fields: { readonly number?: IssueField; readonly date?: IssueField };
  /**
   * Times-compatible faces covering Vietnamese (TrueType bytes): `regular` for the number, `italic` for the date
   * (without it the regular face is slanted 12°). The package ships Liberation Serif Regular (`loadStampFont`).
   */
  readonly fonts: { readonly regular: Uint8Array; readonly italic?: Uint8Array };
}

/** Ascent and descent of Times-compatible faces as fractions of the size (Liberation Serif hhea), as document-pdf lays out. */
const DESCENT = 0.216;
/** Smallest scale a text is shrunk to when it is wider than its blank. */
const MIN_SCALE = 0.7;
/** Print, ReadOnly, Locked, LockedContents: printed, and not moved, deleted or edited by viewers. */
const FLAGS = 4 | 64 | 128 | 512;

interface Written {
  readonly page: number;
  readonly annot: PdfRef;
}

/**
 * The number and the date of issue for `signPdf(pdf, { issue: issueAnnotations({ … }) })`: one locked FreeText
 * annotation per text, written in the signature's own update. Errors (`ISSUE_FIELD`, `FONT_PARSE`) are raised when
 * signing, before anything is signed.
 */
export function issueAnnotations(issue: IssueOptions): IssueWriter {
  return (ctx) => writeIssueAnnotations(issue, { ...ctx, pageRef: (i) => ctx.file.pageAt(i) });
}

/**
 * The issuing step on its own, without a signature: writes the number and the date of issue in an incremental update,
 * for flows where the seal is applied by a signer that signs the whole file itself (the VGCA plugin,
 * `<egov-sign-dialog>`). The seal that follows covers it; the signatures before it stay valid. Prefer
 * `signPdf({ issue: issueAnnotations(…) })`, which writes them in the seal's own update. Refused (`SIGN_DOCMDP`) on a
 * document certified with P=1 or P=2.
 */
export async function issuePdf(pdf: Uint8Array, issue: IssueOptions, options: { readonly time?: Date; readonly timeZoneOffsetMinutes?: number } = {}): Promise<Uint8Array> {
  const file = await PdfFile.open(pdf);
  if (file.trailer.has('Encrypt')) throw pdfError('PDF_ENCRYPTED', 'Không hỗ trợ tệp PDF đã mã hoá', 'Encrypted PDFs are not supported');
  const mdp = await docMdpPermission(file, await file.catalog());
  if (mdp === 1 || mdp === 2) throw issueNotAllowed();
  const upd = new IncrementalUpdate(file);
  const add = (body: PdfObject | PdfStream): PdfRef => {
    const ref = upd.allocate();
    upd.set(ref, body);
    return ref;
  };
  const written = await writeIssueAnnotations(issue, { add, file, pageRef: (i) => file.pageAt(i), time: pdfDate(options.time ?? new Date(), options.timeZoneOffsetMinutes) });
  if (written.length === 0) return pdf;
  const byPage = new Map<number, PdfRef[]>();
  for (const w of written) byPage.set(w.page, [...(byPage.get(w.page) ?? []), w.annot]);
  for (const [index, added] of byPage) await appendAnnots(file, upd, (await file.pageAt(index))!, added);
  const { update } = upd.write();
  const out = new Uint8Array(pdf.length + update.length);
  out.set(pdf, 0);
  out.set(update, pdf.length);
  return out;
}

/** One annotation per text through `add`, returned with its page for the caller to append to the pages' /Annots. */
async function writeIssueAnnotations(
  issue: IssueOptions,
  ctx: { readonly add: (body: PdfObject | PdfStream) => PdfRef; readonly file: PdfFile; readonly pageRef: (index: number) => Promise<PdfRef | undefined>; readonly time: string },
): Promise<Written[]> {
  const items = (['number', 'date'] as const).flatMap((key) => {
    const text = issue[key]?.normalize('NFC').trim();
    if (!text) return [];
    const field = issue.fields[key];
    if (!field) {
      throw pdfError(
        'ISSUE_FIELD',
        key === 'number' ? 'Không biết chỗ ghi số văn bản (issue.fields.number)' : 'Không biết chỗ ghi ngày ban hành (issue.fields.date)',
        key === 'number' ? 'Where the number goes is missing (issue.fields.number)' : 'Where the date of issue goes is missing (issue.fields.date)',
      );
    }
    const r = norm(field.rect);
    if (!r.every((v) => Number.isFinite(v)) || r[2] - r[0] <= 0 || r[3] - r[1] <= 0) {
      throw pdfError('ISSUE_FIELD', `Chỗ ghi ${key === 'number' ? 'số' : 'ngày'} không hợp lệ: [${field.rect.join(' ')}]`, `The ${key} blank is not a valid rectangle: [${field.rect.join(' ')}]`);
    }
    return [{ key, text, field, rect: r }];
  });
  if (items.length === 0) return [];
  const regular = await EmbeddedFont.load(issue.fonts.regular);
  const italic = issue.fonts.italic ? await EmbeddedFont.load(issue.fonts.italic) : undefined;
  const shaped = items.map((item) => {
    const wantsItalic = (item.field.style ?? (item.key === 'date' ? 'italic' : 'regular')) === 'italic';
    const font = wantsItalic && italic ? italic : regular;
    return { ...item, font, slant: wantsItalic && !italic, run: font.shape(item.text) };
  });
  const refs = new Map<EmbeddedFont, PdfRef>();
  for (const s of shaped) if (!refs.has(s.font)) refs.set(s.font, await s.font.write(ctx.add));
  const out: Written[] = [];
  for (const s of shaped) {
    const pageRef = await ctx.pageRef(s.field.page);
    if (!pageRef) throw pdfError('ISSUE_FIELD', `Không có trang số ${s.field.page + 1}`, `There is no page ${s.field.page + 1}`);
    const [x1, y1, x2, y2] = s.rect;
    const w = x2 - x1;
    const h = y2 - y1;
    let size = s.field.size ?? (s.key === 'number' ? 13 : 14);
    const natural = (s.run.width * size) / 1000;
    if (natural > w) size *= Math.max(MIN_SCALE, w / natural);
    const width = (s.run.width * size) / 1000;
    // The number ends at the "/" of the symbol; the date starts after "Place, ".
    const x = s.key === 'number' ? Math.max(0, w - width) : 0;
    const y = size * DESCENT;
    const matrix = s.slant ? `1 0 0.2126 1 ${n(x)} ${n(y)}` : `1 0 0 1 ${n(x)} ${n(y)}`;
    const content = `q BT /F1 ${n(size)} Tf 0 g ${matrix} Tm <${s.run.hex}> Tj ET Q`;
    const ap = ctx.add(
      new PdfStream(dict({ Type: name('XObject'), Subtype: name('Form'), BBox: arr(0, 0, n4(w), n4(h)), Resources: new PdfDict([['Font', dict({ F1: refs.get(s.font)! })]]) }), latin1Bytes(content)),
    );
    const annot = ctx.add(
      dict({
        Type: name('Annot'),
        Subtype: name('FreeText'),
        Rect: PdfArray.of2([n4(x1), n4(y1), n4(x2), n4(y2)]),
        Contents: textString(s.text),
        NM: textString(`egov-issue-${s.key}`),
        M: new PdfString(latin1Bytes(ctx.time), false),
        F: FLAGS,
        P: pageRef,
        DA: new PdfString(latin1Bytes(`/F1 ${n(size)} Tf 0 g`), false),
        IT: name('FreeTextTypeWriter'),
        BS: dict({ W: 0 }),
        AP: dict({ N: ap }),
      }),
    );
    out.push({ page: s.field.page, annot });
  }
  return out;
}

function n4(v: number): number {
  return Math.round(v * 100) / 100;
}
